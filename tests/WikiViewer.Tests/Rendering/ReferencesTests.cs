using static WikiViewer.Tests.Rendering.RenderingTestKit;
using WikiViewer.Store;

namespace WikiViewer.Tests.Rendering;

public sealed class ReferencesTests
{
    private const string Article = """
        **甲**是乙\[1\]\[2\]，又是丙\[1\]。

        ## 参考文献

        ## 参见

          - 丁

        [Category:某类](https://zh.wikipedia.org/wiki/Category:某类 "wikilink")

        1.  [第一种来源](http://example.org/1)
        2.
        """;

    [Fact]
    public void Reference_list_moves_under_its_heading()
    {
        var document = RenderDocument(Article);
        var heading = document.QuerySelector("h2#参考文献")!;

        Assert.Equal("OL", heading.NextElementSibling!.TagName);
        Assert.Contains("references", heading.NextElementSibling.ClassList);
        Assert.Equal("参见", heading.NextElementSibling.NextElementSibling!.TextContent);
    }

    [Fact]
    public void Markers_link_to_their_entries_and_entries_link_back()
    {
        var document = RenderDocument(Article);
        var markers = document.QuerySelectorAll("sup.reference a");

        Assert.Equal(["[1]", "[2]", "[1]"], markers.Select(m => m.TextContent));
        Assert.Equal(["#cite_note-1", "#cite_note-2", "#cite_note-1"], markers.Select(m => m.GetAttribute("href")));
        Assert.Equal(["cite_ref-1-0", "cite_ref-2-0", "cite_ref-1-1"], document.QuerySelectorAll("sup.reference").Select(s => s.Id));
        var first = document.GetElementById("cite_note-1")!;
        Assert.Equal(["#cite_ref-1-0", "#cite_ref-1-1"], first.QuerySelectorAll(".backlink a").Select(a => a.GetAttribute("href")));
        Assert.Equal("第一种来源", first.QuerySelector(".reference-text a.external")!.TextContent);
    }

    [Fact]
    public void Empty_entry_is_shown_as_unavailable_and_keeps_its_number()
    {
        var entries = RenderDocument(Article).QuerySelectorAll("ol.references > li");

        Assert.Equal(2, entries.Length);
        Assert.Equal("cite_note-2", entries[1].Id);
        Assert.Contains("unavailable", entries[1].ClassList);
        Assert.Contains("遗失", entries[1].TextContent);
    }

    [Fact]
    public void No_escaped_marker_residue_remains()
    {
        string html = Render(Article).Html;

        Assert.DoesNotContain("\\[", html);
        Assert.DoesNotContain("[1]</a></sup>[", html.Replace("\n", ""));
    }

    [Fact]
    public void Without_a_heading_the_references_get_one_at_the_end()
    {
        var document = RenderDocument("甲\\[1\\]\n\n[Category:某类](https://zh.wikipedia.org/wiki/Category:某类 \"wikilink\")\n\n1.  来源甲\n");

        Assert.Equal("参考文献", document.QuerySelector("h2")!.TextContent);
        Assert.Equal("来源甲", document.QuerySelector("#cite_note-1 .reference-text")!.TextContent);
    }

    [Fact]
    public void A_numbered_list_in_the_body_is_not_taken_for_references()
    {
        var document = RenderDocument("步骤：\n\n1.  甲\n2.  乙\n");

        Assert.Empty(document.QuerySelectorAll("ol.references"));
        Assert.Equal(2, document.QuerySelectorAll("ol > li").Length);
    }

    [Fact]
    public void Bracketed_text_that_is_not_a_number_stays_text()
    {
        var document = RenderDocument("代号MC\\[*X*\\]（X是数字）");

        Assert.Empty(document.QuerySelectorAll("sup"));
        Assert.Equal("代号MC[X]（X是数字）", document.Body!.TextContent.Trim());
    }
}
