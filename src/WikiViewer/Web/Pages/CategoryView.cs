using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>A category page: the category's canonical name and its articles, in title order.</summary>
public sealed record CategoryView(string Name, IReadOnlyList<ArticleLink> Articles)
{
    public static CategoryView From(Category category) =>
        new(category.Name, [.. category.Articles.Select(ArticleLink.From)]);
}
