using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Titles;

namespace WikiViewer.Loading;

/// <summary>An article's names as its lead gives them.</summary>
public sealed record ArticleNames(string Title, IReadOnlyList<string> Aliases);

/// <summary>
/// Reads an article's names from its lead (SPEC.md): the title is the first bold
/// phrase; the other bold phrases of that paragraph (<c>又称**X**</c>, <c>全称**Y**</c>)
/// are aliases. Only the lead is parsed: names are needed for every file before
/// any link can be resolved, so this pass must be cheap. In the converted collection's
/// <c>Page/</c> the file name is the title and the lead's bold names are its aliases
/// (<see cref="ReadNamed"/>).
/// </summary>
public static class LeadReader
{
    private const int MaxNameLength = 255;
    private static readonly MarkdownPipeline Pipeline = WikiMarkdown.CreateReader().Build();

    public static ArticleNames Read(string markdown, string fileStem) => Read(Encoding.UTF8.GetBytes(markdown), fileStem);

    /// <summary>The names of an article held as UTF-8: only its lead is decoded (invalid bytes become U+FFFD).</summary>
    public static ArticleNames Read(ReadOnlySpan<byte> utf8, string fileStem) => ReadLead(Encoding.UTF8.GetString(LeadOf(utf8)), fileStem)!;

    /// <summary>
    /// The names of an article whose file names it (the collection's <c>Page/</c>): the
    /// title is <paramref name="title"/>; every bold phrase of the lead, the first too
    /// (<c>**JS**</c> in JavaScript.md), is an alias.
    /// </summary>
    public static ArticleNames ReadNamed(ReadOnlySpan<byte> utf8, string title)
    {
        var lead = ReadLead(Encoding.UTF8.GetString(LeadOf(utf8)), fileStem: null);
        string key = TitleKey.Of(title);
        var aliases = (lead is null ? [] : lead.Aliases.Prepend(lead.Title))
            .Where(alias => TitleKey.Of(alias) != key)
            .DistinctBy(TitleKey.Of)
            .ToArray();
        return new ArticleNames(title, aliases);
    }

    // The names the lead gives; with no bold name, the file stem's, or null without one.
    private static ArticleNames? ReadLead(string lead, string? fileStem)
    {
        // Nearly every lead names the article in its first block: parse that alone
        // first. A blank line ends a paragraph, so a paragraph found before the first
        // one is the same as in the whole lead, unless a reference definition ([x]: url)
        // further on changes how its brackets read; then, or if it names nothing, the
        // whole lead is parsed.
        int firstBlockEnd = FirstBlankLine(lead);
        if (firstBlockEnd < lead.Length && lead.AsSpan(firstBlockEnd).IndexOf("]:") < 0
            && NamesIn(Markdown.Parse(lead[..firstBlockEnd], Pipeline)) is { } names)
        {
            return names;
        }

        return NamesIn(Markdown.Parse(lead, Pipeline)) ?? (fileStem is null ? null : new ArticleNames(TitleKey.Tidy(fileStem), []));
    }

    private static ArticleNames? NamesIn(MarkdownDocument document)
    {
        foreach (var paragraph in document.OfType<ParagraphBlock>())
        {
            if (paragraph.Inline is null)
            {
                continue;
            }

            var names = MarkdownWalk.Inlines<EmphasisInline>(paragraph.Inline)
                .Where(e => e.DelimiterCount >= 2)
                .Select(e => TitleKey.Tidy(InlineText.Of(e)))
                .Where(n => n.Length is > 0 and <= MaxNameLength)
                .ToList();
            if (names.Count > 0)
            {
                string title = names[0];
                var aliases = names.Skip(1)
                    .DistinctBy(TitleKey.Of)
                    .Where(alias => TitleKey.Of(alias) != TitleKey.Of(title))
                    .ToArray();
                return new ArticleNames(title, aliases);
            }
        }

        return null;
    }

    /// <summary>
    /// Where the first blank line after some text starts (the length when there is none).
    /// Lines end where Markdig ends them (\n, \r, \r\n); blank means spaces and tabs only.
    /// </summary>
    private static int FirstBlankLine(string text)
    {
        bool seenText = false;
        for (int start = 0; start < text.Length;)
        {
            int end = text.AsSpan(start).IndexOfAny('\n', '\r');
            end = end < 0 ? text.Length : start + end;
            if (text.AsSpan(start, end - start).IndexOfAnyExcept(' ', '\t') >= 0)
            {
                seenText = true;
            }
            else if (seenText)
            {
                return start;
            }

            start = end + (end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
        }

        return text.Length;
    }

    // The lead ends at the first heading line.
    private static ReadOnlySpan<byte> LeadOf(ReadOnlySpan<byte> utf8)
    {
        int end = utf8.StartsWith((byte)'#') ? 0 : utf8.IndexOf("\n#"u8);
        return end < 0 ? utf8 : utf8[..end];
    }
}
