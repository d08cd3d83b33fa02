using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using WikiViewer.Search;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>/search: "Go" to an exact title or alias, else ranked full-text results.</summary>
[EnableRateLimiting(RateLimiting.SearchPolicy)]
public sealed class SearchModel(ArticleStore store) : PageModel
{
    /// <summary>Set by <see cref="OnGetAsync"/> before the page renders.</summary>
    public SearchView Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? q, string? offset, string? limit, string? fulltext)
    {
        if (!SearchRequest.TryParse(q, offset, limit, out var request, out string error))
        {
            return this.BadRequestPage(error);
        }

        ViewData["Query"] = request.Query;
        var results = SearchResults.Empty;
        if (!request.IsEmpty)
        {
            // Wikipedia's "Go": a name that is exactly a title or alias opens the article.
            // Another region's spelling counts too (軟體 finds 软件), as MediaWiki's near match.
            if (fulltext != "1" && (store.Find(request.Query) ?? store.FindInOtherRegionsWords(request.Query)) is { } article)
            {
                return Redirect(VariantLinks.Keep(HttpContext, article.Url));
            }

            results = await store.Search.SearchAsync(request.Query, request.Offset, request.Limit, HttpContext.RequestAborted);
        }

        Results = SearchView.From(request, results, store);
        return Page();
    }
}
