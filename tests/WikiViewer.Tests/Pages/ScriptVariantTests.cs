using System.Net;
using AngleSharp.Dom;
using WikiViewer.Web.Pages;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Web;

namespace WikiViewer.Tests.Pages;

/// <summary>The 简体/繁體 toggle on the server: the variant cookie, /variant, and what a converted page keeps.</summary>
public sealed class ScriptVariantTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    private static string Wiki(string title) => "/wiki/" + Uri.EscapeDataString(title);

    private async Task<IDocument> GetWithVariantAsync(string url, string variant)
    {
        var client = await seeds.App.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "variant=" + variant);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WikiApplication.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Traditional_cookie_converts_title_body_and_labels_but_not_links()
    {
        var page = await GetWithVariantAsync(Wiki("国际派"), "zh-hant");

        Assert.Equal("國際派", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("zh-Hant", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("是中國共產黨內部早期的一個派系", page.QuerySelector(".article-body")!.TextContent);
        Assert.Equal("目錄", page.QuerySelector("nav.toc h2")!.TextContent);
        Assert.Equal("發展歷史", page.QuerySelector("nav.toc .toc-text")!.TextContent);

        // Addresses and ids stay as rendered: links resolve, fragments still match.
        var link = page.QuerySelectorAll(".article-body a").First(a => a.TextContent == "蘇聯和");
        Assert.Equal(Wiki("苏联"), link.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("发展历史"));
        Assert.Equal("#发展历史", page.QuerySelector("nav.toc a")!.GetAttribute("href"));
        Assert.Equal("/category/" + Uri.EscapeDataString("中国共产党派系"), page.QuerySelector("nav.categories a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Simplified_cookie_converts_the_Traditional_parts_of_an_article()
    {
        var page = await GetWithVariantAsync(Wiki("无产阶级国际主义"), "zh-hans");

        Assert.Contains("是德国社会学家、资本论作者卡尔·马克思提出的", page.QuerySelector(".article-body")!.TextContent);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Unknown_cookie_value_shows_the_text_as_written()
    {
        var page = await GetWithVariantAsync(Wiki("无产阶级国际主义"), "klingon");

        Assert.Contains("是德國社會學家", page.QuerySelector(".article-body")!.TextContent);
        Assert.Equal("zh", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Menu_lists_every_variant_leads_to_this_page_in_it_and_marks_the_current_one()
    {
        var page = await GetWithVariantAsync(Wiki("国际派") + "?x=1", "zh-hant");
        var links = page.QuerySelectorAll(".variant-switch a");

        Assert.Equal(["不转换", "简体", "繁體", "大陆简体", "香港繁體", "澳門繁體", "大马简体", "新加坡简体", "臺灣正體"], links.Select(a => a.TextContent));
        Assert.Equal(["zh", "zh-hans", "zh-hant", "zh-cn", "zh-hk", "zh-mo", "zh-my", "zh-sg", "zh-tw"], links.Select(a => a.GetAttribute("data-variant")));
        Assert.Equal("/variant?set=zh-hant&return=" + Uri.EscapeDataString("/zh-hant/" + Uri.EscapeDataString("国际派") + "?x=1"), links[2].GetAttribute("href"));
        Assert.Equal("/variant?set=zh&return=" + Uri.EscapeDataString(Wiki("国际派") + "?x=1"), links[0].GetAttribute("href"));
        Assert.Equal("/zh-tw/" + Uri.EscapeDataString("国际派") + "?x=1", links[8].GetAttribute("data-href"));
        Assert.Equal([null, null, "true", null, null, null, null, null, null], links.Select(a => a.GetAttribute("aria-current")));
        Assert.Equal("繁體", page.QuerySelector(".variant-switch summary")!.TextContent);
    }

    [Theory]
    [InlineData("zh-hant", "variant=zh-hant")]
    [InlineData("zh-hans", "variant=zh-hans")]
    [InlineData("zh-tw", "variant=zh-tw")]
    [InlineData("zh-hk", "variant=zh-hk")]
    public async Task Variant_endpoint_remembers_the_choice_for_a_year_and_goes_back(string set, string cookie)
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync($"/variant?set={set}&return=%2Fwiki%2F%E5%9B%BD%E9%99%85%E6%B4%BE%3Fx%3D1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE?x=1", response.Headers.Location!.OriginalString);
        string setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(cookie + ";", setCookie);
        Assert.Contains("max-age=31536000", setCookie);
        Assert.Contains("path=/", setCookie);
        Assert.Contains("samesite=lax", setCookie);
        Assert.DoesNotContain("httponly", setCookie);
    }

    [Fact]
    public async Task Variant_endpoint_remembers_as_written_too_so_that_Accept_Language_does_not_choose_again()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/variant?set=zh&return=/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.StartsWith("variant=zh;", Assert.Single(response.Headers.GetValues("Set-Cookie")));
    }

    [Fact]
    public async Task Variant_endpoint_encodes_a_decoded_return_path_for_the_location_header()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/variant?set=zh-hant&return=/wiki/" + Uri.EscapeDataString("国际派"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Wiki("国际派"), response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/variant?set=zh-hant&return=//evil.example/")]
    [InlineData("/variant?set=zh-hant&return=/%5Cevil.example/")]
    [InlineData("/variant?set=zh-hant&return=https://evil.example/")]
    [InlineData("/variant?set=zh-hant&return=evil")]
    [InlineData("/variant?set=zh-hant&return=/%0d%0aSet-Cookie:x=1")]
    [InlineData("/variant?set=zh-xx&return=/")]
    [InlineData("/variant?set=ZH-TW&return=/")]
    [InlineData("/variant?return=/")]
    public async Task Variant_endpoint_refuses_other_sites_and_unknown_variants(string url)
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public void Html_conversion_changes_what_a_reader_sees_and_never_an_address()
    {
        const string html = "<p><a href=\"/wiki/头发\" title=\"头发\" data-x=\"头发\">头发</a>干燥&amp;后来<mark>发展</mark>"
            + "<img src=\"/x.png\" alt=\"头发\"><a href=\"#cite_ref-1\" aria-label=\"回到软件\">↑</a></p>";

        Assert.Equal(
            "<p><a href=\"/wiki/头发\" title=\"頭髮\" data-x=\"头发\">頭髮</a>乾燥&amp;後來<mark>發展</mark>"
            + "<img src=\"/x.png\" alt=\"頭髮\"><a href=\"#cite_ref-1\" aria-label=\"回到軟件\">↑</a></p>",
            ScriptVariant.Traditional.ConvertHtml(html));
        Assert.Contains("aria-label=\"回到軟體\"", ScriptVariant.Parse("zh-tw")!.ConvertHtml(html));
        Assert.Same(html, ScriptVariant.AsWritten.ConvertHtml(html));
    }

    [Fact]
    public void Each_run_of_text_takes_the_chain_for_its_own_script()
    {
        // A Traditional paragraph in a Simplified article: through s2twp, 范 would become 範.
        const string html = "<p>这是简体段落，里面有软件。</p><p>這是繁體段落，范先生在這裏寫的。</p>";

        // Expected: opencc-js s2twp of the first paragraph, hk2t then t2tw of the second.
        Assert.Equal(
            "<p>這是簡體段落，裡面有軟體。</p><p>這是繁體段落，范先生在這裡寫的。</p>",
            ScriptVariant.Parse("zh-tw")!.ConvertHtml(html));
    }

    [Fact]
    public async Task Home_lists_titles_in_reverse_order_on_request_and_refuses_other_orders()
    {
        var (_, ascending) = await seeds.App.GetPageAsync("/");
        var (_, descending) = await seeds.App.GetPageAsync("/?order=desc");
        var client = await seeds.App.CreateReadyClientAsync();

        Assert.Equal(
            ascending.QuerySelectorAll(".article-list a").Select(a => a.TextContent).Reverse(),
            descending.QuerySelectorAll(".article-list a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/?order=random")).StatusCode);
    }
}
