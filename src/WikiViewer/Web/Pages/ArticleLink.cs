using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Web.Pages;

/// <summary>A link to an article, as a list shows it: the title as written and the canonical URL.</summary>
public sealed record ArticleLink(string Title, string Url)
{
    public static ArticleLink From(Article article) => new(article.Title, article.Url);

    /// <summary>
    /// The link to the article at <paramref name="index"/> of a store's list: its title alone is
    /// read (a page of 200 links need not make 200 articles).
    /// </summary>
    public static ArticleLink At(IReadOnlyList<Article> articles, int index) =>
        articles is ArticleList list && list.Title(index) is var title ? new(title, WikiUrls.Article(title)) : From(articles[index]);
}
