using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

/// <summary>Column alignment as classes: the Content-Security-Policy refuses inline styles.</summary>
public sealed class TableAlignmentTests
{
    [Fact]
    public void Aligned_columns_get_classes_and_no_style()
    {
        var document = RenderDocument("""
            | 年份 | 奖项 | 结果 |
            | :--- | :---: | ---: |
            | 2016 | 新人奖 | 获奖 |
            """);

        Assert.Empty(document.QuerySelectorAll("[style]"));
        Assert.Equal(["ta-left", "ta-center", "ta-right"], document.QuerySelectorAll("thead th").Select(th => th.ClassName));
        Assert.Equal(["ta-left", "ta-center", "ta-right"], document.QuerySelectorAll("tbody td").Select(td => td.ClassName));
        Assert.Equal("新人奖", document.QuerySelector("tbody td.ta-center")!.TextContent);
    }

    [Fact]
    public void Columns_without_alignment_stay_plain()
    {
        var document = RenderDocument("""
            | 甲 | 乙 |
            | --- | --- |
            | 1 | 2 |
            """);

        Assert.Empty(document.QuerySelectorAll("[style], [class]"));
    }
}
