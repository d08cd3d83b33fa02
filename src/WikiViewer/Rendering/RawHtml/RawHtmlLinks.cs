using WikiViewer.Titles;

namespace WikiViewer.Rendering.RawHtml;

/// <summary>
/// Resolves an <c>href</c> left in raw HTML the way a Markdown link is resolved:
/// <c>../Page/X.md</c> and zh.wikipedia article URLs go to the canonical
/// <c>/wiki/Title</c> (or a red link when the store lacks it), categories to
/// <c>/category/…</c>, other namespaces and languages to the original wiki;
/// <c>#fragment</c>, the viewer's own paths and http(s) stay. Anything else
/// (javascript:, data:, //host, /etc/passwd …) is no link: null.
/// </summary>
public sealed class RawHtmlLinks(TitleIndex titles)
{
    public HtmlLink? Resolve(string href)
    {
        href = href.Trim();
        if (href.Length == 0)
        {
            return null;
        }

        switch (WikiLinkTarget.Parse(href))
        {
            case { Kind: WikiLinkKind.Article, Name.Length: 0, Fragment: { } fragment }:
                return new HtmlLink("#" + Uri.EscapeDataString(fragment.Replace(' ', '_')));
            case { Kind: WikiLinkKind.Article } target:
                string? title = titles.Resolve(target.Name, out string key);
                return title is not null
                    ? new HtmlLink(WikiUrls.Article(title, target.Fragment), title, BacklinkKey: key)
                    : new HtmlLink(WikiUrls.Article(TitleKey.Tidy(target.Name)), $"{TitleKey.Tidy(target.Name)}（页面不存在）", Missing: true, BacklinkKey: key);
            case { Kind: WikiLinkKind.Category } target:
                return new HtmlLink(WikiUrls.Category(target.Name), "Category:" + target.Name);
            case { Kind: WikiLinkKind.Interlanguage } target:
                return new HtmlLink(Languages.ArticleUrl(target.Prefix!, target.Name, target.Fragment), External: true);
            case { Kind: WikiLinkKind.OtherNamespace } target:
                return new HtmlLink(IsHttp(href) ? href : WikiUrls.Original(target.Name), External: true);
        }

        if (href.StartsWith('#'))
        {
            return new HtmlLink(href);
        }

        if (href.StartsWith("/wiki/", StringComparison.Ordinal) || href.StartsWith("/category/", StringComparison.Ordinal))
        {
            return href.Contains('\\') ? null : new HtmlLink(href);
        }

        return IsHttp(href) ? new HtmlLink(href, External: true) : null;
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
