using System.Text.RegularExpressions;
using WikiViewer.Rendering.Residue;
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
    [InlineData("音译（\\,时指国际工人协会）", "音译（时指国际工人协会）")]
    [InlineData("甲（\\*乙*）丙（）", "甲（*乙*）丙")]
    public void Empty_parentheses_left_by_dropped_templates_disappear(string markdown, string expected)
    {
        Assert.Equal($"<p>{expected}</p>", Render(markdown).Html.Trim());
    }

    [Fact]
    public void Code_keeps_its_parentheses()
    {
        Assert.Contains("<code>f()</code>", Render("调用 `f()` 即可").Html);
    }

    // The quick test may only skip text the patterns leave as it is: checked against
    // the patterns themselves over random runs of the characters they care about.
    [Fact]
    public void Text_judged_free_of_residue_is_text_the_patterns_leave_alone()
    {
        var empty = new Regex(@"[（(][\s\u3000]*[）)]");
        var dangling = new Regex(@"([（(])[\s\u3000]*[，,；;、：:][\s\u3000]*");
        const string alphabet = "（()）,，、：;　 \t甲a";
        var random = new Random(7);
        int skipped = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string text = new([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            if (!ResidueExtension.MayLeaveResidue(text))
            {
                skipped++;
                Assert.False(empty.IsMatch(text) || dangling.IsMatch(text), text);
            }
        }

        Assert.InRange(skipped, 2_000, 19_000);
    }
}
