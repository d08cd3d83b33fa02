using WikiViewer.Web;
using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

/// <summary>Variant groups whose entries are whole blocks, as the converter left them around code samples (cut from JavaScript.md).</summary>
public sealed class VariantBlockTests
{
    private const string Sample = """
        以下是一個簡單的JavaScript Hello World︰
        -{zh-hans:

        ``` javascript
        alert("简单");
        ```

        ;zh-hant:

        ``` javascript
        alert("簡單");
        ```

        }-

        或是在瀏覽器的地址栏中使用。
        """;

    [Fact]
    public void Each_entry_becomes_a_block_and_no_marker_is_left()
    {
        var document = RenderDocument(Sample);
        var entries = document.QuerySelectorAll("div.variants > div[data-code]");

        Assert.Equal(["zh-hans", "zh-hant"], entries.Select(e => e.GetAttribute("data-code")));
        Assert.Contains("alert(\"简单\");", entries[0].QuerySelector("pre code")!.TextContent);
        Assert.Contains("alert(\"簡單\");", entries[1].QuerySelector("pre code")!.TextContent);
        Assert.False(entries[0].HasAttribute("hidden"));
        Assert.True(entries[1].HasAttribute("hidden"));
        Assert.Equal(["以下是一個簡單的JavaScript Hello World︰", "或是在瀏覽器的地址栏中使用。"], document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()));
        Assert.DoesNotContain("-{", document.Body!.TextContent);
        Assert.DoesNotContain("}-", document.Body!.TextContent);
        Assert.DoesNotContain("zh-hant:", document.Body!.TextContent);
    }

    [Theory]
    [InlineData("zh", "alert(\"简单\");")]
    [InlineData("zh-hans", "alert(\"简单\");")]
    [InlineData("zh-hant", "alert(\"簡單\");")]
    public void Each_display_shows_its_entry_alone(string code, string shown)
    {
        var variant = ScriptVariant.Parse(code)!;
        string html = Render(Sample).Html;
        var document = WikiViewer.Tests.Infrastructure.WikiApplication.Parse(variant == ScriptVariant.AsWritten ? html : variant.ConvertHtml(html));
        var visible = document.QuerySelectorAll("div[data-code]").Where(e => !e.HasAttribute("hidden")).ToList();

        Assert.Single(visible);
        Assert.Contains(shown, visible[0].TextContent);
        if (variant != ScriptVariant.AsWritten)
        {
            Assert.Single(document.QuerySelectorAll("div[data-code]")); // the others are dropped
        }
    }

    [Fact]
    public void A_group_that_never_closes_is_left_as_text()
    {
        var document = RenderDocument("开头︰\n-{zh-hans:\n\n代码\n\n;zh-hant:\n\n程式碼\n");

        Assert.Empty(document.QuerySelectorAll("div.variants"));
        Assert.Contains("代码", document.Body!.TextContent);
        Assert.Contains("程式碼", document.Body!.TextContent);
    }
}
