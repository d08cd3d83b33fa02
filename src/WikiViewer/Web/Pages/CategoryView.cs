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
    Pager Pager,
    string? TextHtml = null)
{
    /// <param name="renders">Where the category's text is kept once rendered.</param>
    /// <param name="pageNumber">From 1 to the category's page count (<see cref="Pager"/>).</param>
    /// <param name="links">What the page does to the links of the category's text (keeps a variant named in the URL).</param>
    public static CategoryView From(Category category, RenderCache renders, int pageNumber = 1, ScriptVariant? script = null, Func<string, string>? links = null)
    {
        var members = category.Articles;
        string url = category.Url;
        var pager = Pager.AtUrl(pageNumber, members.Count, url);
        return new(category.Name, url, members.Count, Pager.Slice(members.Count, pageNumber, index => ArticleLink.At(members, index)), pager,
            pageNumber == 1 ? TextOf(category, renders, script ?? ScriptVariant.AsWritten, links) : null);
    }

    private static string? TextOf(Category category, RenderCache renders, ScriptVariant script, Func<string, string>? links)
    {
        if (renders.TextHtml(category) is not { } text)
        {
            return null;
        }

        string html = script.ConvertHtml(Encoding.UTF8.GetString(text));
        return links is null ? html : links(html);
    }
}
