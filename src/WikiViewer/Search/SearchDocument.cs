namespace WikiViewer.Search;

/// <summary>
/// What the search engine sees of one article. <see cref="Text"/> is plain text,
/// paragraphs separated by '\n', read from <see cref="Body"/>: a string held as it is
/// (the index keeps a reference, never a copy), or a text in a mapped store snapshot,
/// read when asked (a snippet, about 20 documents a query).
/// </summary>
public sealed record SearchDocument(string Title, IReadOnlyList<string> Aliases, IReadOnlyList<string> Categories, DocumentText Body)
{
    /// <summary>A document whose text is held as a string.</summary>
    public SearchDocument(string title, IReadOnlyList<string> aliases, IReadOnlyList<string> categories, string text)
        : this(title, aliases, categories, DocumentText.Of(text))
    {
    }

    /// <summary>The plain text; read from the mapping on each access when it is not held as a string.</summary>
    public string Text => Body.Read();
}
