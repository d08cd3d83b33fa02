using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering.WikiLinks;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Titles;

namespace WikiViewer.Rendering.Trailer;

/// <summary>
/// Takes category membership (<c>[Category:X](…/wiki/Category:X)</c>) and
/// interlanguage links (<c>[uk:X](…/wiki/uk:X)</c>) out of the running text:
/// MediaWiki shows them apart from the article, and so do we.
/// </summary>
public sealed class TrailerExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Process(MarkdownDocument document)
    {
        var metadata = ArticleMetadata.Of(document);
        var touched = new HashSet<LeafBlock>();
        foreach (var link in MarkdownWalk.Inlines<LinkInline>(document))
        {
            if (link.IsImage || TargetOf(link.Url) is not { } target || !IsMembership(link, target))
            {
                continue;
            }

            if (target.Kind == WikiLinkKind.Category)
            {
                string name = string.Join(' ', target.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (name.Length > 0 && !metadata.Categories.Contains(name))
                {
                    metadata.Categories.Add(name);
                }
            }
            else
            {
                metadata.Languages.Add(ToInterlanguageLink(target));
            }

            if (FindLeaf(link) is { } leaf)
            {
                touched.Add(leaf);
            }

            link.Remove();
        }

        foreach (var leaf in touched)
        {
            if (string.IsNullOrWhiteSpace(InlineText.Of(leaf)))
            {
                leaf.Parent?.Remove(leaf);
                metadata.HadTrailer = true;
            }
        }
    }

    // A category or language target names a namespace: its path holds a colon,
    // or an escape that may decode to one. Most links (../Page/X.md) hold
    // neither and are not parsed here at all.
    private static WikiLinkTarget? TargetOf(string? url) =>
        url is not null && url.AsSpan().IndexOfAny(':', '%') >= 0 ? WikiLinkTarget.Parse(url) : null;

    // A link that reads "Category:X" is membership; one with other text
    // (from [[:Category:X|…]]) is an ordinary link to the category page.
    private static bool IsMembership(LinkInline link, WikiLinkTarget target) =>
        target.Kind is WikiLinkKind.Category or WikiLinkKind.Interlanguage
        && InlineText.Of(link).TrimStart().StartsWith(target.Prefix + ":", StringComparison.OrdinalIgnoreCase);

    private static InterlanguageLink ToInterlanguageLink(WikiLinkTarget target)
    {
        string title = target.Fragment is null ? target.Name : $"{target.Name}#{target.Fragment.Replace('_', ' ')}";
        string code = target.Prefix!;
        return new InterlanguageLink(code, Languages.NameOf(code), title, Languages.ArticleUrl(code, target.Name, target.Fragment));
    }

    private static LeafBlock? FindLeaf(Inline inline)
    {
        var container = inline.Parent;
        while (container?.Parent is { } parent)
        {
            container = parent;
        }

        return container?.ParentBlock;
    }
}
