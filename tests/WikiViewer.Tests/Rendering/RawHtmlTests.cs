using WikiViewer.Rendering.RawHtml;
using WikiViewer.Titles;
using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

/// <summary>
/// Raw HTML the converter left where pandoc had no Markdown (docs/robustness.md,
/// "Raw HTML"): rendered through an allowlist, the rest dropped with its text
/// kept. Most inputs are cut from the real collection.
/// </summary>
public sealed class RawHtmlTests
{
    private static string Html(string markdown, params string[] titles) => Render(markdown, titles).Html.Trim();

    [Fact]
    public void A_table_keeps_rowspan_colspan_and_its_row_classes()
    {
        string html = Html("""
            <table>
            <thead>
            <tr class="header">
            <th rowspan="2"><p>年份</p></th>
            <th colspan="3" style="text-align:center"><p>山顶图位置</p></th>
            </tr>
            </thead>
            <tbody>
            <tr class="odd">
            <td><p>2006</p></td>
            </tr>
            </tbody>
            </table>
            """);

        Assert.Equal("""
            <table>
            <thead>
            <tr class="header">
            <th rowspan="2"><p>年份</p></th>
            <th colspan="3" class="ta-center"><p>山顶图位置</p></th>
            </tr>
            </thead>
            <tbody>
            <tr class="odd">
            <td><p>2006</p></td>
            </tr>
            </tbody>
            </table>
            """, html);
    }

    [Fact]
    public void A_link_in_a_table_resolves_like_a_markdown_link()
    {
        string html = Html("""
            <table>
            <tr>
            <th><p><a href="../Page/Oricon公信榜.md" title="wikilink">Oricon</a><br />
            最高</p></th>
            <td><p><a href="https://zh.wikipedia.org/wiki/Billboard_200" title="wikilink">US</a></p></td>
            <td><p><a href="https://developer.mozilla.org/en-US/docs/JavaScript?a=1&amp;b=2#Generators">Pythonic generators</a></p></td>
            <td><p><a href="https://zh.wikipedia.org/wiki/#endnote_A" title="wikilink"><strong>[A]</strong></a></p></td>
            </tr>
            </table>
            """, "Oricon公信榜");

        Assert.Contains("""<a href="/wiki/Oricon%E5%85%AC%E4%BF%A1%E6%A6%9C" title="Oricon公信榜">Oricon</a><br>""", html);
        Assert.Contains("""<a href="/wiki/Billboard%20200" title="Billboard 200（页面不存在）" class="new">US</a>""", html);
        Assert.Contains("""<a href="https://developer.mozilla.org/en-US/docs/JavaScript?a=1&amp;b=2#Generators" class="external" rel="nofollow noopener">Pythonic generators</a>""", html);
        Assert.Contains("""<a href="#endnote_A"><strong>[A]</strong></a>""", html);
    }

    [Theory]
    [InlineData("NAD<sup>+</sup>为受体", "<p>NAD<sup>+</sup>为受体</p>")]
    [InlineData("H<sub>2</sub>O", "<p>H<sub>2</sub>O</p>")]
    [InlineData("一<br>二<br />三", "<p>一<br>二<br>三</p>")]
    [InlineData("<small>小字</small>与<s>删除</s>与<u>下划线</u>", "<p><small>小字</small>与<s>删除</s>与<u>下划线</u></p>")]
    [InlineData("<span>《\\!HERO》是一部**摇滚歌剧**</span>。", "<p><span>《!HERO》是一部<strong>摇滚歌剧</strong></span>。</p>")]
    [InlineData("见<span style=\"white-space: nowrap;\">[*dead link*]</span>", "<p>见<span class=\"nowrap\">[<em>dead link</em>]</span></p>")]
    [InlineData("<sup class=\"noprint Inline-Template\" contenteditable=\"false\">注</sup>", "<p><sup class=\"noprint\">注</sup></p>")]
    [InlineData("<span title=\" since June 2012\">dead link</span>", "<p><span title=\" since June 2012\">dead link</span></p>")]
    public void Inline_tags_that_are_allowed_and_balanced_survive(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Theory]
    [InlineData("<span>没有关闭", "<p>没有关闭</p>")]
    [InlineData("没有打开</sup>的", "<p>没有打开的</p>")]
    [InlineData("<span><sup>交错</span>的</sup>", "<p><span>交错</span>的</p>")]
    [InlineData("<font color=red>字体</font>和<blink>闪</blink>", "<p>字体和闪</p>")]
    [InlineData("段中<div>块</div>", "<p>段中块</p>")]
    [InlineData("**跨越<span>强调**</span>", "<p><strong>跨越强调</strong></p>")]
    [InlineData("<span/>自闭合", "<p>自闭合</p>")]
    public void Unknown_unbalanced_and_block_tags_inline_are_dropped_their_text_kept(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Fact]
    public void Div_center_and_a_list_in_html_blocks_render()
    {
        string html = Html("""
            <center>居中</center>

            <div class="references-small" style="position: fixed; top: 0">

              - A 仅在英国发布。

            </div>
            """);

        Assert.Equal("""
            <center>居中</center>
            <div class="references-small"></div>
            <ul>
            <li>A 仅在英国发布。</li>
            </ul>
            """, html);
    }

    [Fact]
    public void Comments_are_removed()
    {
        string html = Html("""
              - 一

            <!-- end list -->

              - 二

            段落<!-- 行内注释 -->结束
            """);

        Assert.DoesNotContain("<!--", html);
        Assert.DoesNotContain("end list", html);
        Assert.DoesNotContain("注释", html);
        Assert.Contains("<p>段落结束</p>", html);
    }

    [Fact]
    public void Refs_are_numbered_into_the_reference_list()
    {
        string html = Html("""
            正文<ref name="a">第一条。</ref>再引<ref>第二条，见[国际派](../Page/国际派.md "wikilink")。</ref>又见<ref name="a" />。

            ## 参考文献

            <references/>
            """, "国际派");

        var document = WikiApplicationParse(html);
        var markers = document.QuerySelectorAll("sup.reference a").Select(a => a.TextContent).ToArray();
        Assert.Equal(["[1]", "[2]", "[1]"], markers);
        var entries = document.QuerySelectorAll("ol.references > li").ToArray();
        Assert.Equal(2, entries.Length);
        Assert.Contains("第一条。", entries[0].TextContent);
        Assert.Equal(2, entries[0].QuerySelectorAll("a[href^='#cite_ref-1-']").Length);
        Assert.Equal("/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE", entries[1].QuerySelector("a[href^='/wiki/']")!.GetAttribute("href"));
        Assert.DoesNotContain("&lt;ref", html);
        Assert.DoesNotContain("references/", html);
    }

    [Fact]
    public void Refs_follow_the_converted_list_numbers()
    {
        string html = Html("""
            **条目**是测试。\[1\]另有<ref>原文引用。</ref>

            ## 参考文献

            [Category:测试](https://zh.wikipedia.org/wiki/Category:测试 "wikilink")

            1.  已转换的一条。
            """);

        var document = WikiApplicationParse(html);
        Assert.Equal(["[1]", "[2]"], document.QuerySelectorAll("sup.reference a").Select(a => a.TextContent));
        Assert.Equal(2, document.QuerySelectorAll("ol.references > li").Length);
        Assert.Contains("原文引用。", document.QuerySelector("#cite_note-2")!.TextContent);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>正文")]
    [InlineData("<img src=x onerror=alert(1)>正文")]
    [InlineData("<a href=\"javascript:alert(1)\">正文</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\" onclick=\"alert(1)\">正文</a>")]
    [InlineData("<span onmouseover=\"alert(1)\" style=\"position:fixed;inset:0\">正文</span>")]
    [InlineData("<div style=\"width: expression(alert(1))\">正文</div>")]
    [InlineData("<svg onload=alert(1)><a xlink:href=\"javascript:alert(1)\">x</a></svg>正文")]
    [InlineData("<table><tr><td background=\"javascript:alert(1)\" onclick=x>正文</td></tr></table>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>正文")]
    [InlineData("<a href=\"//evil.example/x\">正文</a>")]
    [InlineData("<a href=\"data:text/html,x\">正文</a>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>正文")]
    [InlineData("<form action=//evil.example><input name=q><button formaction=x>正文</button></form>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><base href=\"//evil.example/\">正文")]
    [InlineData("<span id=\"search\" class=\"site-header\">正文</span>")]
    public void Hostile_html_renders_inert_with_its_text(string markdown)
    {
        string html = Html(markdown);
        var body = WikiApplicationParse(html);

        Assert.Contains("正文", body.Body!.TextContent);
        Assert.Empty(body.QuerySelectorAll("script, iframe, img, svg, math, style, form, input, button, meta, base, object, embed"));
        Assert.DoesNotContain(body.All, e => e.Attributes.Any(a =>
            a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name is "style" or "id" or "background" or "formaction" or "src"));
        Assert.All(body.QuerySelectorAll("a"), a => Assert.Null(a.GetAttribute("href")));
        Assert.All(body.QuerySelectorAll("[class]"), e => Assert.DoesNotContain("site-header", e.ClassName));
    }

    [Theory]
    [InlineData("../Page/国际派.md", "/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE")]
    [InlineData("https://zh.wikipedia.org/wiki/Category:测试", "/category/%E6%B5%8B%E8%AF%95")]
    [InlineData("#历史", "#历史")]
    [InlineData("/wiki/X", "/wiki/X")]
    [InlineData("https://example.org/", "https://example.org/")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("//evil.example", null)]
    [InlineData("/etc/passwd", null)]
    [InlineData("mailto:a@example.org", null)]
    public void Html_link_targets_resolve_or_are_refused(string href, string? url)
    {
        var titles = TitleIndex.Of("国际派");

        Assert.Equal(url, new RawHtmlLinks(titles).Resolve(href)?.Url);
    }

    [Fact]
    public void Search_text_of_a_table_has_no_tags()
    {
        string text = Render("""
            <table>
            <tr><td><p>Netscape<br />
            Navigator</p></td><td>R&amp;D</td></tr>
            </table>

            <!-- end list -->
            """).PlainText;

        Assert.Contains("Netscape", text);
        Assert.Contains("R&D", text);
        Assert.DoesNotContain("<", text);
        Assert.DoesNotContain("end list", text);
    }

    private static AngleSharp.Dom.IDocument WikiApplicationParse(string html) => Infrastructure.WikiApplication.Parse(html);

    [Fact]
    public void Cell_attributes_read_as_text_give_the_cell_its_span()
    {
        // Cut from (G)I-DLE获奖及提名列表.md: | colspan="5" | that pandoc did not parse.
        string html = Html("""
            <table>
            <tbody>
            <tr class="odd">
            <td><p>2018年</p></td>
            <td><p>colspan="5" </p></td>
            <td><p><strong>1</strong></p></td>
            <td><p>style="background:#eee" | 9</p></td>
            </tr>
            </tbody>
            </table>
            """);

        Assert.Contains("""<td colspan="5"><p></p></td>""", html);
        Assert.Contains("<td><p>9</p></td>", html);
        Assert.DoesNotContain("colspan=\"5\" <", html);
        Assert.DoesNotContain("background", html);
    }

    [Fact]
    public void Cell_text_that_only_mentions_an_attribute_stays() =>
        Assert.Contains("<td><p>width 是宽度</p></td>", Html("""
            <table>
            <tbody>
            <tr>
            <td><p>width 是宽度</p></td>
            </tr>
            </tbody>
            </table>
            """));
}
