using WikiViewer.Search;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>A search hit as a result list shows it.</summary>
/// <param name="Snippet">HTML: escaped text with <c>&lt;mark&gt;</c> around the matched words.</param>
/// <param name="Categories">The article's categories, as written.</param>
public sealed record SearchHitView(string Title, string Url, string Snippet, IReadOnlyList<string> Categories)
{
    public static SearchHitView From(SearchHit hit, ArticleStore store)
    {
        var article = store.Articles[hit.DocumentId];
        return new(article.Title, article.Url, hit.Snippet, article.Categories);
    }
}
