using System.Text.RegularExpressions;
using WikiViewer.BrowserTests.Infrastructure;
using static WikiViewer.BrowserTests.Infrastructure.ReaderSession;

namespace WikiViewer.BrowserTests;

/// <summary>Reading: from the home page through articles, a red link and its 404 page, and back.</summary>
[Collection(ReaderCollection.Name)]
public sealed class ReadingJourneyTests(ReaderFixture reader)
{
    [Fact]
    public async Task Home_then_article_then_internal_link_then_red_link_then_a_backlink_from_the_404_page()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;

        // Home: the count and every article.
        await session.GotoAsync("/");
        await Expect(page.Locator(".article-count")).ToHaveTextAsync("7");
        await Expect(page.Locator(".article-list a")).ToHaveCountAsync(7);
        await session.ScreenshotAsync("home.png");

        // Open an article from the list.
        await page.Locator(".article-list").GetByRole(AriaRole.Link, new() { Name = "马克思主义", Exact = true }).ClickAsync();
        await session.WaitForPathAsync(Wiki("马克思主义"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("马克思主义");
        await Expect(page.Locator("nav.categories")).ToContainTextAsync("政治哲学");
        await Expect(page.Locator("nav.backlinks li")).ToHaveTextAsync(["共产主义", "国际派", "卡尔·马克思", "马克思主义者互联网档案馆", "无产阶级国际主义"]);

        // A link whose target is in this corpus is an ordinary (blue) link.
        var resolved = page.Locator(".article-body a", new() { HasText = "无产阶级国际主义" }).First;
        await Expect(resolved).Not.ToHaveClassAsync(new Regex(@"\bnew\b"));
        await resolved.ClickAsync();
        await session.WaitForPathAsync(Wiki("无产阶级国际主义"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("无产阶级国际主义");

        // A red link leads to the 404 page, which names the title and who links to it.
        var red = page.Locator(".article-body a.new", new() { HasText = "世界革命" });
        var missing = await page.RunAndWaitForResponseAsync(() => red.ClickAsync(), r => r.Url.EndsWith(Wiki("世界革命"), StringComparison.Ordinal));
        Assert.Equal(404, missing.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("世界革命");
        await Expect(page.Locator(".notice")).ToContainTextAsync("本馆藏中没有名为“世界革命”的条目");
        await Expect(page.Locator(".backlinks li a")).ToHaveTextAsync(["共产主义", "无产阶级国际主义"]);

        // Use a backlink to move on.
        await page.Locator(".backlinks").GetByRole(AriaRole.Link, new() { Name = "共产主义" }).ClickAsync();
        await session.WaitForPathAsync(Wiki("共产主义"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("共产主义");

        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Reference_marker_shows_its_reference_on_hover_and_on_keyboard_focus()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("无产阶级国际主义"));
        var marker = page.Locator(".article-body sup.reference a", new() { HasText = "[2]" }).First;
        var preview = page.GetByRole(AriaRole.Tooltip);

        await marker.HoverAsync();
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("The State and Revolution — Chapter 5");
        await Expect(marker).ToHaveAttributeAsync("aria-describedby", "reference-preview");
        await session.ScreenshotAsync("article-desktop.png");

        await page.Keyboard.PressAsync("Escape");
        await Expect(preview).ToBeHiddenAsync();

        var first = page.Locator(".article-body sup.reference a", new() { HasText = "[1]" }).First;
        await first.FocusAsync();
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("Bukharin");

        // Without the preview the marker still jumps to its entry.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#cite_note-1")).ToBeInViewportAsync();
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Wide_screen_keeps_the_table_of_contents_beside_the_text_while_scrolling()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("卡尔·马克思"));
        var toc = page.Locator("nav.toc");
        var firstEntry = toc.GetByRole(AriaRole.Link, new() { Name = "1 生平" });

        await Expect(firstEntry).ToBeVisibleAsync();
        var tocBox = (await toc.BoundingBoxAsync())!;
        var bodyBox = (await page.Locator(".article-body").BoundingBoxAsync())!;
        Assert.True(tocBox.X + tocBox.Width <= bodyBox.X, $"TOC ({tocBox.X}+{tocBox.Width}) should sit left of the text ({bodyBox.X}).");

        // Scrolled to the end of the article, the contents are still on screen.
        await page.Locator("nav.backlinks").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("h1")).Not.ToBeInViewportAsync();
        await Expect(firstEntry).ToBeInViewportAsync();

        await firstEntry.ClickAsync();
        await Expect(page.Locator("h2#生平")).ToBeInViewportAsync();
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Phone_shows_the_table_of_contents_collapsed_above_the_text()
    {
        await using var session = await reader.OpenAsync(Device.Phone);
        var page = session.Page;
        await session.GotoAsync(Wiki("毛主义国际主义运动"));
        var toc = page.Locator("nav.toc");
        var entry = toc.GetByRole(AriaRole.Link, new() { Name = "3 出版" });

        await Expect(toc.Locator("summary")).ToBeVisibleAsync();
        await Expect(entry).ToBeHiddenAsync();
        var tocBox = (await toc.BoundingBoxAsync())!;
        var bodyBox = (await page.Locator(".article-body").BoundingBoxAsync())!;
        Assert.True(tocBox.Y + tocBox.Height <= bodyBox.Y, "On a phone the contents sit above the text.");
        await session.ScreenshotAsync("article-phone.png");

        await toc.Locator("summary").TapAsync();
        await Expect(entry).ToBeVisibleAsync();
        await entry.TapAsync();
        await Expect(page.Locator("h2#出版")).ToBeInViewportAsync();
        await Expect(entry).ToBeHiddenAsync();
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Article_ends_with_categories_backlinks_and_a_footer_naming_source_licence_and_original()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("卡尔·马克思"));

        await Expect(page.Locator("nav.categories a")).ToHaveTextAsync(["德国哲学家", "马克思主义"]);
        await Expect(page.Locator("nav.backlinks h2")).ToHaveTextAsync("链接到本页的页面");
        await Expect(page.Locator("nav.backlinks li a")).ToHaveTextAsync(["共产主义", "马克思主义", "无产阶级国际主义"]);
        var footer = page.GetByRole(AriaRole.Contentinfo);
        await Expect(footer).ToContainTextAsync("CC BY-SA");
        await Expect(footer).ToContainTextAsync("中文维基百科");
        await Expect(footer.GetByRole(AriaRole.Link, new() { Name = "zh.wikipedia.org 上的“卡尔·马克思”" }))
            .ToHaveAttributeAsync("href", "https://zh.wikipedia.org/wiki/" + Uri.EscapeDataString("卡尔·马克思"));

        // The category link opens the category's page with its members.
        await page.Locator("nav.categories").GetByRole(AriaRole.Link, new() { Name = "马克思主义" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("分类：马克思主义");
        await Expect(page.Locator(".article-list a")).ToHaveCountAsync(4);
        session.AssertNoScriptProblems();
    }
}
