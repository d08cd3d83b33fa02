using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Hosting;

/// <summary>What the Content-Security-Policy promises, checked against every kind of page the site serves.</summary>
public sealed class SecurityHeaderTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = seeds.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var http = await seeds.App.CreateReadyClientAsync();

        var secure = await https.GetAsync("/");
        var plain = await http.GetAsync("/");

        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE", HttpStatusCode.OK)]
    [InlineData("/wiki/%E4%B8%8D%E5%AD%98%E5%9C%A8", HttpStatusCode.NotFound)]
    [InlineData("/search?q=%E5%9B%BD%E9%99%85&fulltext=1", HttpStatusCode.OK)]
    [InlineData("/search?q=a&limit=-1", HttpStatusCode.BadRequest)]
    [InlineData("/category/%E9%A9%AC%E5%85%8B%E6%80%9D%E4%B8%BB%E4%B9%89", HttpStatusCode.OK)]
    [InlineData("/category/%E4%B8%8D%E5%AD%98%E5%9C%A8", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    public async Task No_page_needs_inline_script_inline_style_or_handlers_that_the_policy_would_block(string url, HttpStatusCode status)
    {
        var (response, page) = await seeds.App.GetPageAsync(url, status);
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src")));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.DoesNotContain(page.All, e => e.HasAttribute("style") || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(page.QuerySelectorAll("link[rel=stylesheet]"), l => Assert.StartsWith("/css/", l.GetAttribute("href")));
    }
}
