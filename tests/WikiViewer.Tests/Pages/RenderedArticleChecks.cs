using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace WikiViewer.Tests.Pages;

/// <summary>
/// What a served article of the real collection must look like, whatever its content:
/// no conversion residue in its visible text, inert HTML, TeX typeset. Each check
/// returns the problems it found (empty when the page passes), so that a run over many
/// files can report them all.
/// </summary>
public static partial class RenderedArticleChecks
{
    /// <summary>
    /// Markup that is never the content of a zh-wiki article's prose: MediaWiki and HTML
    /// the conversion left as text, Markdown the reader did not parse.
    /// </summary>
    public static readonly string[] Residue =
    [
        "-{", "}-", "<!--", "-->", "<sup", "<span", "<br", "<table", "<div", "<ref", "<small", "<center", "<font", "</",
        "\"wikilink\"", "{{", "}}", "{|", "|}", "[[", "]]", "****", "](../", ".md \"", "\\[", "\\]", "\\(", "\\)",
        "end list", "&nbsp;", "&lt;", "&gt;", "&amp;", "colspan=", "rowspan=", " |-",
    ];

    /// <summary>Every check, for a served article page and the Markdown it came from.</summary>
    public static List<string> All(IDocument page, string markdown) =>
        [.. VisibleResidue(page), .. NotInert(page), .. UntypesetMath(page, markdown)];

    /// <summary>The residue in the text a reader sees: the title, the table of contents and the body outside code and math.</summary>
    public static IEnumerable<string> VisibleResidue(IDocument page)
    {
        var parts = new List<(string Where, string Text)>
        {
            ("title", page.QuerySelector("#firstHeading")?.TextContent ?? ""),
            ("toc", string.Join("\n", page.QuerySelectorAll(".toc li").Select(li => li.TextContent))),
        };
        if (page.QuerySelector(".article-body") is { } body)
        {
            var visible = (IElement)body.Clone(deep: true);
            foreach (var hidden in visible.QuerySelectorAll("pre, code, span.math").ToList())
            {
                hidden.Remove();
            }

            parts.Add(("body", visible.TextContent));
        }
        else
        {
            yield return "no .article-body";
        }

        foreach (var (where, text) in parts)
        {
            foreach (string residue in Residue)
            {
                if (text.IndexOf(residue, StringComparison.Ordinal) is var at and >= 0)
                {
                    yield return $"{where}: residue {residue} in …{Around(text, at, residue.Length)}…";
                }
            }
        }
    }

    /// <summary>Live HTML the article could carry: scripts other than the site's, event handlers, inline styles, links to other schemes.</summary>
    public static IEnumerable<string> NotInert(IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            string src = script.GetAttribute("src") ?? "";
            if (!src.StartsWith("/js/", StringComparison.Ordinal) || script.TextContent.Trim().Length > 0)
            {
                yield return $"script: {Cut(script.OuterHtml)}";
            }
        }

        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"attribute {attribute.Name} on {Cut(element.OuterHtml)}";
                }
                else if (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" or "poster" or "data" && !IsAllowedUrl(attribute.Value))
                {
                    yield return $"{attribute.Name}={attribute.Value} on <{element.LocalName}>";
                }
            }
        }

        if (page.QuerySelector(".article-body") is { } body)
        {
            foreach (var element in body.QuerySelectorAll("iframe, object, embed, form, input, button, textarea, select, link, meta, base, style, svg, math, img, video, audio"))
            {
                yield return $"active element in the body: {Cut(element.OuterHtml)}";
            }
        }
    }

    /// <summary>
    /// Every <c>\(…\)</c> and <c>\[…\]</c> of the Markdown that holds TeX (a command, a
    /// sub- or superscript) is a <c>span.math</c> with the TeX as its text; the ones that
    /// do not, such as <c>\(R\)</c> in a chemical name, are plain text.
    /// </summary>
    public static IEnumerable<string> UntypesetMath(IDocument page, string markdown)
    {
        var math = page.QuerySelectorAll(".article-body span.math").Select(m => Normalize(m.TextContent)).ToHashSet(StringComparer.Ordinal);
        string visible = page.QuerySelector(".article-body")?.TextContent ?? "";
        foreach (Match match in TeX().Matches(markdown))
        {
            string tex = match.Groups["tex"].Value;
            if (IsTeX(tex))
            {
                if (!math.Contains(Normalize(tex)))
                {
                    yield return $"math: no span.math for {Cut(match.Value)}";
                }
            }
            else if (PlainParenthesized().IsMatch(match.Value) && !visible.Contains($"({tex})", StringComparison.Ordinal))
            {
                yield return $"math: {match.Value} is not the plain text ({tex})";
            }
        }
    }

    /// <summary>The content of every <c>\(…\)</c> and <c>\[…\]</c> of the Markdown, TeX or not.</summary>
    public static IEnumerable<string> Delimited(string markdown) => TeX().Matches(markdown).Select(m => m.Groups["tex"].Value);

    /// <summary>TeX, not a chemical name's <c>(R)</c> or a reference's <c>[1]</c>.</summary>
    public static bool IsTeX(string content) =>
        TeXMark().IsMatch(content) && !content.Contains("](", StringComparison.Ordinal) && !TagOrAutolink().IsMatch(content);

    private static bool IsAllowedUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith('#')
        || url == "/"
        || SiteUrl().IsMatch(url);

    private static string Normalize(string tex) => Whitespace().Replace(tex, " ").Trim();

    private static string Around(string text, int at, int length)
    {
        int start = Math.Max(0, at - 30);
        int end = Math.Min(text.Length, at + length + 30);
        return text[start..end].ReplaceLineEndings(" ");
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"^/(wiki/|zh(-(hans|hant|cn|tw|hk|mo|my|sg))?/|\?variant=|category/|css/|js/|lib/|search(\?|$)|random$|opensearch\.xml$|variant(\?|$))")]
    private static partial Regex SiteUrl();

    // Not inside a Markdown link target (…_\(计算机科学\).md), which is a title, not math.
    [GeneratedRegex(@"(?<![_\w])\\\((?<tex>[^\n]+?)\\\)(?!\.md)|\\\[(?<tex>[^\n]+?)\\\]")]
    private static partial Regex TeX();

    [GeneratedRegex(@"^\\\([^\\]*\\\)$")]
    private static partial Regex PlainParenthesized();

    [GeneratedRegex(@"\\[A-Za-z]+|(?<!\\)[\^_{}=<>]")]
    private static partial Regex TeXMark();

    [GeneratedRegex(@"<[A-Za-z/]")]
    private static partial Regex TagOrAutolink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
