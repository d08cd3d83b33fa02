using System.Buffers;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.Residue;

/// <summary>
/// Removes what the MediaWiki→Markdown conversion left behind when it dropped
/// templates: <c>{{-}}</c> paragraphs, the empty <c>（）</c> where a <c>{{lang}}</c>
/// template stood, and the list separator such a template left behind.
/// </summary>
public sealed partial class ResidueExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<FigureInlineRenderer>();
        }
    }

    private static readonly SearchValues<char> TemplateStart = SearchValues.Create("{");
    private static readonly SearchValues<char> Parentheses = SearchValues.Create("（(");

    private static void Process(MarkdownDocument document)
    {
        CleanParagraphs(document);

        // After the parentheses: **（）** leaves an empty emphasis.
        foreach (var paragraph in MarkdownWalk.Blocks<ParagraphBlock>(document))
        {
            if (paragraph.Inline is { } inline && LeftoverMarkup.MayHold(inline))
            {
                LeftoverMarkup.Clean(inline);
                if (inline.FirstChild is null)
                {
                    paragraph.Parent?.Remove(paragraph);
                }
            }
        }

        LeftoverMarkup.DropEmptyItems(document);
    }

    private static void CleanParagraphs(MarkdownDocument document)
    {
        foreach (var paragraph in MarkdownWalk.Blocks<ParagraphBlock>(document))
        {
            if (paragraph.Inline is null)
            {
                continue;
            }

            if (MarkdownWalk.AnyLiteralContains(paragraph.Inline, TemplateStart) && TemplateOnly().IsMatch(InlineText.Of(paragraph)))
            {
                paragraph.Parent?.Remove(paragraph);
                continue;
            }

            // Most paragraphs of zhwiki have parentheses, few have empty ones: literals are
            // merged and matched only where a residue may stand.
            if (!MarkdownWalk.AnyLiteral(paragraph.Inline, 0, static (text, _) => MayLeaveResidue(text)))
            {
                continue;
            }

            Literals.MergeUnder(paragraph.Inline);
            foreach (var literal in MarkdownWalk.Inlines<LiteralInline>(paragraph.Inline))
            {
                if (!MayLeaveResidue(literal.Content.AsSpan()))
                {
                    continue;
                }

                string text = literal.Content.ToString();
                string cleaned = CleanParentheses(text);
                if (cleaned.Length == 0)
                {
                    literal.Remove();
                }
                else if (!ReferenceEquals(cleaned, text))
                {
                    literal.Content = new StringSlice(cleaned);
                }
            }
        }
    }

    /// <summary>Drops empty parentheses and the list separator a dropped template left at their start.</summary>
    internal static string CleanParentheses(string text)
    {
        if (!MayLeaveResidue(text))
        {
            return text;
        }

        string cleaned = EmptyParentheses().Replace(text, "");
        cleaned = DanglingSeparator().Replace(cleaned, "$1");
        return cleaned == text ? text : cleaned;
    }

    /// <summary>
    /// Whether the patterns below may match in the text or in what follows it: an opening
    /// parenthesis followed, after any whitespace, by a closing one, a separator or the text's end.
    /// </summary>
    internal static bool MayLeaveResidue(ReadOnlySpan<char> text)
    {
        for (int open = text.IndexOfAny(Parentheses); open >= 0;)
        {
            var rest = text[(open + 1)..];
            int next = 0;
            while (next < rest.Length && char.IsWhiteSpace(rest[next]))
            {
                next++;
            }

            if (next == rest.Length || ClosingOrSeparator.Contains(rest[next]))
            {
                return true;
            }

            int after = rest.IndexOfAny(Parentheses);
            open = after < 0 ? -1 : open + 1 + after;
        }

        return false;
    }

    private static readonly SearchValues<char> ClosingOrSeparator = SearchValues.Create("）)，,；;、：:");

    [GeneratedRegex(@"^\s*(\{\{[^{}]*\}\}\s*)+$")]
    private static partial Regex TemplateOnly();

    [GeneratedRegex(@"[（(][\s\u3000]*[）)]")]
    private static partial Regex EmptyParentheses();

    [GeneratedRegex(@"([（(])[\s\u3000]*[，,；;、：:][\s\u3000]*")]
    private static partial Regex DanglingSeparator();
}
