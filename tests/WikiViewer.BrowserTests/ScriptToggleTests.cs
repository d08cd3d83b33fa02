using WikiViewer.BrowserTests.Infrastructure;
using static WikiViewer.BrowserTests.Infrastructure.ReaderSession;

namespace WikiViewer.BrowserTests;

/// <summary>The variant menu's 简体/繁體/不转换: converted text, links that keep the variant, remembered per browser.</summary>
[Collection(ReaderCollection.Name)]
public sealed class ScriptToggleTests(ReaderFixture reader)
{
    [Fact]
    public async Task Traditional_converts_phrase_by_phrase_keeps_links_working_and_is_remembered()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("卡尔·马克思"));
        var body = page.Locator(".article-body");
        await Expect(body).ToContainTextAsync("他后来因政治活动");

        await session.ChooseVariantAsync("繁體");
        await session.WaitForPathAsync(InVariant("zh-hant", "卡尔·马克思"));

        // 发 and 干 have two Traditional forms each: the phrase decides (頭髮, 乾燥; 後來).
        await Expect(page.Locator("h1")).ToHaveTextAsync("卡爾·馬克思");
        await Expect(body).ToContainTextAsync("他後來因政治活動");
        await Expect(body).ToContainTextAsync("白色頭髮和鬍鬚");
        await Expect(body).ToContainTextAsync("家鄉乾燥的秋天");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hant");
        await Expect(session.VariantMenu.Locator("summary")).ToHaveTextAsync("繁體");
        await Expect(session.VariantMenu.Locator("a[data-variant='zh-hant']")).ToHaveAttributeAsync("aria-current", "true");
        Assert.Equal("zh-hant", await session.VariantCookieAsync());
        await Expect(page.Locator("nav.toc")).ToContainTextAsync("參考文獻");
        await Expect(page.Locator("nav.backlinks h2")).ToHaveTextAsync("鏈接到本頁的頁面");

        // Links keep the variant and the title as written, and still lead to the article.
        var link = body.GetByRole(AriaRole.Link, new() { Name = "馬克思主義" }).First;
        await Expect(link).ToHaveAttributeAsync("href", InVariant("zh-hant", "马克思主义"));
        await link.ClickAsync();
        await session.WaitForPathAsync(InVariant("zh-hant", "马克思主义"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("馬克思主義");

        // Remembered: a page opened later in this browser is Traditional too.
        var later = await session.Context.NewPageAsync();
        await later.GotoAsync("/");
        await Expect(later.Locator(".article-list a")).ToContainTextAsync(["卡爾·馬克思", "馬克思主義", "無產階級國際主義"]);

        // Search works in either script and shows results in the chosen one.
        await later.Locator(".home-intro").GetByRole(AriaRole.Combobox).FillAsync("頭髮");
        await later.Locator(".home-intro").GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(later.Locator(".result-title")).ToHaveTextAsync(["卡爾·馬克思"]);
        await Expect(later.Locator(".result .snippet mark").First).ToHaveTextAsync("頭髮");
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Simplified_converts_the_Traditional_parts_and_as_written_restores_them()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        await session.GotoAsync(Wiki("无产阶级国际主义"));
        var lead = page.Locator(".article-body > p").First;
        await Expect(lead).ToContainTextAsync("是德國社會學家、資本論作者卡尔·马克思提出的");

        await session.ChooseVariantAsync("简体");
        await session.WaitForPathAsync(InVariant("zh-hans", "无产阶级国际主义"));
        await Expect(lead).ToContainTextAsync("是德国社会学家、资本论作者卡尔·马克思提出的");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");

        // As written is the plain address, remembered as zh so that no header overrides it.
        await session.ChooseVariantAsync("不转换");
        await session.WaitForPathAsync(Wiki("无产阶级国际主义"));
        await Expect(lead).ToContainTextAsync("是德國社會學家、資本論作者卡尔·马克思提出的");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh");
        await Expect(session.VariantMenu.Locator("summary")).ToHaveTextAsync("不转换");
        Assert.Equal("zh", await session.VariantCookieAsync());
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Menu_works_without_javascript_and_returns_to_the_same_page_in_the_variant()
    {
        await using var session = await reader.OpenAsync(javaScript: false);
        var page = session.Page;
        await session.GotoAsync(Wiki("卡尔·马克思") + "?from=test");

        // The disclosure opens without script; the link goes through /variant, which remembers the choice.
        var response = await page.RunAndWaitForResponseAsync(
            () => session.ChooseVariantAsync("繁體"), r => new Uri(r.Url).AbsolutePath == "/variant");
        Assert.Equal(302, response.Status);

        await Expect(page.Locator("h1")).ToHaveTextAsync("卡爾·馬克思");
        Assert.Equal(InVariant("zh-hant", "卡尔·马克思") + "?from=test", new Uri(page.Url).PathAndQuery);
        Assert.Equal("zh-hant", await session.VariantCookieAsync());
        session.AssertNoScriptProblems();
    }
}
