using static WikiViewer.Tests.Rendering.RenderingTestKit;
using WikiViewer.Store;

namespace WikiViewer.Tests.Rendering;

public sealed class TrailerTests
{
    private const string Trailer = """
        正文。

        [uk:Інтернаціоналізм\#Пролетарський інтернаціоналізм](https://zh.wikipedia.org/wiki/uk:Інтернаціоналізм#Пролетарський_інтернаціоналізм "wikilink")

        [Category:马克思主义](https://zh.wikipedia.org/wiki/Category:马克思主义 "wikilink") [Category:革命浪潮](https://zh.wikipedia.org/wiki/Category:革命浪潮 "wikilink")
        """;

    [Fact]
    public void Categories_are_membership_not_text()
    {
        var rendered = Render(Trailer);

        Assert.Equal(["马克思主义", "革命浪潮"], rendered.Metadata.Categories);
        Assert.DoesNotContain("Category:", rendered.Html);
        Assert.Equal("<p>正文。</p>", rendered.Html.Trim());
    }

    [Fact]
    public void Interlanguage_link_is_listed_apart_with_its_language()
    {
        var language = Assert.Single(Render(Trailer).Metadata.Languages);

        Assert.Equal("uk", language.Language);
        Assert.Equal("Українська", language.LanguageName);
        Assert.Equal("Інтернаціоналізм#Пролетарський інтернаціоналізм", language.Title);
        Assert.StartsWith("https://uk.wikipedia.org/wiki/", language.Url);
        Assert.EndsWith("#" + Uri.EscapeDataString("Пролетарський_інтернаціоналізм"), language.Url);
    }

    [Fact]
    public void Category_on_separate_lines_of_one_paragraph_are_all_taken()
    {
        var rendered = Render("""
            [Category:中国共产党派系](https://zh.wikipedia.org/wiki/Category:中国共产党派系 "wikilink")
            [Category:共產國際](https://zh.wikipedia.org/wiki/Category:共產國際 "wikilink")
            """);

        Assert.Equal(["中国共产党派系", "共產國際"], rendered.Metadata.Categories);
        Assert.Equal("", rendered.Html.Trim());
    }

    [Fact]
    public void A_link_to_a_category_with_other_text_stays_a_link_to_the_category_page()
    {
        var link = RenderDocument("见[这个分类](https://zh.wikipedia.org/wiki/Category:毛派组织 \"wikilink\")。").QuerySelector("a")!;

        Assert.Equal("/category/" + Uri.EscapeDataString("毛派组织"), link.GetAttribute("href"));
    }
}
