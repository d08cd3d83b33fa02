using System.Net;
using System.Text;

namespace WikiViewer.Rendering.VariantMarkup;

/// <summary>
/// How variant markup stands in the rendered HTML, and how a display variant reads it.
/// <c>-{文字}-</c> is <c>&lt;span class="noconvert"&gt;</c>. A group keeps every entry,
/// <c>&lt;span data-code="zh-tw" data-show="zh-hant"&gt;</c>: <c>data-show</c> lists the
/// display variants that show the entry as written, <c>data-convert</c> those that show it
/// converted (the group has nothing for them); entries not shown as written (<c>zh</c>) carry
/// <c>hidden</c>. Every display variant shows exactly one entry of a group. Regional
/// displays (zh-cn, zh-tw…) each have a row in <see cref="Displays"/>.
/// </summary>
public static class VariantHtml
{
    internal const string NoConvertOpen = "<span class=\"noconvert\">";
    private const string EntryPrefix = "<span data-code=\"";
    private const string BlockEntryPrefix = "<div data-code=\"";
    private const string RulePrefix = "<span class=\"variant-rule\" data-rule=\"";

    /// <summary>A page conversion rule as the HTML carries it: an empty hidden span, <c>data-rule="zh-hans:代码;zh-tw:程式碼"</c>.</summary>
    internal static string RuleElement(IReadOnlyList<(string Code, string Text)> entries) =>
        RulePrefix + WebUtility.HtmlEncode(string.Join(';', entries.Select(e => e.Code + ":" + e.Text))) + "\" hidden></span>";

    /// <summary>
    /// The page's rules for one display: each entry's text (as it stands in the HTML, escaped,
    /// or as plain text) and what the display shows instead, longest first so that the
    /// longest match wins.
    /// </summary>
    private static List<(string From, string To)> RulesFor(string html, string display, bool escaped = true)
    {
        Func<string, string> encode = escaped ? WebUtility.HtmlEncode : static text => text;
        var rules = new List<(string From, string To)>();
        string[] chain = Displays.FirstOrDefault(d => d.Display == display).Chain ?? [];
        for (int at = html.IndexOf(RulePrefix, StringComparison.Ordinal); at >= 0 && chain.Length > 0; at = html.IndexOf(RulePrefix, at + 1, StringComparison.Ordinal))
        {
            int start = at + RulePrefix.Length;
            int end = html.IndexOf('"', start);
            var entries = WebUtility.HtmlDecode(html[start..end]).Split(';')
                .Select(e => e.Split(':', 2)).Where(e => e.Length == 2).Select(e => (Code: e[0], Text: e[1])).ToList();
            int chosen = Choose([.. entries.Select(e => e.Code)], chain);
            if (chosen < 0)
            {
                continue;
            }

            string to = encode(entries[chosen].Text);
            foreach (var (_, text) in entries)
            {
                string from = encode(text);
                if (from != to && from.Length > 0)
                {
                    rules.Add((from, to));
                }
            }
        }

        rules.Sort(static (a, b) => b.From.Length.CompareTo(a.From.Length));
        return rules;
    }

    /// <summary>Text with the page's rules applied first (kept as the rule says) and the rest converted.</summary>
    private static string ConvertWithRules(string text, List<(string From, string To)> rules, Func<string, string> convert)
    {
        var result = new StringBuilder(text.Length);
        int gap = 0;
        for (int i = 0; i < text.Length;)
        {
            var rule = rules.FirstOrDefault(r => text.AsSpan(i).StartsWith(r.From, StringComparison.Ordinal));
            if (rule.From is null)
            {
                i++;
                continue;
            }

            result.Append(convert(text[gap..i])).Append(rule.To);
            i += rule.From.Length;
            gap = i;
        }

        return result.Append(convert(text[gap..])).ToString();
    }

    /// <summary>
    /// Each display variant and the entry codes it looks for, in MediaWiki's fallback order.
    /// As written (<c>zh</c>) shows the entry written first, the author's own first choice:
    /// it needs no guess at the article's script, and zhwiki's editors put their script first.
    /// </summary>
    internal static readonly (string Display, string[] Chain)[] Displays =
    [
        ("zh", []),
        ("zh-hans", ["zh-hans", "zh-cn", "zh-sg", "zh-my", "zh"]),
        ("zh-hant", ["zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh"]),
        ("zh-cn", ["zh-cn", "zh-hans", "zh-sg", "zh-my", "zh"]),
        ("zh-hk", ["zh-hk", "zh-mo", "zh-hant", "zh-tw", "zh"]),
        ("zh-mo", ["zh-mo", "zh-hk", "zh-hant", "zh-tw", "zh"]),
        ("zh-my", ["zh-my", "zh-sg", "zh-hans", "zh-cn", "zh"]),
        ("zh-sg", ["zh-sg", "zh-my", "zh-hans", "zh-cn", "zh"]),
        ("zh-tw", ["zh-tw", "zh-hant", "zh-hk", "zh-mo", "zh"]),
    ];

    /// <summary>
    /// Gives every display variant exactly one entry of a group: the one its fallback chain
    /// picks, shown as written (<paramref name="shown"/>, per entry), or else the first,
    /// converted (<paramref name="convertedFirst"/>).
    /// </summary>
    internal static void AssignDisplays(IReadOnlyList<string> codes, IReadOnlyList<List<string>> shown, List<string> convertedFirst)
    {
        foreach (var (display, chain) in Displays)
        {
            int chosen = Choose(codes, chain);
            (chosen >= 0 ? shown[chosen] : convertedFirst).Add(display);
        }
    }

    /// <summary>The entry a display with this fallback chain shows: -1 when none fits (an empty chain takes the first).</summary>
    internal static int Choose(IReadOnlyList<string> codes, string[] chain)
    {
        if (chain.Length == 0)
        {
            return codes.Count > 0 ? 0 : -1;
        }

        foreach (string code in chain)
        {
            for (int i = 0; i < codes.Count; i++)
            {
                if (codes[i] == code)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <param name="element"><c>span</c> for a group inside a paragraph, <c>div</c> for one of whole blocks.</param>
    internal static string EntryOpen(string code, List<string> shown, List<string> converted, string element)
    {
        var tag = new StringBuilder("<").Append(element).Append(" data-code=\"").Append(WebUtility.HtmlEncode(code)).Append('"');
        if (LanguageTag(code) is { } language)
        {
            tag.Append(" lang=\"").Append(language).Append('"');
        }

        if (shown.Count > 0)
        {
            tag.Append(" data-show=\"").AppendJoin(' ', shown).Append('"');
        }

        if (converted.Count > 0)
        {
            tag.Append(" data-convert=\"").AppendJoin(' ', converted).Append('"');
        }

        if (!shown.Contains("zh"))
        {
            tag.Append(" hidden");
        }

        return tag.Append('>').ToString();
    }

    private static string? LanguageTag(string code) => code switch
    {
        "zh" => "zh",
        "zh-hans" => "zh-Hans",
        "zh-hant" => "zh-Hant",
        "zh-cn" => "zh-Hans-CN",
        "zh-sg" => "zh-Hans-SG",
        "zh-my" => "zh-Hans-MY",
        "zh-tw" => "zh-Hant-TW",
        "zh-hk" => "zh-Hant-HK",
        "zh-mo" => "zh-Hant-MO",
        _ => null,
    };

    /// <summary>
    /// How plain text that belongs to the page <paramref name="html"/> (its title, its headings
    /// in the table of contents) reads in <paramref name="display"/>: the page's <c>-{H|…}-</c>
    /// rules first, as in the body, then <paramref name="convert"/>.
    /// </summary>
    public static Func<string, string> TextConverter(string html, string display, Func<string, string> convert) =>
        html.Contains(RulePrefix, StringComparison.Ordinal) && RulesFor(html, display, escaped: false) is { Count: > 0 } rules
            ? text => ConvertWithRules(text, rules, convert)
            : convert;

    /// <summary>
    /// Rendered HTML as a display variant shows it: the text between tags converted,
    /// except in <c>noconvert</c> spans and in the group entry chosen as written for
    /// <paramref name="display"/>; other entries dropped. Attribute values are escaped
    /// (<c>&amp;gt;</c>), so the first '&gt;' closes a tag.
    /// </summary>
    public static string Convert(string html, string display, Func<string, string> convert)
    {
        if (html.Contains(RulePrefix, StringComparison.Ordinal) && RulesFor(html, display) is { Count: > 0 } rules)
        {
            var plain = convert;
            convert = text => ConvertWithRules(text, rules, plain);
        }

        var converted = new StringBuilder(html.Length + 64);
        int i = 0;
        while (i < html.Length)
        {
            int tag = html.IndexOf('<', i);
            int textEnd = tag < 0 ? html.Length : tag;
            if (textEnd > i)
            {
                converted.Append(convert(html[i..textEnd]));
            }

            if (tag < 0)
            {
                break;
            }

            int close = html.IndexOf('>', tag);
            int tagEnd = close < 0 ? html.Length : close + 1;
            var tagText = html.AsSpan(tag, tagEnd - tag);
            i = tagEnd;
            if (!tagText.StartsWith("<span ", StringComparison.Ordinal) && !tagText.StartsWith("<div ", StringComparison.Ordinal))
            {
                AppendTag(converted, tagText, convert);
            }
            else if (tagText.StartsWith(NoConvertOpen, StringComparison.Ordinal))
            {
                i = EndOf(html, tagEnd, "span");
                converted.Append(html, tag, i - tag);
            }
            else if (tagText.StartsWith(EntryPrefix, StringComparison.Ordinal) || tagText.StartsWith(BlockEntryPrefix, StringComparison.Ordinal))
            {
                string element = tagText[1] == 's' ? "span" : "div";
                if (Lists(tagText, " data-show=\"", display))
                {
                    i = EndOf(html, tagEnd, element);
                    converted.Append(Unhidden(tagText)).Append(html, tagEnd, i - tagEnd);
                }
                else if (Lists(tagText, " data-convert=\"", display))
                {
                    converted.Append(Unhidden(tagText));
                }
                else
                {
                    i = EndOf(html, tagEnd, element);
                }
            }
            else
            {
                AppendTag(converted, tagText, convert);
            }
        }

        return converted.ToString();
    }

    // Attributes a reader sees or hears: a link's tooltip, an image's text, a screen reader's label.
    private static readonly string[] ReadAttributes = [" title=\"", " alt=\"", " aria-label=\""];

    /// <summary>A tag as it stands, but the values of the attributes a reader sees converted too.</summary>
    private static void AppendTag(StringBuilder to, ReadOnlySpan<char> tag, Func<string, string> convert)
    {
        // Only text beyond ASCII can convert; most tags (and every attribute name) are ASCII.
        if (!tag.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            to.Append(tag);
            return;
        }

        int copied = 0;
        while (true)
        {
            int at = -1, nameLength = 0;
            foreach (string attribute in ReadAttributes)
            {
                int found = tag[copied..].IndexOf(attribute, StringComparison.Ordinal);
                if (found >= 0 && (at < 0 || copied + found < at))
                {
                    at = copied + found;
                    nameLength = attribute.Length;
                }
            }

            int valueStart = at + nameLength;
            int valueEnd = at < 0 ? -1 : tag[valueStart..].IndexOf('"');
            if (valueEnd < 0)
            {
                to.Append(tag[copied..]);
                return;
            }

            valueEnd += valueStart;
            to.Append(tag[copied..valueStart]).Append(convert(tag[valueStart..valueEnd].ToString()));
            copied = valueEnd;
        }
    }

    private static ReadOnlySpan<char> Unhidden(ReadOnlySpan<char> tag) =>
        tag.EndsWith(" hidden>", StringComparison.Ordinal) ? string.Concat(tag[..^8], ">") : tag;

    private static bool Lists(ReadOnlySpan<char> tag, string attribute, string display)
    {
        int at = tag.IndexOf(attribute, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var value = tag[(at + attribute.Length)..];
        value = value[..Math.Max(0, value.IndexOf('"'))];
        foreach (var range in value.Split(' '))
        {
            if (value[range].SequenceEqual(display))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index just after the end tag that closes an <paramref name="element"/> whose content starts at <paramref name="start"/>.</summary>
    private static int EndOf(string html, int start, string element)
    {
        string end = "</" + element + ">", open = "<" + element;
        int depth = 0;
        for (int i = html.IndexOf('<', start); i >= 0; i = html.IndexOf('<', i + 1))
        {
            var rest = html.AsSpan(i);
            if (rest.StartsWith(end, StringComparison.Ordinal))
            {
                if (depth-- == 0)
                {
                    return i + end.Length;
                }
            }
            else if (rest.StartsWith(open, StringComparison.Ordinal) && rest.Length > open.Length && rest[open.Length] is ' ' or '>')
            {
                depth++;
            }
        }

        return html.Length;
    }
}

/// <summary>
/// One entry of a variant group, inline (<see cref="VariantEntryInline"/>) or of whole blocks
/// (<see cref="VariantEntryBlock"/>): its code and the display variants that show it.
/// </summary>
public sealed class VariantEntry(string code)
{
    public string Code { get; } = code;

    /// <summary>Display variants that show this entry as written.</summary>
    public List<string> Shown { get; } = [];

    /// <summary>Display variants that show this entry converted (the group has no entry for them).</summary>
    public List<string> Converted { get; } = [];

    /// <summary>Gives every display variant exactly one entry of a group (<see cref="VariantHtml.AssignDisplays"/>).</summary>
    internal static void Choose(IReadOnlyList<VariantEntry> entries) =>
        VariantHtml.AssignDisplays([.. entries.Select(e => e.Code)], [.. entries.Select(e => e.Shown)], entries[0].Converted);

    /// <summary>The entry's opening tag (<see cref="VariantHtml.EntryOpen"/>).</summary>
    internal string Open(string element) => VariantHtml.EntryOpen(Code, Shown, Converted, element);
}
