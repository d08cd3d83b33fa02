using System.Text;
using AngleSharp.Dom;
using Microsoft.Extensions.Logging;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Loading;

/// <summary>
/// Articles written to hurt: markup that would run script, links to schemes
/// that would, nesting that breaks parsers, sizes no real article has. Each
/// either renders with nothing executable left, or is skipped with a log line
/// naming it; the other articles always serve.
/// </summary>
public sealed class HostileArticleTests
{
    private const string Hostile = """
        **恶意条目**是一个测试。<script>alert('lead')</script>

        <iframe src="https://evil.example/"></iframe>

        <img src=x onerror="alert(1)"> <div style="width: expression(alert(1))">样式</div>

        <svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>

        [脚本](javascript:alert(1)) [大写](JaVaScRiPt:alert(1)) [实体](java&#115;cript:alert(1)) [命名实体](javascript&colon;alert(1))
        [数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [VB](vbscript:msgbox(1)) [文件](file:///etc/passwd)
        [绝对路径](/etc/passwd) [协议相对](//evil.example/x) [空白](  javascript:alert(1)) [尖括号](<javascript:alert(1)>)

        <javascript:alert(1)> <data:text/html,x> <https://ok.example/auto>

        ![图](javascript:alert(1)) ![图二](https://img.example/a.png "t\" onerror=\"alert(1)")

        [标题注入](https://ok.example/ "x\" onmouseover=\"alert(1)") [邮件](mailto:reader@example.org)
        [内部](../Page/国际派.md "wikilink") [维基](https://zh.wikipedia.org/wiki/国际派 "wikilink")

        <!-- comment --> <style>body{display:none}</style> <object data=x></object> <embed src=x>
        <form action=//evil.example><input name=q></form> <meta http-equiv="refresh" content="0;url=javascript:alert(1)"> <base href="//evil.example/">

        ## 标题<script>alert('h')</script>

        `<script>alert('code')</script>`

            <script>alert('indented')</script>

        | 表头<script>x</script> | [表格链接](javascript:alert(1)) |
        |---|---|
        | <img src=x onerror=alert(1)> | 单元格 |
        """;

    [Fact]
    public async Task Raw_html_and_unsafe_link_targets_render_as_nothing_executable()
    {
        using var corpus = new TempCorpus().AddSeeds().Add("hostile.txt", Hostile);
        await using var app = new WikiApplication(corpus.Path);

        var (_, page) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("恶意条目"));
        var body = page.QuerySelector(".article-body")!;

        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src")));
        Assert.Empty(body.QuerySelectorAll("script, iframe, object, embed, svg, style, form, input, meta, base, img"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(body.Descendants<IElement>(), e => e.HasAttribute("style"));
        Assert.All(body.QuerySelectorAll("a[href]"), a => AssertSafeTarget(a.GetAttribute("href")!));
        // Raw HTML outside the allowlist is dropped, its text kept; a script goes with its content.
        Assert.DoesNotContain("alert('lead')", body.TextContent);
        Assert.DoesNotContain("alert('h')", body.TextContent);
        Assert.Contains("样式", body.TextContent);
        Assert.Contains("<script>alert('code')</script>", body.TextContent);
        Assert.Contains(body.QuerySelectorAll("a.external"), a => a.GetAttribute("href") == "https://ok.example/auto");
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "mailto:reader@example.org");
        Assert.Equal(2, body.QuerySelectorAll("a[href='/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE']").Length);
    }

    [Fact]
    public async Task Pathological_nesting_is_skipped_or_shown_as_text_with_a_log_line_and_the_rest_serve()
    {
        using var corpus = new TempCorpus()
            .AddSeeds()
            .Add("deep-quote.txt", "**深引用**是测试。\n\n" + new string('>', 10_000) + " 最深处\n")
            .Add("deep-list.txt", "**深列表**是测试。\n\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "最深处\n")
            .Add("stair-quote.txt", "**台阶引用**是测试。\n\n" + string.Concat(Enumerable.Range(1, 2_000).Select(i => new string('>', i) + " 第" + i + "层\n")))
            .Add("stair-list.txt", "**台阶列表**是测试。\n\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i * 2) + "- 第" + i + "层\n")))
            .Add("brackets.txt", "**方括号**是测试。\n\n" + new string('[', 10_000) + "x" + new string(']', 10_000) + "\n")
            .Add("deep-emphasis.txt", "**深强调**是测试。\n\n## 正文\n\n" + NestedEmphasis(10_000) + "\n")
            .Add("lead-emphasis.txt", "**导言强调**是测试。" + NestedEmphasis(20_000) + "\n")
            .Add("nested-ok.txt", "**正常嵌套**是测试。\n\n" + new string('>', 20) + " 二十层引用\n\n" + string.Concat(Enumerable.Range(0, 10).Select(i => new string(' ', i * 2) + "- 第" + i + "层\n")));
        await using var app = new WikiApplication(corpus.Path);
        var client = await app.CreateReadyClientAsync();

        var warnings = app.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        foreach (string skipped in new[] { "deep-quote.txt", "deep-list.txt", "stair-quote.txt", "stair-list.txt", "brackets.txt" })
        {
            Assert.Contains(warnings, m => m.StartsWith($"Skipped {skipped}: nested ", StringComparison.Ordinal));
        }

        Assert.Contains(warnings, m => m.StartsWith("Skipped lead-emphasis.txt: its lead could not be read", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.StartsWith("deep-emphasis.txt could not be rendered", StringComparison.Ordinal));
        Assert.Equal(
            new[] { "国际派", "无产阶级国际主义", "毛主义国际主义运动", "正常嵌套", "深强调" }.Order(StringComparer.Ordinal),
            app.Store.Articles.Select(a => a.Title).Order(StringComparer.Ordinal));

        var (_, plain) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("深强调"));
        Assert.Contains("*a _b *a", plain.QuerySelector(".article-body")!.TextContent);
        Assert.Empty(plain.QuerySelectorAll(".article-body em, .article-body script"));

        var (_, nested) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("正常嵌套"));
        Assert.Equal(20, nested.QuerySelectorAll(".article-body blockquote").Length);
        Assert.Equal(10, nested.QuerySelectorAll(".article-body ul").Length);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/wiki/" + Uri.EscapeDataString("国际派"))).StatusCode);
    }

    [Fact]
    public async Task A_one_megabyte_line_renders_with_its_links()
    {
        string line = string.Concat(Enumerable.Repeat("国际主义运动的历史与[国际派](../Page/国际派.md \"wikilink\")的争论，", 30_000));
        using var corpus = new TempCorpus().AddSeeds().Add("long-line.txt", "**长行**" + line + "\n");
        await using var app = new WikiApplication(corpus.Path);

        var (_, page) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("长行"));
        var body = page.QuerySelector(".article-body")!;

        Assert.True(line.Length > 1_000_000);
        Assert.Equal(30_000, body.QuerySelectorAll("a[href='/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE']").Length);
    }

    [Fact]
    public async Task A_ten_megabyte_article_loads_and_serves_whole()
    {
        var text = new StringBuilder("**巨型条目**是一个很大的测试条目。\n\n");
        string paragraph = string.Concat(Enumerable.Repeat("共产国际与[国际派](../Page/国际派.md \"wikilink\")的关系见于多种史料\\[1\\]。", 40));
        for (int section = 1, bytes = 0; bytes < 10 * 1024 * 1024; section++)
        {
            string part = $"## 第{section}节\n\n{paragraph}\n\n## 参考文献\n\n见上。\n\n";
            text.Append(part);
            bytes += Encoding.UTF8.GetByteCount(part);
        }

        text.Append("最后一段。\n");
        using var corpus = new TempCorpus().AddSeeds().Add("huge.txt", text.ToString());
        await using var app = new WikiApplication(corpus.Path);

        var (_, page) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("巨型条目"));
        var ids = page.QuerySelectorAll(".article-body h2").Select(h => h.Id ?? "").ToList();

        Assert.True(new FileInfo(Path.Combine(corpus.Path, "huge.txt")).Length >= 10 * 1024 * 1024);
        Assert.Contains("最后一段。", page.QuerySelector(".article-body")!.TextContent);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count(id => id.StartsWith("参考文献", StringComparison.Ordinal)) > 2_000);
    }

    private static string NestedEmphasis(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "*a " : "_b ")) + "x" +
        string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? " a*" : " b_"));

    private static void AssertSafeTarget(string href)
    {
        bool safe = href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal)
            || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith('#')
            || (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal));
        Assert.True(safe, $"unsafe link target: {href}");
    }

    [Fact]
    public async Task Reference_markers_in_other_scripts_digits_stay_text_and_the_page_keeps_its_contents()
    {
        // Fullwidth and Arabic-Indic digits are digits to .NET's \d, not reference numbers.
        using var corpus = new TempCorpus().Add("digits.txt", """
            **数字测试**见\[１\]与\[٣\]，另见\[1\]。

            ## 第一节

            正文一。

            ## 第二节

            正文二。

            ## 参考文献

            1.  [来源](https://example.org/1)
            """);
        await using var app = new WikiApplication(corpus.Path);

        var (response, page) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("数字测试"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["第一节", "第二节", "参考文献"], page.QuerySelectorAll(".article-body h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(3, page.QuerySelectorAll("nav.toc li").Length);
        Assert.Equal(["[1]"], page.QuerySelectorAll("sup.reference a").Select(a => a.TextContent));
        Assert.Contains("见[１]与[٣]", page.QuerySelector(".article-body p")!.TextContent);
    }
}
