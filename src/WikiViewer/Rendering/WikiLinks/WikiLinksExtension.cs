using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Loading;
using WikiViewer.Rendering.Trailer;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Titles;

namespace WikiViewer.Rendering.WikiLinks;

/// <summary>
/// Resolves every link against the store, as MediaWiki does when it renders:
/// a target the store has becomes a link to its canonical title, one it lacks
/// a red link (<c>class="new"</c>) to the 404 page, an external URL an external
/// link. Targets that are not http, https, mailto or internal lose their link.
/// </summary>
public sealed class WikiLinksExtension : IMarkdownExtension
{
    private const string ExternalRel = "nofollow noopener";

    // Nothing is remembered between articles: at a million articles the names of
    // random pages rarely repeat, and a table of them was the heap's main traffic
    // from young to old (docs/benchmarks.md, "Pages: link names resolved afresh on
    // view"); the load, which renders every article once, was no slower without it.
    private readonly TitleIndex _titles;

    public WikiLinksExtension(TitleIndex titles) => _titles = titles;

    /// <summary>A link name resolved: the canonical title (null for a red link), the backlink key, its URL and the link's tooltip.</summary>
    private readonly record struct ResolvedName(string? Title, string Key, string Url, string Tooltip);

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void Process(MarkdownDocument document)
    {
        var metadata = ArticleMetadata.Of(document);
        var (links, autolinks) = MarkdownWalk.Inlines<LinkInline, AutolinkInline>(document);
        foreach (var link in links)
        {
            if (link.IsImage)
            {
                RewriteImage(link);
            }
            else
            {
                RewriteLink(link, metadata);
            }
        }

        foreach (var autolink in autolinks)
        {
            RewriteAutolink(autolink);
        }
    }

    private static void Count(ResolvedName name, ArticleMetadata metadata)
    {
        metadata.LinkKeys.Add(name.Key);
        if (name.Title is not null)
        {
            metadata.ResolvedLinks++;
        }
        else
        {
            metadata.MissingLinks++;
        }
    }

    private void RewriteLink(LinkInline link, ArticleMetadata metadata)
    {
        link.Title = null;
        switch (WikiLinkTarget.Parse(link.Url))
        {
            case { Kind: WikiLinkKind.Article, Name.Length: 0 } target:
                link.Url = "#" + Uri.EscapeDataString(target.Fragment!.Replace(' ', '_'));
                break;
            case { Kind: WikiLinkKind.Article } target:
                LinkTo(link, Resolve(target.Name), target.Fragment, metadata);
                break;
            case { Kind: WikiLinkKind.Category } target:
                link.Url = WikiUrls.Category(target.Name);
                link.Title = "Category:" + target.Name;
                break;
            case { Kind: WikiLinkKind.Interlanguage } target:
                MakeExternal(link, Languages.ArticleUrl(target.Prefix!, target.Name, target.Fragment));
                break;
            // ../Page/File:X.md is not a page here either: it goes to the original.
            case { Kind: WikiLinkKind.OtherNamespace } target:
                MakeExternal(link, SafeUrl.IsAllowedExternal(link.Url) ? link.Url! : WikiUrls.Original(target.Name));
                break;
            case null when link.Url is { } url && url.StartsWith('#'):
                break;
            case null when SafeUrl.IsAllowedExternal(link.Url):
                MakeExternal(link, link.Url!);
                break;
            default:
                Unwrap(link);
                break;
        }
    }

    private static void LinkTo(LinkInline link, ResolvedName name, string? fragment, ArticleMetadata metadata)
    {
        Count(name, metadata);
        link.Url = fragment is null || name.Title is null ? name.Url : WikiUrls.Article(name.Title, fragment);
        link.Title = name.Tooltip;
        if (name.Title is null)
        {
            link.GetAttributes().AddClass("new");
        }
    }

    private ResolvedName Resolve(string name)
    {
        string? title = _titles.Resolve(name, out string key);
        string shown = title ?? TitleKey.Tidy(name);
        return new ResolvedName(title, key, WikiUrls.Article(shown), title ?? $"{shown}（页面不存在）");
    }

    private static void MakeExternal(LinkInline link, string url)
    {
        link.Url = url;
        var attributes = link.GetAttributes();
        attributes.AddClass("external");
        attributes.AddPropertyIfNotExist("rel", ExternalRel);
    }

    private static void RewriteAutolink(AutolinkInline autolink)
    {
        if (!autolink.IsEmail && !SafeUrl.IsAllowedExternal(autolink.Url))
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
            return;
        }

        var attributes = autolink.GetAttributes();
        attributes.AddClass("external");
        attributes.AddPropertyIfNotExist("rel", ExternalRel);
    }

    // An offline reader does not fetch remote images (nor may its CSP): the
    // image becomes a link to it, labelled with its description.
    private static void RewriteImage(LinkInline image)
    {
        string alt = InlineText.Of(image).Trim();
        string label = alt.Length > 0 ? $"[图片：{alt}]" : "[图片]";
        if (SafeUrl.IsAllowedExternal(image.Url))
        {
            var link = new LinkInline(image.Url!, "");
            link.AppendChild(new LiteralInline(label));
            MakeExternal(link, image.Url!);
            image.ReplaceBy(link, copyChildren: false);
        }
        else
        {
            image.ReplaceBy(new LiteralInline(label), copyChildren: false);
        }
    }

    private static void Unwrap(LinkInline link)
    {
        Inline anchor = link;
        while (link.FirstChild is { } child)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }
}

/// <summary>Which external targets a link may keep.</summary>
internal static class SafeUrl
{
    public static bool IsAllowedExternal(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
}
