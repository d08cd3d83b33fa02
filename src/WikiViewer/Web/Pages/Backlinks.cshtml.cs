using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>
/// /backlinks/{title}: every page that links to a title, 200 a page in title order, as
/// MediaWiki's Special:WhatLinksHere; the article page shows the first of them. An alias
/// or another spelling redirects to the canonical title's list.
/// </summary>
public sealed class BacklinksModel(ArticleStore store) : PageModel
{
    /// <summary>The list; null when nothing links to the title and the collection lacks it (404).</summary>
    public BacklinksView? Backlinks { get; private set; }

    public string RequestedTitle { get; private set; } = "";

    public IActionResult OnGet(string? title, [FromQuery(Name = "page")] string? page)
    {
        // A title with a "." or ".." segment comes as /backlinks/?title= (WikiUrls says why).
        bool inQuery = string.IsNullOrEmpty(title) && Request.Query["title"] is [{ Length: > 0 }];
        if (inQuery)
        {
            title = Request.Query["title"];
        }

        RequestedTitle = TitleKey.Tidy(title ?? "");
        var article = store.Find(RequestedTitle);
        if (article is not null && (article.Title != title || inQuery != WikiUrls.HasDotSegment(article.Title)))
        {
            return RedirectPermanent(VariantLinks.Keep(HttpContext, WikiUrls.Backlinks(article.Title)));
        }

        var linking = LinkingPages.Of(store, RequestedTitle, article);
        if (article is null && linking.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!Pager.TryParse(page, linking.Count, out int number, out string error))
        {
            return this.BadRequestPage(error);
        }

        Backlinks = BacklinksView.From(article?.Title ?? RequestedTitle, article is not null, linking, number);
        return Page();
    }
}
