using System.Collections.Concurrent;
using AngleSharp.Dom;
using Ganss.Xss;

namespace WikiViewer.Rendering.RawHtml;

/// <summary>
/// The allowlist raw HTML passes through (HtmlSanitizer over AngleSharp): the
/// elements MediaWiki's converter left (tables, line breaks, super- and
/// subscripts, spans, divs, small, center, strike-through, underline, lists …),
/// with only attributes that cannot run or cover anything. Elements not on the
/// list are dropped and their text kept; those whose content is no reader's text
/// (script, style, svg …) go with their content. Comments go. Links go through
/// the host's resolver or lose their link. Style attributes are dropped
/// whole: the Content-Security-Policy (<c>style-src 'self'</c>) would refuse
/// them anyway, so a few harmless ones become classes instead (see
/// <see cref="StyleClasses"/>).
/// </summary>
internal sealed class RawHtmlSanitizer
{
    /// <summary>Inline elements a paragraph may hold; a block element inline would break the paragraph.</summary>
    public static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark",
        "q", "rb", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
        "u", "var", "wbr",
    };

    private static readonly string[] BlockTags =
    [
        "blockquote", "caption", "center", "col", "colgroup", "dd", "div", "dl", "dt", "hr", "li", "ol", "p", "pre",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ];

    private static readonly string[] Attributes =
        ["align", "valign", "colspan", "rowspan", "scope", "span", "title", "lang", "dir", "class", "href", "start", "reversed", "datetime", "cite"];

    /// <summary>Class names the stylesheet knows; others are dropped. The converter's <c>header/odd/even</c> rows included.</summary>
    private static readonly string[] Classes =
    [
        "wikitable", "sortable", "center", "nowrap", "noprint", "references-small", "reference", "plainlinks",
        "header", "odd", "even", "ta-left", "ta-center", "ta-right", "new", "external", "navbox", "infobox",
    ];

    /// <summary>Dropped with what they hold: their content is code, styles, foreign markup or form parts, not text.</summary>
    public static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "noembed", "noframes", "iframe", "frame", "frameset", "object",
        "embed", "applet", "svg", "math", "textarea", "select", "title", "head", "xmp", "video", "audio",
    };

    private const int TagCacheLimit = 8192;

    private readonly Func<string, HtmlLink?> _resolveLink;
    // Made on the first HTML fragment: building it (AngleSharp's parsers and CSS
    // support) is slow enough to be paid only by a collection that has raw HTML
    // (docs/benchmarks.md, "Raw HTML: sanitizer built on first use").
    private readonly Lazy<HtmlSanitizer> _sanitizer;

    // Inline tags repeat (<sup>, <br />, <span style="white-space: nowrap;">):
    // each distinct one is sanitized once per pipeline, up to a bound.
    private readonly ConcurrentDictionary<string, string> _openTags = new(StringComparer.Ordinal);

    public RawHtmlSanitizer(Func<string, HtmlLink?> resolveLink)
    {
        _resolveLink = resolveLink;
        _sanitizer = new Lazy<HtmlSanitizer>(Create);
    }

    private HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>([.. InlineTags, .. BlockTags], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(Classes, StringComparer.Ordinal),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.InnerHtml = "";
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (e.Attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                foreach (string name in StyleClasses(e.Attribute.Value))
                {
                    e.Tag.ClassList.Add(name);
                }
            }
        };
        sanitizer.PostProcessDom += (_, e) => CellAttributes.Recover(e.Document);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                ResolveLink(link, e.ReplacementNodes);
            }
        };
        return sanitizer;
    }

    /// <summary>A fragment of HTML (an HTML block) made safe.</summary>
    public string Sanitize(string html) => _sanitizer.Value.Sanitize(html);

    /// <summary>
    /// An opening tag alone, made safe: the tag as it should be written, or empty
    /// when the element is dropped (then its closing tag must be dropped too).
    /// </summary>
    public string SanitizeOpenTag(string tag, string name)
    {
        if (_openTags.TryGetValue(tag, out string? safe))
        {
            return safe;
        }

        // The sanitizer closes the element it parses: "<sup class=x>" comes back as
        // "<sup></sup>"; what precedes the closing tag is the opening tag.
        string html = _sanitizer.Value.Sanitize(tag);
        string close = "</" + name.ToLowerInvariant() + ">";
        safe = html.StartsWith("<" + name.ToLowerInvariant(), StringComparison.Ordinal) && html.EndsWith(close, StringComparison.Ordinal)
            ? html[..^close.Length]
            : html.StartsWith("<" + name.ToLowerInvariant(), StringComparison.Ordinal) && html.IndexOf('<', 1) < 0 ? html : "";
        if (_openTags.Count < TagCacheLimit)
        {
            _openTags.TryAdd(tag, safe);
        }

        return safe;
    }

    /// <summary>A few presentational styles kept as classes: alignment and no-wrap.</summary>
    internal static IEnumerable<string> StyleClasses(string style)
    {
        foreach (string declaration in style.Split(';'))
        {
            int colon = declaration.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            string property = declaration[..colon].Trim().ToLowerInvariant();
            string value = declaration[(colon + 1)..].Trim().ToLowerInvariant();
            switch (property, value)
            {
                case ("text-align", "left" or "center" or "right"):
                    yield return "ta-" + value;
                    break;
                case ("white-space", "nowrap"):
                    yield return "nowrap";
                    break;
            }
        }
    }

    private void ResolveLink(IElement link, ICollection<INode> replacement)
    {
        string? href = link.GetAttribute("href");
        link.RemoveAttribute("title");
        var resolved = href is null ? null : _resolveLink(href);
        if (resolved is null)
        {
            // No link: the text stays.
            link.RemoveAttribute("href");
            foreach (var child in link.ChildNodes.ToArray())
            {
                replacement.Add(child);
            }

            return;
        }

        link.SetAttribute("href", resolved.Url);
        if (resolved.Title is not null)
        {
            link.SetAttribute("title", resolved.Title);
        }

        if (resolved.Missing)
        {
            link.ClassList.Add("new");
        }

        if (resolved.External)
        {
            link.ClassList.Add("external");
            link.SetAttribute("rel", "nofollow noopener");
        }
    }
}
