using WikiViewer.BrowserTests.Infrastructure;
using static WikiViewer.BrowserTests.Infrastructure.ReaderSession;

namespace WikiViewer.BrowserTests;

/// <summary>Searching: the suggestion list by keyboard, then full-text results.</summary>
[Collection(ReaderCollection.Name)]
public sealed class SearchJourneyTests(ReaderFixture reader)
{
    [Fact]
    public async Task Slash_focuses_search_arrows_and_enter_pick_a_suggestion_then_full_text_search_opens_a_result()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync("/");
        var search = page.Locator("header").GetByRole(AriaRole.Combobox, new() { Name = "搜索条目" });

        // "/" jumps to the search box, as on Wikipedia.
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("/");
        await Expect(search).ToBeFocusedAsync();

        // Typing lists titles and aliases that start with what was typed.
        await search.PressSequentiallyAsync("共产");
        var options = page.Locator("header").GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(2);
        await Expect(options.Locator(".suggestion-title")).ToHaveTextAsync(["共产主义", "共产国际派"]);
        await Expect(search).ToHaveAttributeAsync("aria-expanded", "true");

        // Arrows move the choice; Enter opens it (the alias leads to its article).
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "false");
        await page.Keyboard.PressAsync("Enter");
        await session.WaitForPathAsync(Wiki("国际派"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("国际派");

        // Words that are not a title give ranked full-text results with the matches marked.
        await search.FillAsync("马克思");
        await search.PressAsync("Enter");
        await session.WaitForPathAsync("/search");
        await Expect(page.Locator(".result-count .total")).ToHaveTextAsync("6");
        await Expect(page.Locator(".result-title", new() { HasText = "卡尔·马克思" })).ToBeVisibleAsync();
        await Expect(page.Locator(".result-title").GetByText("马克思主义", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".result .snippet mark").First).ToHaveTextAsync("马克思");
        await session.ScreenshotAsync("search.png");

        await page.Locator(".result-title", new() { HasText = "卡尔·马克思" }).ClickAsync();
        await session.WaitForPathAsync(Wiki("卡尔·马克思"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("卡尔·马克思");
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_enter_then_searches_what_was_typed()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("共产主义"));
        var search = page.Locator("header").GetByRole(AriaRole.Combobox, new() { Name = "搜索条目" });

        await search.PressSequentiallyAsync("國際");
        var listbox = page.Locator("header").GetByRole(AriaRole.Listbox);
        await Expect(listbox.GetByRole(AriaRole.Option).First).ToContainTextAsync("国际");
        await page.Keyboard.PressAsync("Escape");
        await Expect(listbox).ToBeHiddenAsync();
        await Expect(search).ToHaveAttributeAsync("aria-expanded", "false");

        // A Traditional spelling of a title is "Go": straight to the article.
        await search.FillAsync("國際派");
        await search.PressAsync("Enter");
        await session.WaitForPathAsync(Wiki("国际派"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("国际派");
        session.AssertNoScriptProblems();
    }
}
