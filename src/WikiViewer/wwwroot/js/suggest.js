// Title suggestions under every search box, from /api/suggest (OpenSearch
// suggestions format). Progressive enhancement: without this script the form
// still submits to /search.
(function () {
  "use strict";

  var DELAY_MS = 120;
  // A page whose URL names a variant (/zh-tw/…) asks for suggestions in it; otherwise
  // the cookie or Accept-Language decides, as for the page itself.
  var named = document.documentElement.getAttribute("data-variant");
  var variant = named ? "&variant=" + encodeURIComponent(named) : "";

  function enhance(form, index) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;

    var list = document.createElement("ul");
    list.id = "suggestions-" + index;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.classList.add("has-suggestions");
    form.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var active = -1;
    var timer = 0;
    var latest = "";

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(next) {
      var items = options();
      if (items.length === 0) return;
      active = (next + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function show(data) {
      close();
      var titles = data[1] || [], descriptions = data[2] || [], urls = data[3] || [];
      if (titles.length === 0) return;
      titles.forEach(function (title, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var link = document.createElement("a");
        link.href = urls[i];
        link.tabIndex = -1;
        var name = document.createElement("span");
        name.className = "suggestion-title";
        name.textContent = title;
        link.appendChild(name);
        if (descriptions[i]) {
          var description = document.createElement("span");
          description.className = "suggestion-description";
          description.textContent = descriptions[i];
          link.appendChild(description);
        }
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      latest = query;
      if (query === "") { close(); return; }
      fetch("/api/suggest?q=" + encodeURIComponent(query) + variant, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && query === latest) show(data); })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(options()[active].querySelector("a").href);
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("form[role=search]").forEach(enhance);

  // "/" focuses the search box, as on Wikipedia, unless the reader is typing.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var input = document.querySelector("header form[role=search] input[name=q]");
      if (input) { event.preventDefault(); input.focus(); }
    }
  });
})();
