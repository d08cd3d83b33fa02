using WikiViewer.Rendering.VariantMarkup;
using WikiViewer.Web;
using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

public sealed class VariantMarkupTests
{
    [Fact]
    public void Plain_variant_markup_is_shown_unconverted()
    {
        var html = Render("採用-{乾隆}-年號").Html.Trim();
        Assert.Equal("<p>採用<span class=\"noconvert\">乾隆</span>年號</p>", html);
        Assert.Equal("<p>采用<span class=\"noconvert\">乾隆</span>年号</p>", ScriptVariant.Simplified.ConvertHtml(html));
    }

    [Fact]
    public void Raw_flag_is_shown_unconverted()
    {
        Assert.Equal("<p><span class=\"noconvert\">乾隆</span></p>", Render("-{R|乾隆}-").Html.Trim());
    }

    // Cut from the real collection (内联函数): page-wide rules on the first line, the first escaped by pandoc.
    [Fact]
    public void Hidden_rules_are_never_shown_nor_indexed()
    {
        var article = Render("\\-{H|zh-hans:代码; zh-tw:程式碼;}- -{H|zh-hans:宏; zh-tw:巨集;}-\n在[電腦科學中](https://zh.wikipedia.org/wiki/電腦科學 \"wikilink\")，**內聯函數**");
        Assert.DoesNotContain("-{", article.Html);
        Assert.DoesNotContain("程式碼", WikiViewer.Tests.Infrastructure.WikiApplication.Parse(article.Html).Body!.TextContent);
        Assert.DoesNotContain("程式碼", article.PlainText);
        Assert.Contains("<strong>內聯函數</strong>", article.Html);
    }

    [Fact]
    public void A_group_keeps_every_entry_and_shows_the_first_as_written()
    {
        var html = Render("使用-{zh-hans:代码;zh-tw:程式碼;}-编写").Html.Trim();
        Assert.Equal(
            "<p>使用<span class=\"variants\"><span data-code=\"zh-hans\" lang=\"zh-Hans\" data-show=\"zh zh-hans zh-cn zh-my zh-sg\">代码</span>"
            + "<span data-code=\"zh-tw\" lang=\"zh-Hant-TW\" data-show=\"zh-hant zh-hk zh-mo zh-tw\" hidden>程式碼</span></span>编写</p>",
            html);
    }

    [Fact]
    public void Each_display_variant_keeps_its_own_entry_unconverted()
    {
        var html = Render("使用-{zh-hans:代码;zh-tw:程式碼;}-编写").Html;
        Assert.Equal(
            "<p>使用<span class=\"variants\"><span data-code=\"zh-hans\" lang=\"zh-Hans\" data-show=\"zh zh-hans zh-cn zh-my zh-sg\">代码</span></span>编写</p>\n",
            ScriptVariant.Simplified.ConvertHtml(html));
        Assert.Equal(
            "<p>使用<span class=\"variants\"><span data-code=\"zh-tw\" lang=\"zh-Hant-TW\" data-show=\"zh-hant zh-hk zh-mo zh-tw\">程式碼</span></span>編寫</p>\n",
            ScriptVariant.Traditional.ConvertHtml(html));
    }

    [Fact]
    public void A_variant_without_an_entry_shows_the_first_converted()
    {
        var html = Render("-{zh-hans:计算机}-").Html;
        Assert.Contains("data-convert=\"zh-hant zh-hk zh-mo zh-tw\"", html);
        Assert.Contains(">計算機</span>", ScriptVariant.Traditional.ConvertHtml(html));
    }

    [Fact]
    public void Entries_may_hold_links_and_emphasis()
    {
        var html = Render("-{zh-hans:[计算机](https://zh.wikipedia.org/wiki/计算机 \"wikilink\");zh-hant:**電腦**}-").Html;
        Assert.Contains("data-show=\"zh zh-hans zh-cn zh-my zh-sg\">", html);
        Assert.Contains("计算机</a></span>", html);
        Assert.Contains("data-show=\"zh-hant zh-hk zh-mo zh-tw\" hidden><strong>電腦</strong></span>", html);
    }

    [Fact]
    public void Search_indexes_every_entry_apart()
    {
        var text = Render("使用-{zh-hans:代码;zh-tw:程式碼;}-编写").PlainText;
        Assert.Equal("使用代码 程式碼编写\n", text);
    }

    [Fact]
    public void Semicolons_without_a_code_are_text()
    {
        var html = Render("-{甲;乙}- -{zh-hans:甲;乙;zh-hant:丙}-").Html;
        Assert.Contains("<span class=\"noconvert\">甲;乙</span>", html);
        Assert.Contains(">甲;乙</span>", html);
    }

    [Theory]
    [InlineData("a -{ b")]
    [InlineData("}- 和 -{")]
    [InlineData("f(x) = {1, 2}-3")]
    public void Unpaired_markers_stay_as_text(string markdown)
    {
        Assert.DoesNotContain("span", Render(markdown).Html);
    }

    [Fact]
    public void Regional_displays_can_choose_from_the_kept_entries()
    {
        Assert.Equal(2, VariantHtml.Choose(["zh-hans", "zh-hk", "zh-tw"], ["zh-tw", "zh-hant"]));
    }
}
