using WikiViewer.Tests.Infrastructure;
using WikiViewer.Web;
using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

/// <summary><c>-{H|…}-</c> and <c>-{A|…}-</c>: rules of the page's conversion, as MediaWiki applies them.</summary>
public sealed class VariantRuleTests
{
    [Theory]
    [InlineData("zh-hans", "电脑的内存很大，内存也是。")]
    [InlineData("zh-hant", "電腦的記憶體很大，記憶體也是。")]
    public void A_hidden_rule_converts_every_spelling_of_its_words_in_the_page(string code, string expected)
    {
        var variant = ScriptVariant.Parse(code)!;
        string html = Render("-{H|zh-hans:内存;zh-tw:記憶體;}-電腦的記憶體很大，内存也是。").Html;

        Assert.Equal(expected, WikiApplication.Parse(variant.ConvertHtml(html)).Body!.TextContent.Trim());
    }

    [Fact]
    public void As_written_the_rule_changes_nothing_and_shows_nothing()
    {
        var article = Render("-{H|zh-hans:内存;zh-tw:記憶體;}-電腦的記憶體很大，内存也是。");

        Assert.Equal("電腦的記憶體很大，内存也是。", WikiApplication.Parse(article.Html).Body!.TextContent.Trim());
        Assert.DoesNotContain("記憶體很大，記憶體", article.PlainText);
        Assert.DoesNotContain("zh-hans", article.PlainText);
    }

    [Fact]
    public void An_added_rule_is_shown_in_place_and_converts_the_rest_of_the_page()
    {
        string html = Render("-{A|zh-hans:软件;zh-tw:軟體;}-很好，这个软件").Html;
        var traditional = WikiApplication.Parse(ScriptVariant.Traditional.ConvertHtml(html));

        // OpenCC's s2t alone would give 軟件 for the second one.
        Assert.Equal("軟體很好，這個軟體", traditional.Body!.TextContent.Trim());
    }

    [Fact]
    public void The_longest_rule_wins_and_converted_words_are_not_converted_again()
    {
        string html = Render("-{H|zh-hans:计算机;zh-tw:電腦;}- -{H|zh-hans:计算机科学;zh-tw:計算機科學;}-計算機科學與電腦").Html;

        Assert.Equal("计算机科学与计算机", WikiApplication.Parse(ScriptVariant.Simplified.ConvertHtml(html)).Body!.TextContent.Trim());
    }

    [Fact]
    public async Task The_reader_sees_the_rule_applied_on_the_page()
    {
        using var corpus = new TempCorpus().Add("rule.md", "-{H|zh-hans:内存;zh-tw:記憶體;}-**記憶體測試**是關於電腦記憶體的條目。\n");
        await using var app = new WikiApplication(corpus.Path);
        var client = await app.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wiki/" + Uri.EscapeDataString("記憶體測試"));
        request.Headers.Add("Cookie", "variant=zh-hans");

        var page = WikiApplication.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Equal("内存测试是关于电脑内存的条目。", page.QuerySelector(".article-body p")!.TextContent.Trim());
    }
}
