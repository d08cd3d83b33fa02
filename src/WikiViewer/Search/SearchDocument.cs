namespace WikiViewer.Search;

/// <summary>
/// What the search engine sees of one article. <see cref="Text"/> is plain text,
/// paragraphs separated by '\n'. The index keeps references to these strings
/// (snippets are cut from <see cref="Text"/>), so they are never copied; a document
/// made by <see cref="Of"/> keeps its <see cref="DocumentText"/> instead and decodes
/// the text when asked (a snippet, about 20 documents a query).
/// </summary>
public sealed record SearchDocument(string Title, IReadOnlyList<string> Aliases, IReadOnlyList<string> Categories, string Text)
{
    private readonly string _text = Text;
    private DocumentText? _source;

    /// <summary>A document whose text is read from <paramref name="text"/> each time it is asked for.</summary>
    public static SearchDocument Of(string title, IReadOnlyList<string> aliases, IReadOnlyList<string> categories, DocumentText text) =>
        text.Held is { } held
            ? new SearchDocument(title, aliases, categories, held)
            : new SearchDocument(title, aliases, categories, (string)null!) { _source = text };

    /// <summary>The plain text; decoded on each access for a document made by <see cref="Of"/> from a text not held as a string.</summary>
    public string Text
    {
        get => _source?.Read() ?? _text;
        init
        {
            _text = value;
            _source = null;
        }
    }
}
