using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Web;
using WikiViewer.Loading;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>Home: how many articles, all of them by title (paged, either direction), and the largest categories.</summary>
public sealed class IndexModel(ArticleStore store) : PageModel
{
    public const int PageSize = 200;

    /// <summary>A whole dump has hundreds of thousands of categories: home shows the largest, the rest are a link away from their articles.</summary>
    public const int CategoryCount = 60;

    // Ranking every category by size is a sort over all of them: done once per store, not per request.
    private static readonly ConditionalWeakTable<ArticleStore, Category[]> LargestCategories = new();

    public ArticleStore Store => store;

    public int PageNumber { get; private set; }

    /// <summary>Titles from the end of the pinyin order (<c>?order=desc</c>).</summary>
    public bool Descending { get; private set; }

    public int PageCount => Math.Max(1, (store.Articles.Count + PageSize - 1) / PageSize);

    public IEnumerable<Article> PageArticles
    {
        get
        {
            var articles = store.Articles;
            int first = (PageNumber - 1) * PageSize;
            for (int i = first; i < Math.Min(first + PageSize, articles.Count); i++)
            {
                yield return articles[Descending ? articles.Count - 1 - i : i];
            }
        }
    }

    public IReadOnlyList<Category> Categories => LargestCategories.GetValue(store, s =>
        s.Categories.OrderByDescending(c => c.Articles.Count).ThenBy(c => c.Name, ArticleStore.TitleOrder).Take(CategoryCount).ToArray());

    public IActionResult OnGet([FromQuery(Name = "page")] string? page, [FromQuery(Name = "order")] string? order)
    {
        if (order is not (null or "asc" or "desc"))
        {
            return this.BadRequestPage("order must be asc or desc.");
        }

        Descending = order == "desc";
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

    /// <summary>The list's URL for a page and direction, anchored at the list.</summary>
    public static string ListUrl(int page, bool descending) =>
        "/" + (page, descending) switch
        {
            (1, false) => "",
            (1, true) => "?order=desc",
            (_, false) => $"?page={page}",
            (_, true) => $"?page={page}&order=desc",
        } + "#all-articles";
}
