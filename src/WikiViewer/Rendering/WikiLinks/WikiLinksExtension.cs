using System.Collections.Concurrent;
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

    private readonly TitleIndex _titles;

    // Analysing, a name is resolved once per load, not once per link: there are
    // many times more links than names, and folding a name (TitleKey) costs more
    // than looking it up here. The same goes for a whole link target:
    // ../Page/X.md without a fragment means the same wherever it stands, so it is
    // parsed once. Rendering for readers remembers nothing: at a million articles
    // the names of random pages rarely repeat, and a table of them was the heap's
    // main traffic from young to old (docs/benchmarks.md, "Pages: link names
    // resolved afresh on view"). Null when rewriting.
    private readonly ConcurrentDictionary<string, ResolvedName>? _names;
    private readonly ConcurrentDictionary<string, ResolvedName>? _pageUrls;

    // When only analysing (the load), links are resolved for their keys and counts
    // but not rewritten: that changes no text, only HTML, which waits for a reader.
    private readonly bool _rewrite;

    public WikiLinksExtension(TitleIndex titles, bool rewrite = true)
    {
        _titles = titles;
        _rewrite = rewrite;
        if (!rewrite)
        {
            // Sized for about one target per name up front: growing, a concurrent dictionary
            // takes every lock and copies every entry, thirteen times on the way to 170,000.
            int capacity = Math.Max(31, titles.TitleCount + titles.AliasCount);
            _names = new(Environment.ProcessorCount, capacity, StringComparer.Ordinal);
            _pageUrls = new(Environment.ProcessorCount, capacity, StringComparer.Ordinal);
        }
    }

    /// <summary>Names and targets remembered now.</summary>
    internal int Remembered => (_names?.Count ?? 0) + (_pageUrls?.Count ?? 0);

    /// <summary>
    /// A link name resolved: the canonical title (null for a red link), the backlink key,
    /// and, when links are rewritten, its URL and the link's tooltip.
    /// </summary>
    private sealed record ResolvedName(string? Title, string Key, string? Url, string? Tooltip);

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void Process(MarkdownDocument document)
    {
        var metadata = ArticleMetadata.Of(document);

        // Analysing, autolinks are left alone: they are not collected at all.
        var (links, autolinks) = _rewrite
            ? MarkdownWalk.Inlines<LinkInline, AutolinkInline>(document)
            : (MarkdownWalk.Inlines<LinkInline>(document), []);
        foreach (var link in links)
        {
            if (link.IsImage)
            {
                RewriteImage(link); // changes the text: the image becomes its label
            }
            else if (_rewrite)
            {
                RewriteLink(link, metadata);
            }
            else
            {
                CountLink(link, metadata);
            }
        }

        foreach (var autolink in autolinks)
        {
            RewriteAutolink(autolink);
        }
    }

    /// <summary>What <see cref="RewriteLink"/> records about a link, without rewriting it.</summary>
    private void CountLink(LinkInline link, ArticleMetadata metadata)
    {
        string? url = link.Url;
        if (url is null)
        {
            return;
        }

        if (_pageUrls!.TryGetValue(url, out var known))
        {
            Count(known, metadata);
        }
        else if (WikiLinkTarget.Parse(url) is { Kind: WikiLinkKind.Article, Name.Length: > 0 } target)
        {
            Count(NameOf(url, target), metadata);
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

    // Analysing only: the name resolved once, and the whole target remembered with it.
    private ResolvedName NameOf(string url, WikiLinkTarget target)
    {
        if (!_names!.TryGetValue(target.Name, out var name))
        {
            name = Resolve(target.Name);
            _names.TryAdd(target.Name, name);
        }

        if (target.Fragment is null)
        {
            _pageUrls!.TryAdd(url, name);
        }

        return name;
    }

    private static void LinkTo(LinkInline link, ResolvedName name, string? fragment, ArticleMetadata metadata)
    {
        Count(name, metadata);
        link.Url = fragment is null || name.Title is null ? name.Url! : WikiUrls.Article(name.Title, fragment);
        link.Title = name.Tooltip;
        if (name.Title is null)
        {
            link.GetAttributes().AddClass("new");
        }
    }

    // Analysing, the load only counts links: their URLs and tooltips would be
    // strings kept (and copied by the collector) until the load ends.
    private ResolvedName Resolve(string name)
    {
        string? title = _titles.Resolve(name, out string key);
        if (!_rewrite)
        {
            return new ResolvedName(title, key, null, null);
        }

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
