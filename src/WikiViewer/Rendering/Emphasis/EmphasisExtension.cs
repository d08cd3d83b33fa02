using System.Globalization;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WikiViewer.Rendering.Emphasis;

/// <summary>
/// Emphasis beside Chinese text, after the CommonMark CJK-friendly amendment
/// (tats-u/markdown-cjk-friendly, the rule markdown-it-cjk-friendly implements).
/// CommonMark will not open <c>*</c> between a letter and punctuation, nor close
/// it between punctuation and a letter; Chinese sets no spaces, so
/// <c>了*[标题](…)*。</c> or <c>**“甲”**的</c> stayed literal asterisks. The
/// amendment counts a CJK character beside the run like whitespace on that
/// side, and CJK punctuation (。「」) like a letter inside it. Runs beside
/// Latin text behave exactly as in CommonMark.
/// </summary>
public sealed class EmphasisExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CjkEmphasisInlineParser>())
        {
            var parser = new CjkEmphasisInlineParser();
            if (!pipeline.InlineParsers.Replace<EmphasisInlineParser>(parser))
            {
                pipeline.InlineParsers.Add(parser);
            }
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}

/// <summary>Markdig's emphasis parser with the CJK-friendly flanking rules; the pairing of runs is Markdig's own.</summary>
internal sealed class CjkEmphasisInlineParser : EmphasisInlineParser
{
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        char delimiterChar = slice.CurrentChar;
        EmphasisDescriptor? descriptor = null;
        foreach (var candidate in EmphasisDescriptors)
        {
            if (candidate.Character == delimiterChar)
            {
                descriptor = candidate;
                break;
            }
        }

        if (descriptor is null)
        {
            return false;
        }

        char before = (char)0;
        if (processor.Inline is HtmlEntityInline { Transcoded.Length: > 0 } entity)
        {
            before = entity.Transcoded[entity.Transcoded.End];
        }

        if (before == 0)
        {
            before = slice.PeekCharExtra(-1);

            // The run was looked at from its first character and refused.
            if (before == delimiterChar && slice.PeekCharExtra(-2) != '\\')
            {
                return false;
            }
        }

        int start = slice.Start;
        int count = 0;
        while (slice.CurrentChar == delimiterChar)
        {
            slice.SkipChar();
            count++;
        }

        if (count < descriptor.MinimumCount)
        {
            return false;
        }

        char after = slice.CurrentChar;
        if (HtmlEntityParser.TryParse(ref slice, out string? entityText, out _))
        {
            after = entityText[0];
        }

        Flanking(before, after, descriptor.EnableWithinWord, out bool canOpen, out bool canClose);
        if (!canOpen && !canClose)
        {
            return false;
        }

        processor.Inline = new EmphasisDelimiterInline(this, descriptor)
        {
            Content = new StringSlice(slice.Text, start, slice.Start - 1),
            DelimiterCount = count,
            Type = (canOpen ? DelimiterType.Open : DelimiterType.Undefined) | (canClose ? DelimiterType.Close : DelimiterType.Undefined),
            Span = new SourceSpan(processor.GetSourcePosition(start, out int line, out int column), processor.GetSourcePosition(slice.Start - 1)),
            Column = column,
            Line = line,
        };
        return true;
    }

    /// <summary>Whether a run between <paramref name="before"/> and <paramref name="after"/> can open and close emphasis (0 is a line's edge).</summary>
    internal static void Flanking(char before, char after, bool withinWord, out bool canOpen, out bool canClose)
    {
        bool spaceBefore = IsWhitespace(before), spaceAfter = IsWhitespace(after);
        bool punctuationBefore = IsNonCjkPunctuation(before), punctuationAfter = IsNonCjkPunctuation(after);
        bool left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore || IsCjk(before));
        bool right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter || IsCjk(after));
        if (withinWord)
        {
            canOpen = left;
            canClose = right;
        }
        else
        {
            canOpen = left && (!right || IsPunctuation(before));
            canClose = right && (!left || IsPunctuation(after));
        }
    }

    private static bool IsWhitespace(char c) => c == 0 || char.IsWhiteSpace(c);

    private static bool IsNonCjkPunctuation(char c) => IsPunctuation(c) && !IsCjk(c);

    // CommonMark 0.31: Unicode punctuation is the P and S categories.
    private static bool IsPunctuation(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) is false && c > ' ' && c != 127;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }

    /// <summary>
    /// East Asian Wide, Fullwidth or Halfwidth (the amendment's CJK character), by block:
    /// ideographs, kana, Hangul, Bopomofo, CJK and fullwidth punctuation. Characters
    /// outside the BMP (rare ideographs, emoji) are left to the CommonMark rules.
    /// </summary>
    internal static bool IsCjk(char c) => c switch
    {
        >= '\u1100' and <= '\u115F' => true,
        >= '\u2E80' and <= '\u2FFF' => true,
        >= '\u3001' and <= '\u303E' => true,
        >= '\u3041' and <= '\u33FF' => true,
        >= '\u3400' and <= '\u4DBF' => true,
        >= '\u4E00' and <= '\u9FFF' => true,
        >= '\uA000' and <= '\uA4CF' => true,
        >= '\uA960' and <= '\uA97F' => true,
        >= '\uAC00' and <= '\uD7A3' => true,
        >= '\uF900' and <= '\uFAFF' => true,
        >= '\uFE10' and <= '\uFE19' => true,
        >= '\uFE30' and <= '\uFE6F' => true,
        >= '\uFF01' and <= '\uFFDC' => true,
        >= '\uFFE0' and <= '\uFFE6' => true,
        _ => false,
    };
}
