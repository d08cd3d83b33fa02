using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

public sealed class EmphasisTests
{
    [Theory]
    // Cut from the real collection: a link in italics between CJK text and 。
    [InlineData("这是**“强调”**的文本", "这是<strong>“强调”</strong>的文本")]
    [InlineData("**该星号不会被识别，而是直接显示。**这是因为", "<strong>该星号不会被识别，而是直接显示。</strong>这是因为")]
    [InlineData("称为**(+)-樟脑**的", "称为<strong>(+)-樟脑</strong>的")]
    [InlineData("甲**「乙」**丙", "甲<strong>「乙」</strong>丙")]
    [InlineData("**內聯函數**（有時稱作**在線函數**）", "<strong>內聯函數</strong>（有時稱作<strong>在線函數</strong>）")]
    public void Emphasis_beside_cjk_text_and_punctuation_is_emphasis(string markdown, string expected)
    {
        Assert.Equal($"<p>{expected}</p>", Render(markdown).Html.Trim());
    }

    [Theory]
    [InlineData("*a* **b** _c_ __d__", "<em>a</em> <strong>b</strong> <em>c</em> <strong>d</strong>")]
    [InlineData("a*\"foo\"*", "a*&quot;foo&quot;*")]
    [InlineData("snake_case_name", "snake_case_name")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("foo*bar*", "foo<em>bar</em>")]
    [InlineData("**foo \"*bar*\" foo**", "<strong>foo &quot;<em>bar</em>&quot; foo</strong>")]
    [InlineData("*(*foo*)*", "<em>(<em>foo</em>)</em>")]
    [InlineData("\\*甲*", "*甲*")]
    public void Emphasis_beside_latin_text_follows_commonmark(string markdown, string expected)
    {
        Assert.Equal($"<p>{expected}</p>", Render(markdown).Html.Trim());
    }
}
