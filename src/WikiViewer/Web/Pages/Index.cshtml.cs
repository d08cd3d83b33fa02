using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>Home: how many articles, all of them by title (paged, either direction), and the largest categories.</summary>
public sealed class IndexModel(ArticleStore store) : PageModel
{
    /// <summary>Set by <see cref="OnGet"/> before the page renders.</summary>
    public HomeView Home { get; private set; } = null!;

    public IActionResult OnGet([FromQuery(Name = "page")] string? page, [FromQuery(Name = "order")] string? order)
    {
        if (order is not (null or "asc" or "desc"))
        {
            return this.BadRequestPage("order must be asc or desc.");
        }

        if (!Pager.TryParse(page, store.Articles.Count, out int number, out string error))
        {
            return this.BadRequestPage(error);
        }

        Home = HomeView.From(store, number, descending: order == "desc");
        return Page();
    }
}
