// Article pages: reference previews and the table of contents.
(function () {
  "use strict";

  // Hovering or focusing a [n] marker shows its reference beside it, as on
  // Wikipedia, so the reader need not jump to the list and back. Without this
  // script the marker is still a link to the entry.
  var markers = document.querySelectorAll(".article-body sup.reference a[href^='#cite_note-']");
  if (markers.length > 0) {
    var preview = document.createElement("div");
    preview.id = "reference-preview";
    preview.className = "reference-preview";
    preview.setAttribute("role", "tooltip");
    preview.hidden = true;
    document.body.appendChild(preview);

    var current = null;
    var hideTimer = 0;

    var show = function (link) {
      var entry = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!entry) return;
      clearTimeout(hideTimer);
      var text = entry.querySelector(".reference-text") || entry;
      var copy = text.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
      var number = document.createElement("span");
      number.className = "reference-preview-number";
      number.textContent = link.textContent;
      preview.textContent = "";
      preview.appendChild(number);
      preview.appendChild(copy);
      preview.hidden = false;
      if (current && current !== link) current.removeAttribute("aria-describedby");
      current = link;
      link.setAttribute("aria-describedby", preview.id);
      place(link);
    };

    // Below the marker and starting at it, or above it when there is no room
    // below; never past the sides of the viewport (phones are 360 px wide).
    var place = function (link) {
      var box = link.getBoundingClientRect();
      var viewportWidth = document.documentElement.clientWidth;
      var width = preview.offsetWidth;
      var height = preview.offsetHeight;
      var left = Math.max(8, Math.min(box.left - 12, viewportWidth - width - 8));
      var top = box.bottom + 6;
      if (top + height > window.innerHeight && box.top - height - 6 >= 0) top = box.top - height - 6;
      preview.style.left = left + window.scrollX + "px";
      preview.style.top = top + window.scrollY + "px";
    };

    var hide = function () {
      clearTimeout(hideTimer);
      preview.hidden = true;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
    };

    // A short grace period lets the pointer cross from the marker into the
    // preview (to select text or follow a link in it) without it vanishing.
    var hideSoon = function () {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    };

    markers.forEach(function (link) {
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("blur", hideSoon);
      link.addEventListener("click", hide);
    });
    preview.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", hideSoon);
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  }

  // The contents are a <details>: collapsed above the text on a phone. On a
  // narrow screen, choosing a section closes it again so the text is in view.
  var toc = document.querySelector(".toc details");
  if (toc) {
    var narrow = window.matchMedia("(max-width: 63.999rem)");
    toc.addEventListener("click", function (event) {
      if (narrow.matches && event.target instanceof Element && event.target.closest("a[href^='#']")) toc.open = false;
    });
  }
})();
