using System.Net;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy every client arrives from the proxy's address. Forwarded
/// headers are believed only from configured proxies; then each client has its own
/// rate-limit bucket, and an https original gets HSTS and a Secure cookie.
/// </summary>
public sealed class ProxySupportTests
{
    private const string Search = "/api/search?q=%E5%9B%BD%E9%99%85";

    [Fact]
    public async Task From_a_known_proxy_each_forwarded_client_has_its_own_rate_limit()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string>
        {
            ["Wiki:RateLimit:PermitLimit"] = "2",
            ["Wiki:RateLimit:WindowSeconds"] = "60",
            ["Wiki:ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        });
        using var client = await StartOnLoopbackAsync(app);

        Assert.Equal(HttpStatusCode.OK, (await Get(client, Search, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(client, Search, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Get(client, Search, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(client, Search, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string>
        {
            ["Wiki:RateLimit:PermitLimit"] = "2",
            ["Wiki:RateLimit:WindowSeconds"] = "60",
        });
        using var client = await StartOnLoopbackAsync(app);

        await Get(client, Search, "203.0.113.1");
        await Get(client, Search, "203.0.113.1");
        var other = await Get(client, Search, "203.0.113.2", proto: "https");

        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode); // one client: the socket's
        Assert.False(other.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task An_https_original_gets_hsts_and_a_secure_variant_cookie_and_http_gets_neither()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string>
        {
            ["Wiki:ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8",
        });
        using var client = await StartOnLoopbackAsync(app);

        var https = await Get(client, "/variant?set=zh-hant&return=/", "203.0.113.9", proto: "https");
        var http = await Get(client, "/variant?set=zh-hant&return=/", "203.0.113.9", proto: "http");

        Assert.Contains("max-age=31536000", https.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("secure", https.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", http.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Wiki:ForwardedHeaders:KnownProxies", "not-an-address", "Wiki:ForwardedHeaders:KnownProxies: 'not-an-address' is not an IP address.")]
    [InlineData("Wiki:ForwardedHeaders:KnownNetworks", "10.0.0.0/99", "Wiki:ForwardedHeaders:KnownNetworks: '10.0.0.0/99' is not a network such as 10.0.0.0/8.")]
    [InlineData("Wiki:PublicBaseUrl", "wiki.example.org", "Wiki:PublicBaseUrl: 'wiki.example.org' is not an http(s) origin such as 'https://wiki.example.org'.")]
    [InlineData("Wiki:WarmUpSeconds", "two", "Wiki:WarmUpSeconds: 'two' is not a number of seconds from 0.")]
    [InlineData("Wiki:WarmUpSeconds", "-1", "Wiki:WarmUpSeconds: '-1' is not a number of seconds from 0.")]
    [InlineData("Wiki:PageCacheMegabytes", "256MB", "Wiki:PageCacheMegabytes: '256MB' is not a number of megabytes from 0.")]
    [InlineData("Wiki:RenderCacheMegabytes", "1e99", "Wiki:RenderCacheMegabytes: '1e99' is not a number of megabytes from 0.")]
    [InlineData("Wiki:RateLimit:PermitLimit", "lots", "Wiki:RateLimit:PermitLimit: 'lots' is not a number of requests from 0.")]
    [InlineData("Wiki:RateLimit:WindowSeconds", "0", "Wiki:RateLimit:WindowSeconds: '0' is not a number of seconds from 1.")]
    public async Task A_bad_setting_stops_startup_with_one_line(string key, string value, string line)
    {
        using var app = AppProcess.Start($"--{key}={value} --urls=http://127.0.0.1:0");

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains(line, app.Lines);
    }

    [Fact]
    public async Task Absolute_urls_use_the_public_base_url_whatever_host_a_client_names()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string> { ["Wiki:PublicBaseUrl"] = "https://wiki.example.org" });
        var client = await app.CreateReadyClientAsync();

        using var opensearch = new HttpRequestMessage(HttpMethod.Get, "/opensearch.xml");
        opensearch.Headers.Host = "evil.example";
        using var suggest = new HttpRequestMessage(HttpMethod.Get, "/api/suggest?q=%E5%9B%BD");
        suggest.Headers.Host = "evil.example";
        string xml = await (await client.SendAsync(opensearch)).Content.ReadAsStringAsync();
        string json = await (await client.SendAsync(suggest)).Content.ReadAsStringAsync();

        Assert.Contains("template=\"https://wiki.example.org/search?q={searchTerms}\"", xml);
        Assert.DoesNotContain("evil.example", xml);
        Assert.Contains("https://wiki.example.org/wiki/", json);
        Assert.DoesNotContain("evil.example", json);
    }

    [Fact]
    public async Task A_page_asked_for_under_another_host_name_is_the_same_cache_entry()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();
        // Asked for twice: kept from the second request on.
        await client.GetAsync("/wiki/" + Uri.EscapeDataString("国际派"));
        await client.GetAsync("/wiki/" + Uri.EscapeDataString("国际派"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/wiki/" + Uri.EscapeDataString("国际派"));
        request.Headers.Host = "another.example";
        var response = await client.SendAsync(request);

        Assert.NotNull(response.Headers.Age);
    }

    private static async Task<HttpClient> StartOnLoopbackAsync(WikiApplication app)
    {
        string address = await app.StartOnLoopbackAsync();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, string forwardedFor, string? proto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return client.SendAsync(request);
    }
}
