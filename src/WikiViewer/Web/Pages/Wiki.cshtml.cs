using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WikiViewer.Loading;
using WikiViewer.Search;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>/wiki/{title}: the article, a 301 to its canonical name, or a 404 that helps the reader move on.</summary>
public sealed class WikiModel(ArticleStore store) : PageModel
{
    private const int MissingPageHits = 10;

    public Article? Article { get; private set; }

    /// <summary>The title asked for, as the 404 page names it.</summary>
    public string RequestedTitle { get; private set; } = "";

    /// <summary>Store pages that link to this title ("链接到本页的页面").</summary>
    public IReadOnlyList<Article> LinkedFrom { get; private set; } = [];

    /// <summary>Full-text hits for a missing title, so the reader can still move on.</summary>
    public SearchResults SearchHits { get; private set; } = SearchResults.Empty;

    public ArticleStore Store => store;

    public IReadOnlyList<(TocEntryNumber Number, Rendering.Syntax.TocEntry Entry)> Toc { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return Redirect("/");
        }

        if (store.Get(title) is { } article)
        {
            Article = article;
            LinkedFrom = store.LinksTo(article.Title).Where(a => a != article).ToArray();
            Toc = TocEntryNumber.Number(article.Toc);
            return Page();
        }

        if (store.Find(title) is { } target)
        {
            return RedirectPermanent(target.Url);
        }

        RequestedTitle = TitleKey.Tidy(title);
        LinkedFrom = store.LinksTo(title);
        SearchHits = await store.Search.SearchAsync(RequestedTitle, 0, MissingPageHits, HttpContext.RequestAborted);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>MediaWiki-style section numbers for the table of contents: 1, 2, 2.1 …</summary>
public sealed record TocEntryNumber(string Value)
{
    public static IReadOnlyList<(TocEntryNumber, Rendering.Syntax.TocEntry)> Number(IReadOnlyList<Rendering.Syntax.TocEntry> entries)
    {
        var numbered = new List<(TocEntryNumber, Rendering.Syntax.TocEntry)>(entries.Count);
        var counters = new List<int>();
        int top = entries.Count == 0 ? 2 : entries.Min(e => e.Level);
        foreach (var entry in entries)
        {
            int depth = Math.Max(1, entry.Level - top + 1);
            while (counters.Count > depth)
            {
                counters.RemoveAt(counters.Count - 1);
            }

            while (counters.Count < depth)
            {
                counters.Add(0);
            }

            counters[^1]++;
            numbered.Add((new TocEntryNumber(string.Join('.', counters)), entry));
        }

        return numbered;
    }
}
