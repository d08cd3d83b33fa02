using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

public sealed class ResidueTests
{
    [Fact]
    public void Template_paragraph_is_removed()
    {
        Assert.Equal("<p>甲</p>\n<p>乙</p>", Render("甲\n\n{{-}}\n\n乙").Html.Trim());
    }

    [Theory]
    [InlineData("**无产阶级国际主义**（），又称**国际社会主义**（）", "<strong>无产阶级国际主义</strong>，又称<strong>国际社会主义</strong>")]
    [InlineData("是种()思想", "是种思想")]
    [InlineData("音译**英特纳雄耐尔**（，时指国际工人协会）", "音译<strong>英特纳雄耐尔</strong>（时指国际工人协会）")]
    [InlineData("国际共产主义（ ）及之后", "国际共产主义及之后")]
    [InlineData("（MIM Thought）", "（MIM Thought）")]
    public void Empty_parentheses_left_by_dropped_templates_disappear(string markdown, string expected)
    {
        Assert.Equal($"<p>{expected}</p>", Render(markdown).Html.Trim());
    }

    [Fact]
    public void Code_keeps_its_parentheses()
    {
        Assert.Contains("<code>f()</code>", Render("调用 `f()` 即可").Html);
    }
}
