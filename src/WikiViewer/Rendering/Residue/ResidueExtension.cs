using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WikiViewer.Rendering.Residue;

/// <summary>
/// Removes what the MediaWiki→Markdown conversion left behind when it dropped
/// templates: <c>{{-}}</c> paragraphs, the empty <c>（）</c> where a <c>{{lang}}</c>
/// template stood, and the lead paragraph the converter wrote twice.
/// </summary>
public sealed partial class ResidueExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Process(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
        {
            if (paragraph.Inline is null)
            {
                continue;
            }

            if (TemplateOnly().IsMatch(InlineText.Of(paragraph)))
            {
                paragraph.Parent?.Remove(paragraph);
                continue;
            }

            foreach (var container in paragraph.Inline.Descendants<ContainerInline>().Prepend(paragraph.Inline).ToList())
            {
                MergeLiterals(container);
            }

            foreach (var literal in paragraph.Inline.Descendants<LiteralInline>().ToList())
            {
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

        RemoveDuplicatedLead(document);
    }

    /// <summary>Drops empty parentheses and the list separator a dropped template left at their start.</summary>
    internal static string CleanParentheses(string text)
    {
        if (text.IndexOfAny(['（', '(']) < 0)
        {
            return text;
        }

        string cleaned = EmptyParentheses().Replace(text, "");
        cleaned = DanglingSeparator().Replace(cleaned, "$1");
        return cleaned == text ? text : cleaned;
    }

    // Escapes (\[) and some characters end a literal early; joining the runs
    // lets one pattern see "（" and "）" or "[1]" together.
    internal static void MergeLiterals(ContainerInline container)
    {
        var child = container.FirstChild;
        while (child is not null)
        {
            if (child is LiteralInline first && first.NextSibling is LiteralInline)
            {
                var text = new System.Text.StringBuilder(first.Content.ToString());
                while (first.NextSibling is LiteralInline next)
                {
                    text.Append(next.Content.AsSpan());
                    next.Remove();
                }

                first.Content = new StringSlice(text.ToString());
            }

            child = child.NextSibling;
        }
    }

    /// <summary>
    /// The converter repeats the lead after the first heading (seed 000: lead,
    /// 简介, lead, 简介, body). Keep the first lead; drop the copy and the
    /// heading that was repeated around it.
    /// </summary>
    private static void RemoveDuplicatedLead(MarkdownDocument document)
    {
        int leadIndex = FindIndex(document, 0, b => b is ParagraphBlock);
        if (leadIndex < 0)
        {
            return;
        }

        string lead = Normalize(InlineText.Of((ParagraphBlock)document[leadIndex]));
        for (int i = leadIndex + 1; i < Math.Min(document.Count, leadIndex + 4); i++)
        {
            if (document[i] is not ParagraphBlock copy || Normalize(InlineText.Of(copy)) != lead)
            {
                continue;
            }

            if (i + 1 < document.Count && document[i - 1] is HeadingBlock before && document[i + 1] is HeadingBlock after
                && before.Level == after.Level && InlineText.Of(before) == InlineText.Of(after))
            {
                document.RemoveAt(i + 1);
            }

            document.RemoveAt(i);
            return;
        }
    }

    private static int FindIndex(ContainerBlock container, int start, Func<Block, bool> predicate)
    {
        for (int i = start; i < container.Count; i++)
        {
            if (predicate(container[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\s*(\{\{[^{}]*\}\}\s*)+$")]
    private static partial Regex TemplateOnly();

    [GeneratedRegex(@"[（(][\s\u3000]*[）)]")]
    private static partial Regex EmptyParentheses();

    [GeneratedRegex(@"([（(])[\s\u3000]*[，,；;、：:][\s\u3000]*")]
    private static partial Regex DanglingSeparator();
}
