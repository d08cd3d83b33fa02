using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Hosting;
using WikiViewer.Loading;

namespace WikiViewer.Pages;

/// <summary>Home: how many articles, all of them by title (paged), and the categories.</summary>
public sealed class IndexModel(ArticleStore store) : PageModel
{
    public const int PageSize = 200;

    public ArticleStore Store => store;

    public int PageNumber { get; private set; }

    public int PageCount => Math.Max(1, (store.Articles.Count + PageSize - 1) / PageSize);

    public IEnumerable<Article> PageArticles => store.Articles.Skip((PageNumber - 1) * PageSize).Take(PageSize);

    public IActionResult OnGet([FromQuery(Name = "page")] string? page)
    {
        if (page is null)
        {
            PageNumber = 1;
        }
        else if (!int.TryParse(page, out int number) || number < 1 || number > PageCount)
        {
            return this.BadRequestPage($"page must be a whole number from 1 to {PageCount}.");
        }
        else
        {
            PageNumber = number;
        }

        return Page();
    }
}
