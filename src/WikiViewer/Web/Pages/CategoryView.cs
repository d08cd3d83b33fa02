using System.Text;
using WikiViewer.Store;

namespace WikiViewer.Web.Pages;

/// <summary>A category page: the category's canonical name, its own text (if any) and its articles, in title order.</summary>
/// <param name="TextHtml">The category's text (the collection's <c>Category/&lt;Name&gt;.md</c>), rendered and in the reader's script; null without one.</param>
public sealed record CategoryView(string Name, IReadOnlyList<ArticleLink> Articles, string? TextHtml = null)
{
    /// <param name="links">What the page does to the links of the category's text (keeps a variant named in the URL).</param>
    public static CategoryView From(Category category, ScriptVariant? script = null, Func<string, string>? links = null) =>
        new(category.Name, [.. category.Articles.Select(ArticleLink.From)], TextOf(category, script ?? ScriptVariant.AsWritten, links));

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
