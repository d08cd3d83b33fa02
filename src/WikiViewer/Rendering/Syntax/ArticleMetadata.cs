using Markdig.Syntax;
using WikiViewer.Titles;

namespace WikiViewer.Rendering.Syntax;

/// <summary>
/// What the rendering passes learn about an article while they rewrite its AST:
/// the parts that are shown outside the body (categories, other languages, the
/// table of contents) and the links that feed "链接到本页的页面".
/// </summary>
internal sealed class ArticleMetadata
{
    public List<string> Categories { get; } = [];
    public List<InterlanguageLink> Languages { get; } = [];
    public List<TocEntry> Toc { get; } = [];

    /// <summary>The <see cref="Titles.TitleKey"/> of each article link's target (its title's when it resolves), one per link.</summary>
    public List<string> LinkKeys { get; } = [];

    public int ResolvedLinks { get; set; }
    public int MissingLinks { get; set; }

    /// <summary>True once a category or interlanguage block was taken out: what follows is trailer, not body.</summary>
    public bool HadTrailer { get; set; }

    public static ArticleMetadata Of(MarkdownDocument document)
    {
        if (document.GetData(typeof(ArticleMetadata)) is ArticleMetadata metadata)
        {
            return metadata;
        }

        metadata = new ArticleMetadata();
        document.SetData(typeof(ArticleMetadata), metadata);
        return metadata;
    }
}

/// <summary>A link to the same subject on another language's Wikipedia.</summary>
public sealed record InterlanguageLink(string Language, string LanguageName, string Title, string Url);

/// <summary>A section heading as listed in the table of contents.</summary>
public sealed record TocEntry(int Level, string Text, string Id);
