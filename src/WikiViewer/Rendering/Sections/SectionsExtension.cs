using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.Sections;

/// <summary>
/// Shapes the article's sections: the page title is the only h1, so body
/// headings start at h2; sections the conversion left empty are dropped; each
/// heading gets a MediaWiki-style id (text, spaces as <c>_</c>) and an entry in the
/// table of contents.
/// </summary>
public sealed class SectionsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Process(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level, 2, 6);
        }

        RemoveEmptySections(document);

        var toc = ArticleMetadata.Of(document).Toc;
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            string text = InlineText.Of(heading).Trim();
            string id = UniqueId(text.Length == 0 ? "section" : text.Replace(' ', '_'), used);
            heading.GetAttributes().Id = id;
            if (heading.Parent is MarkdownDocument && heading.Level <= 4 && text.Length > 0)
            {
                toc.Add(new TocEntry(heading.Level, text, id));
            }
        }
    }

    // Walk backwards so that a section holding only empty subsections empties too.
    private static void RemoveEmptySections(MarkdownDocument document)
    {
        for (int i = document.Count - 1; i >= 0; i--)
        {
            if (document[i] is HeadingBlock heading
                && (i + 1 == document.Count || document[i + 1] is HeadingBlock { } next && next.Level <= heading.Level))
            {
                document.RemoveAt(i);
            }
        }
    }

    // Remembers the next suffix per id: an article with thousands of equal
    // headings must not try _2, _3 … afresh for each (quadratic).
    private static string UniqueId(string id, Dictionary<string, int> used)
    {
        if (used.TryAdd(id, 2))
        {
            return id;
        }

        string candidate;
        int n = used[id];
        do
        {
            candidate = $"{id}_{n++}";
        }
        while (used.ContainsKey(candidate));

        used[id] = n;
        used[candidate] = 2;
        return candidate;
    }
}
