using System.Net;
using System.Text;
using Markdig;
using WikiViewer.Rendering.References;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering;

/// <summary>One article rendered: its body HTML and what was learned on the way.</summary>
internal sealed record RenderedArticle(byte[] HtmlUtf8, string PlainText, ArticleMetadata Metadata)
{
    public string Html => Encoding.UTF8.GetString(HtmlUtf8);
}

/// <summary>Renders an article's Markdown through the wiki pipeline.</summary>
internal static class ArticleRenderer
{
    // One writer per loader thread, reused: the load renders every article, and
    // a fresh builder and string per page were gigabytes of garbage at 100,000.
    [ThreadStatic]
    private static StringWriter? t_html;

    [ThreadStatic]
    private static StringBuilder? t_text;

    [ThreadStatic]
    private static Encoder? t_utf8;

    public static RenderedArticle Render(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);
        return new RenderedArticle(HtmlOf(document, pipeline), PlainTextOf(document), ArticleMetadata.Of(document));
    }

    private static byte[] HtmlOf(Markdig.Syntax.MarkdownDocument document, MarkdownPipeline pipeline)
    {
        var html = t_html ??= new StringWriter();
        html.GetStringBuilder().Clear();
        document.ToHtml(html, pipeline);
        return Utf8Of(html.GetStringBuilder());
    }

    // Search indexes what a reader reads: no URLs, no markup, no reference list.
    private static string PlainTextOf(Markdig.Syntax.MarkdownDocument document)
    {
        var text = t_text ??= new StringBuilder();
        text.Clear();
        InlineText.AppendBlocks(text, document, static block => block is ReferenceListBlock);
        return text.ToString();
    }

    private static byte[] Utf8Of(StringBuilder builder)
    {
        var encoder = t_utf8 ??= Encoding.UTF8.GetEncoder();
        encoder.Reset();
        int count = 0;
        foreach (var chunk in builder.GetChunks())
        {
            count += encoder.GetByteCount(chunk.Span, flush: false);
        }

        count += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        byte[] bytes = GC.AllocateUninitializedArray<byte>(count);
        int written = 0;
        foreach (var chunk in builder.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        }

        encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return bytes;
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

        return new RenderedArticle(Encoding.UTF8.GetBytes(html.ToString()), markdown, new ArticleMetadata());
    }
}
