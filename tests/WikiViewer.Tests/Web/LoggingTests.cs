using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Web;

namespace WikiViewer.Tests.Web;

/// <summary>The request log (Serilog.AspNetCore's), as the operator reads it.</summary>
public sealed partial class LoggingTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    [Fact]
    public async Task A_request_makes_one_line_with_method_path_status_and_time()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/wiki/" + Uri.EscapeDataString("没有这个条目-一行"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = Assert.Single(seeds.App.Logs.Entries, e => e.Message.Contains("没有这个条目-一行"));
        Assert.Equal(Logging.RequestLogCategory, line.Category);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Matches(@"^HTTP GET /wiki/没有这个条目-一行 responded 404 in \d+\.\d ms$", line.Message);
    }

    [Fact]
    public async Task An_encoded_line_break_in_the_path_stays_inside_its_line()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        await client.GetAsync("/wiki/y%0D%0A%5B00:00:00%20INF%5D%20HTTP%20GET%20/%20responded%20200%20in%200.1%20ms-forged-inproc");

        var line = Assert.Single(seeds.App.Logs.Entries, e => e.Message.Contains("forged-inproc"));
        Assert.Equal(Logging.RequestLogCategory, line.Category);
        Assert.DoesNotContain('\n', line.Message);
        Assert.DoesNotContain('\r', line.Message);
        Assert.StartsWith(@"HTTP GET /wiki/y\u000D\u000A[00:00:00 INF] HTTP GET / responded 200 in 0.1 ms-forged-inproc responded 4", line.Message);
    }

    [Fact]
    public void Levels_follow_the_status_and_a_503_while_loading_is_no_error()
    {
        Assert.Equal(Serilog.Events.LogEventLevel.Information, Logging.LevelOf(200));
        Assert.Equal(Serilog.Events.LogEventLevel.Information, Logging.LevelOf(304));
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, Logging.LevelOf(404));
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, Logging.LevelOf(503));
        Assert.Equal(Serilog.Events.LogEventLevel.Error, Logging.LevelOf(500));
    }

    // The published app's own console, through the background writer: the line
    // as printed, the forged one nowhere, and nothing lost when it stops.
    [Fact]
    public async Task The_console_shows_the_request_line_and_no_forged_line()
    {
        // Time enough for every warm-up request, however slow the machine running the tests.
        using var app = AppProcess.Start("--urls=http://127.0.0.1:0 --Wiki:WarmUpSeconds=600");
        string listening = await app.WaitForLineAsync(l => l.Contains("Now listening on: "), "its address");
        await app.WaitForLineAsync(l => l.Contains("Loaded 3 articles"), "the end of the load");
        await app.WaitForLineAsync(l => l.Contains("Warmed up the serving paths with 2000 requests"), "the end of the warm-up");
        await app.WaitForLineAsync(l => l.Contains("Checked the search index's 4 partitions"), "the index checked after the warm-up"); // a field each
        var address = new Uri(Address().Match(listening).Value);
        using var client = new HttpClient { BaseAddress = address };

        await client.GetAsync("/healthz");
        await client.GetAsync(new Uri(address.GetLeftPart(UriPartial.Authority) + "/wiki/x%0A%5B00:00:00%20ERR%5D%20forged-console", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        await client.GetAsync("/healthz?last");
        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync());

        var lines = app.Lines;
        Assert.Equal(2, lines.Count(l => ConsoleLine().IsMatch(l) && l.Contains("] HTTP GET /healthz responded 200 in ")));
        var line = Assert.Single(lines, l => l.Contains("forged-console"));
        Assert.Matches(@"^\[\d\d:\d\d:\d\d WRN\] HTTP GET /wiki/x\\u000A\[00:00:00 ERR\] forged-console responded 400 in \d+\.\d ms$", line);
        Assert.DoesNotContain(lines, l => l.StartsWith("[00:00:00 ERR]"));
        Assert.DoesNotContain(lines, l => l.Contains("HTTP GET /api/search")); // the warm-up's own requests are not logged
        Assert.Contains(lines, l => l.Contains("Application is shutting down"));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d INF\] HTTP GET /healthz responded 200 in \d+\.\d ms$")]
    private static partial Regex ConsoleLine();
}
