using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>/category/{name}: the category's text, if it has one, and its articles; a variant spelling redirects to the canonical name.</summary>
public sealed class CategoryModel(ArticleStore store, RenderCache renders) : PageModel
{
    /// <summary>The category, or null when the collection has none by that name (404).</summary>
    public CategoryView? Category { get; private set; }

    public string RequestedName { get; private set; } = "";

    public IActionResult OnGet(string? name, [FromQuery(Name = "page")] string? page)
    {
        // A name with a "." or ".." segment comes as /category/?name= (WikiUrls says why).
        bool inQuery = string.IsNullOrEmpty(name) && Request.Query["name"] is [{ Length: > 0 }];
        if (inQuery)
        {
            name = Request.Query["name"];
        }

        RequestedName = TitleKey.Tidy(name ?? "");
        if (store.FindCategory(RequestedName) is not { } category)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (category.Name != name || inQuery != WikiUrls.HasDotSegment(category.Name))
        {
            return RedirectPermanent(VariantLinks.Keep(HttpContext, category.Url));
        }

        if (!Pager.TryParse(page, category.Articles.Count, out int number, out string error))
        {
            return this.BadRequestPage(error);
        }

        Category = CategoryView.From(category, renders, number, ScriptVariants.Of(HttpContext), VariantLinks.KeepingInHtml(HttpContext));
        return Page();
    }
}
