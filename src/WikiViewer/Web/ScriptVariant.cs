using System.Runtime.CompilerServices;
using System.Text;
using WikiViewer.Loading;
using WikiViewer.Rendering.VariantMarkup;
using WikiViewer.Text;
using WikiViewer.Store;

namespace WikiViewer.Web;

/// <summary>
/// The script a reader chose with the 简体/繁體 toggle, as zh.wikipedia offers it.
/// Articles mix both scripts as their authors wrote them; a variant converts
/// what the page shows, never its URLs, so links and search work in both.
/// </summary>
public enum ScriptVariant
{
    AsWritten,
    Simplified,
    Traditional,
}

public static class ScriptVariants
{
    /// <summary>
    /// The only per-reader state a page depends on (besides path and query), so
    /// an output cache can key on it. Not HttpOnly: wwwroot/js/variant.js sets it too.
    /// </summary>
    public const string CookieName = "variant";

    public const string SimplifiedValue = "zh-hans";
    public const string TraditionalValue = "zh-hant";

    /// <summary>The variant the <c>variant</c> cookie asks for; anything unknown shows the text as written.</summary>
    public static ScriptVariant Of(HttpContext context) => Parse(context.Request.Cookies[CookieName]) ?? ScriptVariant.AsWritten;

    /// <summary><c>zh-hans</c>, <c>zh-hant</c>, or <c>zh</c> (as written); null for anything else.</summary>
    public static ScriptVariant? Parse(string? value) => value switch
    {
        SimplifiedValue => ScriptVariant.Simplified,
        TraditionalValue => ScriptVariant.Traditional,
        "zh" => ScriptVariant.AsWritten,
        _ => null,
    };

    /// <summary>The cookie value; null means "no cookie".</summary>
    public static string? CookieValue(this ScriptVariant variant) => variant switch
    {
        ScriptVariant.Simplified => SimplifiedValue,
        ScriptVariant.Traditional => TraditionalValue,
        _ => null,
    };

    /// <summary>BCP 47 tag for the page: browsers pick Simplified or Traditional glyph shapes and fonts from it.</summary>
    public static string LanguageTag(this ScriptVariant variant) => variant switch
    {
        ScriptVariant.Simplified => "zh-Hans",
        ScriptVariant.Traditional => "zh-Hant",
        _ => "zh",
    };

    /// <summary>Plain text in the chosen script (the caller HTML-encodes it as usual).</summary>
    public static string Convert(this ScriptVariant variant, string text) => variant switch
    {
        ScriptVariant.Simplified => ChineseConverter.ToSimplified(text),
        ScriptVariant.Traditional => ChineseConverter.ToTraditional(text),
        _ => text,
    };

    /// <summary>
    /// Well-formed HTML (Markdig output, search snippets) in the chosen script:
    /// only the text between tags is converted, so hrefs, ids and attribute
    /// values stay exactly as rendered. Entities are ASCII and pass through.
    /// Text the article marked <c>-{…}-</c> stays as written, and of a
    /// <c>-{zh-hans:甲;zh-hant:乙}-</c> group only the variant's entry is kept.
    /// </summary>
    public static string ConvertHtml(this ScriptVariant variant, string html)
    {
        if (variant == ScriptVariant.AsWritten)
        {
            return html;
        }

        // The rendering's variant markup decides which text is left as written.
        return VariantHtml.Convert(html, variant == ScriptVariant.Simplified ? SimplifiedValue : TraditionalValue, text => variant.Convert(text));
    }

    /// <summary>The article body in the chosen script, converted once per article and variant.</summary>
    public static string ArticleHtml(this ScriptVariant variant, Article article) =>
        variant == ScriptVariant.AsWritten ? article.Html : ConvertedArticles.GetValue(article, a => new ConvertedHtml(a)).Get(variant);

    // Converting a body costs time in proportion to its length; converting on each
    // request would redo that for every reader (docs/benchmarks.md, "Display variant:
    // converted bodies kept"). Keyed weakly by the article, so
    // a cache entry lives exactly as long as the store that holds the article,
    // and only the articles someone read in a variant are ever converted.
    private static readonly ConditionalWeakTable<Article, ConvertedHtml> ConvertedArticles = new();

    private sealed class ConvertedHtml(Article article)
    {
        private readonly Lazy<string> _simplified = new(() => ScriptVariant.Simplified.ConvertHtml(article.Html));
        private readonly Lazy<string> _traditional = new(() => ScriptVariant.Traditional.ConvertHtml(article.Html));

        public string Get(ScriptVariant variant) => variant == ScriptVariant.Simplified ? _simplified.Value : _traditional.Value;
    }
}
