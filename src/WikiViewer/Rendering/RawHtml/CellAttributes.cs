using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace WikiViewer.Rendering.RawHtml;

/// <summary>
/// MediaWiki cell attributes pandoc read as the cell's text: <c>&lt;td&gt;&lt;p&gt;colspan="5" &lt;/p&gt;&lt;/td&gt;</c>
/// (from <c>| colspan="5" |</c> that it did not parse). The span is given back to the cell, within
/// bounds; the other attributes (style, align, width…) are dropped, the text after them stays.
/// </summary>
internal static partial class CellAttributes
{
    private const int MaxSpan = 100;

    public static void Recover(IParentNode dom)
    {
        foreach (var cell in dom.QuerySelectorAll("td, th"))
        {
            if (FirstText(cell) is not { } text || Leading().Match(text.Data) is not { Success: true } match)
            {
                continue;
            }

            foreach (Capture capture in match.Groups["attribute"].Captures)
            {
                var attribute = Attribute().Match(capture.Value);
                string name = attribute.Groups["name"].Value.ToLowerInvariant();
                if (name is "colspan" or "rowspan" && int.TryParse(attribute.Groups["value"].Value, out int span) && span is > 1 and <= MaxSpan && !cell.HasAttribute(name))
                {
                    cell.SetAttribute(name, span.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            text.Data = text.Data[match.Length..];
        }
    }

    /// <summary>The cell's first text node, looking through a leading <c>p</c>; null when the cell starts with something else.</summary>
    private static IText? FirstText(INode cell)
    {
        for (var node = cell.FirstChild; node is not null;)
        {
            switch (node)
            {
                case IText text when string.IsNullOrWhiteSpace(text.Data) && text.NextSibling is not null:
                    node = text.NextSibling;
                    break;
                case IText text:
                    return text;
                case IElement { LocalName: "p" } paragraph:
                    node = paragraph.FirstChild;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    // One or more attributes of the MediaWiki cell attribute list, then optionally the | that ended it.
    [GeneratedRegex("""^\s*(?<attribute>(?:colspan|rowspan|style|align|valign|bgcolor|width|height|class|nowrap|scope)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'|]+)\s*)+\|?\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex Leading();

    [GeneratedRegex("""^(?<name>\w+)\s*=\s*["']?(?<value>[^"']*)""")]
    private static partial Regex Attribute();
}
