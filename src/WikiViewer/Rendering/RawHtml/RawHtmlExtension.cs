using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using System.Text.RegularExpressions;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.RawHtml;

/// <summary>
/// Renders the HTML the converter left where pandoc had no Markdown (tables with
/// rowspan, <c>&lt;br&gt;</c>, <c>&lt;sup&gt;</c>, spans …) as a reader expects,
/// through an allowlist (<see cref="RawHtmlSanitizer"/>). Only the HTML fragments
/// are sanitized, not whole pages, and only when a page is rendered: a load
/// (which writes no HTML) pays just the parse.
/// An HTML block is sanitized whole. Inline tags come from Markdig one by one,
/// around the Markdown between them; they are paired here: an allowed inline
/// opening tag with its closing tag in the same run of inlines survives, any
/// other (unknown, block-level, unbalanced, comments) is dropped, its text kept.
/// Links resolve through <c>resolveLink</c> (the host's, like Markdown links).
/// </summary>
public sealed partial class RawHtmlExtension(Func<string, HtmlLink?> resolveLink) : IMarkdownExtension
{
    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase) { "br", "wbr" };

    private readonly RawHtmlSanitizer _sanitizer = new(resolveLink);

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // The reader the pipeline starts from disables HTML, so that raw HTML is
        // never live without this extension: put the HTML parsers back.
        if (!pipeline.BlockParsers.Contains<HtmlBlockParser>())
        {
            int index = pipeline.BlockParsers.FindIndex(p => p is FencedCodeBlockParser);
            pipeline.BlockParsers.Insert(index < 0 ? 0 : index, new HtmlBlockParser());
        }

        if (pipeline.InlineParsers.Find<AutolinkInlineParser>() is { } autolinks)
        {
            autolinks.Options.EnableHtmlParsing = true;
        }

        pipeline.DocumentProcessed += PairInlineTags;
        pipeline.DocumentProcessed += CountLinks;
    }

    /// <summary>
    /// Files the article links the raw HTML holds (tables of the converter's lists are
    /// full of them) as the WikiLinks rule files Markdown ones: for "链接到本页的页面"
    /// and the load's link counts.
    /// </summary>
    private void CountLinks(MarkdownDocument document)
    {
        ArticleMetadata? metadata = null;
        foreach (var block in MarkdownWalk.Blocks<HtmlBlock>(document))
        {
            string html = block.Lines.ToString();
            if (html.Contains("href", StringComparison.OrdinalIgnoreCase))
            {
                foreach (Match href in Href().Matches(html))
                {
                    Count(href.Groups["url"].Value, metadata ??= ArticleMetadata.Of(document));
                }
            }
        }

        foreach (string tag in document.GetData(typeof(RawTagInline)) as List<string> ?? [])
        {
            if (Href().Match(tag) is { Success: true } href)
            {
                Count(href.Groups["url"].Value, metadata ??= ArticleMetadata.Of(document));
            }
        }
    }

    private void Count(string href, ArticleMetadata metadata)
    {
        if (resolveLink(System.Net.WebUtility.HtmlDecode(href)) is { BacklinkKey: { } key } link)
        {
            metadata.LinkKeys.Add(key);
            if (link.Missing)
            {
                metadata.MissingLinks++;
            }
            else
            {
                metadata.ResolvedLinks++;
            }
        }
    }

    [GeneratedRegex("""\bhref\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HtmlBlockRenderer>(new SafeHtmlBlockRenderer(_sanitizer));
            html.ObjectRenderers.ReplaceOrAdd<HtmlInlineRenderer>(new DroppedHtmlInlineRenderer());
            html.ObjectRenderers.AddIfNotAlready(new RawTagRenderer(_sanitizer));
        }
    }

    private static void PairInlineTags(MarkdownDocument document)
    {
        List<string>? anchors = null;
        foreach (var tag in MarkdownWalk.Inlines<HtmlInline>(document))
        {
            if (tag.Tag.StartsWith("<a", StringComparison.OrdinalIgnoreCase))
            {
                (anchors ??= []).Add(tag.Tag);
            }

            if (tag.Parent is { } parent && tag.GetData(typeof(RawHtmlExtension)) is null)
            {
                PairChildren(parent);
            }
        }

        if (anchors is not null)
        {
            document.SetData(typeof(RawTagInline), anchors); // the inline links CountLinks files
        }
    }

    /// <summary>Pairs the tags among one container's children; every HtmlInline there is replaced or removed.</summary>
    private static void PairChildren(ContainerInline container)
    {
        var open = new List<RawTagInline>();
        var tags = new List<HtmlInline>();
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is HtmlInline html)
            {
                html.SetData(typeof(RawHtmlExtension), true);
                tags.Add(html);
            }
        }

        foreach (var html in tags)
        {
            if (html.Parent is null)
            {
                continue; // removed with a script's content
            }

            var tag = RawTag.Parse(html.Tag);
            if (tag is { Closing: false, SelfClosing: false } && RawHtmlSanitizer.DroppedWithContent.Contains(tag.Value.Name))
            {
                RemoveThroughClosing(html, tag.Value.Name);
                continue;
            }

            if (tag is null || !RawHtmlSanitizer.InlineTags.Contains(tag.Value.Name))
            {
                html.Remove();
                continue;
            }

            var (name, closing, selfClosing) = tag.Value;
            if (VoidTags.Contains(name))
            {
                html.ReplaceBy(new RawTagInline(html.Tag, name, opening: null));
            }
            else if (closing)
            {
                int match = open.FindLastIndex(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (match < 0)
                {
                    html.Remove();
                    continue;
                }

                // Tags opened after the match and not closed are dropped.
                for (int i = open.Count - 1; i > match; i--)
                {
                    open[i].Remove();
                }

                var opening = open[match];
                open.RemoveRange(match, open.Count - match);
                opening.Paired = true;
                html.ReplaceBy(new RawTagInline(html.Tag, name, opening));
            }
            else if (selfClosing)
            {
                html.Remove();
            }
            else
            {
                var opening = new RawTagInline(html.Tag, name, opening: null);
                html.ReplaceBy(opening);
                open.Add(opening);
            }
        }

        foreach (var unclosed in open)
        {
            unclosed.Remove();
        }
    }

    /// <summary>A script or style inline goes with its content, up to its closing tag in the same run (if any).</summary>
    private static void RemoveThroughClosing(HtmlInline open, string name)
    {
        string close = "</" + name;
        for (var next = open.NextSibling; next is not null; next = next.NextSibling)
        {
            if (next is HtmlInline html && html.Tag.StartsWith(close, StringComparison.OrdinalIgnoreCase))
            {
                while (open.NextSibling != html)
                {
                    open.NextSibling!.Remove();
                }

                html.Remove();
                break;
            }
        }

        open.Remove();
    }

    private sealed class SafeHtmlBlockRenderer(RawHtmlSanitizer sanitizer) : HtmlObjectRenderer<HtmlBlock>
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock block)
        {
            if (block.Type is HtmlBlockType.Comment or HtmlBlockType.ProcessingInstruction or HtmlBlockType.DocumentType or HtmlBlockType.CData)
            {
                return;
            }

            string safe = sanitizer.Sanitize(block.Lines.ToString());
            if (safe.Length > 0)
            {
                renderer.EnsureLine();
                renderer.WriteLine(safe);
            }
        }
    }

    /// <summary>An HtmlInline the pairing did not vet (none should reach here) writes nothing.</summary>
    private sealed class DroppedHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline obj)
        {
        }
    }

    private sealed class RawTagRenderer(RawHtmlSanitizer sanitizer) : HtmlObjectRenderer<RawTagInline>
    {
        protected override void Write(HtmlRenderer renderer, RawTagInline tag)
        {
            if (tag.Opening is { } opening)
            {
                if (opening.Written)
                {
                    renderer.Write("</").Write(tag.Name.ToLowerInvariant()).Write('>');
                }

                return;
            }

            string safe = sanitizer.SanitizeOpenTag(tag.Tag, tag.Name);
            tag.Written = safe.Length > 0;
            renderer.Write(safe);
        }
    }
}

/// <summary>An inline tag that survived pairing: an opening or void tag, or the closing tag of <see cref="Opening"/>.</summary>
internal sealed class RawTagInline(string tag, string name, RawTagInline? opening) : LeafInline
{
    public string Tag { get; } = tag;

    public string Name { get; } = name;

    public RawTagInline? Opening { get; } = opening;

    public bool Paired { get; set; }

    /// <summary>Whether the opening tag was written (the sanitizer may still drop it); its closing tag follows suit.</summary>
    public bool Written { get; set; }
}

/// <summary>The name of an inline tag and whether it closes or closes itself; null for comments and the like.</summary>
internal static class RawTag
{
    public static (string Name, bool Closing, bool SelfClosing)? Parse(string tag)
    {
        if (tag.Length < 3 || tag[0] != '<')
        {
            return null;
        }

        bool closing = tag[1] == '/';
        int start = closing ? 2 : 1;
        int end = start;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }

        if (end == start || !char.IsAsciiLetter(tag[start]))
        {
            return null;
        }

        return (tag[start..end], closing, !closing && tag.EndsWith("/>", StringComparison.Ordinal));
    }
}
