using System.Net;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Titles;

namespace WikiViewer.Rendering.Residue;

/// <summary>
/// The rest of the conversion's leftovers: pandoc's <c>"fig:…"</c> image links (the
/// file is not in this collection) become a figure placeholder with their caption;
/// empty <c>****</c> and empty emphasis, inline <c>{{…}}</c> templates and the
/// stray <c>\]\]</c> that closed a figure and a table row separator <c>|-</c> ending a
/// paragraph are dropped; empty bullet items go.
/// </summary>
internal static partial class LeftoverMarkup
{
    /// <summary>Whether a paragraph may hold a leftover: one walk, no allocation.</summary>
    public static bool MayHold(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                var text = literal.Content.AsSpan();
                return text.Contains("{{", StringComparison.Ordinal) || text.Contains("]]", StringComparison.Ordinal) || text.Contains("****", StringComparison.Ordinal) || text.Contains('|');
            case LinkInline link when IsFigure(link):
                return true;
            case EmphasisInline { FirstChild: null }:
                return true;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    if (MayHold(child))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    public static void Clean(ContainerInline root)
    {
        // \]\] is two literals until merged.
        Literals.MergeUnder(root);
        foreach (var link in MarkdownWalk.Inlines<LinkInline>(root))
        {
            if (IsFigure(link))
            {
                ToFigure(link);
            }
        }

        foreach (var emphasis in MarkdownWalk.Inlines<EmphasisInline>(root))
        {
            if (IsBlank(emphasis))
            {
                emphasis.Remove();
            }
        }

        Literals.MergeUnder(root);
        bool bracketsOpened = MarkdownWalk.AnyLiteral(root, 0, static (text, _) => text.Contains("[[", StringComparison.Ordinal));
        foreach (var literal in MarkdownWalk.Inlines<LiteralInline>(root))
        {
            string text = literal.Content.ToString();
            string cleaned = Template().Replace(text, "");
            cleaned = EmptyStrong().Replace(cleaned, "");
            if (literal.NextSibling is null && literal.Parent == root)
            {
                cleaned = RowSeparator().Replace(cleaned, "");
            }

            if (!bracketsOpened)
            {
                cleaned = cleaned.Replace("]]", "", StringComparison.Ordinal);
            }

            if (cleaned.Length == 0)
            {
                literal.Remove();
            }
            else if (cleaned != text)
            {
                literal.Content = new StringSlice(cleaned);
            }
        }
    }

    /// <summary>Empty bullet items (a dropped template was their only content); numbered lists may be reference lists, whose empty entries keep their number.</summary>
    public static void DropEmptyItems(MarkdownDocument document)
    {
        foreach (var list in MarkdownWalk.Blocks<ListBlock>(document))
        {
            if (list.IsOrdered)
            {
                continue;
            }

            for (int i = list.Count - 1; i >= 0; i--)
            {
                if (list[i] is ListItemBlock { Count: 0 })
                {
                    list.RemoveAt(i);
                }
            }

            if (list.Count == 0)
            {
                list.Parent?.Remove(list);
            }
        }
    }

    private static bool IsFigure(LinkInline link) => link.Title is { } title && title.StartsWith("fig:", StringComparison.Ordinal);

    private static bool IsBlank(ContainerInline container) =>
        !MarkdownWalk.AnyLiteral(container, 0, static (text, _) => !text.IsWhiteSpace())
        && MarkdownWalk.Inlines<Inline>(container).All(i => i is LiteralInline or EmphasisInline or LineBreakInline);

    /// <summary>
    /// <c>[X.png](https://zh.wikipedia.org/wiki/File:X.png "fig:X.png")caption\]\]</c>: the caption is what
    /// follows up to the <c>]]</c> that closed the MediaWiki image (or, without one, the image's own text).
    /// </summary>
    private static void ToFigure(LinkInline link)
    {
        string file = FileName(link);
        var figure = new FigureInline(file, WikiUrls.Original(file).Replace("/wiki/", "/wiki/File:", StringComparison.Ordinal));
        link.ReplaceBy(figure, copyChildren: false);
        if (HasClose(figure))
        {
            for (var next = figure.NextSibling; next is not null; next = figure.NextSibling)
            {
                if (next is LiteralInline literal && literal.Content.AsSpan().IndexOf("]]", StringComparison.Ordinal) is var close and >= 0)
                {
                    string text = literal.Content.ToString();
                    if (close > 0)
                    {
                        figure.AppendChild(new LiteralInline(text[..close]));
                    }

                    literal.Content = new StringSlice(text[(close + 2)..].TrimStart());
                    if (literal.Content.Length == 0)
                    {
                        literal.Remove();
                    }

                    break;
                }

                next.Remove();
                figure.AppendChild(next);
            }
        }
        else
        {
            string caption = link.Title!["fig:".Length..].Trim();
            if (caption.Length > 0 && caption != file)
            {
                figure.AppendChild(new LiteralInline(caption));
            }
        }
    }

    private static bool HasClose(Inline figure)
    {
        for (var next = figure.NextSibling; next is not null; next = next.NextSibling)
        {
            if (next is LiteralInline literal && literal.Content.AsSpan().Contains("]]", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string FileName(LinkInline link)
    {
        string url = Uri.UnescapeDataString(link.Url ?? "");
        int colon = url.LastIndexOf("File:", StringComparison.OrdinalIgnoreCase);
        if (colon < 0)
        {
            colon = url.LastIndexOf("Image:", StringComparison.OrdinalIgnoreCase);
        }

        string name = colon >= 0 ? url[(url.IndexOf(':', colon) + 1)..] : InlineText.Of(link);
        if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return name.Replace('_', ' ').Trim();
    }

    // Inline templates the conversion left whole ({{lang|en|…}}, {{-}}); not TeX, which has \, ^ or digits.
    [GeneratedRegex(@"\{\{\s*[^{}\\^_=+*/\d\s][^{}\\^]*\}\}")]
    private static partial Regex Template();

    // A MediaWiki table's row separator |- (or |-* ) left at a paragraph's end, after the table's caption.
    [GeneratedRegex(@"\s*\|-[*|]*\s*$")]
    private static partial Regex RowSeparator();

    // Bold with nothing inside, not part of a longer run of asterisks.
    [GeneratedRegex(@"(?<!\*)\*\*\*\*(?!\*)")]
    private static partial Regex EmptyStrong();
}

/// <summary>An image the collection does not hold: its caption, and a link to its page on zh.wikipedia.org.</summary>
internal sealed class FigureInline(string file, string url) : ContainerInline
{
    public string File { get; } = file;

    public string Url { get; } = url;
}

internal sealed class FigureInlineRenderer : HtmlObjectRenderer<FigureInline>
{
    protected override void Write(HtmlRenderer renderer, FigureInline figure)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(figure);
            return;
        }

        renderer.Write("<span class=\"figure-missing\" role=\"figure\">")
            .Write("<span class=\"figure-file\">［图：<a class=\"external\" rel=\"nofollow noopener\" href=\"")
            .WriteEscapeUrl(figure.Url)
            .Write("\">")
            .WriteEscape(figure.File)
            .Write("</a>，本站未收录］</span>");
        if (figure.FirstChild is not null)
        {
            renderer.Write(" <span class=\"figure-caption\">");
            renderer.WriteChildren(figure);
            renderer.Write("</span>");
        }

        renderer.Write("</span>");
    }
}
