using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Loading;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>/category/{name}: the category's articles; a variant spelling redirects to the canonical name.</summary>
public sealed class CategoryModel(ArticleStore store) : PageModel
{
    public Category? Category { get; private set; }

    public string RequestedName { get; private set; } = "";

    public IActionResult OnGet(string? name)
    {
        RequestedName = TitleKey.Tidy(name ?? "");
        Category = store.FindCategory(RequestedName);
        if (Category is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return Category.Name == name ? Page() : RedirectPermanent(Category.Url);
    }
}
