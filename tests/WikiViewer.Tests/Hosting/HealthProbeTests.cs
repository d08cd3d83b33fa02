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
        string address = await app.StartOnLoopbackAsync();

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
}
