using WikiViewer.Search;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>The search page: the query as typed and, for a query, one page of ranked hits with the pager's links.</summary>
/// <param name="First">The position of the first hit on this page, from 1.</param>
/// <param name="TotalIsEstimate">Whether <paramref name="Total"/> is an estimate, shown as "about N".</param>
public sealed record SearchView(
    string Query,
    bool IsEmpty,
    int Total,
    bool TotalIsEstimate,
    int First,
    IReadOnlyList<SearchHitView> Hits,
    string? PreviousUrl,
    string? NextUrl)
{
    /// <summary>The position of the last hit on this page.</summary>
    public int Last => First - 1 + Hits.Count;

    public static SearchView From(SearchRequest request, SearchResults results, ArticleStore store) =>
        new(
            request.Query,
            request.IsEmpty,
            results.Total,
            results.TotalIsEstimate,
            request.Offset + 1,
            [.. results.Hits.Select(hit => SearchHitView.From(hit, store))],
            request.Offset > 0 ? PageUrl(request, Math.Max(0, request.Offset - request.Limit)) : null,
            request.Offset + request.Limit < results.Total ? PageUrl(request, request.Offset + request.Limit) : null);

    private static string PageUrl(SearchRequest request, int offset) =>
        $"/search?q={Uri.EscapeDataString(request.Query)}&fulltext=1&offset={offset}" +
        (request.Limit == SearchRequest.DefaultLimit ? "" : $"&limit={request.Limit}");
}
