using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>Home: the counts, one page of the titles with its pager, and the largest categories.</summary>
public sealed record HomeView(
    int ArticleCount,
    int CategoryCount,
    IReadOnlyList<ArticleLink> Articles,
    Pager Pager,
    bool Descending,
    IReadOnlyList<CategorySummary> LargestCategories)
{

    public string AscendingUrl => ListUrl(1, descending: false);

    public string DescendingUrl => ListUrl(1, descending: true);

    /// <summary>Page <paramref name="pageNumber"/> (from 1) of the titles, in pinyin order or its reverse.</summary>
    public static HomeView From(ArticleStore store, int pageNumber, bool descending)
    {
        var articles = store.Articles;
        var page = Pager.Slice(articles.Count, pageNumber, index => ArticleLink.At(articles, descending ? articles.Count - 1 - index : index));
        // A whole dump has hundreds of thousands of categories: home shows the largest (ranked
        // when the store was written), the rest are a link away from their articles.
        CategorySummary[] largest = [.. store.LargestCategories.Select(c => new CategorySummary(c.Name, c.Url, c.Articles.Count))];
        return new(articles.Count, store.Categories.Count, page, Pager.Of(pageNumber, articles.Count, number => ListUrl(number, descending)), descending, largest);
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

/// <summary>A category as home lists it: name, URL and how many articles it has.</summary>
public sealed record CategorySummary(string Name, string Url, int ArticleCount);
