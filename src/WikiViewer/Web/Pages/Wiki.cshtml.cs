using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>/wiki/{title}: the article, a 301 to its canonical name, or a 404 that helps the reader move on.</summary>
public sealed class WikiModel(ArticleStore store, RenderCache renders) : PageModel
{
    private const int MissingPageHits = 10;

    /// <summary>The article, when the collection has it.</summary>
    public ArticleView? Article { get; private set; }

    /// <summary>Otherwise the 404 page's links and full-text hits, so the reader can still move on.</summary>
    public MissingArticleView? Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? title)
    {
        // A title with a "." or ".." segment comes as /wiki/?title= (WikiUrls says why).
        bool inQuery = string.IsNullOrEmpty(title) && Request.Query["title"] is [{ Length: > 0 }];
        if (inQuery)
        {
            title = Request.Query["title"];
        }

        if (string.IsNullOrEmpty(title))
        {
            return Redirect(VariantLinks.Keep(HttpContext, "/"));
        }

        if (store.Get(title) is { } article && inQuery == WikiUrls.HasDotSegment(article.Title))
        {
            Article = ArticleView.From(article, LinkingPages.Of(store, article.Title, article), ScriptVariants.Of(HttpContext), renders, VariantLinks.KeepingInHtml(HttpContext));
            return Page();
        }

        if (store.Find(title) is { } target)
        {
            return RedirectPermanent(VariantLinks.Keep(HttpContext, target.Url));
        }

        // Another region's spelling of a title (軟體 for 软件), as MediaWiki's findVariantLink:
        // not permanent, the spelling might become an article of its own.
        if (store.FindInOtherRegionsWords(title) is { } spelled)
        {
            return Redirect(VariantLinks.Keep(HttpContext, spelled.Url));
        }

        string requested = TitleKey.Tidy(title);
        var hits = await store.Search.SearchAsync(requested, 0, MissingPageHits, HttpContext.RequestAborted);
        Missing = MissingArticleView.From(requested, LinkingPages.Of(store, title, self: null), hits, store);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
