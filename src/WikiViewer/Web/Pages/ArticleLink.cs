using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>A link to an article, as a list shows it: the title as written and the canonical URL.</summary>
public sealed record ArticleLink(string Title, string Url)
{
    public static ArticleLink From(Article article) => new(article.Title, article.Url);
}
