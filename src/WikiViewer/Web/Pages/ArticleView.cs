using WikiViewer.Rendering.Syntax;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>An article page: the article and the pages that link to it.</summary>
/// <param name="BodyHtml">The rendered body, already in the reader's script.</param>
/// <param name="OriginalUrl">The article on zh.wikipedia.org.</param>
public sealed record ArticleView(
    string Title,
    string Url,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<TocItem> Toc,
    string BodyHtml,
    IReadOnlyList<CategoryLink> Categories,
    IReadOnlyList<InterlanguageLink> Languages,
    IReadOnlyList<ArticleLink> LinkedFrom,
    string OriginalUrl)
{
    /// <summary>A table of contents is shown from two sections up.</summary>
    public bool HasToc => Toc.Count >= 2;

    /// <param name="linkedFrom">The pages that link to the article (it may be among them: it is left out).</param>
    /// <param name="links">What the page does to the body's links (keeps a variant named in the URL).</param>
    public static ArticleView From(Article article, IEnumerable<Article> linkedFrom, ScriptVariant script, Func<string, string>? links = null) =>
        new(
            article.Title,
            article.Url,
            article.Aliases,
            TocItem.Numbered(article.Toc),
            links is null ? script.ArticleHtml(article) : links(script.ArticleHtml(article)),
            [.. article.Categories.Select(name => new CategoryLink(name, WikiUrls.Category(name)))],
            article.Languages,
            [.. linkedFrom.Where(a => a != article).Select(ArticleLink.From)],
            WikiUrls.Original(article.Title));
}

/// <summary>A category an article belongs to: its name as written and its URL.</summary>
public sealed record CategoryLink(string Name, string Url);

/// <summary>A table-of-contents line, with its MediaWiki-style section number (1, 2, 2.1 …).</summary>
/// <param name="Id">The heading's anchor.</param>
public sealed record TocItem(string Number, int Level, string Text, string Id)
{
    public static IReadOnlyList<TocItem> Numbered(IReadOnlyList<TocEntry> entries)
    {
        var numbered = new List<TocItem>(entries.Count);
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
            numbered.Add(new TocItem(string.Join('.', counters), entry.Level, entry.Text, entry.Id));
        }

        return numbered;
    }
}
