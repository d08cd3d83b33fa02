using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WikiViewer.Loading;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Store;

namespace WikiViewer.Tests.Hosting;

/// <summary>Failures and refusals as a reader and an operator see them: the site's page or JSON, a log line, no internals.</summary>
public sealed class ErrorResponseTests
{
    private const string Secret = "store exploded at 0xDEADBEEF";

    [Fact]
    public async Task An_unhandled_exception_is_a_500_page_without_internals_and_an_error_log_line()
    {
        await using var app = new WikiApplication();
        using var failing = FailingStore(app);
        var client = await ReadyClientAsync(failing);

        var response = await client.GetAsync("/wiki/" + Uri.EscapeDataString("国际派"));
        string body = await response.Content.ReadAsStringAsync();
        var page = WikiApplication.Parse(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("服务器出错了", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(".cs:line", body);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Error && e.Category == WikiViewer.Web.Logging.RequestLogCategory && e.Message.Contains("responded 500"));
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Error && e.Category.Contains("ExceptionHandler"));
    }

    [Fact]
    public async Task An_unhandled_exception_in_the_api_is_a_json_500_without_internals()
    {
        await using var app = new WikiApplication();
        using var failing = FailingStore(app);
        var client = await ReadyClientAsync(failing);

        var response = await client.GetAsync("/api/search?q=a");
        string body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
        Assert.DoesNotContain(Secret, body);
    }

    [Fact]
    public async Task Only_development_shows_the_exception()
    {
        await using var app = new WikiApplication();
        using var development = FailingStore(app, "Development");
        var client = await ReadyClientAsync(development);

        var response = await client.GetAsync("/wiki/" + Uri.EscapeDataString("国际派"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(Secret, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Past_the_rate_limit_a_reader_gets_the_429_page_and_a_program_json_both_with_retry_after()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string>
        {
            ["Wiki:RateLimit:PermitLimit"] = "2",
            ["Wiki:RateLimit:WindowSeconds"] = "30",
        });
        var client = await app.CreateReadyClientAsync();
        await client.GetAsync("/api/suggest?q=a");
        await client.GetAsync("/api/suggest?q=b");

        var page = await client.GetAsync("/search?q=x&fulltext=1");
        var api = await client.GetAsync("/api/search?q=x");
        var document = WikiApplication.Parse(await page.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("30", page.Headers.GetValues("Retry-After").Single());
        Assert.Equal("请求过于频繁", document.QuerySelector("h1")?.TextContent);
        Assert.Contains("retry after 30 s", document.QuerySelector(".detail")?.TextContent);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("30", api.Headers.GetValues("Retry-After").Single());
        Assert.Contains("retry after 30 s", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_normal_reader_never_meets_the_default_rate_limit()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();

        // A reader typing a 20-character query with suggestions on every key, then searching: well inside 120 per 10 s.
        var statuses = new List<HttpStatusCode>();
        for (int i = 1; i <= 20; i++)
        {
            statuses.Add((await client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(new string('国', i)))).StatusCode);
        }

        statuses.Add((await client.GetAsync("/search?q=" + Uri.EscapeDataString("国际") + "&fulltext=1")).StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    // Resolving the store throws: every page and API call that needs it fails
    // inside the pipeline, as a bug in a page would.
    private static WebApplicationFactory<Program> FailingStore(WikiApplication app, string environment = "Production") =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.ConfigureServices(services => services.AddTransient<ArticleStore>(_ => throw new InvalidOperationException(Secret)));
        });

    private static async Task<HttpClient> ReadyClientAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await factory.Services.GetRequiredService<ArticleStoreLoader>().Ready;
        return client;
    }
}
