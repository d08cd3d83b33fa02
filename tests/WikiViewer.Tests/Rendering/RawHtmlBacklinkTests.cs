using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Rendering;

/// <summary>Links in the converter's raw HTML count for "链接到本页的页面", as Markdown links do.</summary>
public sealed class RawHtmlBacklinkTests
{
    [Fact]
    public async Task Pages_linking_from_a_raw_html_table_or_tag_are_listed_as_linking_here()
    {
        using var corpus = new TempCorpus()
            .Add("target.md", "**目标条目**是被链接的条目。\n")
            .Add("table.md", """
                **列表条目**是一个表格。

                <table>
                <tr><td><a href="../Page/目标条目.md" title="wikilink">目标</a></td></tr>
                <tr><td><a href="../Page/不存在的条目.md" title="wikilink">缺</a></td></tr>
                </table>
                """)
            .Add("inline.md", "**行内条目**提到<a href=\"../Page/目标条目.md\" title=\"wikilink\">目标</a>。\n")
            .Add("plain.md", "**无关条目**不链接任何条目。\n");
        await using var app = new WikiApplication(corpus.Path);

        var (_, target) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("目标条目"));
        var linking = target.QuerySelectorAll("#backlinks-heading ~ ul a, [aria-labelledby='backlinks-heading'] li a").Select(a => a.TextContent).Distinct().Order();
        var (_, missing) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("不存在的条目"), System.Net.HttpStatusCode.NotFound);

        Assert.Equal(["列表条目", "行内条目"], linking);
        Assert.Contains("列表条目", missing.Body!.TextContent);
    }
}
