using System.Text;
using Markdig;
using WikiViewer.Rendering;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// An article's body HTML, rendered the first time a page needs it and kept from
/// then on. Until then the store holds the article's Markdown as UTF-8, which is
/// about the size of its HTML: the load runs every rendering pass (links,
/// categories, the text search indexes) but leaves writing the HTML, a large
/// part of the load's time, to the first reader (docs/benchmarks.md, "Load: HTML
/// written on first view"). A store read from a snapshot reads that Markdown, or an
/// HTML the snapshot was written with, in place from the mapped file (<see cref="MappedContent"/>).
/// </summary>
public sealed class ArticleBody
{
    private readonly BodyRenderer? _renderer;
    private readonly string _file = "";
    private readonly MappedItem? _mapped;
    private readonly bool _mappedIsHtml;
    private byte[]? _markdownUtf8;
    private byte[]? _htmlUtf8;

    internal ArticleBody(byte[] markdownUtf8, string file, BodyRenderer renderer)
    {
        _markdownUtf8 = markdownUtf8;
        _file = file;
        _renderer = renderer;
    }

    /// <summary>A body whose HTML is already known (an article the pipeline failed on: its text, escaped).</summary>
    internal ArticleBody(byte[] htmlUtf8) => _htmlUtf8 = htmlUtf8;

    /// <summary>
    /// A body in a mapped snapshot: its Markdown, rendered on first view and kept as any
    /// other, or its HTML (<paramref name="isHtml"/>), copied out on each view and not
    /// kept, so that serving every page does not bring the region into the heap.
    /// </summary>
    internal ArticleBody(MappedItem mapped, bool isHtml, string file, BodyRenderer renderer)
    {
        _mapped = mapped;
        _mappedIsHtml = isHtml;
        _file = file;
        _renderer = renderer;
    }

    /// <summary>Whether the HTML has been rendered yet.</summary>
    public bool IsRendered => _mappedIsHtml || Volatile.Read(ref _htmlUtf8) is not null;

    /// <summary>The HTML as UTF-8; for a body whose HTML is in a mapped snapshot, a fresh copy on each access.</summary>
    public byte[] HtmlUtf8 => Volatile.Read(ref _htmlUtf8) ?? (_mappedIsHtml ? MappedHtml() : RenderOnce());

    /// <summary>
    /// What the body holds now, for the snapshot: its Markdown while it waits for its
    /// first reader (<paramref name="isHtml"/> false), else its HTML.
    /// </summary>
    internal ReadOnlySpan<byte> Content(out bool isHtml)
    {
        if (Volatile.Read(ref _htmlUtf8) is { } rendered)
        {
            isHtml = true;
            return rendered;
        }

        if (_mapped is not null)
        {
            if (_mapped.TryRead(_file, "body", out var bytes))
            {
                isHtml = _mappedIsHtml;
                return bytes;
            }

            isHtml = true;
            return HtmlUtf8;
        }

        // A reader may render it meanwhile: the HTML is published before the Markdown is let go.
        byte[]? markdown = Volatile.Read(ref _markdownUtf8);
        byte[]? html = Volatile.Read(ref _htmlUtf8);
        isHtml = markdown is null || html is not null;
        return isHtml ? html ?? Volatile.Read(ref _htmlUtf8)! : markdown!;
    }

    // Two first readers may both render; the result is the same and one is kept.
    private byte[] RenderOnce()
    {
        byte[]? markdown = Volatile.Read(ref _markdownUtf8);
        byte[] html;
        if (markdown is not null)
        {
            html = _renderer!.Render(markdown, _file);
        }
        else if (_mapped is null)
        {
            return Volatile.Read(ref _htmlUtf8)!; // rendered meanwhile: the HTML was published before the Markdown was let go
        }
        else
        {
            html = _mapped.TryRead(_file, "body", out var mapped) ? _renderer!.Render(mapped, _file) : FromSource();
        }

        byte[] kept = Interlocked.CompareExchange(ref _htmlUtf8, html, null) ?? html;
        Volatile.Write(ref _markdownUtf8, null);
        return kept;
    }

    private byte[] MappedHtml()
    {
        if (_mapped!.TryRead(_file, "body", out var html))
        {
            return html.ToArray();
        }

        byte[] rendered = FromSource();
        return Interlocked.CompareExchange(ref _htmlUtf8, rendered, null) ?? rendered;
    }

    // The snapshot's copy did not match its checksum (logged): the source file, rendered as the load would.
    private byte[] FromSource() => _renderer!.Render(_mapped!.Content.SourceUtf8(_file), _file);
}

/// <summary>Renders bodies on first view, with a pipeline that resolves links against the loaded names.</summary>
internal sealed class BodyRenderer(TitleIndex titles, ILogger logger)
{
    private readonly Lazy<MarkdownPipeline> _pipeline = new(() => WikiMarkdown.CreatePipeline(titles));
    private readonly Lazy<MarkdownPipeline> _analysis = new(() => WikiMarkdown.CreateAnalysisPipeline(titles));

    public byte[] Render(ReadOnlySpan<byte> markdownUtf8, string file) => Render(Encoding.UTF8.GetString(markdownUtf8), file).HtmlUtf8;

    /// <summary>The plain text the load gives an article, for one whose snapshot copy is damaged.</summary>
    public string PlainText(string markdown, string file)
    {
        try
        {
            return ArticleRenderer.Analyze(markdown, _analysis.Value).PlainText;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return AsPlainText(markdown, file, e).PlainText;
        }
    }

    public RenderedArticle Render(string markdown, string file)
    {
        try
        {
            return ArticleRenderer.Render(markdown, _pipeline.Value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return AsPlainText(markdown, file, e);
        }
    }

    /// <summary>
    /// The page of a file the pipeline failed on, at load or on first view: its names
    /// are registered (links to this title resolve), so it still gets one, its text escaped.
    /// </summary>
    public RenderedArticle AsPlainText(string markdown, string file, Exception failure)
    {
        logger.LogWarning("{File} could not be rendered ({Reason}); it is shown as plain text", file, $"{failure.GetType().Name}: {failure.Message}");
        return ArticleRenderer.RenderPlain(markdown);
    }
}
