using WikiViewer.Search;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>The 404 page for a title the collection lacks: who links to it and which articles mention it.</summary>
/// <param name="Title">The title asked for, tidied.</param>
/// <param name="OriginalUrl">The title on zh.wikipedia.org, where it may exist.</param>
/// <param name="LinkedFrom">The first of the pages that link to the title (<see cref="LinkingPages.Shown"/> at most).</param>
/// <param name="AllLinkedFromUrl">The whole list, paged, when there are more than shown.</param>
/// <param name="HitTotal">How many articles mention the title; <paramref name="Hits"/> are the first of them.</param>
/// <param name="AllHitsUrl">The full-text search for the title, when there are more hits than shown.</param>
public sealed record MissingArticleView(
    string Title,
    string OriginalUrl,
    IReadOnlyList<ArticleLink> LinkedFrom,
    int LinkedFromCount,
    string? AllLinkedFromUrl,
    int HitTotal,
    IReadOnlyList<SearchHitView> Hits,
    string? AllHitsUrl)
{
    public static MissingArticleView From(string title, LinkingPages linkedFrom, SearchResults hits, ArticleStore store) =>
        new(
            title,
            WikiUrls.Original(title),
            linkedFrom.FirstShown(),
            linkedFrom.Count,
            linkedFrom.AllUrl(title),
            hits.Total,
            [.. hits.Hits.Select(hit => SearchHitView.From(hit, store))],
            hits.Total > hits.Hits.Count ? WikiUrls.Search(title) + "&fulltext=1" : null);
}
