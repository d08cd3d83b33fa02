using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

public sealed class LeftoverMarkupTests
{
    // Cut from the real collection (-0): pandoc's figure, its caption, and the ]] that closed it.
    [Fact]
    public void A_figure_link_becomes_a_placeholder_with_its_caption()
    {
        var html = Render("[IEEE_754_Single_Negative_Zero.svg](https://zh.wikipedia.org/wiki/File:IEEE_754_Single_Negative_Zero.svg \"fig:IEEE_754_Single_Negative_Zero.svg\")[單精度浮點數表示負零](https://zh.wikipedia.org/wiki/單精度浮點數 \"wikilink\")\\]\\] 在对于整数的1+7位元").Html;
        Assert.StartsWith("<p><span class=\"figure-missing\" role=\"figure\"><span class=\"figure-file\">［图：<a class=\"external\" rel=\"nofollow noopener\" href=\"https://zh.wikipedia.org/wiki/File:IEEE_754_Single_Negative_Zero.svg\">IEEE 754 Single Negative Zero.svg</a>，本站未收录］</span> <span class=\"figure-caption\"><a ", html);
        Assert.Contains("單精度浮點數表示負零</a></span></span>在对于整数的1+7位元</p>", html);
        Assert.DoesNotContain("]]", html);
        Assert.DoesNotContain("fig:", html);
    }

    // Cut from (528381) 2008 ST291.
    [Fact]
    public void A_caption_with_text_and_links_goes_with_its_figure()
    {
        var html = Render("[2008ST291-orbit.png](https://zh.wikipedia.org/wiki/File:2008ST291-orbit.png \"fig:2008ST291-orbit.png\")與[2005 QU182公轉週期更久](https://zh.wikipedia.org/wiki/2005_QU182 \"wikilink\")\\]\\]").Html;
        Assert.Contains("<span class=\"figure-caption\">與<a ", html);
        Assert.EndsWith("2005 QU182公轉週期更久</a></span></span></p>\n", html);
    }

    [Fact]
    public void An_image_figure_takes_its_caption_from_the_title()
    {
        var html = Render("![地图](File:Map.png \"fig:北京的位置\")").Html;
        Assert.Contains("href=\"https://zh.wikipedia.org/wiki/File:Map.png\">Map.png</a>", html);
        Assert.Contains("<span class=\"figure-caption\">北京的位置</span>", html);
        Assert.DoesNotContain("<img", html);
    }

    [Theory]
    [InlineData("甲****乙", "<p>甲乙</p>")]
    [InlineData("**（）**是", "<p>是</p>")]
    [InlineData("甲{{lang|en|Zero}}乙", "<p>甲乙</p>")]
    [InlineData("公式{{1}}与\\]\\]", "<p>公式{{1}}与</p>")]
    [InlineData("[[甲]]", "<p>[[甲]]</p>")]
    [InlineData("*****", "<hr />")]
    [InlineData("受限二级域列表 |-\\*", "<p>受限二级域列表</p>")] // cut from .ae: a row separator after a table's caption
    [InlineData("甲 |-", "<p>甲</p>")]
    [InlineData("a |-b 乙", "<p>a |-b 乙</p>")]
    public void Leftovers_disappear(string markdown, string expected)
    {
        Assert.Equal(expected, Render(markdown).Html.Trim());
    }

    // Cut from (-)-檜烯合酶: a bullet whose template was dropped.
    [Fact]
    public void Empty_bullet_items_disappear_but_numbered_entries_stay()
    {
        Assert.Equal("<p>甲</p>", Render("甲\n\n  -\n\n乙\n").Html.Split('\n')[0]);
        Assert.DoesNotContain("<li></li>", Render("甲\n\n  -\n\n乙\n").Html);
        Assert.DoesNotContain("<ul>", Render("甲\n\n  -\n\n乙\n").Html);
        Assert.Contains("<li>乙</li>", Render("  - \n  - 乙\n").Html);
    }
}
