namespace WikiViewer.Search;

/// <summary>
/// One page of hits. <see cref="Total"/> is the number of matching documents: exact, or,
/// when <see cref="TotalIsEstimate"/>, estimated (a common term in a large collection).
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, bool TotalIsEstimate = false)
{
    public static SearchResults Empty { get; } = new(0, []);
}

/// <summary>
/// A matching document. <see cref="Snippet"/> is HTML-escaped text in which the only
/// markup is <c>&lt;mark&gt;</c> around the matched words. Higher <see cref="Score"/> ranks first.
/// </summary>
public sealed record SearchHit(int DocumentId, double Score, string Snippet);

/// <summary>
/// A title or alias that starts with the typed prefix. <see cref="Name"/> is the
/// document's own title or alias string; <see cref="IsAlias"/> says it is a redirect name.
/// </summary>
public sealed record TitleSuggestion(int DocumentId, string Name, bool IsAlias);
