using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using WikiViewer.Loading;
using WikiViewer.Store;
using WikiViewer.Web;

namespace WikiViewer.Tests.Infrastructure;

/// <summary>The real app, in process, serving the seeds or a corpus a test wrote.</summary>
public sealed class WikiApplication(string? contentPath = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private static readonly HtmlParser Parser = new();

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Beside the console, in the app's Serilog pipeline: what passes its levels, as the console shows it.
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        if (contentPath is not null)
        {
            builder.UseSetting("Wiki:ContentPath", contentPath);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that does not follow redirects, once the store has loaded.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Services.GetRequiredService<ArticleStoreLoader>().Ready;
        return client;
    }

    /// <summary>
    /// Serves over real Kestrel on a loopback port; its address (<c>http://127.0.0.1:PORT</c>) once
    /// the store has loaded and the warm-up, which asks over HTTP, has run.
    /// </summary>
    public async Task<string> StartOnLoopbackAsync()
    {
        UseKestrel(0);
        StartServer();
        await Services.GetRequiredService<ArticleStoreLoader>().Ready;
        await Services.GetRequiredService<ServingWarmUp>().Done;
        return Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    public ArticleStore Store => Services.GetRequiredService<ArticleStoreLoader>().Store;

    /// <summary>GETs a page and parses it as a browser would.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var client = await CreateReadyClientAsync();
        var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return (response, await Parser.ParseDocumentAsync(body));
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);
}

/// <summary>One app over the seeds, shared by the tests of a class.</summary>
public sealed class SeedsApplication : IAsyncLifetime
{
    public WikiApplication App { get; } = new();

    public async Task InitializeAsync() => await App.CreateReadyClientAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
