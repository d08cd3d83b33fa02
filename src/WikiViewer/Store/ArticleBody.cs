using System.Text;
using Markdig;
using WikiViewer.Rendering;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// An article's body in its store's content region: the HTML the load rendered, as UTF-8,
/// copied out on each access; rendered again from its source file only when the store's
/// copy does not match its checksum. Rendering at load costs the load little, as it runs
/// every pass anyway, and spares each first view the parse (docs/benchmarks.md, "Store:
/// bodies kept as HTML"). The body keeps nothing: it is made afresh with its article, and
/// pages read it through <see cref="RenderCache"/>, which keeps what was read within a budget.
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

    /// <summary>The HTML as UTF-8, copied out on each access.</summary>
    public byte[] HtmlUtf8 =>
        _items.TryRead(_index, _file, "body", out var bytes)
            ? bytes.ToArray()
            // The store's copy did not match its checksum (logged): the source file, rendered as the load would.
            : _renderer.Render(_items.Region.SourceUtf8(_file), _file).HtmlUtf8;
}

/// <summary>Renders an article from its source, resolving links against the loaded names: at load, and for a damaged store's item.</summary>
internal sealed class BodyRenderer(TitleIndex titles, ILogger logger)
{
    private readonly Lazy<MarkdownPipeline> _pipeline = new(() => WikiMarkdown.CreatePipeline(titles));

    /// <summary>
    /// The article's HTML, text and metadata. A file the pipeline fails on (Markdig refuses
    /// some pathological inputs) is shown as its text, escaped (logged): its names are
    /// registered, links to its title resolve, so it still gets a page.
    /// </summary>
    public RenderedArticle Render(ReadOnlySpan<byte> markdownUtf8, string file)
    {
        string markdown = Encoding.UTF8.GetString(markdownUtf8);
        try
        {
            return ArticleRenderer.Render(markdown, _pipeline.Value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning("{File} could not be rendered ({Reason}); it is shown as plain text", file, $"{e.GetType().Name}: {e.Message}");
            return ArticleRenderer.RenderPlain(markdown);
        }
    }
}
