using WikiViewer.Rendering;
using WikiViewer.Rendering.Mathematics;
using WikiViewer.Titles;
using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

/// <summary>
/// Math as pandoc wrote it, <c>\( … \)</c> and <c>\[ … \]</c>, against the escaped
/// parentheses and brackets of plain text. The inputs are cut from real files of the
/// converted collection (Page/-0.md, Page/色指數.md, the enzyme articles).
/// </summary>
public sealed class MathTests
{
    [Theory]
    // Page/-0.md
    [InlineData(@"  - \(\frac{x}{+0} = +\infty\) (x\>0)", @"<li><span class=""math inline"">\frac{x}{+0} = +\infty</span> (x&gt;0)</li>")]
    [InlineData(@"  - \(\frac{-0}{-\infty} = +0\)", @"<li><span class=""math inline"">\frac{-0}{-\infty} = +0</span></li>")]
    [InlineData(@"  - \((-0) \cdot (-0) = +0\)", @"<li><span class=""math inline"">(-0) \cdot (-0) = +0</span></li>")]
    [InlineData(@"  - \((+0) + (-0) = 0\)", @"<li><span class=""math inline"">(+0) + (-0) = 0</span></li>")]
    [InlineData(@"  - \(x + (-0) = x\)", @"<li><span class=""math inline"">x + (-0) = x</span></li>")]
    public void Inline_tex_becomes_a_math_span(string markdown, string expected)
    {
        Assert.Contains(expected, Render(markdown).Html);
    }

    [Fact]
    public void A_reaction_arrow_between_links_is_math()
    {
        // Page/(R)-氨基丙醇脱氢酶.md
        string html = Render(
            @"[NAD](../Page/烟酰胺腺嘌呤二核苷酸.md ""wikilink"")<sup>+</sup> \(\rightleftharpoons\) [氨基丙酮](https://zh.wikipedia.org/wiki/氨基丙酮 ""wikilink"") + NADH").Html;

        Assert.Contains(@"<span class=""math inline"">\rightleftharpoons</span>", html);
    }

    [Fact]
    public void Display_tex_on_its_own_line_becomes_a_display_span()
    {
        // Page/色指數.md
        string html = Render("""
            例如，在UBV測光系統，我們可以將B-V顏色寫成：

            \[E_{B-V} = (B-V)_{\text{Observed}} - (B-V)_{\text{Intrinsic}}\]

            大部分光學領域的天文學家
            """).Html;

        Assert.Contains(@"<p><span class=""math display"">E_{B-V} = (B-V)_{\text{Observed}} - (B-V)_{\text{Intrinsic}}</span></p>", html);
    }

    [Theory]
    // The lead line of Page/(R)-氨基丙醇脱氢酶.md and Page/(S)-2-羟基脂肪酸脱氢酶.md: a chemical name, not math.
    [InlineData(@"> 本文内容由[\(R\)-氨基丙醇脱氢酶](https://zh.wikipedia.org/wiki/\(R\)-氨基丙醇脱氢酶)转换而来。", "(R)-氨基丙醇脱氢酶")]
    [InlineData(@"> 本文内容由[\(S\)-2-羟基脂肪酸脱氢酶](https://zh.wikipedia.org/wiki/\(S\)-2-羟基脂肪酸脱氢酶)转换而来。", "(S)-2-羟基脂肪酸脱氢酶")]
    [InlineData(@"\(R\)-2-羟基戊二酸", "(R)-2-羟基戊二酸")]
    [InlineData(@"\(Z\)-二苯基乙烯与\(E\)-二苯基乙烯", "(Z)-二苯基乙烯与(E)-二苯基乙烯")]
    [InlineData(@"\(+\)-檜烯合酶与\(-\)-檜烯合酶", "(+)-檜烯合酶与(-)-檜烯合酶")]
    [InlineData(@"\(2R,3S\)-酒石酸与\(±\)-乳酸", "(2R,3S)-酒石酸与(±)-乳酸")]
    [InlineData(@"C++\(程式語言\)与\(C++\)", "C++(程式語言)与(C++)")]
    [InlineData(@"是一种可溶性酶，\[1\]主要参与\[2\]", "[2]")]
    [InlineData(@"方法\(x\)，\(n\)", "方法(x)，(n)")]
    public void Escaped_parentheses_without_tex_stay_text(string markdown, string text)
    {
        string html = Render(markdown).Html;

        Assert.DoesNotContain("math", html);
        Assert.Contains(text, html);
    }

    [Fact]
    public void A_link_destination_keeps_its_escaped_parentheses()
    {
        string html = Render(@"[类的概念](../Page/类_\(计算机科学\).md ""wikilink"")与[Yellow](https://zh.wikipedia.org/wiki/Yellow_\(木村KAELA單曲\) ""wikilink"")", "类 (计算机科学)").Html;

        Assert.DoesNotContain("math", html);
        Assert.Equal(2, html.Split("<a href=").Length - 1);
    }

    [Fact]
    public void A_reference_split_over_lines_is_not_display_math()
    {
        // Page/色指數.md: an escaped bracket around a link and an autolink, over several lines.
        string html = Render("""
              - \[<http://adsabs.harvard.edu/cgi-bin/nph-bib_query?bibcode=1953ApJ>...117..313J\&db_key=AST\&high=3c321cbf8303780
                [Johnson, H.
                L.](https://zh.wikipedia.org/wiki/哈羅德·強生_\(天文學家\) "wikilink")
                and Morgan, ApJ 117, 313 (1953)\]
            """).Html;

        Assert.DoesNotContain("math", html);
        Assert.Contains("<a href=\"http://adsabs.harvard.edu/", html);
    }

    [Fact]
    public void Brackets_around_markup_on_one_line_are_not_math()
    {
        // Page/!HERO.md, joined onto one line.
        string html = Render(@"\[*[<span title="" since June 2012"">dead link</span>](https://zh.wikipedia.org/wiki/Wikipedia:失效链接 ""wikilink"")*\]").Html;

        Assert.DoesNotContain("math", html);
    }

    [Fact]
    public void Tex_is_escaped_text_in_the_span()
    {
        string html = Render(@"若\(a<b\)且\(b > c & d\)，则\(x^2\)").Html;

        Assert.Contains(@"<span class=""math inline"">a&lt;b</span>", html);
        Assert.Contains(@"<span class=""math inline"">b &gt; c &amp; d</span>", html);
        Assert.Contains(@"<span class=""math inline"">x^2</span>", html);
    }

    [Fact]
    public void Code_spans_and_escaped_backslashes_are_not_math()
    {
        Assert.Contains(@"<code>\(x^2\)</code>", Render(@"写作`\(x^2\)`").Html);
        Assert.DoesNotContain("math", Render(@"写作\\(x^2\\)").Html);
    }

    [Fact]
    public void An_unclosed_formula_stays_text()
    {
        string html = Render("\\(\\frac{1}{2} 没有结束\n\\)").Html;

        Assert.DoesNotContain("math", html);
        Assert.Contains(@"(\frac{1}{2} 没有结束", html);
    }

    [Fact]
    public void Emphasis_does_not_reach_into_tex()
    {
        string html = Render(@"\(a_1 + b_1 = c_{*}\) 与 \(x*y*z = 1\)").Html;

        Assert.Contains(@"<span class=""math inline"">a_1 + b_1 = c_{*}</span>", html);
        Assert.Contains(@"<span class=""math inline"">x*y*z = 1</span>", html);
        Assert.DoesNotContain("<em>", html);
    }

    [Fact]
    public void The_tex_is_the_searchable_text()
    {
        const string markdown = @"正零与负零：\(\frac{x}{+0} = +\infty\)。";

        var rendered = ArticleRenderer.Render(markdown, WikiMarkdown.CreatePipeline(TitleIndex.Of()));

        Assert.Contains(@"\frac{x}{+0} = +\infty", rendered.PlainText);
    }

    /// <summary>
    /// Every <c>\( … \)</c> and <c>\[ … \]</c> on one line in the 39 real files of
    /// /work/shared/real-sample (outside link destinations, which the inline parsers
    /// never see, and including those inside them), with how the rule classifies it.
    /// </summary>
    [Theory]
    // Page/-0.md: 14 formulas
    [InlineData(@"\frac{x}{+0} = +\infty", true)]
    [InlineData(@"\frac{x}{-0} = -\infty", true)]
    [InlineData(@"\frac{-0}{x} = -0", true)]
    [InlineData(@"\frac{-0}{x} = +0", true)]
    [InlineData(@"\frac{+0}{x} = -0", true)]
    [InlineData(@"\frac{-0}{+\infty} = -0", true)]
    [InlineData(@"\frac{-0}{-\infty} = +0", true)]
    [InlineData(@"\frac{+0}{-\infty} = -0", true)]
    [InlineData(@"(-0) \cdot (-0) = +0", true)]
    [InlineData(@"(-0) - (+0) = -0", true)]
    [InlineData(@"(-0) - (-0) = 0", true)]
    [InlineData(@"(+0) + (-0) = 0", true)]
    [InlineData(@"(-0) + (-0) = -0", true)]
    [InlineData(@"x \cdot (-0) = -0", true)]
    [InlineData(@"x + (-0) = x", true)]
    // the three enzyme articles: the reaction arrow
    [InlineData(@"\rightleftharpoons", true)]
    // Page/色指數.md: display math
    [InlineData(@"E_{B-V} = (B-V)_{\text{Observed}} - (B-V)_{\text{Intrinsic}}", true)]
    // link text of the lead lines and link destinations: titles
    [InlineData("R", false)]
    [InlineData("S", false)]
    [InlineData("E", false)]
    [InlineData("+", false)]
    [InlineData("计算机科学", false)]
    [InlineData("生物化学", false)]
    [InlineData("宾夕法尼亚州", false)]
    [InlineData("使徒", false)]
    [InlineData("团体", false)]
    [InlineData("AAA單曲", false)]
    [InlineData("band", false)]
    [InlineData("song", false)]
    [InlineData("木村KAELA單曲", false)]
    [InlineData("天體位置", false)]
    [InlineData("天文學家", false)]
    [InlineData("程式語言", false)]
    [InlineData("加利福尼亚州", false)]
    [InlineData("java", false)]
    // reference markers \[1\] … \[20\]
    [InlineData("1", false)]
    [InlineData("20", false)]
    public void Every_occurrence_in_the_real_sample_is_classified(string content, bool tex)
    {
        Assert.Equal(tex, MathSyntax.IsTex(content));
    }

    [Theory]
    [InlineData(@"\(x\)", null, 0)]
    [InlineData(@"\(x^2\) 之后", "x^2", 7)]
    [InlineData(@"\[ a = b \]", "a = b", 11)]
    [InlineData(@"\(a \\ b = c\)", @"a \\ b = c", 14)]
    [InlineData(@"\(a = b\]", null, 0)]
    [InlineData(@"\(a =", null, 0)]
    public void TryRead_reads_one_formula(string text, string? tex, int length)
    {
        bool read = MathSyntax.TryRead(text, out string found, out int consumed);

        Assert.Equal(tex is not null, read);
        Assert.Equal(tex ?? "", found);
        Assert.Equal(length, consumed);
    }
}
