using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.VariantMarkup;

/// <summary>
/// A variant group whose entries are whole blocks, as the converter left one around code
/// samples: a paragraph ending <c>-{zh-hans:</c>, the entry's blocks, a paragraph
/// <c>;zh-hant:</c>, the next entry's blocks, and a paragraph starting <c>}-</c>. The
/// entries become <see cref="VariantEntryBlock"/>s, shown per display variant as inline
/// groups are (<see cref="VariantHtml"/>). A group whose end is missing is left as text.
/// </summary>
internal static partial class VariantBlocks
{
    public static void Gather(ContainerBlock container)
    {
        for (int i = 0; i < container.Count; i++)
        {
            if (container[i] is ContainerBlock inner and not VariantGroupBlock)
            {
                Gather(inner);
            }
            else if (container[i] is ParagraphBlock { Inline: { } inline } opener && OpeningCode(inline) is { } code
                && Group(container, i, code) is { } group)
            {
                container.Insert(i + 1, group);
                if (opener.Inline!.FirstChild is null)
                {
                    container.RemoveAt(i);
                }
            }
        }
    }

    // The code of a group the paragraph opens at its end ("…︰\n-{zh-hans:"), its marker taken off; else null.
    private static string? OpeningCode(ContainerInline inline)
    {
        if (inline.LastChild is not LiteralInline last || !last.Content.AsSpan().Contains("-{", StringComparison.Ordinal))
        {
            return null;
        }

        Literals.Merge(inline);
        last = (LiteralInline)inline.LastChild!;
        var match = Opening().Match(last.Content.ToString());
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The group opened at the end of <c>container[at]</c>, its blocks moved into it; null (nothing moved) when it does not close.</summary>
    private static VariantGroupBlock? Group(ContainerBlock container, int at, string firstCode)
    {
        var entries = new List<(string Code, List<Block> Blocks)> { (firstCode, []) };
        int close = -1;
        for (int i = at + 1; i < container.Count && close < 0; i++)
        {
            if (container[i] is ParagraphBlock paragraph && InlineText.Of(paragraph).Trim() is var text)
            {
                if (Separator().Match(text) is { Success: true } separator)
                {
                    entries.Add((separator.Groups[1].Value, []));
                    continue;
                }

                if (text.StartsWith("}-", StringComparison.Ordinal))
                {
                    close = i;
                    continue;
                }
            }

            entries[^1].Blocks.Add(container[i]);
        }

        if (close < 0)
        {
            return null;
        }

        // Take the markers off: "-{zh-hans:" ending the opener, "}-" starting the closer.
        var opener = (ParagraphBlock)container[at];
        var last = (LiteralInline)opener.Inline!.LastChild!;
        string before = Opening().Replace(last.Content.ToString(), "").TrimEnd();
        if (before.Length == 0)
        {
            last.Remove();
            if (opener.Inline.LastChild is LineBreakInline trailing)
            {
                trailing.Remove();
            }
        }
        else
        {
            last.Content = new StringSlice(before);
        }

        var closer = (ParagraphBlock)container[close];
        var group = new VariantGroupBlock();
        for (int i = close - 1; i > at; i--)
        {
            container.RemoveAt(i);
        }

        if (closer.Inline!.FirstChild is LiteralInline first && first.Content.AsSpan().TrimStart().StartsWith("}-", StringComparison.Ordinal))
        {
            string after = first.Content.ToString().TrimStart()[2..].TrimStart();
            if (after.Length == 0)
            {
                first.Remove();
            }
            else
            {
                first.Content = new StringSlice(after);
            }
        }

        if (closer.Inline.FirstChild is null)
        {
            container.Remove(closer);
        }

        var blocks = new List<VariantEntryBlock>();
        foreach (var (code, moved) in entries)
        {
            var entry = new VariantEntryBlock(code);
            foreach (var block in moved)
            {
                entry.Add(block);
            }

            blocks.Add(entry);
            group.Add(entry);
        }

        VariantEntry.Choose([.. blocks.Select(block => block.Entry)]);
        return group;
    }

    [GeneratedRegex(@"-\{\s*(zh(?:-[a-z]{2,4})?)\s*:\s*$")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^;?\s*(zh(?:-[a-z]{2,4})?)\s*:$")]
    private static partial Regex Separator();
}

/// <summary>A variant group of whole blocks: one <see cref="VariantEntryBlock"/> per variant.</summary>
public sealed class VariantGroupBlock() : ContainerBlock(null);

/// <summary>One entry of a <see cref="VariantGroupBlock"/>.</summary>
public sealed class VariantEntryBlock(string code) : ContainerBlock(null)
{
    public VariantEntry Entry { get; } = new(code);
}

internal sealed class VariantGroupBlockRenderer : HtmlObjectRenderer<VariantGroupBlock>
{
    protected override void Write(HtmlRenderer renderer, VariantGroupBlock group)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<div class=\"variants\">");
        foreach (var entry in group.OfType<VariantEntryBlock>())
        {
            renderer.WriteLine(entry.Entry.Open("div"));
            renderer.WriteChildren(entry);
            renderer.EnsureLine();
            renderer.WriteLine("</div>");
        }

        renderer.WriteLine("</div>");
    }
}
