using System.Buffers;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WikiViewer.Text;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.References;

/// <summary>
/// Puts the reference list back where MediaWiki showed it. The converter wrote
/// the <c>&lt;references/&gt;</c> as a numbered list at the very end of the file
/// (after the categories) and the <c>&lt;ref&gt;</c> markers as escaped
/// <c>\[1\]</c>; this moves the list under 参考文献 and turns the markers into
/// footnote links. Empty entries keep their number, so marker n still points at entry n.
/// </summary>
public sealed partial class ReferencesExtension : IMarkdownExtension
{
    private static readonly HashSet<string> ReferenceHeadings =
        ["参考文献", "参考资料", "参考来源", "参考", "来源", "资料来源", "注释", "注解", "脚注", "引用", "注释与参考文献", "References", "Notes"];

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<ReferenceListRenderer>();
            html.ObjectRenderers.AddIfNotAlready<CitationRenderer>();
        }
    }

    internal static bool IsReferenceHeading(HeadingBlock heading) =>
        ReferenceHeadings.Contains(ChineseScript.Fold(InlineText.Of(heading).Trim()));

    private static void Process(MarkdownDocument document)
    {
        var list = TakeTrailingReferenceList(document);
        var counts = new Dictionary<int, int>();
        int listed = list?.Count ?? 0;
        var refs = new RefTags(list, counts);
        foreach (var leaf in MarkdownWalk.Blocks<LeafBlock>(document))
        {
            if (leaf.Inline is { } inline)
            {
                LinkMarkers(inline, listed, counts);
                refs.Collect(inline);
            }
        }

        list = refs.List;

        if (list is null)
        {
            return;
        }

        list.CitationCounts = counts;
        if (RefTags.IndexOfReferencesTag(document) is >= 0 and int at)
        {
            document.RemoveAt(at);
            document.Insert(at, list);
            return;
        }

        int heading = IndexOfReferenceHeading(document);
        if (heading < 0)
        {
            document.Add(new HeadingBlock(null!) { Level = 2, HeaderChar = '#', Inline = new ContainerInline().AppendChild(new LiteralInline("参考文献")) });
            document.Add(list);
        }
        else
        {
            document.Insert(heading + 1, list);
        }
    }

    /// <summary>
    /// The list is the file's last block, a numbered list from 1, after the
    /// categories (or in a file with a reference heading left empty).
    /// </summary>
    private static ReferenceListBlock? TakeTrailingReferenceList(MarkdownDocument document)
    {
        if (document.LastChild is not ListBlock { IsOrdered: true } list || list.OrderedStart is not (null or "1"))
        {
            return null;
        }

        if (!ArticleMetadata.Of(document).HadTrailer && !HasEmptyReferenceHeading(document))
        {
            return null;
        }

        document.Remove(list);
        var references = new ReferenceListBlock { IsLoose = list.IsLoose };
        foreach (var item in list.Cast<ListItemBlock>().ToList())
        {
            list.Remove(item);
            references.Add(item);
        }

        return references;
    }

    private static bool HasEmptyReferenceHeading(MarkdownDocument document)
    {
        int index = IndexOfReferenceHeading(document);
        return index >= 0 && (index + 1 == document.Count - 1 || document[index + 1] is HeadingBlock);
    }

    private static int IndexOfReferenceHeading(MarkdownDocument document)
    {
        for (int i = 0; i < document.Count; i++)
        {
            if (document[i] is HeadingBlock heading && IsReferenceHeading(heading))
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly SearchValues<char> MarkerStart = SearchValues.Create("[");

    private static void LinkMarkers(ContainerInline root, int referenceCount, Dictionary<int, int> counts)
    {
        if (!MarkdownWalk.AnyLiteralContains(root, MarkerStart))
        {
            return;
        }

        Literals.MergeUnder(root);

        foreach (var literal in MarkdownWalk.Inlines<LiteralInline>(root))
        {
            if (!Marker().IsMatch(literal.Content.AsSpan()))
            {
                continue;
            }

            string text = literal.Content.ToString();
            Inline last = literal;
            int position = 0;
            foreach (var match in Marker().EnumerateMatches(text))
            {
                int number = int.Parse(text.AsSpan(match.Index + 1, match.Length - 2));
                if (match.Index > position)
                {
                    last = InsertAfter(last, new LiteralInline(text[position..match.Index]));
                }

                int occurrence = counts.GetValueOrDefault(number);
                bool hasEntry = number >= 1 && number <= referenceCount;
                if (hasEntry)
                {
                    counts[number] = occurrence + 1;
                }

                last = InsertAfter(last, new CitationInline(number, occurrence, hasEntry));
                position = match.Index + match.Length;
            }

            if (position < text.Length)
            {
                InsertAfter(last, new LiteralInline(text[position..]));
            }

            literal.Remove();
        }
    }

    private static Inline InsertAfter(Inline anchor, Inline inline)
    {
        anchor.InsertAfter(inline);
        return inline;
    }

    [GeneratedRegex(@"\[([0-9]{1,3})\]")]
    private static partial Regex Marker();
}

/// <summary>A <c>[n]</c> footnote marker in the text.</summary>
public sealed class CitationInline(int number, int occurrence, bool hasEntry) : LeafInline
{
    public int Number { get; } = number;

    /// <summary>Which citation of this reference this is (0 for the first), for the list's back-links.</summary>
    public int Occurrence { get; } = occurrence;

    public bool HasEntry { get; } = hasEntry;
}

/// <summary>The reference list: one item per number, empty items included.</summary>
public sealed class ReferenceListBlock() : ContainerBlock(null)
{
    public bool IsLoose { get; init; }

    public IReadOnlyDictionary<int, int> CitationCounts { get; set; } = new Dictionary<int, int>();
}
