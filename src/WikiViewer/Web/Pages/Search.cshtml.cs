using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WikiViewer.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Loading;
using WikiViewer.Search;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>/search: "Go" to an exact title or alias, else ranked full-text results.</summary>
[EnableRateLimiting(RateLimiting.SearchPolicy)]
public sealed class SearchModel(ArticleStore store) : PageModel
{
    public SearchRequest Query { get; private set; } = new("", 0, SearchRequest.DefaultLimit);

    public SearchResults Results { get; private set; } = SearchResults.Empty;

    public ArticleStore Store => store;

    public async Task<IActionResult> OnGetAsync(string? q, string? offset, string? limit, string? fulltext)
    {
        if (!SearchRequest.TryParse(q, offset, limit, out var request, out string error))
        {
            return this.BadRequestPage(error);
        }

        Query = request;
        ViewData["Query"] = request.Query;
        if (request.IsEmpty)
        {
            return Page();
        }

        // Wikipedia's "Go": a name that is exactly a title or alias opens the article.
        if (fulltext != "1" && store.Find(request.Query) is { } article)
        {
            return Redirect(article.Url);
        }

        Results = await store.Search.SearchAsync(request.Query, request.Offset, request.Limit, HttpContext.RequestAborted);
        return Page();
    }

    public string PageUrl(int offset) =>
        $"/search?q={Uri.EscapeDataString(Query.Query)}&fulltext=1&offset={offset}" +
        (Query.Limit == SearchRequest.DefaultLimit ? "" : $"&limit={Query.Limit}");
}
