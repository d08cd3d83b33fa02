using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WikiViewer.Loading;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Hosting;

/// <summary>What a probe, a program and a reader get while the store is still loading: the readiness gate's 503.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task While_the_store_loads_programs_get_json_progress_and_readers_a_line_of_text_all_503_with_retry_after()
    {
        var gate = new HeldLoaderLog();
        await using var app = new WikiApplication();
        using var loading = app.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<ILogger<ArticleStoreLoader>>(gate)));
        var client = loading.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var loader = loading.Services.GetRequiredService<ArticleStoreLoader>();

        var json = new Dictionary<string, HttpResponseMessage>();
        var text = new Dictionary<string, HttpResponseMessage>();
        try
        {
            foreach (string url in new[] { "/healthz", "/api/search?q=a", "/api/suggest?q=a", "/api/no-such-endpoint" })
            {
                json[url] = await client.GetAsync(url);
            }

            foreach (string url in new[] { "/", "/wiki/" + Uri.EscapeDataString("国际派"), "/search?q=a", "/css/site.css" })
            {
                text[url] = await client.GetAsync(url);
            }

            Assert.False(loader.Ready.IsCompleted, "the store finished loading while the log was held");
        }
        finally
        {
            gate.Release();
        }

        foreach (var (url, response) in json)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("loading", body.RootElement.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("phase").GetString()));
            int done = body.RootElement.GetProperty("done").GetInt32();
            int total = body.RootElement.GetProperty("total").GetInt32();
            Assert.InRange(done, 0, Math.Max(total, 0));
        }

        foreach (var (url, response) in text)
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Matches(@"^WikiViewer 正在加载条目（\w+：\d+/\d+），请稍后刷新。\n$", body);
        }

        // The gate was all that held the answers back: once loaded, the same probe is ready.
        await loader.Ready;
        var ready = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>
    /// The loader's log, holding every message until released. The loader logs
    /// ("Heap compacted …", "Loaded …") before it marks the store ready, so while this
    /// is held the store is certainly still loading: no timing involved.
    /// </summary>
    private sealed class HeldLoaderLog : ILogger<ArticleStoreLoader>
    {
        private readonly ManualResetEventSlim _released = new();

        public void Release() => _released.Set();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        // A bound, so that a test that fails before Release cannot hang the run.
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _released.Wait(TimeSpan.FromMinutes(1));
    }
}
