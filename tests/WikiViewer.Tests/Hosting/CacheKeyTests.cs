using System.Net;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Hosting;

/// <summary>
/// The output cache keys a page only by what changes it, each from a bounded set, so
/// that no client can grow the cache by varying a query string, a cookie or a header.
/// </summary>
public sealed class CacheKeyTests
{
    private static readonly string Article = "/wiki/" + Uri.EscapeDataString("国际派");

    [Fact]
    public async Task Unread_query_keys_get_the_page_but_never_a_cache_entry()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();

        for (int i = 0; i < 3; i++)
        {
            var padded = await client.GetAsync($"{Article}?i={i}&pad={new string('x', 3500)}");
            var asset = await client.GetAsync($"/js/variant.js?i={i}&pad={new string('x', 3500)}");

            Assert.Equal(HttpStatusCode.OK, padded.StatusCode);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Null(padded.Headers.Age);
            Assert.Null(asset.Headers.Age);
        }

        // The same requests twice: still answered afresh, so nothing was stored.
        Assert.Null((await client.GetAsync($"{Article}?i=0&pad={new string('x', 3500)}")).Headers.Age);
        Assert.Null((await client.GetAsync($"/js/variant.js?i=0&pad={new string('x', 3500)}")).Headers.Age);
    }

    [Fact]
    public async Task Query_keys_a_route_reads_are_part_of_its_key()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();

        // Each asked for twice: kept from the second request on.
        foreach (string url in new[] { "/?order=desc", "/?order=desc", "/js/variant.js?v=abc", "/js/variant.js?v=abc" })
        {
            await client.GetAsync(url);
        }

        Assert.NotNull((await client.GetAsync("/?order=desc")).Headers.Age);
        Assert.NotNull((await client.GetAsync("/js/variant.js?v=abc")).Headers.Age);
        Assert.Null((await client.GetAsync("/?order=desc&junk=1")).Headers.Age);
    }

    [Fact]
    public async Task Any_cookie_value_that_is_not_a_variant_shares_the_as_written_entry_and_etag()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();
        await client.GetAsync(Article);
        var plain = await client.GetAsync(Article); // the second request, whose answer is kept

        foreach (string junk in new[] { new string('z', 20_000), "zh", "ZH-HANT", "x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Article);
            request.Headers.Add("Cookie", "variant=" + junk);
            var response = await client.SendAsync(request);

            Assert.NotNull(response.Headers.Age); // served from the entry the cookieless requests made
            Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
            Assert.Equal(await plain.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Accept_encoding_headers_share_the_entry_of_the_encoding_they_get()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();
        await Send("br");
        await Send("br");

        foreach (string header in new[] { "gzip, deflate, br, zstd", "br;q=1.0, x-junk-1", "identity, br", "x-junk-2, br" })
        {
            var response = await Send(header);
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            Assert.NotNull(response.Headers.Age);
        }

        var gzip = await Send("gzip, x-junk-3");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);

        async Task<HttpResponseMessage> Send(string acceptEncoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Article);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            return await client.SendAsync(request);
        }
    }
}
