using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WikiViewer.Rendering.Syntax;

/// <summary>The reader-visible text of Markdown inlines and blocks (no markup, no URLs).</summary>
internal static class InlineText
{
    public static string Of(Inline? inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        return text.ToString();
    }

    public static string Of(LeafBlock block) => Of(block.Inline);

    public static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                return;
            case CodeInline code:
                text.Append(code.Content);
                return;
            case LineBreakInline:
                text.Append(' ');
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                return;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                return;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(text, child);
                }

                return;
        }
    }

    /// <summary>Plain text of a whole block tree, one line per leaf block.</summary>
    public static void AppendBlocks(StringBuilder text, Block block, Func<Block, bool> skip)
    {
        if (skip(block))
        {
            return;
        }

        switch (block)
        {
            case HtmlBlock html:
                HtmlText.Append(text, html);
                break;
            case LeafBlock { Inline: not null } leaf:
                Append(text, leaf.Inline);
                text.Append('\n');
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                text.Append(leaf.Lines.ToString()).Append('\n');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlocks(text, child, skip);
                }

                break;
        }
    }
}
