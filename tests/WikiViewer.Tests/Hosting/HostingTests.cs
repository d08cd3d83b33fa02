using System.Net;
using Microsoft.Extensions.Logging;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Hosting;

public sealed class HostingTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE")]
    [InlineData("/api/search?q=a")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync(url);
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        var (_, page) = await seeds.App.GetPageAsync("/wiki/" + Uri.EscapeDataString("无产阶级国际主义"));

        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on")));
    }

    [Fact]
    public async Task Each_request_is_logged_with_method_path_status_and_time()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        await client.GetAsync("/healthz");

        Assert.Contains(seeds.App.Logs.Entries, e =>
            e.Category == WikiViewer.Web.Logging.RequestLogCategory && System.Text.RegularExpressions.Regex.IsMatch(e.Message, @"^HTTP GET /healthz responded 200 in \d+\.\d ms$"));
    }

    [Fact]
    public async Task Search_beyond_the_configured_rate_gets_429_with_retry_after()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string>
        {
            ["Wiki:RateLimit:PermitLimit"] = "3",
            ["Wiki:RateLimit:WindowSeconds"] = "60",
        });
        var client = await app.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/api/suggest?q=" + i)).StatusCode);
        }

        var limited = await client.GetAsync("/search?q=x&fulltext=1");
        var page = await client.GetAsync("/wiki/" + Uri.EscapeDataString("国际派"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("responded 429"));
    }
}
