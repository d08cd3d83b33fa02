using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using WikiViewer.Rendering.References;

namespace WikiViewer.Rendering;

/// <summary>One article rendered: its body HTML and what was learned on the way.</summary>
internal sealed record RenderedArticle(string Html, string PlainText, ArticleMetadata Metadata);

/// <summary>Renders an article's Markdown through the wiki pipeline.</summary>
internal static class ArticleRenderer
{
    public static RenderedArticle Render(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);
        var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        pipeline.Setup(renderer);
        renderer.Render(document);
        html.Flush();

        // Search indexes what a reader reads: no URLs, no markup, no reference list.
        var text = new StringBuilder(markdown.Length / 2);
        InlineText.AppendBlocks(text, document, block => block is ReferenceListBlock);
        return new RenderedArticle(html.ToString(), text.ToString(), ArticleMetadata.Of(document));
    }

    /// <summary>
    /// The article as escaped text, a paragraph per blank-line-separated block:
    /// what the reader gets when the pipeline fails on a file (Markdig refuses
    /// some pathological inputs) rather than no page at all.
    /// </summary>
    public static RenderedArticle RenderPlain(string markdown)
    {
        var html = new StringBuilder(markdown.Length + (markdown.Length / 8));
        foreach (string paragraph in markdown.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        return new RenderedArticle(html.ToString(), markdown, new ArticleMetadata());
    }
}
