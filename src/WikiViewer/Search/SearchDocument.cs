namespace WikiViewer.Search;

/// <summary>
/// What the search engine sees of one article. <see cref="Text"/> is plain text,
/// paragraphs separated by '\n'. The index keeps references to these strings
/// (snippets are cut from <see cref="Text"/>), so they are never copied.
/// </summary>
public sealed record SearchDocument(string Title, IReadOnlyList<string> Aliases, IReadOnlyList<string> Categories, string Text);
