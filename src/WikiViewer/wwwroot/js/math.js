// Typesets the TeX of articles with KaTeX. The server writes each formula as
// <span class="math inline|display">TeX</span>, readable as it is without this
// script. KaTeX (270 KB) is fetched only by pages that have a formula: the
// layout names its files in an inert <template id="katex">, which the static
// export rewrites like any other link, and this script loads them from there.
(function () {
  "use strict";

  var formulas = document.querySelectorAll(".math");
  var assets = document.getElementById("katex");
  if (formulas.length === 0 || !assets || !assets.content) return;

  var url = function (selector, attribute) {
    var element = assets.content.querySelector(selector);
    return element ? new URL(element.getAttribute(attribute), document.baseURI).href : null;
  };

  var stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = url("link", "href");
  document.head.appendChild(stylesheet);

  var script = document.createElement("script");
  script.src = url("script", "src");
  script.onload = function () {
    formulas.forEach(function (formula) {
      var tex = formula.textContent;
      try {
        // render builds the DOM and sets styles through the CSSOM, which the
        // Content-Security-Policy allows; renderToString would write style="…".
        katex.render(tex, formula, {
          displayMode: formula.classList.contains("display"),
          throwOnError: false,
          output: "htmlAndMathml",
        });
        formula.classList.add("typeset");
        formula.setAttribute("data-tex", tex);
      } catch (error) {
        formula.textContent = tex;
      }
    });
  };
  document.head.appendChild(script);
})();
