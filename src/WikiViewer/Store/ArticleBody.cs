using System.Text;
using Markdig;
using WikiViewer.Rendering;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// An article's body in its store's content region: its Markdown, rendered to HTML each
/// time <see cref="HtmlUtf8"/> is read, or, for a file the pipeline failed on, its HTML,
/// copied out. The load runs every rendering pass (links, categories, the text search
/// indexes) but leaves writing the HTML, a large part of the load's time, to the reader
/// (docs/benchmarks.md, "Load: HTML written on first view"). The body keeps nothing: it is
/// made afresh with its article, and pages read it through <see cref="RenderCache"/>, which
/// keeps what was read within a budget.
/// </summary>
public sealed class ArticleBody
{
    private readonly ContentItems _items;
    private readonly int _index;
    private readonly string _file;
    private readonly BodyRenderer _renderer;

    internal ArticleBody(ContentItems items, int index, string file, BodyRenderer renderer)
    {
        _items = items;
        _index = index;
        _file = file;
        _renderer = renderer;
    }

    /// <summary>The store the body is of (its content region): what it renders to is kept per store.</summary>
    internal object Store => _items.Region;

    /// <summary>Whether the store holds the body's HTML rather than its Markdown.</summary>
    public bool IsHtml => _items.Kind(_index) == ContentKind.Html;

    /// <summary>The HTML as UTF-8, rendered (or copied out) on each access.</summary>
    public byte[] HtmlUtf8
    {
        get
        {
            if (!_items.TryRead(_index, _file, "body", out var bytes))
            {
                // The store's copy did not match its checksum (logged): the source file, rendered as the load would.
                return _renderer.Render(_items.Region.SourceUtf8(_file), _file);
            }

            return IsHtml ? bytes.ToArray() : _renderer.Render(bytes, _file);
        }
    }
}

/// <summary>Renders bodies on first view, with a pipeline that resolves links against the loaded names.</summary>
internal sealed class BodyRenderer(TitleIndex titles, ILogger logger)
{
    private readonly Lazy<MarkdownPipeline> _pipeline = new(() => WikiMarkdown.CreatePipeline(titles));
    private readonly Lazy<MarkdownPipeline> _analysis = new(() => WikiMarkdown.CreateAnalysisPipeline(titles));

    public byte[] Render(ReadOnlySpan<byte> markdownUtf8, string file)
    {
        string markdown = Encoding.UTF8.GetString(markdownUtf8);
        try
        {
            return ArticleRenderer.RenderHtml(markdown, _pipeline.Value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return AsPlainText(markdown, file, e).HtmlUtf8;
        }
    }

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
