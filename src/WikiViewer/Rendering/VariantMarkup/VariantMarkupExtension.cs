using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.VariantMarkup;

/// <summary>
/// MediaWiki's variant markup, which the converter left as text:
/// <list type="bullet">
/// <item><c>-{文字}-</c> (and <c>-{R|…}-</c>, <c>-{D|…}-</c>): shown as written, never converted;</item>
/// <item><c>-{zh-hans:甲;zh-hant:乙;}-</c> (and <c>-{A|…}-</c>): every entry is kept in the HTML;
/// each display variant shows the one MediaWiki would pick (see <see cref="VariantHtml"/>);</item>
/// <item><c>-{H|…}-</c> (and <c>A|</c>): a rule of the page's conversion, applied before OpenCC's
/// dictionaries, longest match first (<see cref="VariantRuleInline"/>); <c>-{T|…}-</c> (title) and
/// <c>-{-|…}-</c> (removal) rules are dropped. None is shown. A group can also span whole blocks
/// (<see cref="VariantBlocks"/>).</item>
/// </list>
/// Search indexes every entry of a group, a space apart: the index folds 简/繁 but not
/// vocabulary (代码/程式碼), so a reader searching either word should find the page.
/// </summary>
public sealed partial class VariantMarkupExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<VariantInlineRenderer>();
            html.ObjectRenderers.AddIfNotAlready<VariantGroupBlockRenderer>();
            html.ObjectRenderers.AddIfNotAlready<VariantRuleRenderer>();
        }
    }

    private static void Process(MarkdownDocument document)
    {
        VariantBlocks.Gather(document);
        foreach (var leaf in MarkdownWalk.Blocks<LeafBlock>(document))
        {
            // Few paragraphs hold variant markup: look for its end before merging anything.
            if (leaf.Inline is not { } inline || !MarkdownWalk.AnyLiteral(inline, 0, static (text, _) => text.Contains("}-", StringComparison.Ordinal)))
            {
                continue;
            }

            Literals.MergeUnder(inline);
            var containers = MarkdownWalk.Inlines<ContainerInline>(inline);
            containers.Insert(0, inline);
            foreach (var container in containers)
            {
                if (container is not VariantInline)
                {
                    Scan(container);
                }
            }
        }
    }

    /// <summary>Turns each <c>-{…}-</c> among the container's children into a <see cref="VariantInline"/>.</summary>
    private static void Scan(ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null;)
        {
            if (child is LiteralInline opener && opener.Content.AsSpan().IndexOf("-{", StringComparison.Ordinal) is var open and >= 0
                && FindClose(opener, open + 2) is ({ } closer, int close))
            {
                // The text after the close may open another.
                child = Wrap(opener, open, closer, close);
            }
            else
            {
                child = child.NextSibling;
            }
        }
    }

    /// <summary>The literal and offset of the <c>}-</c> that closes a <c>-{</c> (nested pairs counted), among the following siblings.</summary>
    private static (LiteralInline? Literal, int Offset) FindClose(LiteralInline opener, int from)
    {
        int depth = 0;
        for (Inline? inline = opener; inline is not null; inline = inline.NextSibling, from = 0)
        {
            if (inline is not LiteralInline literal)
            {
                continue;
            }

            var text = literal.Content.AsSpan();
            for (int i = from; i + 1 < text.Length; i++)
            {
                if (text[i] == '-' && text[i + 1] == '{')
                {
                    depth++;
                    i++;
                }
                else if (text[i] == '}' && text[i + 1] == '-')
                {
                    if (depth-- == 0)
                    {
                        return (literal, i);
                    }

                    i++;
                }
            }
        }

        return (null, 0);
    }

    /// <summary>Wraps what stands between the markers; returns the inline to go on scanning from (the text after the close).</summary>
    private static Inline Wrap(LiteralInline opener, int open, LiteralInline closer, int close)
    {
        bool same = ReferenceEquals(opener, closer);
        string openerText = opener.Content.ToString();
        string closerText = same ? openerText : closer.Content.ToString();
        var variant = new VariantInline();
        if (same)
        {
            variant.AppendChild(new LiteralInline(openerText[(open + 2)..close]));
        }
        else
        {
            variant.AppendChild(new LiteralInline(openerText[(open + 2)..]));
            while (opener.NextSibling is { } middle && !ReferenceEquals(middle, closer))
            {
                middle.Remove();
                variant.AppendChild(middle);
            }

            variant.AppendChild(new LiteralInline(closerText[..close]));
        }

        // What follows the close goes on in a literal of its own, scanned next.
        var after = new LiteralInline(closerText[(close + 2)..]);
        closer.InsertAfter(after);
        if (!same)
        {
            closer.Remove();
        }

        opener.InsertAfter(variant);
        if (open == 0)
        {
            opener.Remove();
        }
        else
        {
            opener.Content = new StringSlice(openerText[..open]);
        }

        Scan(variant);
        Interpret(variant);
        return after;
    }

    private static void Interpret(VariantInline variant)
    {
        if (variant.FirstChild is LiteralInline head && Flags().Match(head.Content.ToString()) is { Success: true } flags)
        {
            string letters = flags.Groups[1].Value;
            head.Content = new StringSlice(head.Content.ToString()[flags.Length..]);

            // H and A add a rule to the whole page's conversion (VariantHtml applies it).
            if ((letters.Contains('H') || letters.Contains('A')) && VariantRuleInline.Of(InlineText.Of(variant)) is { } rule)
            {
                variant.InsertAfter(rule);
            }

            if (letters.Contains('H') || letters.Contains('T') || letters.Contains('-'))
            {
                variant.Remove();
                return;
            }

            // R (raw), D (description) and a list of variant codes show the text as written;
            // A (add a rule and show it) is a group like one without flags.
            if (!letters.Contains('A'))
            {
                return;
            }
        }

        var entries = Entries(variant);
        if (entries is null)
        {
            return;
        }

        variant.IsGroup = true;
        foreach (var (code, pieces) in entries)
        {
            var made = new VariantEntryInline(code);
            foreach (object piece in pieces)
            {
                if (piece is string text)
                {
                    made.AppendChild(new LiteralInline(text));
                }
                else
                {
                    var inline = (Inline)piece;
                    inline.Remove();
                    made.AppendChild(inline);
                }
            }

            variant.AppendChild(made);
        }

        // Only entries (and the spaces that keep their text apart for search) remain.
        for (var child = variant.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            if (child is not VariantEntryInline)
            {
                child.Remove();
            }

            child = next;
        }

        for (var entry = variant.FirstChild; entry?.NextSibling is { } next; entry = next)
        {
            entry.InsertAfter(new LiteralInline(" "));
        }

        var all = new List<VariantEntry>();
        for (var child = variant.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is VariantEntryInline entry)
            {
                all.Add(entry.Entry);
            }
        }

        VariantEntry.Choose(all);
    }

    /// <summary>
    /// The <c>code:text</c> entries, split at the semicolons that precede a code; null when the
    /// content does not start with a code (then it is plain unconverted text). Each entry is
    /// a list of new text (string) and existing inlines (links, emphasis) to be moved.
    /// </summary>
    private static List<(string Code, List<object> Pieces)>? Entries(VariantInline variant)
    {
        var entries = new List<(string Code, List<object> Pieces)>();
        List<object>? current = null;
        string pending = "";
        bool atBoundary = true;
        for (var child = variant.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is not LiteralInline literal)
            {
                if (atBoundary && child is LineBreakInline)
                {
                    pending += " ";
                    continue;
                }

                if (current is null)
                {
                    return null;
                }

                if (atBoundary && pending.Length > 0)
                {
                    current.Add(pending);
                }

                pending = "";
                atBoundary = false;
                current.Add(child);
                continue;
            }

            string text = literal.Content.ToString();
            int pos = 0;
            while (pos < text.Length)
            {
                if (atBoundary)
                {
                    int start = pos;
                    while (start < text.Length && char.IsWhiteSpace(text[start]))
                    {
                        start++;
                    }

                    if (start == text.Length)
                    {
                        pending += text[pos..];
                        break;
                    }

                    var code = EntryStart().Match(text, start);
                    if (code.Success)
                    {
                        current = [];
                        entries.Add((code.Groups[1].Value, current));
                        pos = start + code.Length;
                    }
                    else if (current is null)
                    {
                        return null;
                    }
                    else
                    {
                        current.Add(pending + text[pos..start]);
                        pos = start;
                    }

                    pending = "";
                    atBoundary = false;
                    continue;
                }

                int semicolon = text.IndexOf(';', pos);
                if (semicolon < 0)
                {
                    current!.Add(text[pos..]);
                    break;
                }

                current!.Add(text[pos..semicolon]);
                pending = ";";
                pos = semicolon + 1;
                atBoundary = true;
            }
        }

        return entries.Count == 0 ? null : entries;
    }

    // Flags before a bar: letters (A, H, R, D, T, -) or variant codes, separated by semicolons.
    [GeneratedRegex(@"^\s*((?:zh(?:-[a-z]{2,4})?|[A-Z+\-])(?:\s*;\s*(?:zh(?:-[a-z]{2,4})?|[A-Z+\-]))*)\s*;?\s*\|")]
    private static partial Regex Flags();

    [GeneratedRegex(@"\G(zh(?:-[a-z]{2,4})?)\s*:")]
    private static partial Regex EntryStart();
}

/// <summary>A <c>-{…}-</c>: unconverted text, or (<see cref="IsGroup"/>) one <see cref="VariantEntryInline"/> per variant.</summary>
public sealed class VariantInline : ContainerInline
{
    public bool IsGroup { get; set; }
}

/// <summary>One <c>zh-xx:text</c> of a group.</summary>
public sealed class VariantEntryInline(string code) : ContainerInline
{
    public VariantEntry Entry { get; } = new(code);
}

internal sealed class VariantInlineRenderer : HtmlObjectRenderer<VariantInline>
{
    protected override void Write(HtmlRenderer renderer, VariantInline variant)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(variant.IsGroup && variant.FirstChild is ContainerInline first ? first : variant);
            return;
        }

        if (!variant.IsGroup)
        {
            renderer.Write(VariantHtml.NoConvertOpen);
            renderer.WriteChildren(variant);
            renderer.Write("</span>");
            return;
        }

        renderer.Write("<span class=\"variants\">");
        for (var child = variant.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is VariantEntryInline entry)
            {
                renderer.Write(entry.Entry.Open("span"));
                renderer.WriteChildren(entry);
                renderer.Write("</span>");
            }
        }

        renderer.Write("</span>");
    }
}

/// <summary>
/// A conversion rule of the page (<c>-{H|zh-hans:代码;zh-tw:程式碼;}-</c>, or an <c>A|</c> group):
/// in a display variant, every entry's text becomes the entry that display would show.
/// Rendered as an empty hidden element the conversion reads (<see cref="VariantHtml"/>);
/// nothing of it is shown or indexed.
/// </summary>
public sealed partial class VariantRuleInline : LeafInline
{
    private VariantRuleInline(IReadOnlyList<(string Code, string Text)> entries) => Entries = entries;

    public IReadOnlyList<(string Code, string Text)> Entries { get; }

    /// <summary>The rule in <c>zh-hans:代码;zh-tw:程式碼</c>, or null when it names fewer than two variants.</summary>
    internal static VariantRuleInline? Of(string text)
    {
        var entries = RuleEntry().Matches(text)
            .Select(m => (Code: m.Groups[1].Value, Text: m.Groups[2].Value.Trim()))
            .Where(e => e.Text.Length > 0)
            .ToList();
        return entries.Count >= 2 ? new VariantRuleInline(entries) : null;
    }

    [GeneratedRegex(@"(zh(?:-[a-z]{2,4})?)\s*:([^;]*)")]
    private static partial Regex RuleEntry();
}

internal sealed class VariantRuleRenderer : HtmlObjectRenderer<VariantRuleInline>
{
    protected override void Write(HtmlRenderer renderer, VariantRuleInline rule)
    {
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write(VariantHtml.RuleElement(rule.Entries));
        }
    }
}

