using System.Text;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>A category page: the category's canonical name, its own text (if any) and one page of its articles, in title order.</summary>
/// <param name="ArticleCount">How many articles the category has in all.</param>
/// <param name="Articles">This page's articles.</param>
/// <param name="TextHtml">The category's text (the collection's <c>Category/&lt;Name&gt;.md</c>), rendered and in the reader's script; null without one. Shown on the first page.</param>
public sealed record CategoryView(
    string Name,
    string Url,
    int ArticleCount,
    IReadOnlyList<ArticleLink> Articles,
    int PageNumber,
    int PageCount,
    string? TextHtml = null)
{
    /// <summary>As MediaWiki's category pages: 200 members a page.</summary>
    public const int PageSize = 200;

    /// <summary>The number of this page's first article (from 1).</summary>
    public int First => ((PageNumber - 1) * PageSize) + 1;

    public string? PreviousUrl => PageNumber > 1 ? PageUrl(PageNumber - 1) : null;

    public string? NextUrl => PageNumber < PageCount ? PageUrl(PageNumber + 1) : null;

    public static int PageCountOf(Category category) => Math.Max(1, (category.Articles.Count + PageSize - 1) / PageSize);

    /// <param name="pageNumber">From 1 to <see cref="PageCountOf"/>.</param>
    /// <param name="links">What the page does to the links of the category's text (keeps a variant named in the URL).</param>
    public static CategoryView From(Category category, int pageNumber = 1, ScriptVariant? script = null, Func<string, string>? links = null)
    {
        var members = category.Articles;
        int first = (pageNumber - 1) * PageSize;
        var page = new ArticleLink[Math.Clamp(members.Count - first, 0, PageSize)];
        for (int i = 0; i < page.Length; i++)
        {
            page[i] = ArticleLink.From(members[first + i]);
        }

        return new(category.Name, category.Url, members.Count, page, pageNumber, PageCountOf(category),
            pageNumber == 1 ? TextOf(category, script ?? ScriptVariant.AsWritten, links) : null);
    }

    private string PageUrl(int page) => Url + (page == 1 ? "" : (Url.Contains('?') ? "&" : "?") + "page=" + page);

    private static string? TextOf(Category category, ScriptVariant script, Func<string, string>? links)
    {
        if (category.Text is not { } text)
        {
            return null;
        }

        string html = script.ConvertHtml(Encoding.UTF8.GetString(text.HtmlUtf8));
        return links is null ? html : links(html);
    }
}
