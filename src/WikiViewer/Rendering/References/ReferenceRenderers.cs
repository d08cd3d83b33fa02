using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using WikiViewer.Rendering.Syntax;

namespace WikiViewer.Rendering.References;

/// <summary>Renders a marker as a superscript link to its entry, with an id the entry links back to.</summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        if (!citation.HasEntry)
        {
            renderer.Write("<sup class=\"reference\">[").Write(citation.Number.ToString()).Write("]</sup>");
            return;
        }

        string n = citation.Number.ToString();
        renderer.Write("<sup class=\"reference\" id=\"cite_ref-").Write(n).Write('-').Write(citation.Occurrence.ToString())
            .Write("\"><a href=\"#cite_note-").Write(n).Write("\">[").Write(n).Write("]</a></sup>");
    }
}

/// <summary>Renders the reference list the way MediaWiki does: numbered entries with ↑ back-links.</summary>
public sealed class ReferenceListRenderer : HtmlObjectRenderer<ReferenceListBlock>
{
    internal const string UnavailableText = "此条参考文献的内容在转换时遗失。";

    protected override void Write(HtmlRenderer renderer, ReferenceListBlock list)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<ol class=\"references\">");
        int number = 0;
        foreach (var block in list)
        {
            number++;
            var item = (ListItemBlock)block;
            bool empty = string.IsNullOrWhiteSpace(PlainTextOf(item));
            string n = number.ToString();
            renderer.Write("<li id=\"cite_note-").Write(n).Write('"').Write(empty ? " class=\"unavailable\">" : ">");
            WriteBacklinks(renderer, n, list.CitationCounts.GetValueOrDefault(number));
            renderer.Write("<span class=\"reference-text\">");
            if (empty)
            {
                renderer.Write(UnavailableText);
            }
            else
            {
                bool implicitParagraph = renderer.ImplicitParagraph;
                renderer.ImplicitParagraph = !list.IsLoose;
                renderer.WriteChildren(item);
                renderer.ImplicitParagraph = implicitParagraph;
            }

            renderer.WriteLine("</span></li>");
        }

        renderer.WriteLine("</ol>");
    }

    private static void WriteBacklinks(HtmlRenderer renderer, string n, int count)
    {
        if (count == 1)
        {
            renderer.Write("<a class=\"backlink\" href=\"#cite_ref-").Write(n).Write("-0\" aria-label=\"跳回正文\">↑</a> ");
        }
        else if (count > 1)
        {
            renderer.Write("<span class=\"backlink\">↑");
            for (int i = 0; i < count; i++)
            {
                string letter = i < 26 ? ((char)('a' + i)).ToString() : (i + 1).ToString();
                renderer.Write(" <a href=\"#cite_ref-").Write(n).Write('-').Write(i.ToString()).Write("\">").Write(letter).Write("</a>");
            }

            renderer.Write("</span> ");
        }
    }

    private static string PlainTextOf(ListItemBlock item)
    {
        var text = new System.Text.StringBuilder();
        InlineText.AppendBlocks(text, item, _ => false);
        return text.ToString();
    }
}
