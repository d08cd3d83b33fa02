using System.Text;
using Microsoft.AspNetCore.Html;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>An article page: the article and the pages that link to it, its own words in the reader's variant.</summary>
/// <param name="Title">The title as written (the page's address and its ETag's article).</param>
/// <param name="ShownTitle">The title in the reader's variant, with the article's own <c>-{H|…}-</c> rules.</param>
/// <param name="Aliases">The other names, shown in the reader's variant.</param>
/// <param name="Toc">The contents, their text in the reader's variant (their ids as rendered).</param>
/// <param name="BodyHtml">The rendered body, already in the reader's variant.</param>
/// <param name="LinkedFrom">The first of the pages that link here (<see cref="LinkingPages.Shown"/> at most).</param>
/// <param name="LinkedFromCount">How many pages link here in all.</param>
/// <param name="AllLinkedFromUrl">The whole list, paged, when there are more than shown.</param>
/// <param name="OriginalUrl">The article on zh.wikipedia.org.</param>
public sealed record ArticleView(
    string Title,
    string ShownTitle,
    string Url,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<TocItem> Toc,
    IHtmlContent BodyHtml,
    IReadOnlyList<CategoryLink> Categories,
    IReadOnlyList<InterlanguageLink> Languages,
    IReadOnlyList<ArticleLink> LinkedFrom,
    int LinkedFromCount,
    string? AllLinkedFromUrl,
    string OriginalUrl)
{
    /// <summary>A table of contents is shown from two sections up.</summary>
    public bool HasToc => Toc.Count >= 2;

    /// <param name="linkedFrom">The pages that link to the article.</param>
    /// <param name="renders">Where the body's HTML and its conversions are kept.</param>
    /// <param name="links">What the page does to the body's links (keeps a variant named in the URL); null: the body's UTF-8 is written as it is.</param>
    public static ArticleView From(Article article, LinkingPages linkedFrom, ScriptVariant script, RenderCache renders, Func<string, string>? links = null)
    {
        // The title, contents and categories read as the body does: same rules, same script.
        var (body, text) = script.Show(article, renders);
        return new(
            article.Title,
            text(article.Title),
            article.Url,
            [.. article.Aliases.Select(text)],
            TocItem.Numbered(article.Toc, text),
            links is null ? new Utf8Html(body) : new HtmlString(links(Encoding.UTF8.GetString(body))),
            [.. article.Categories.Select(name => new CategoryLink(text(name), WikiUrls.Category(name)))],
            article.Languages,
            linkedFrom.FirstShown(),
            linkedFrom.Count,
            linkedFrom.AllUrl(article.Title),
            WikiUrls.Original(article.Title));
    }
}

/// <summary>A category an article belongs to: its name as the reader sees it, and its URL.</summary>
public sealed record CategoryLink(string Name, string Url);

/// <summary>A table-of-contents line, with its MediaWiki-style section number (1, 2, 2.1 …).</summary>
/// <param name="Id">The heading's anchor.</param>
public sealed record TocItem(string Number, int Level, string Text, string Id)
{
    /// <param name="text">The headings' text as shown (the reader's variant).</param>
    public static IReadOnlyList<TocItem> Numbered(IReadOnlyList<TocEntry> entries, Func<string, string>? text = null)
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
            numbered.Add(new TocItem(string.Join('.', counters), entry.Level, text is null ? entry.Text : text(entry.Text), entry.Id));
        }

        return numbered;
    }
}
