using System.Text.RegularExpressions;
using WikiViewer.BrowserTests.Infrastructure;
using static WikiViewer.BrowserTests.Infrastructure.ReaderSession;

namespace WikiViewer.BrowserTests;

/// <summary>Dark mode, phones, keyboard, print, and the home page's lists.</summary>
[Collection(ReaderCollection.Name)]
public sealed class ReadingComfortTests(ReaderFixture reader)
{
    private const string LightBackground = "rgb(255, 255, 255)";
    private const string DarkBackground = "rgb(16, 20, 24)";

    [Fact]
    public async Task Dark_mode_follows_the_system_colour_scheme()
    {
        await using var session = await reader.OpenAsync(colorScheme: ColorScheme.Dark);
        var page = session.Page;
        await session.GotoAsync(Wiki("卡尔·马克思"));
        var body = page.Locator("body");

        await Expect(body).ToHaveCSSAsync("background-color", DarkBackground);
        await Expect(body).ToHaveCSSAsync("color", "rgb(234, 236, 240)");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(body).ToHaveCSSAsync("background-color", LightBackground);
        await Expect(body).ToHaveCSSAsync("color", "rgb(32, 33, 34)");
        session.AssertNoScriptProblems();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/%E6%97%A0%E4%BA%A7%E9%98%B6%E7%BA%A7%E5%9B%BD%E9%99%85%E4%B8%BB%E4%B9%89")] // 无产阶级国际主义: long Latin URLs in its references
    [InlineData("/wiki/%E6%AF%9B%E4%B8%BB%E4%B9%89%E5%9B%BD%E9%99%85%E4%B8%BB%E4%B9%89%E8%BF%90%E5%8A%A8")] // 毛主义国际主义运动: Latin names, external links
    [InlineData("/wiki/%E4%B8%96%E7%95%8C%E9%9D%A9%E5%91%BD", 404)] // 世界革命: the missing-article page
    [InlineData("/search?q=%E5%9B%BD%E9%99%85&fulltext=1")]
    [InlineData("/category/%E9%A9%AC%E5%85%8B%E6%80%9D%E4%B8%BB%E4%B9%89")]
    public async Task Phone_never_needs_sideways_scrolling(string path, int status = 200)
    {
        await using var session = await reader.OpenAsync(Device.Phone);

        await session.GotoAsync(path, status);

        await Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
        Assert.False(await session.ScrollsSidewaysAsync(), $"{path} is wider than a 360 px phone.");
        var header = (await session.Page.Locator("header").BoundingBoxAsync())!;
        Assert.True(header.Width <= 360, $"The header is {header.Width} px wide.");
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Keyboard_reader_can_skip_to_the_text_and_always_sees_where_focus_is()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("共产主义"));
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "跳到正文" });

        await Expect(skip).Not.ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await Expect(skip).ToHaveCSSAsync("outline-style", "solid");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();

        // The next Tab lands inside the article, and the focused link is outlined.
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator("main :focus");
        await Expect(focused).ToHaveCountAsync(1);
        await Expect(focused).ToHaveCSSAsync("outline-style", "solid");

        // Landmarks a screen reader lists.
        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Search)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Contentinfo)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "目录" })).ToHaveCountAsync(1);
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Print_shows_the_article_without_navigation_and_spells_out_external_links()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("无产阶级国际主义"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator(".article-body")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
        await Expect(page.Locator("nav.toc")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.backlinks")).ToBeHiddenAsync();
        string after = await page.Locator("ol.references a.external").First.EvaluateAsync<string>(
            "a => getComputedStyle(a, '::after').content");
        Assert.Contains("http://www.marxists.org/", after);
        await Expect(page.Locator(".article-body a").First).ToHaveCSSAsync("color", "rgb(0, 0, 0)");
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Home_sorts_titles_both_ways_lists_categories_with_counts_and_opens_a_random_article()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync("/");
        string[] byTitle = ["共产主义", "国际派", "卡尔·马克思", "马克思主义", "马克思主义者互联网档案馆", "毛主义国际主义运动", "无产阶级国际主义"];

        await Expect(page.Locator(".article-list a")).ToHaveTextAsync(byTitle);
        await page.GetByRole(AriaRole.Link, new() { Name = "倒序" }).ClickAsync();
        await Expect(page.Locator(".article-list a")).ToHaveTextAsync(byTitle.Reverse().ToArray());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "倒序" })).ToHaveAttributeAsync("aria-current", "true");

        var largest = page.Locator(".category-list li").First;
        await Expect(largest.GetByRole(AriaRole.Link)).ToHaveTextAsync("马克思主义");
        await Expect(largest.Locator(".count")).ToHaveTextAsync("4");
        await Expect(page.Locator(".category-count")).ToHaveTextAsync("12");

        await page.GetByRole(AriaRole.Link, new() { Name = "随机条目" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(session.BaseUrl + "wiki/")));
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^(" + string.Join('|', byTitle) + ")$"));
        session.AssertNoScriptProblems();
    }
}
