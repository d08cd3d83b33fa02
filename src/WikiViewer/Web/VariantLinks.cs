using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WikiViewer.Web;

/// <summary>
/// URLs in a variant, as zh.wikipedia writes them: an article as <c>/zh-tw/{title}</c>,
/// any other page with <c>?variant=zh-tw</c>. A page reached by such a URL keeps its
/// variant in every link it shows, so a shared link reads the same for whoever opens it
/// and stays so as they follow links, cookie or not.
/// </summary>
public static class VariantLinks
{
    private const string ArticlePrefix = "/wiki/";

    /// <summary>
    /// <paramref name="url"/> (a path on this site, as the pages write it) in <paramref name="variant"/>;
    /// anything else (external, fragment, static file, <c>/variant</c>) unchanged.
    /// </summary>
    public static string Href(string url, ScriptVariant variant)
    {
        if (url.StartsWith(ArticlePrefix, StringComparison.Ordinal))
        {
            return "/" + variant.Code + url[(ArticlePrefix.Length - 1)..];
        }

        return IsPageInQuery(url) ? WithQueryVariant(url, variant) : url;
    }

    /// <summary>A URL on this site that keeps the variant the request's URL names, if any (redirects).</summary>
    public static string Keep(HttpContext context, string url) =>
        ScriptVariants.InUrl(context) is { } variant ? Href(url, variant) : url;

    /// <summary>
    /// What rendered HTML goes through so that its links keep the variant the request's URL
    /// names; null when the URL names none, so that a page writes its body's HTML as it is,
    /// never made into a string (<see cref="Utf8Html"/>).
    /// </summary>
    public static Func<string, string>? KeepingInHtml(HttpContext context) =>
        ScriptVariants.InUrl(context) is { } variant ? html => RewriteHtml(html, variant) : null;

    /// <summary>
    /// This page's URL (<paramref name="pathAndQuery"/>, as the reader asked for it) in every
    /// variant, in the order of <see cref="ScriptVariant.All"/>: what the variant menu and the
    /// <c>hreflang</c> alternates link to. As written (<c>zh</c>) is the plain URL, <c>/wiki/…</c>
    /// with no variant.
    /// </summary>
    public static string[] SwitchAll(string pathAndQuery)
    {
        string plain = WithoutVariant(pathAndQuery);
        var all = ScriptVariant.All;
        string[] urls = new string[all.Count];
        for (int i = 0; i < urls.Length; i++)
        {
            urls[i] = all[i] == ScriptVariant.AsWritten ? plain : Href(plain, all[i]);
        }

        return urls;
    }

    /// <summary>The URL with no variant in it: <c>/zh-tw/X</c> → <c>/wiki/X</c>, <c>?variant=</c> removed.</summary>
    private static string WithoutVariant(string pathAndQuery)
    {
        foreach (var variant in ScriptVariant.All)
        {
            // "/{code}/" at the start.
            string code = variant.Code;
            if (pathAndQuery.Length > code.Length + 1 && pathAndQuery[0] == '/' && pathAndQuery[code.Length + 1] == '/'
                && pathAndQuery.AsSpan(1, code.Length).SequenceEqual(code))
            {
                return string.Concat(ArticlePrefix, pathAndQuery.AsSpan(code.Length + 2));
            }
        }

        int query = pathAndQuery.IndexOf('?');
        if (query < 0)
        {
            return pathAndQuery;
        }

        var kept = pathAndQuery[(query + 1)..].Split('&')
            .Where(pair => pair.Length > 0 && !pair.Equals(ScriptVariants.QueryKey, StringComparison.Ordinal)
                && !pair.StartsWith(ScriptVariants.QueryKey + "=", StringComparison.Ordinal))
            .ToArray();
        return kept.Length == 0 ? pathAndQuery[..query] : pathAndQuery[..query] + "?" + string.Join('&', kept);
    }

    /// <summary>Every <c>href="/…"</c> of rendered HTML (an article body) through <see cref="Href"/>.</summary>
    public static string RewriteHtml(string html, ScriptVariant variant)
    {
        const string Attribute = "href=\"/";
        int at = html.IndexOf(Attribute, StringComparison.Ordinal);
        if (at < 0)
        {
            return html;
        }

        var rewritten = new StringBuilder(html.Length + 256);
        int copied = 0;
        for (; at >= 0; at = html.IndexOf(Attribute, at + 1, StringComparison.Ordinal))
        {
            int start = at + Attribute.Length - 1;
            int end = html.IndexOf('"', start);
            if (end < 0)
            {
                break;
            }

            // Attribute values are HTML-escaped; the URLs the rendering writes hold no '&'
            // before their query, and a query's '&' stays "&amp;" once the variant is added.
            string url = html[start..end];
            string href = Href(url.Replace("&amp;", "&"), variant).Replace("&", "&amp;");
            if (href != url)
            {
                rewritten.Append(html, copied, start - copied).Append(href);
                copied = end;
            }
        }

        return copied == 0 ? html : rewritten.Append(html, copied, html.Length - copied).ToString();
    }

    // Pages other than articles: the home page, categories, backlinks, search, a random article.
    private static bool IsPageInQuery(string url) =>
        url == "/" || url.StartsWith("/?", StringComparison.Ordinal)
        || url.StartsWith("/category/", StringComparison.Ordinal)
        || url.StartsWith("/backlinks/", StringComparison.Ordinal)
        || url.StartsWith("/search", StringComparison.Ordinal) && (url.Length == 7 || url[7] is '?' or '#')
        || url == "/random";

    private static string WithQueryVariant(string url, ScriptVariant variant)
    {
        int hash = url.IndexOf('#');
        string fragment = hash < 0 ? "" : url[hash..];
        string path = hash < 0 ? url : url[..hash];
        return path + (path.Contains('?') ? "&" : "?") + ScriptVariants.QueryKey + "=" + variant.Code + fragment;
    }
}

/// <summary>
/// Writes every <c>&lt;a href&gt;</c> of the pages through <see cref="VariantLinks.Href"/> when
/// the request's URL names a variant; otherwise leaves it exactly as written.
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
public sealed class VariantLinkTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public string? Href { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // href="@null" writes no attribute, as Razor does without a tag helper.
        if (Href is { } href)
        {
            output.Attributes.SetAttribute("href", ScriptVariants.InUrl(ViewContext.HttpContext) is { } variant ? VariantLinks.Href(href, variant) : href);
        }
    }
}
