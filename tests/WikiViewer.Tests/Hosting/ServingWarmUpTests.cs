using Microsoft.Extensions.DependencyInjection;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Tests.Snapshots;
using WikiViewer.Web;

namespace WikiViewer.Tests.Hosting;

/// <summary>Before /healthz reports ready, the server asks itself for pages and searches, within <c>Wiki:WarmUpSeconds</c>.</summary>
public sealed class ServingWarmUpTests
{
    [Fact]
    public async Task The_probe_reports_ready_once_the_server_has_asked_itself_for_pages_and_searches()
    {
        // Time enough for every request, however slow the machine running the tests.
        await using var app = WithWarmUpSeconds("600");
        var (warmUp, client) = await WarmedUpAsync(app);
        using var _ = client;

        // While it runs, the probe answers 503 with its progress (too quick here to catch for sure).
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
        await using var app = WithWarmUpSeconds("0.05");
        var (warmUp, client) = await WarmedUpAsync(app);
        using var _ = client;

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
        await using var app = WithWarmUpSeconds("0");
        var (warmUp, client) = await WarmedUpAsync(app);
        using var _ = client;

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await app.Logs.WaitForAsync(e => e.Message.StartsWith("Checked the search index's ", StringComparison.Ordinal));
        Assert.Equal(0, warmUp.Sent);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.StartsWith("Warmed up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_the_index_is_checked_a_store_files_index_and_plain_texts_are_mapped_the_texts_checked_and_searches_read_them()
    {
        string folder = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = new WikiApplication(settings: new Dictionary<string, string>
            {
                ["Wiki:WarmUpSeconds"] = "0",
                ["Wiki:SnapshotPath"] = Path.Combine(folder, "store.wikiviewer"),
            });
            var (_, client) = await WarmedUpAsync(app);
            using var _ = client;

            await app.Logs.WaitForAsync(e => e.Message.StartsWith("Mapped the articles' plain texts (0 MB) and checked them (3 intact) in ", StringComparison.Ordinal));
            var lines = app.Logs.Entries.Select(e => e.Message).ToList();
            int mappedIndex = lines.FindIndex(m => m.StartsWith("Mapped the search index's partitions (0 MB) in ", StringComparison.Ordinal));
            Assert.InRange(lines.FindIndex(m => m.StartsWith("Checked the search index's ", StringComparison.Ordinal)), 0, mappedIndex - 1);
            Assert.InRange(mappedIndex, 0, lines.FindIndex(m => m.StartsWith("Mapped the articles' plain texts ", StringComparison.Ordinal)) - 1);
            string json = await client.GetStringAsync("/api/search?q=%E5%9B%BD%E9%99%85%E6%B4%BE"); // 国际派
            Assert.Contains("国际派", json, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_store_loaded_again_after_the_folder_changed_is_settled_too_and_the_one_it_replaced_given_back()
    {
        using var corpus = new TempCorpus().AddSeeds();
        string store = Path.Combine(corpus.Path, "store", "store.wikiviewer");
        var settings = new Dictionary<string, string> { ["Wiki:WarmUpSeconds"] = "0", ["Wiki:SnapshotPath"] = store };
        await using (var first = new WikiApplication(corpus.Path, settings))
        {
            await first.CreateReadyClientAsync();
        }

        corpus.Add("雪豹谷.md", "**雪豹谷**是测试用的山谷，谷中有冰川。\n");
        await using var app = new WikiApplication(corpus.Path, settings);
        var (_, client) = await WarmedUpAsync(app);
        using var _ = client;

        // Three articles are so quickly loaded again that the store file's may be replaced before
        // the server starts, or after it was settled: either way the new store is settled last.
        await app.Logs.WaitForAsync(e => e.Message.StartsWith("Mapped the articles' plain texts (0 MB) and checked them (4 intact) in ", StringComparison.Ordinal));
        var lines = app.Logs.Entries.Select(e => e.Message).ToList();
        Assert.InRange(lines.FindIndex(m => m.StartsWith("The store loaded again from the folder serves now", StringComparison.Ordinal)),
            0, lines.FindLastIndex(m => m.StartsWith("Checked the search index's ", StringComparison.Ordinal)) - 1);

        // The file it replaced, unlinked by the new one's move, holds nothing in the process any more.
        Assert.Equal(0, MappedFileTests.ResidentKilobytes(store, unlinked: true));
        string json = await client.GetStringAsync("/api/search?q=%E5%86%B0%E5%B7%9D"); // 冰川
        Assert.Contains("雪豹谷", json, StringComparison.Ordinal);
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

    private static WikiApplication WithWarmUpSeconds(string seconds) =>
        new(settings: new Dictionary<string, string> { ["Wiki:WarmUpSeconds"] = seconds });

    // The warm-up asks over HTTP, so the app listens on a loopback port; a client of that port once it is done.
    private static async Task<(ServingWarmUp WarmUp, HttpClient Client)> WarmedUpAsync(WikiApplication app)
    {
        string address = await app.StartOnLoopbackAsync();
        return (app.Services.GetRequiredService<ServingWarmUp>(), new HttpClient { BaseAddress = new Uri(address) });
    }
}
