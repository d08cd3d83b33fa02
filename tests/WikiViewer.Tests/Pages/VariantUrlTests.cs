using System.Net;
using AngleSharp.Dom;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>
/// A variant in the URL (<c>/zh-tw/{title}</c>, <c>?variant=</c>), the cookie, and
/// Accept-Language: which one decides, what the page links to, and how caches key it.
/// </summary>
public sealed class VariantUrlTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    private static readonly string Title = "国际派";
    private static string Escaped(string title) => Uri.EscapeDataString(title);

    private async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string url, string? cookie = null, string? acceptLanguage = null)
    {
        var client = await seeds.App.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "variant=" + cookie);
        }

        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);
        return (response, WikiApplication.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("zh-tw", "zh-Hant-TW")]
    [InlineData("zh-hk", "zh-Hant-HK")]
    [InlineData("zh-mo", "zh-Hant-MO")]
    [InlineData("zh-cn", "zh-Hans-CN")]
    [InlineData("zh-sg", "zh-Hans-SG")]
    [InlineData("zh-my", "zh-Hans-MY")]
    [InlineData("zh-hant", "zh-Hant")]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("zh", "zh")]
    public async Task An_article_url_names_its_variant_and_every_link_on_the_page_keeps_it(string code, string language)
    {
        var (response, page) = await GetAsync($"/{code}/{Escaped(Title)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(code, page.DocumentElement.GetAttribute("data-variant"));
        var bodyLinks = page.QuerySelectorAll(".article-body a[href^='/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(bodyLinks);
        Assert.All(bodyLinks, href => Assert.StartsWith($"/{code}/", href));
        Assert.All(page.QuerySelectorAll("nav.backlinks a").Select(a => a.GetAttribute("href")!), href => Assert.StartsWith($"/{code}/", href));
        Assert.All(page.QuerySelectorAll("nav.categories a").Select(a => a.GetAttribute("href")!), href => Assert.EndsWith($"?variant={code}", href));
        Assert.Equal($"/?variant={code}", page.QuerySelector("a.site-name")!.GetAttribute("href"));
        Assert.Equal(code, page.QuerySelector(".site-header form input[name=variant]")!.GetAttribute("value"));
        // The canonical page is the one without a variant, as zh.wikipedia's.
        Assert.Equal("/wiki/" + Escaped(Title), page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        // Links that never lead to a page here stay as written: the contents, other sites, the menu.
        Assert.All(page.QuerySelectorAll("nav.toc a"), a => Assert.StartsWith("#", a.GetAttribute("href")));
        Assert.Equal("#content", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        var external = page.QuerySelectorAll("a.external").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("https://zh.wikipedia.org/wiki/" + Escaped(Title), external);
        Assert.All(external, href => Assert.StartsWith("https://", href));
        var menu = page.QuerySelectorAll(".variant-switch a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(9, menu.Count);
        Assert.All(menu, href => Assert.StartsWith("/variant?set=", href));
    }

    [Fact]
    public async Task Every_page_lists_its_alternates_in_each_variant()
    {
        var (_, page) = await GetAsync("/wiki/" + Escaped(Title));

        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["zh-Hans"] = "/zh-hans/" + Escaped(Title),
                ["zh-Hant"] = "/zh-hant/" + Escaped(Title),
                ["zh-Hans-CN"] = "/zh-cn/" + Escaped(Title),
                ["zh-Hant-HK"] = "/zh-hk/" + Escaped(Title),
                ["zh-Hant-MO"] = "/zh-mo/" + Escaped(Title),
                ["zh-Hans-MY"] = "/zh-my/" + Escaped(Title),
                ["zh-Hans-SG"] = "/zh-sg/" + Escaped(Title),
                ["zh-Hant-TW"] = "/zh-tw/" + Escaped(Title),
                ["x-default"] = "/wiki/" + Escaped(Title),
            },
            alternates);

        var (_, home) = await GetAsync("/?page=1&variant=zh-hk");
        var homeAlternates = home.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal("/?page=1&variant=zh-tw", homeAlternates["zh-Hant-TW"]);
        Assert.Equal("/?page=1", homeAlternates["x-default"]);
    }

    [Fact]
    public async Task Alternates_are_absolute_when_the_public_origin_is_configured()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string> { ["Wiki:PublicBaseUrl"] = "https://wiki.example.org" });
        var (_, page) = await app.GetPageAsync("/wiki/" + Escaped(Title));

        Assert.Equal("https://wiki.example.org/zh-tw/" + Escaped(Title), page.QuerySelector("link[hreflang='zh-Hant-TW']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_other_than_articles_carry_the_variant_in_the_query_and_keep_it_in_their_links()
    {
        var (response, home) = await GetAsync("/?variant=zh-tw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-Hant-TW", home.DocumentElement.GetAttribute("lang"));
        Assert.All(home.QuerySelectorAll(".article-list a").Select(a => a.GetAttribute("href")!), href => Assert.StartsWith("/zh-tw/", href));
        Assert.Equal("/random?variant=zh-tw", home.QuerySelector("a.random-article")!.GetAttribute("href"));
        Assert.All(home.QuerySelectorAll("form[action='/search']"), form => Assert.Equal("zh-tw", form.QuerySelector("input[name=variant]")!.GetAttribute("value")));

        var (_, results) = await GetAsync("/search?q=" + Escaped("共产国际") + "&fulltext=1&variant=zh-tw");
        Assert.Equal("zh-Hant-TW", results.DocumentElement.GetAttribute("lang"));
        Assert.All(results.QuerySelectorAll("a.result-title").Select(a => a.GetAttribute("href")!), href => Assert.StartsWith("/zh-tw/", href));

        var random = await (await seeds.App.CreateReadyClientAsync()).GetAsync("/random?variant=zh-hk");
        Assert.Equal(HttpStatusCode.Redirect, random.StatusCode);
        Assert.StartsWith("/zh-hk/", random.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Without_a_variant_in_the_url_links_stay_plain()
    {
        var (_, page) = await GetAsync("/wiki/" + Escaped(Title), cookie: "zh-tw");

        Assert.Equal("zh-Hant-TW", page.DocumentElement.GetAttribute("lang"));
        Assert.False(page.DocumentElement.HasAttribute("data-variant") && page.DocumentElement.GetAttribute("data-variant") != "");
        Assert.All(page.QuerySelectorAll(".article-body a[href^='/']").Select(a => a.GetAttribute("href")!), href => Assert.StartsWith("/wiki/", href));
        Assert.Null(page.QuerySelector(".site-header form input[name=variant]"));
    }

    [Fact]
    public async Task Another_name_for_the_article_redirects_to_its_canonical_title_in_the_same_variant()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/zh-tw/" + Escaped("國際派"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/zh-tw/" + Escaped(Title), response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/zh-xx/国际派")]
    [InlineData("/ZH-TW/国际派")]
    [InlineData("/zh-tw-x/国际派")]
    public async Task Other_prefixes_are_not_variants(string url)
    {
        var (response, _) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("zh-TW,zh;q=0.9,en;q=0.8", "zh-Hant-TW")]
    [InlineData("zh-HK", "zh-Hant-HK")]
    [InlineData("zh-MO", "zh-Hant-MO")]
    [InlineData("zh-CN,zh;q=0.9", "zh-Hans-CN")]
    [InlineData("zh-SG", "zh-Hans-SG")]
    [InlineData("zh-Hant", "zh-Hant")]
    [InlineData("zh-Hans-CN", "zh-Hans-CN")]
    [InlineData("zh-Hant-HK", "zh-Hant-HK")]
    [InlineData("en-US,en;q=0.9,zh-TW;q=0.8", "zh-Hant-TW")]
    [InlineData("en;q=0.5, zh-hk;q=0.9", "zh-Hant-HK")]
    [InlineData("zh", "zh")]
    [InlineData("en-US,en;q=0.9", "zh")]
    [InlineData("zh-TW;q=0", "zh")]
    [InlineData("*", "zh")]
    public async Task Without_a_cookie_Accept_Language_chooses_the_first_visits_variant(string header, string language)
    {
        var (_, page) = await GetAsync("/wiki/" + Escaped(Title), acceptLanguage: header);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_url_outranks_the_cookie_which_outranks_Accept_Language()
    {
        var (_, byCookie) = await GetAsync("/wiki/" + Escaped(Title), cookie: "zh-hk", acceptLanguage: "zh-TW");
        var asWritten = await GetAsync("/wiki/" + Escaped(Title), cookie: "zh", acceptLanguage: "zh-TW");
        var (_, byUrl) = await GetAsync("/zh-cn/" + Escaped(Title), cookie: "zh-hk", acceptLanguage: "zh-TW");

        Assert.Equal("zh-Hant-HK", byCookie.DocumentElement.GetAttribute("lang"));
        Assert.Equal("zh", asWritten.Page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("zh-Hans-CN", byUrl.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Pages_say_what_they_vary_by_so_shared_caches_keep_variants_apart()
    {
        var (response, _) = await GetAsync("/wiki/" + Escaped(Title));

        Assert.Contains("Cookie", response.Headers.Vary);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Suggestions_are_in_the_readers_variant_and_keep_a_url_variant()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/suggest?q=" + Escaped("国际"));
        request.Headers.Add("Cookie", "variant=zh-hant");
        var json = System.Text.Json.JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("國際派", json[1].EnumerateArray().Select(e => e.GetString()));

        var named = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=" + Escaped("国际") + "&variant=zh-tw")).RootElement;
        Assert.All(named[3].EnumerateArray().Select(e => e.GetString()!), url => Assert.Contains("/zh-tw/", url));
    }
}

/// <summary>The output cache: one entry per parsed variant, never per raw header or cookie.</summary>
public sealed class VariantCacheKeyTests
{
    private static readonly string Article = "/wiki/" + Uri.EscapeDataString("国际派");

    [Fact]
    public async Task Accept_Language_headers_share_the_entry_of_the_variant_they_parse_to()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();
        var first = await Send("zh-TW");
        Assert.Null(first.Headers.Age);
        Assert.Null((await Send("zh-TW")).Headers.Age); // kept from its second request on

        foreach (string header in new[] { "zh-tw", "zh-TW,zh;q=0.9", "en;q=0.1, zh-Hant-TW", "zh-TW, x-junk-" + new string('a', 200) })
        {
            var response = await Send(header);
            Assert.NotNull(response.Headers.Age); // the entry the second zh-TW request made
            Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        }

        // A URL variant is its own entry: its links differ from the cookie's or header's page.
        var byUrl = await client.GetAsync("/zh-tw/" + Uri.EscapeDataString("国际派"));
        Assert.Null(byUrl.Headers.Age);

        async Task<HttpResponseMessage> Send(string acceptLanguage)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Article);
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            return await client.SendAsync(request);
        }
    }

    [Fact]
    public async Task Each_variant_has_its_own_etag()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();

        var tags = new HashSet<string>();
        foreach (string code in new[] { "zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-mo", "zh-sg", "zh-my" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Article);
            request.Headers.Add("Cookie", "variant=" + code);
            tags.Add((await client.SendAsync(request)).Headers.ETag!.Tag);
        }

        Assert.Equal(9, tags.Count);
    }
}
