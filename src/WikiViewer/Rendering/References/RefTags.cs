using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.References;

/// <summary>
/// <c>&lt;ref&gt;…&lt;/ref&gt;</c> left as raw HTML (the converter turned most into
/// <c>\[n\]</c> markers and a trailing list, not all): each becomes a marker numbered
/// after the list's entries, its content the next entry, as MediaWiki numbers them.
/// <c>&lt;ref name="x"/&gt;</c> repeats x's number. A <c>&lt;references/&gt;</c> block
/// marks where the list goes.
/// </summary>
internal sealed partial class RefTags(ReferenceListBlock? list, Dictionary<int, int> counts)
{
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    /// <summary>The list with the refs' entries added (made when there was none and refs were found).</summary>
    public ReferenceListBlock? List => list;

    /// <summary>Takes the refs under <paramref name="root"/> out of the text into <see cref="List"/>.</summary>
    public void Collect(ContainerInline root)
    {
        if (!HasHtml(root))
        {
            return;
        }

        foreach (var tag in MarkdownWalk.Inlines<HtmlInline>(root))
        {
            if (tag.Parent is null || OpenRef().Match(tag.Tag) is not { Success: true } open)
            {
                continue;
            }

            string? name = open.Groups["name"] is { Success: true } n ? n.Value : null;
            bool selfClosing = tag.Tag.EndsWith("/>", StringComparison.Ordinal);
            var close = selfClosing ? null : ClosingOf(tag);
            if (!selfClosing && close is null)
            {
                continue;
            }

            if (name is null || !_names.TryGetValue(name, out int number))
            {
                if (selfClosing)
                {
                    tag.Remove(); // a name used before it is defined: nothing to number
                    continue;
                }

                list ??= new ReferenceListBlock();
                number = list.Count + 1;
                list.Add(EntryOf(tag, close!));
                if (name is not null)
                {
                    _names[name] = number;
                }
            }
            else if (close is not null)
            {
                EntryOf(tag, close); // the text again, under a name already numbered
            }

            int occurrence = counts.GetValueOrDefault(number);
            counts[number] = occurrence + 1;
            close?.Remove();
            tag.ReplaceBy(new CitationInline(number, occurrence, hasEntry: true));
        }

    }

    // Most paragraphs have no HTML: look before collecting.
    private static bool HasHtml(ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is HtmlInline || (child is ContainerInline inner && HasHtml(inner)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of a <c>&lt;references/&gt;</c> block, or -1.</summary>
    public static int IndexOfReferencesTag(MarkdownDocument document)
    {
        for (int i = 0; i < document.Count; i++)
        {
            if (document[i] is HtmlBlock html && ReferencesTag().IsMatch(html.Lines.ToString()))
            {
                return i;
            }
        }

        return -1;
    }

    private static HtmlInline? ClosingOf(HtmlInline open)
    {
        for (var next = open.NextSibling; next is not null; next = next.NextSibling)
        {
            if (next is HtmlInline html)
            {
                if (CloseRef().IsMatch(html.Tag))
                {
                    return html;
                }

                if (OpenRef().IsMatch(html.Tag))
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static ListItemBlock EntryOf(HtmlInline open, HtmlInline close)
    {
        var content = new ContainerInline();
        for (var inline = open.NextSibling; inline is not null && inline != close;)
        {
            var next = inline.NextSibling;
            inline.Remove();
            content.AppendChild(inline);
            inline = next;
        }

        var item = new ListItemBlock(null!);
        item.Add(new ParagraphBlock { Inline = content });
        return item;
    }

    [GeneratedRegex("""^<ref(?=[\s/>])(?:\s+name\s*=\s*(?:"(?<name>[^"]*)"|'(?<name>[^']*)'|(?<name>[^\s/>]+)))?[^>]*>$""", RegexOptions.IgnoreCase)]
    private static partial Regex OpenRef();

    [GeneratedRegex(@"^</ref\s*>$", RegexOptions.IgnoreCase)]
    private static partial Regex CloseRef();

    [GeneratedRegex(@"^\s*<references\s*/?>\s*(?:</references>\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencesTag();
}
