// The 简体/繁體 toggle in the header. Without this script each choice is a link
// to /variant, which sets the cookie and redirects back; with it the same cookie
// is set here and the page reloads in place, keeping the reader's scroll position.
(function () {
  "use strict";

  var YEAR_SECONDS = 365 * 24 * 60 * 60;

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-variant]") : null;
    // A modified click (new tab, download) goes through /variant as a plain link.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;

    event.preventDefault();
    var value = link.getAttribute("data-variant");
    var attributes = "; path=/; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
    // "zh" is the text as written: no cookie at all, as on a first visit.
    document.cookie = value === "zh"
      ? "variant=" + attributes + "; max-age=0"
      : "variant=" + value + attributes + "; max-age=" + YEAR_SECONDS;
    location.reload();
  });
})();
