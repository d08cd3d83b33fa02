using System.Text;
using Microsoft.Net.Http.Headers;
using WikiViewer.Rendering.VariantMarkup;
using WikiViewer.Store;
using WikiViewer.Text;

namespace WikiViewer.Web;

/// <summary>
/// A display variant as zh.wikipedia offers it: the text as written, Simplified,
/// Traditional, or one region's script and vocabulary. Articles mix scripts as their
/// authors wrote them; a variant converts what the page shows, never its link targets,
/// so links and search work in every variant.
/// </summary>
/// <remarks>
/// OpenCC has no Singapore, Malaysia or Macau tables. Singapore and Malaysia write
/// Simplified with mainland vocabulary (软件, 网络), so zh-sg and zh-my convert as zh-cn;
/// Macau writes Traditional with Hong Kong's character forms, so zh-mo converts as
/// zh-hk. Each keeps its own code, so a <c>-{zh-sg:…}-</c> entry is still chosen first.
/// </remarks>
public sealed class ScriptVariant
{
    public static readonly ScriptVariant AsWritten = new("zh", "不转换", "zh", null, null);
    public static readonly ScriptVariant Simplified = new("zh-hans", "简体", "zh-Hans", OpenCcConverter.T2S, OpenCcConverter.T2S);
    public static readonly ScriptVariant Traditional = new("zh-hant", "繁體", "zh-Hant", OpenCcConverter.S2T, OpenCcConverter.S2T);

    // Mainland, Singapore, Malaysia: tw2sp reverses Taiwan's vocabulary (軟體 → 软件) and
    // character forms; on Simplified text it has little to do but convert what is Traditional.
    public static readonly ScriptVariant Mainland = new("zh-cn", "大陆简体", "zh-Hans-CN", OpenCcConverter.TW2SP, OpenCcConverter.TW2SP);
    public static readonly ScriptVariant Singapore = new("zh-sg", "新加坡简体", "zh-Hans-SG", OpenCcConverter.TW2SP, OpenCcConverter.TW2SP);
    public static readonly ScriptVariant Malaysia = new("zh-my", "大马简体", "zh-Hans-MY", OpenCcConverter.TW2SP, OpenCcConverter.TW2SP);

    // A Traditional source is not run through s2t again (it would read 公里 as 公裏 where
    // no phrase saves it): it goes from the other region's forms to OpenCC's standard,
    // then to this region's (hk2t, t2tw; tw2t, t2hk).
    public static readonly ScriptVariant Taiwan = new("zh-tw", "臺灣正體", "zh-Hant-TW", OpenCcConverter.S2TWP, OpenCcConverter.HK2T.Then(OpenCcConverter.T2TW));
    public static readonly ScriptVariant HongKong = new("zh-hk", "香港繁體", "zh-Hant-HK", OpenCcConverter.S2HK, OpenCcConverter.TW2T.Then(OpenCcConverter.T2HK));
    public static readonly ScriptVariant Macau = new("zh-mo", "澳門繁體", "zh-Hant-MO", OpenCcConverter.S2HK, OpenCcConverter.TW2T.Then(OpenCcConverter.T2HK));

    /// <summary>Every variant, in zh.wikipedia's menu order.</summary>
    public static readonly IReadOnlyList<ScriptVariant> All =
        [AsWritten, Simplified, Traditional, Mainland, HongKong, Macau, Malaysia, Singapore, Taiwan];

    private readonly OpenCcConverter? _fromSimplified;
    private readonly OpenCcConverter? _fromTraditional;

    private ScriptVariant(string code, string label, string languageTag, OpenCcConverter? fromSimplified, OpenCcConverter? fromTraditional)
    {
        Code = code;
        Label = label;
        LanguageTag = languageTag;
        _fromSimplified = fromSimplified;
        _fromTraditional = fromTraditional;
    }

    /// <summary>The code in URLs (<c>/zh-tw/…</c>), in the <c>variant</c> cookie and in <c>-{zh-tw:…}-</c> markup.</summary>
    public string Code { get; }

    /// <summary>The name the variant menu shows, in the variant's own script.</summary>
    public string Label { get; }

    /// <summary>BCP 47 tag for <c>lang</c> and <c>hreflang</c>: browsers pick glyph shapes and fonts from it.</summary>
    public string LanguageTag { get; }

    public override string ToString() => Code;

    /// <summary><c>zh</c>, <c>zh-hans</c>, <c>zh-tw</c>…; null for anything else.</summary>
    public static ScriptVariant? Parse(string? code)
    {
        foreach (var variant in All)
        {
            if (string.Equals(variant.Code, code, StringComparison.Ordinal))
            {
                return variant;
            }
        }

        return null;
    }

    /// <summary>
    /// The variant a browser's <c>Accept-Language</c> asks for: its most preferred Chinese
    /// tag decides (zh-TW → zh-tw, zh-Hant → zh-hant, zh-Hant-HK → zh-hk; plain zh → as
    /// written); null when no Chinese tag is there.
    /// </summary>
    public static ScriptVariant? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrEmpty(header) || !StringWithQualityHeaderValue.TryParseList([header], out var ranges))
        {
            return null;
        }

        // Highest quality first; equal qualities keep the header's order (OrderBy is stable).
        foreach (var range in ranges.Where(r => r.Quality is not 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var subtags = range.Value.Value?.Split('-') ?? [];
            if (subtags.Length == 0 || !subtags[0].Equals("zh", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? script = null;
            foreach (string subtag in subtags.AsSpan(1))
            {
                string tag = subtag.ToLowerInvariant();
                if (tag is "tw" or "hk" or "mo" or "cn" or "sg" or "my")
                {
                    return Parse("zh-" + tag);
                }

                if (tag is "hans" or "hant")
                {
                    script ??= "zh-" + tag;
                }
            }

            return script is null ? AsWritten : Parse(script);
        }

        return null;
    }

    /// <summary>Plain text in this variant (the caller HTML-encodes it as usual).</summary>
    public string Convert(string text) =>
        _fromSimplified is null ? text : (ChineseScript.LooksTraditional(text) ? _fromTraditional! : _fromSimplified).Convert(text);

    /// <summary>
    /// Well-formed HTML (Markdig output, search snippets) in this variant: the text between
    /// tags and what a reader sees of a tag (title, alt, aria-label) is converted; hrefs, ids
    /// and every other attribute stay as rendered.
    /// Text the article marked <c>-{…}-</c> stays as written, and of a
    /// <c>-{zh-hans:甲;zh-tw:乙}-</c> group only this variant's entry is kept.
    /// </summary>
    public string ConvertHtml(string html) =>
        ConverterFor(html) is { } converter ? ConvertHtml(html, converter) : html;

    // The rendering's variant markup decides which text is left as written.
    private string ConvertHtml(string html, Func<string, string> converter) => VariantHtml.Convert(html, Code, converter);

    /// <summary>
    /// The article as this variant shows it: its body, and how its own words outside the body
    /// (title, aliases, contents, categories) read, with the body's <c>-{H|…}-</c> rules and its
    /// script, so that the contents say what the headings say. Converted once per article and
    /// variant for as long as <paramref name="renders"/> keeps the result.
    /// </summary>
    public ShownArticle Show(Article article, RenderCache renders)
    {
        if (this == AsWritten)
        {
            return new ShownArticle(renders.BodyHtml(article), static text => text);
        }

        var converted = renders.GetOrAdd(
            RenderKey.For(Code, article),
            (Variant: this, Article: article, Renders: renders),
            static s => s.Variant.ConvertBody(s.Renders.BodyHtml(s.Article)),
            static c => c.BodyUtf8.Length);
        return new ShownArticle(converted.BodyUtf8, converted.Text);
    }

    // Converting a body costs time in proportion to its length; converting on each request
    // would redo that for every reader (docs/benchmarks.md, "Display variant: converted
    // bodies kept within the render budget"). A page wants both: the HTML is decoded, its
    // script read and its rules parsed once. Kept as UTF-8, as the body is (its links are ASCII).
    private ConvertedBody ConvertBody(byte[] htmlUtf8)
    {
        string html = Encoding.UTF8.GetString(htmlUtf8);
        var converter = ConverterFor(html)!;
        return new ConvertedBody(Encoding.UTF8.GetBytes(ConvertHtml(html, converter)), VariantHtml.TextConverter(html, Code, converter));
    }

    private sealed record ConvertedBody(byte[] BodyUtf8, Func<string, string> Text);

    // The source decides the chain, run by run: articles mix scripts by section (a
    // Traditional quotation in a Simplified article, whole paragraphs copied from another
    // page), and running Traditional text through s2t would damage it (范 → 範, 里 → 裏).
    // A run with no telling character goes the way of the whole text.
    private Func<string, string>? ConverterFor(string whole)
    {
        if (_fromSimplified is null)
        {
            return null;
        }

        OpenCcConverter fromSimplified = _fromSimplified, fromTraditional = _fromTraditional!;
        if (fromSimplified == fromTraditional)
        {
            return fromSimplified.Convert;
        }

        bool traditional = ChineseScript.LooksTraditional(whole);
        return run =>
        {
            int lean = ChineseScript.TraditionalLean(run);
            return (lean > 0 || (lean == 0 && traditional) ? fromTraditional : fromSimplified).Convert(run);
        };
    }
}

/// <summary>An article as a display variant shows it.</summary>
/// <param name="BodyUtf8">The body's HTML, converted, as UTF-8.</param>
/// <param name="Text">How the article's own words outside the body read: with the body's rules, in its script.</param>
public sealed record ShownArticle(byte[] BodyUtf8, Func<string, string> Text);

public static class ScriptVariants
{
    /// <summary>
    /// The reader's remembered choice, set by the variant menu (<c>/variant</c>, wwwroot/js/variant.js).
    /// Not HttpOnly: the script sets it too.
    /// </summary>
    public const string CookieName = "variant";

    /// <summary>The query key that carries a variant on pages other than articles (<c>/search?q=…&amp;variant=zh-tw</c>), as MediaWiki's.</summary>
    public const string QueryKey = "variant";

    /// <summary>The route value of <c>/{variant}/{title}</c>.</summary>
    public const string RouteKey = "variant";

    private static readonly object ChosenKey = new();
    private static readonly object InUrlKey = new();

    /// <summary>
    /// The variant a request is shown in: the one in its URL (<c>/zh-tw/…</c> or
    /// <c>?variant=</c>), else the <c>variant</c> cookie, else the browser's
    /// <c>Accept-Language</c>, else the text as written. Unknown values are ignored.
    /// </summary>
    public static ScriptVariant Of(HttpContext context)
    {
        if (context.Items.TryGetValue(ChosenKey, out var chosen))
        {
            return (ScriptVariant)chosen!;
        }

        var request = context.Request;
        var variant = InUrl(context)
            ?? ScriptVariant.Parse(request.Cookies[CookieName])
            ?? ScriptVariant.FromAcceptLanguage(request.Headers.AcceptLanguage)
            ?? ScriptVariant.AsWritten;
        context.Items[ChosenKey] = variant;
        return variant;
    }

    /// <summary>The variant the URL names, if any: links on the page then keep it (<see cref="VariantLinks"/>).</summary>
    public static ScriptVariant? InUrl(HttpContext context)
    {
        if (context.Items.TryGetValue(InUrlKey, out var named))
        {
            return (ScriptVariant?)named;
        }

        var variant = ScriptVariant.Parse(context.GetRouteValue(RouteKey) as string)
            ?? (context.Request.Query.TryGetValue(QueryKey, out var values) ? ScriptVariant.Parse(values) : null);
        context.Items[InUrlKey] = variant;
        return variant;
    }
}
