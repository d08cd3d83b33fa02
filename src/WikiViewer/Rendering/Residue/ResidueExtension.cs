using System.Buffers;
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
/// template stood, and the list separator such a template left behind.
/// </summary>
public sealed partial class ResidueExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static readonly SearchValues<char> TemplateStart = SearchValues.Create("{");
    private static readonly SearchValues<char> Parentheses = SearchValues.Create("（(");

    private static void Process(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
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

            if (!MarkdownWalk.AnyLiteralContains(paragraph.Inline, Parentheses))
            {
                continue;
            }

            MergeLiteralsUnder(paragraph.Inline);
            foreach (var literal in MarkdownWalk.Inlines<LiteralInline>(paragraph.Inline))
            {
                if (literal.Content.AsSpan().IndexOfAny(Parentheses) < 0)
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
        if (text.AsSpan().IndexOfAny(Parentheses) < 0)
        {
            return text;
        }

        string cleaned = EmptyParentheses().Replace(text, "");
        cleaned = DanglingSeparator().Replace(cleaned, "$1");
        return cleaned == text ? text : cleaned;
    }

    /// <summary><see cref="MergeLiterals"/> in the container and every container below it.</summary>
    internal static void MergeLiteralsUnder(ContainerInline root)
    {
        MergeLiterals(root);
        foreach (var container in MarkdownWalk.Inlines<ContainerInline>(root))
        {
            MergeLiterals(container);
        }
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

    [GeneratedRegex(@"^\s*(\{\{[^{}]*\}\}\s*)+$")]
    private static partial Regex TemplateOnly();

    [GeneratedRegex(@"[（(][\s\u3000]*[）)]")]
    private static partial Regex EmptyParentheses();

    [GeneratedRegex(@"([（(])[\s\u3000]*[，,；;、：:][\s\u3000]*")]
    private static partial Regex DanglingSeparator();
}
