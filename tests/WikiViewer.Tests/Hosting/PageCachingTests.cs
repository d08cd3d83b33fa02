using System.Net;
using System.Net.Http.Headers;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Store;

namespace WikiViewer.Tests.Hosting;

/// <summary>What a browser or proxy sees of the serving path: validators, 304s, compression, asset lifetimes.</summary>
public sealed class PageCachingTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    private static readonly string Article = "/wiki/" + Uri.EscapeDataString("国际派");

    [Fact]
    public async Task Article_carries_an_etag_and_revalidates_to_304()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var first = await client.GetAsync(Article);
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, Article);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_stale_etag_gets_the_full_page()
    {
        var client = await seeds.App.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Article);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"", isWeak: true));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Display_variant_gets_its_own_etag()
    {
        var client = await seeds.App.CreateReadyClientAsync();
        using var traditional = new HttpRequestMessage(HttpMethod.Get, Article);
        traditional.Headers.Add("Cookie", "variant=zh-hant");

        var plain = await client.GetAsync(Article);
        var converted = await client.SendAsync(traditional);

        Assert.NotEqual(plain.Headers.ETag, converted.Headers.ETag);
    }

    [Fact]
    public async Task Missing_page_and_random_carry_no_etag()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var missing = await client.GetAsync("/wiki/" + Uri.EscapeDataString("不存在"));
        var random = await client.GetAsync("/random");

        Assert.Null(missing.Headers.ETag);
        Assert.Null(random.Headers.ETag);
    }

    [Fact]
    public async Task Pages_and_assets_asked_for_twice_come_from_the_output_cache_searches_and_live_routes_never()
    {
        await using var app = new WikiApplication(); // its own: no other test has asked for these pages
        var client = await app.CreateReadyClientAsync();
        string marx = Uri.EscapeDataString("马克思");

        // The output cache marks what it serves with Age; a freshly produced answer has none.
        // What is asked for once is not kept: the second request is answered afresh, and kept.
        foreach (string url in new[] { "/", Article, "/css/site.css" })
        {
            Assert.True((await client.GetAsync(url)).Headers.Age is null, $"{url} was served from the output cache");
            Assert.True((await client.GetAsync(url)).Headers.Age is null, $"{url} was kept at its first request");
            Assert.True((await client.GetAsync(url)).Headers.Age is not null, $"{url} was not served from the output cache");
        }

        // opensearch.xml names the request's host (unless Wiki:PublicBaseUrl is set): a client's choice.
        foreach (string url in new[] { "/search?q=" + marx, "/api/search?q=" + marx, "/api/suggest?q=" + marx, "/healthz", "/random", "/opensearch.xml" })
        {
            await client.GetAsync(url);
            await client.GetAsync(url);
            Assert.True((await client.GetAsync(url)).Headers.Age is null, $"{url} was served from the output cache");
        }

        // Computed per request, yet a function of the store and the URL: still validated.
        Assert.NotNull((await client.GetAsync("/search?q=" + marx)).Headers.ETag);
        Assert.Null((await client.GetAsync("/healthz")).Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_json_are_compressed_for_clients_that_accept_it(string encoding)
    {
        var client = await seeds.App.CreateReadyClientAsync();
        foreach (string url in new[] { Article, "/api/search?q=" + Uri.EscapeDataString("王明") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

            var response = await client.SendAsync(request);
            var plain = await client.GetAsync(url);

            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < (await plain.Content.ReadAsByteArrayAsync()).Length);
        }
    }

    [Fact]
    public async Task Repeated_requests_serve_identical_bytes()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        byte[] first = await client.GetByteArrayAsync(Article);
        byte[] second = await client.GetByteArrayAsync(Article);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Fingerprinted_assets_are_immutable_for_a_year()
    {
        var (_, page) = await seeds.App.GetPageAsync(Article);
        var client = await seeds.App.CreateReadyClientAsync();
        string css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var response = await client.GetAsync(css);

        Assert.Contains("?v=", css);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }
}
