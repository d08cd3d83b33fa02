using Microsoft.AspNetCore.Http;
using WikiViewer.Web;

namespace WikiViewer.Tests.Web;

public sealed class VariantLinksTests
{
    private static readonly ScriptVariant Taiwan = ScriptVariant.Parse("zh-tw")!;

    [Theory]
    [InlineData("/wiki/%E5%9B%BD", "/zh-tw/%E5%9B%BD")]
    [InlineData("/wiki/A/B#x", "/zh-tw/A/B#x")]
    [InlineData("/wiki/?title=..", "/zh-tw/?title=..")]
    [InlineData("/", "/?variant=zh-tw")]
    [InlineData("/?page=2&order=desc", "/?page=2&order=desc&variant=zh-tw")]
    [InlineData("/category/%E6%B4%BE", "/category/%E6%B4%BE?variant=zh-tw")]
    [InlineData("/search?q=x&offset=20", "/search?q=x&offset=20&variant=zh-tw")]
    [InlineData("/random", "/random?variant=zh-tw")]
    [InlineData("/searchable", "/searchable")]
    [InlineData("/css/site.css", "/css/site.css")]
    [InlineData("/variant?set=zh&return=/", "/variant?set=zh&return=/")]
    [InlineData("https://zh.wikipedia.org/wiki/X", "https://zh.wikipedia.org/wiki/X")]
    [InlineData("#cite_note-1", "#cite_note-1")]
    public void Href_puts_the_variant_where_zh_wikipedia_does(string url, string expected)
    {
        Assert.Equal(expected, VariantLinks.Href(url, Taiwan));
    }

    [Theory]
    [InlineData("/zh-hk/%E5%9B%BD?x=1", "zh-tw", "/zh-tw/%E5%9B%BD?x=1")]
    [InlineData("/zh-hk/%E5%9B%BD", "zh", "/wiki/%E5%9B%BD")]
    [InlineData("/wiki/%E5%9B%BD", "zh-cn", "/zh-cn/%E5%9B%BD")]
    [InlineData("/?variant=zh-hk&page=2", "zh-sg", "/?page=2&variant=zh-sg")]
    [InlineData("/search?variant=zh-hk", "zh", "/search")]
    [InlineData("/zh/%E5%9B%BD", "zh-hant", "/zh-hant/%E5%9B%BD")]
    public void SwitchAll_gives_this_page_in_each_variant(string here, string code, string expected)
    {
        string[] urls = VariantLinks.SwitchAll(here);

        Assert.Equal(ScriptVariant.All.Count, urls.Length);
        Assert.Equal(expected, urls[ScriptVariant.All.ToList().IndexOf(ScriptVariant.Parse(code)!)]);
    }

    [Fact]
    public void Rendered_html_keeps_the_variant_in_its_site_links_only()
    {
        const string html = "<p><a href=\"/wiki/%E5%9B%BD#x\" title=\"国\">国</a> <a class=\"external\" href=\"https://example.org/wiki/a\">a</a>"
            + " <a href=\"/category/A?x=1&amp;y=2\">c</a> <a href=\"#cite_note-1\">[1]</a></p>";

        Assert.Equal(
            "<p><a href=\"/zh-tw/%E5%9B%BD#x\" title=\"国\">国</a> <a class=\"external\" href=\"https://example.org/wiki/a\">a</a>"
            + " <a href=\"/category/A?x=1&amp;y=2&amp;variant=zh-tw\">c</a> <a href=\"#cite_note-1\">[1]</a></p>",
            VariantLinks.RewriteHtml(html, Taiwan));
        const string external = "<p><a href=\"https://example.org/wiki/a\">a</a> <a href=\"#b\">b</a></p>";
        Assert.Same(external, VariantLinks.RewriteHtml(external, Taiwan));
    }

    [Fact]
    public void Rendered_html_is_left_alone_unless_the_url_names_a_variant()
    {
        // Null, not a function that returns its input: the page then writes the body's UTF-8
        // as it is, where a function is handed the body made into a string first.
        var plain = new DefaultHttpContext();
        plain.Request.Path = "/wiki/%E5%9B%BD";
        Assert.Null(VariantLinks.KeepingInHtml(plain));

        var named = new DefaultHttpContext();
        named.Request.Path = "/category/A";
        named.Request.QueryString = new QueryString("?variant=zh-tw");
        var keep = VariantLinks.KeepingInHtml(named);
        Assert.NotNull(keep);
        Assert.Equal("<a href=\"/zh-tw/%E5%9B%BD\">国</a>", keep("<a href=\"/wiki/%E5%9B%BD\">国</a>"));
    }
}
