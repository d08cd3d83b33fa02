// The variant menu in the header. Without this script each choice is a link to
// /variant, which sets the cookie and redirects to the page in that variant; with
// it the same cookie is set here and the browser goes straight to that page
// (data-href), keeping the place in the page (its fragment).
(function () {
  "use strict";

  var YEAR_SECONDS = 365 * 24 * 60 * 60;

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-variant]") : null;
    // A modified click (new tab, download) goes through /variant as a plain link.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;

    event.preventDefault();
    var attributes = "; path=/; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
    document.cookie = "variant=" + link.getAttribute("data-variant") + attributes + "; max-age=" + YEAR_SECONDS;
    var target = link.getAttribute("data-href") || location.pathname + location.search;
    var here = location.pathname + location.search;
    // Same address (as written, chosen from /wiki/…): the cookie alone changes the page.
    if (target === here) location.reload();
    else location.assign(target + location.hash);
  });
})();
