using WikiViewer.BrowserTests.Infrastructure;
using static WikiViewer.BrowserTests.Infrastructure.ReaderSession;

namespace WikiViewer.BrowserTests;

/// <summary>
/// The regional variants: each region's vocabulary, the variant in the URL and in every
/// link, remembered per browser, chosen by a shared link or by the browser's language,
/// and a menu that works from the keyboard and fits a phone.
/// </summary>
/// <remarks>
/// Every converted string below is what OpenCC 1.4.2 (opencc-js 1.4.2) gives for the
/// article's Simplified text, converted as the page converts it, one text node at a
/// time: s2twp for zh-tw, s2hk for zh-hk. Never written by hand.
/// </remarks>
[Collection(ReaderCollection.Name)]
public sealed class RegionalVariantTests(ReaderFixture reader)
{
    // Corpus/archive.txt, in Simplified with words each region says its own way.
    private const string Archive = "马克思主义者互联网档案馆";
    private const string ArchiveAsWritten = "用户可以在线阅读，也可以下载适合打印机打印的PDF文件。档案馆的软件和数据库由志愿者维护";

    // s2twp: 互联网 → 網際網路, 用户 → 使用者, 在线 → 線上, 打印机 → 印表機, 软件 → 軟體, 数据库 → 資料庫, 程序 → 程式…
    private const string ArchiveTaiwan = "馬克思主義者網際網路檔案館";
    private const string ContentTaiwan = "使用者可以線上閱讀，也可以下載適合印表機列印的PDF檔案。檔案館的軟體和資料庫由志願者維護，志願者編寫的程式把掃描的文本轉換為網頁。";
    private const string MirrorsTaiwan = "檔案館提供義大利語、西班牙語和中文等語言的譯本，中文部分另設索引，方便讀者查詢資訊。檔案館在多個網路伺服器上設有映象";

    // s2hk: Hong Kong keeps 互聯網, 軟件, 數據庫, 程序, 網絡 and writes 户 and 閲 (s2t: 用戶, 閱讀).
    private const string ArchiveHongKong = "馬克思主義者互聯網檔案館";
    private const string ContentHongKong = "用户可以在線閲讀，也可以下載適合打印機打印的PDF文件。檔案館的軟件和數據庫由志願者維護，志願者編寫的程序把掃描的文本轉換為網頁。";
    private const string MirrorsHongKong = "檔案館提供意大利語、西班牙語和中文等語言的譯本，中文部分另設索引，方便讀者查找信息。檔案館在多個網絡服務器上設有鏡像";

    // 国际派 (a seed), another article the remembered choice must reach: s2twp says 支援 for 支持.
    private const string Faction = "国际派";
    private const string FactionTaiwan = "不少國際派人士轉為支援毛澤東";
    private const string FactionHongKong = "不少國際派人士轉為支持毛澤東";

    [Fact]
    public async Task Taiwan_shows_taiwan_vocabulary_keeps_zh_tw_in_links_and_is_remembered()
    {
        await using var session = await reader.OpenAsync();
        await ChooseAndFollowAsync(session, "臺灣正體", "zh-tw", "zh-Hant-TW", ArchiveTaiwan, [ContentTaiwan, MirrorsTaiwan]);

        // Taiwan's words, not Hong Kong's (nor the shared Traditional ones).
        var body = session.Page.Locator(".article-body");
        await Expect(body).Not.ToContainTextAsync("軟件");
        await Expect(body).Not.ToContainTextAsync("網絡");

        await AssertRememberedAsync(session, "臺灣正體", "zh-Hant-TW", FactionTaiwan);
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Hong_Kong_shows_hong_kong_vocabulary_keeps_zh_hk_in_links_and_is_remembered()
    {
        await using var session = await reader.OpenAsync();
        await ChooseAndFollowAsync(session, "香港繁體", "zh-hk", "zh-Hant-HK", ArchiveHongKong, [ContentHongKong, MirrorsHongKong]);

        // Where zh-hk and zh-tw differ: 軟件 and 網絡 here, 軟體 and 網路 in Taiwan.
        var body = session.Page.Locator(".article-body");
        await Expect(body).Not.ToContainTextAsync("軟體");
        await Expect(body).Not.ToContainTextAsync("網路");

        await AssertRememberedAsync(session, "香港繁體", "zh-Hant-HK", FactionHongKong);
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_shared_zh_tw_link_reads_in_zh_tw_without_a_cookie_and_its_links_keep_zh_tw()
    {
        // A fresh browser: no cookie, and a language that asks for no variant.
        await using var session = await reader.OpenAsync();
        var page = session.Page;

        await session.GotoAsync(InVariant("zh-tw", Archive));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hant-TW");
        await Expect(page.Locator("h1")).ToHaveTextAsync(ArchiveTaiwan);
        await Expect(page.Locator(".article-body")).ToContainTextAsync(ContentTaiwan);
        await Expect(session.VariantMenu.Locator("summary")).ToHaveTextAsync("臺灣正體");
        // Every site link keeps the variant: the header's home link as well as the article's.
        await Expect(page.Locator("header a.site-name")).ToHaveAttributeAsync("href", "/?variant=zh-tw");

        await page.Locator(".article-body").GetByRole(AriaRole.Link, new() { Name = "馬克思主義", Exact = true }).ClickAsync();
        await session.WaitForPathAsync(InVariant("zh-tw", "马克思主义"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("馬克思主義");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hant-TW");

        // Reading a shared link is not choosing: nothing was remembered.
        Assert.Null(await session.VariantCookieAsync());
        session.AssertNoScriptProblems();
    }

    [Theory]
    [InlineData("zh-TW", "zh-Hant-TW", "臺灣正體", ArchiveTaiwan, ContentTaiwan)]
    [InlineData("zh-HK", "zh-Hant-HK", "香港繁體", ArchiveHongKong, ContentHongKong)]
    public async Task A_browser_in_a_regional_language_reads_in_that_region_s_variant(
        string locale, string languageTag, string label, string title, string content)
    {
        await using var session = await reader.OpenAsync(locale: locale);
        var page = session.Page;

        await session.GotoAsync(Wiki(Archive));

        Assert.Equal(Wiki(Archive), new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", languageTag);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".article-body")).ToContainTextAsync(content);
        await Expect(session.VariantMenu.Locator("summary")).ToHaveTextAsync(label);
        Assert.Null(await session.VariantCookieAsync());
        session.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Menu_opens_from_the_keyboard_and_fits_a_phone_screen()
    {
        await using var session = await reader.OpenAsync(Device.Phone);
        var page = session.Page;
        await session.GotoAsync(Wiki(Archive));
        var menu = session.VariantMenu;
        var summary = menu.Locator("summary");
        var items = menu.Locator("a[data-variant]");
        await Expect(items.First).ToBeHiddenAsync();

        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(menu).ToHaveAttributeAsync("open", "");
        await Expect(items).ToHaveTextAsync(["不转换", "简体", "繁體", "大陆简体", "香港繁體", "澳門繁體", "大马简体", "新加坡简体", "臺灣正體"]);
        var viewport = page.ViewportSize!;
        for (int i = 0; i < 9; i++)
        {
            // Tab walks the list in order; each item is on screen, whole, not clipped by the header.
            await page.Keyboard.PressAsync("Tab");
            var item = items.Nth(i);
            await Expect(item).ToBeFocusedAsync();
            await Expect(item).ToBeInViewportAsync(new() { Ratio = 1 });
            var box = await item.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(
                box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width && box.Y + box.Height <= viewport.Height,
                $"Menu item {i} at ({box.X}, {box.Y}, {box.Width}×{box.Height}) is not within the {viewport.Width}×{viewport.Height} viewport.");
        }

        // Enter on the focused item chooses it.
        await page.Keyboard.PressAsync("Enter");
        await session.WaitForPathAsync(InVariant("zh-tw", Archive));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hant-TW");
        await Expect(summary).ToHaveTextAsync("臺灣正體");
        Assert.False(await session.ScrollsSidewaysAsync(), "The page in zh-tw is wider than a 360 px phone.");
        session.AssertNoScriptProblems();
    }

    // Opens the archive as written, chooses a regional variant in the menu, checks the page,
    // then follows an in-body link, which keeps the variant in its address.
    private static async Task ChooseAndFollowAsync(
        ReaderSession session, string label, string code, string languageTag, string title, string[] body)
    {
        var page = session.Page;
        await session.GotoAsync(Wiki(Archive));
        await Expect(page.Locator(".article-body")).ToContainTextAsync(ArchiveAsWritten);

        await session.ChooseVariantAsync(label);

        await session.WaitForPathAsync(InVariant(code, Archive));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", languageTag);
        await Expect(session.VariantMenu.Locator("summary")).ToHaveTextAsync(label);
        await Expect(session.VariantMenu.Locator($"a[data-variant='{code}']")).ToHaveAttributeAsync("aria-current", "true");
        Assert.Equal(code, await session.VariantCookieAsync());
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        foreach (string text in body)
        {
            await Expect(page.Locator(".article-body")).ToContainTextAsync(text);
        }

        var link = page.Locator(".article-body").GetByRole(AriaRole.Link, new() { Name = "馬克思主義", Exact = true });
        await Expect(link).ToHaveAttributeAsync("href", InVariant(code, "马克思主义"));
        await link.ClickAsync();
        await session.WaitForPathAsync(InVariant(code, "马克思主义"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("馬克思主義");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", languageTag);
        await Expect(session.VariantMenu.Locator("summary")).ToHaveTextAsync(label);
    }

    // A new tab on another article's plain address: the cookie brings the variant back.
    private static async Task AssertRememberedAsync(ReaderSession session, string label, string languageTag, string factionText)
    {
        var later = await session.Context.NewPageAsync();
        await later.GotoAsync(Wiki(Faction));
        Assert.Equal(Wiki(Faction), new Uri(later.Url).AbsolutePath);
        await Expect(later.Locator("html")).ToHaveAttributeAsync("lang", languageTag);
        await Expect(later.Locator("header details.variant-switch summary")).ToHaveTextAsync(label);
        await Expect(later.Locator("h1")).ToHaveTextAsync("國際派");
        await Expect(later.Locator(".article-body")).ToContainTextAsync(factionText);
    }
}
