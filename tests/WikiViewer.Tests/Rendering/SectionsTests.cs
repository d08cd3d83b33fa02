using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

public sealed class SectionsTests
{
    [Fact]
    public void Headings_get_wiki_style_ids_and_toc_entries()
    {
        var rendered = Render("引言\n\n## 历史 背景\n\n甲\n\n### 早期\n\n乙\n\n## 理论\n\n丙");

        Assert.Equal(["历史_背景", "早期", "理论"], rendered.Metadata.Toc.Select(t => t.Id));
        Assert.Equal([2, 3, 2], rendered.Metadata.Toc.Select(t => t.Level));
        Assert.Contains("<h2 id=\"历史_背景\">历史 背景</h2>", rendered.Html);
    }

    [Fact]
    public void Duplicate_headings_get_distinct_ids()
    {
        var rendered = Render("## 甲\n\n一\n\n## 甲\n\n二");

        Assert.Equal(["甲", "甲_2"], rendered.Metadata.Toc.Select(t => t.Id));
    }

    [Fact]
    public void Empty_sections_are_dropped()
    {
        var rendered = Render("## 参考文献\n\n## 参见\n\n  - 甲\n\n## 外部链接\n");

        Assert.Equal(["参见"], rendered.Metadata.Toc.Select(t => t.Text));
    }

    [Fact]
    public void Body_h1_becomes_h2_so_the_page_title_stays_the_only_h1()
    {
        var document = RenderDocument("# 大标题\n\n正文");

        Assert.Empty(document.QuerySelectorAll("h1"));
        Assert.Equal("大标题", document.QuerySelector("h2")!.TextContent);
    }
}
