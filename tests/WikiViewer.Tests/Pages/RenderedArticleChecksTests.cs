using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>The checks of the real sample catch what they are meant to, and only that.</summary>
public sealed class RenderedArticleChecksTests
{
    private static AngleSharp.Dom.IDocument Page(string body) =>
        WikiApplication.Parse($"<html><body><h1 id=\"firstHeading\">T</h1><div class=\"article-body\">{body}</div><script src=\"/js/math.js\"></script></body></html>");

    [Theory]
    [InlineData("<p>a -{zh-hans:甲;zh-hant:乙}- b</p>", "-{")]
    [InlineData("<p>a &lt;br&gt; b</p>", "<br")]
    [InlineData("<p>[链接](../Page/X.md \"wikilink\")</p>", "\"wikilink\"")]
    [InlineData("<p>a {{lang|en|x}} b</p>", "{{")]
    [InlineData("<p>a \\[1\\] b</p>", "\\[")]
    public void Residue_in_the_text_is_found(string body, string residue) =>
        Assert.Contains(RenderedArticleChecks.VisibleResidue(Page(body)), p => p.Contains(residue, StringComparison.Ordinal));

    [Theory]
    [InlineData("<pre><code>if (a &lt;/b) {{ x }}</code></pre>")]
    [InlineData("<p>inline <code>&lt;/div&gt;</code></p>")]
    [InlineData("<p><span class=\"math inline\">\\frac{a}{b}</span></p>")]
    [InlineData("<p>(R)-2-羟基 &amp; 乙醇</p>")]
    public void Code_math_and_plain_text_pass(string body) =>
        Assert.Empty(RenderedArticleChecks.VisibleResidue(Page(body)));

    [Theory]
    [InlineData("<p onclick=\"x()\">a</p>")]
    [InlineData("<p style=\"color:red\">a</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">a</a>")]
    [InlineData("<a href=\"../Page/X.md\">a</a>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=\"https://example.org/x.png\">")]
    public void Live_HTML_is_found(string body) =>
        Assert.NotEmpty(RenderedArticleChecks.NotInert(Page(body)));

    [Fact]
    public void Site_links_and_scripts_pass() =>
        Assert.Empty(RenderedArticleChecks.NotInert(Page("<a href=\"/wiki/X\">x</a><a href=\"#cite-1\">1</a><a href=\"https://zh.wikipedia.org/wiki/X\">x</a><a href=\"/category/Y\">y</a>")));

    [Theory]
    [InlineData(@"式 \(\frac{x}{+0} = +\infty\) 止", "<p>式 (\\frac{x}{+0} = +\\infty) 止</p>", true)]
    [InlineData(@"式 \(\frac{x}{+0} = +\infty\) 止", "<p>式 <span class=\"math inline\">\\frac{x}{+0} = +\\infty</span> 止</p>", false)]
    [InlineData(@"\(R\)-氨基丙醇", "<p>(R)-氨基丙醇</p>", false)]
    [InlineData(@"\(R\)-氨基丙醇", "<p>\\(R\\)-氨基丙醇</p>", true)]
    [InlineData(@"[类](../Page/类_\(计算机科学\).md ""wikilink"")", "<p>类</p>", false)]
    public void Untypeset_math_is_found(string markdown, string body, bool found) =>
        Assert.Equal(found, RenderedArticleChecks.UntypesetMath(Page(body), markdown).Any());
}
