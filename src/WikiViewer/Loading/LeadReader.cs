using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering;

namespace WikiViewer.Loading;

/// <summary>An article's names as its lead gives them.</summary>
public sealed record ArticleNames(string Title, IReadOnlyList<string> Aliases);

/// <summary>
/// Reads an article's names from its lead (SPEC.md): the title is the first bold
/// phrase; the other bold phrases of that paragraph (<c>又称**X**</c>, <c>全称**Y**</c>)
/// are aliases. Only the lead is parsed: names are needed for every file before
/// any link can be resolved, so this pass must be cheap.
/// </summary>
public static class LeadReader
{
    private const int MaxNameLength = 255;
    private static readonly MarkdownPipeline Pipeline = WikiMarkdown.CreateReader().Build();

    public static ArticleNames Read(string markdown, string fileStem)
    {
        var document = Markdown.Parse(LeadOf(markdown), Pipeline);
        foreach (var paragraph in document.OfType<ParagraphBlock>())
        {
            var names = paragraph.Inline?.Descendants<EmphasisInline>()
                .Where(e => e.DelimiterCount >= 2)
                .Select(e => TitleKey.Tidy(InlineText.Of(e)))
                .Where(n => n.Length is > 0 and <= MaxNameLength)
                .ToList();
            if (names is { Count: > 0 })
            {
                string title = names[0];
                var aliases = names.Skip(1)
                    .DistinctBy(TitleKey.Of)
                    .Where(alias => TitleKey.Of(alias) != TitleKey.Of(title))
                    .ToArray();
                return new ArticleNames(title, aliases);
            }
        }

        return new ArticleNames(TitleKey.Tidy(fileStem), []);
    }

    // The lead ends at the first heading line.
    private static string LeadOf(string markdown)
    {
        int end = markdown.StartsWith('#') ? 0 : markdown.IndexOf("\n#", StringComparison.Ordinal);
        return end < 0 ? markdown : markdown[..end];
    }
}
