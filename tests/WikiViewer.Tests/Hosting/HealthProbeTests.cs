using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WikiViewer.Loading;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Web;

namespace WikiViewer.Tests.Hosting;

/// <summary><c>WikiViewer healthcheck</c>, the container's HEALTHCHECK: the app asks its own /healthz.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task A_ready_server_is_healthy_and_a_closed_port_is_not()
    {
        await using var app = new WikiApplication();
        app.UseKestrel(0);
        app.StartServer();
        await app.Services.GetRequiredService<ArticleStoreLoader>().Ready;
        await app.Services.GetRequiredService<ServingWarmUp>().Done;
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        Assert.Equal(0, await HealthProbe.RunAsync(["--url", address]));
        Assert.Equal(1, await HealthProbe.RunAsync(["--url", "http://127.0.0.1:1"]));
        Assert.Equal(1, await HealthProbe.RunAsync(["--url", "not a url"]));
    }

    [Fact]
    public async Task The_probe_runs_as_a_command_of_the_app_itself()
    {
        using var app = AppProcess.Start("healthcheck --url http://127.0.0.1:1");

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains(app.Lines, line => line.StartsWith("healthcheck: http://127.0.0.1:1/ did not answer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080")]
    [InlineData("http://*:8080;https://*:8443", "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080")]
    [InlineData("http://[::]:80", "http://[::1]:80")]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000")]
    [InlineData(null, "http://127.0.0.1:5000")]
    public void The_listen_address_becomes_one_a_local_client_can_reach(string? listen, string expected) =>
        Assert.Equal(expected, HealthProbe.LocalUrl(listen));

    [Fact]
    public async Task A_published_app_started_without_an_environment_runs_as_production()
    {
        // Only `dotnet run` (launchSettings.json) sets Development, with its exception page.
        using var app = AppProcess.Start("--urls=http://127.0.0.1:0", environment: null);

        await app.WaitForLineAsync(line => line.Contains("Hosting environment: Production", StringComparison.Ordinal), "the hosting environment");
        app.Terminate();
        await app.WaitForExitAsync();
    }

    [Fact]
    public async Task The_probe_reports_ready_once_the_server_has_asked_itself_for_pages_and_searches()
    {
        // Time enough for every request, however slow the machine running the tests.
        await using var app = new WikiApplication(settings: new Dictionary<string, string> { ["Wiki:WarmUpSeconds"] = "600" });
        app.UseKestrel(0);
        app.StartServer();
        var warmUp = app.Services.GetRequiredService<ServingWarmUp>();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        // While it runs, the probe answers 503 with its progress (too quick here to catch for sure).
        await warmUp.Done;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(warmUp.Total, warmUp.Sent);
        await app.Logs.WaitForAsync(e => e.Message.StartsWith($"Warmed up the serving paths with {warmUp.Total} requests", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("HTTP GET /api/search", StringComparison.Ordinal));

        // Its searches, from this machine like the client's, were not counted against the client's limit.
        Assert.True(warmUp.Total > 120);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/search?q=%E6%B1%89")).StatusCode);
    }

    [Fact]
    public async Task The_warm_up_stops_when_its_time_is_spent_and_the_probe_is_ready()
    {
        // 2,000 requests take far longer than 50 ms anywhere.
        await using var app = new WikiApplication(settings: new Dictionary<string, string> { ["Wiki:WarmUpSeconds"] = "0.05" });
        app.UseKestrel(0);
        app.StartServer();
        var warmUp = app.Services.GetRequiredService<ServingWarmUp>();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        await warmUp.Done;
        Assert.Equal(TimeSpan.FromMilliseconds(50), warmUp.Budget);
        Assert.InRange(warmUp.Sent, 0, warmUp.Total - 1);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var line = await app.Logs.WaitForAsync(e => e.Message.StartsWith("Warmed up the serving paths with ", StringComparison.Ordinal));
        Assert.StartsWith($"Warmed up the serving paths with {warmUp.Sent} requests in ", line.Message, StringComparison.Ordinal);
        Assert.EndsWith("ms, its time (Wiki:WarmUpSeconds) spent", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_up_of_zero_seconds_asks_nothing_and_the_index_is_still_checked()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string> { ["Wiki:WarmUpSeconds"] = "0" });
        app.UseKestrel(0);
        app.StartServer();
        var warmUp = app.Services.GetRequiredService<ServingWarmUp>();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        await warmUp.Done;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await app.Logs.WaitForAsync(e => e.Message.StartsWith("Checked the search index's ", StringComparison.Ordinal));
        Assert.Equal(0, warmUp.Sent);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.StartsWith("Warmed up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_process_without_an_address_there_is_nothing_to_warm_and_the_probe_is_ready_with_the_store()
    {
        await using var app = new WikiApplication();
        var client = await app.CreateReadyClientAsync();

        await app.Services.GetRequiredService<ServingWarmUp>().Done.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, app.Services.GetRequiredService<ServingWarmUp>().Sent);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
