using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>One page of the pages that link to a title.</summary>
/// <param name="Title">The title as written (canonical when the collection has it).</param>
/// <param name="InCollection">Whether the collection has the article (its title then links to it).</param>
/// <param name="Count">How many pages link to it in all.</param>
/// <param name="Articles">This page's linking pages.</param>
public sealed record BacklinksView(string Title, bool InCollection, int Count, IReadOnlyList<ArticleLink> Articles, Pager Pager)
{
    public string ArticleUrl => WikiUrls.Article(Title);

    /// <param name="pageNumber">From 1 to the list's page count (<see cref="Pager"/>).</param>
    public static BacklinksView From(string title, bool inCollection, LinkingPages linking, int pageNumber)
    {
        var pager = Pager.AtUrl(pageNumber, linking.Count, WikiUrls.Backlinks(title));
        return new(title, inCollection, linking.Count, Pager.Slice(linking.Count, pageNumber, linking.Link), pager);
    }
}
