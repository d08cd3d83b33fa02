using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WikiViewer.Loading;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Snapshots;

/// <summary>The app with <c>Wiki:SnapshotPath</c>, its store file, started and started again as an operator would.</summary>
public sealed class StoreRestartTests : IDisposable
{
    private static readonly string[] Urls =
    [
        "/", "/wiki/国际派", "/wiki/快照条目", "/wiki/快照別名", "/wiki/第二条目", "/wiki/不存在的条目",
        "/category/快照分类", "/search?q=共产国际", "/api/search?q=苏联&limit=5", "/api/suggest?q=快照", "/healthz",
    ];

    private readonly TempCorpus _corpus = SnapshotCorpus.Create();
    private readonly string _snapshot = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N"), "store.wikiviewer");

    [Fact]
    public async Task A_restart_on_unchanged_content_opens_the_store_file_and_serves_the_same_pages()
    {
        Dictionary<string, string> first;
        await using (var app = Start())
        {
            first = await GetAllAsync(app);
            await WrittenAsync(app);
        }

        await using var restarted = Start();
        var second = await GetAllAsync(restarted);

        Assert.False(await CheckedAsync(restarted));
        Assert.Contains(restarted.Logs.Entries, e => e.Message.Contains($"Read the store {_snapshot}"));
        Assert.Contains(restarted.Logs.Entries, e => e.Message.StartsWith("The store file matches the folder", StringComparison.Ordinal));
        Assert.DoesNotContain(restarted.Logs.Entries, e => e.Message.StartsWith("Load phases:", StringComparison.Ordinal) && e.Message.Contains(" read "));

        // A few hundred KB: any machine has the memory for it.
        var readAhead = await restarted.Logs.WaitForAsync(e => e.Message.StartsWith("Asked the OS to read the store file (", StringComparison.Ordinal));
        Assert.Matches(@"^Asked the OS to read the store file \(\d+ MB\) into its page cache in \d+ ms$", readAhead.Message);
        foreach (string url in Urls)
        {
            Assert.Equal(first[url], second[url]);
        }
    }

    [Fact]
    public async Task A_changed_article_is_loaded_again_while_the_store_file_serves_and_then_replaces_it()
    {
        string before;
        await using (var app = Start())
        {
            var (response, _) = await app.GetPageAsync("/wiki/第二条目");
            before = response.Headers.ETag!.Tag;
            await WrittenAsync(app);
        }

        _corpus.Add("second.md", "**第二条目**改写过了，现在提到[快照条目](../Page/快照条目.md \"wikilink\")。\n");
        await using (var changed = Start())
        {
            // Ready at once, from the store file; then the folder is checked, loaded again, and its
            // store serves. A page cached meanwhile is the old store's, and is not served after.
            await changed.GetPageAsync("/wiki/第二条目");
            Assert.True(await CheckedAsync(changed));
            var (response, page) = await changed.GetPageAsync("/wiki/第二条目");
            Assert.Contains("改写过了", page.QuerySelector(".article-body")!.TextContent);
            Assert.NotEqual(before, response.Headers.ETag!.Tag);
            Assert.Contains(changed.Logs.Entries, e => e.Message.Contains("made from other content"));
            Assert.Contains(changed.Logs.Entries, e => e.Message.StartsWith("The store loaded again from the folder serves now", StringComparison.Ordinal));
            await WrittenAsync(changed);
        }

        await using var again = Start();
        var (_, reread) = await again.GetPageAsync("/wiki/第二条目");
        Assert.Contains("改写过了", reread.QuerySelector(".article-body")!.TextContent);
        Assert.Contains(again.Logs.Entries, e => e.Message.Contains($"Read the store {_snapshot}"));
    }

    [Fact]
    public async Task A_damaged_store_file_is_loaded_past_with_a_warning_and_written_again()
    {
        await using (var app = Start())
        {
            await app.CreateReadyClientAsync();
            await WrittenAsync(app);
        }

        // In the tables checked when the store opens (the content is checked item by item, the search index partition by partition).
        byte[] bytes = await File.ReadAllBytesAsync(_snapshot);
        var layout = StoreFileLayout.Of(_snapshot);
        bytes[layout.CheckedByte(new Random(5))] ^= 0x40;
        await File.WriteAllBytesAsync(_snapshot, bytes);

        await using (var damaged = Start())
        {
            var (_, page) = await damaged.GetPageAsync("/wiki/国际派");
            Assert.Contains("共产国际派", page.QuerySelector(".article-body")!.TextContent);
            Assert.Contains(damaged.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"The store {_snapshot} is damaged"));
            await WrittenAsync(damaged);
        }

        await using var again = Start();
        await again.CreateReadyClientAsync();
        Assert.Contains(again.Logs.Entries, e => e.Message.Contains($"Read the store {_snapshot}"));
    }

    [Fact]
    public async Task An_article_damaged_in_the_content_region_is_served_from_its_file_and_the_next_start_loads_the_folder()
    {
        Dictionary<string, string> first;
        await using (var app = Start())
        {
            await app.CreateReadyClientAsync();
            await WrittenAsync(app);
            first = await GetAllAsync(app);
        }

        byte[] bytes = await File.ReadAllBytesAsync(_snapshot);
        StoreFileLayout.Of(_snapshot).FlipInContent(bytes, "<strong>快照条目</strong>"u8);
        await File.WriteAllBytesAsync(_snapshot, bytes);

        await using (var damaged = Start())
        {
            var second = await GetAllAsync(damaged);
            Assert.Contains(damaged.Logs.Entries, e => e.Message.Contains($"Read the store {_snapshot}"));
            // One warning for the store (a 404 in the list is the request log's).
            var warning = Assert.Single(damaged.Logs.Entries.Where(e => e.Level >= LogLevel.Warning && !e.Message.StartsWith("HTTP ", StringComparison.Ordinal)).Select(e => e.Message));
            Assert.Contains($"The store {_snapshot} is damaged: the body of snapshot.md", warning);
            foreach (string url in Urls)
            {
                Assert.Equal(first[url], second[url]);
            }
        }

        await using var again = Start();
        await again.CreateReadyClientAsync();
        Assert.Contains(again.Logs.Entries, e => e.Message.Contains($"No store at {_snapshot}"));
        await WrittenAsync(again);
    }

    [Fact]
    public async Task A_store_file_cut_short_inside_its_content_region_is_refused_at_start_and_written_again()
    {
        await using (var app = Start())
        {
            await app.CreateReadyClientAsync();
            await WrittenAsync(app);
        }

        var layout = StoreFileLayout.Of(_snapshot);
        byte[] bytes = await File.ReadAllBytesAsync(_snapshot);
        await File.WriteAllBytesAsync(_snapshot, bytes[..(int)((layout.ContentStart + layout.ContentEnd) / 2)]);

        await using (var cut = Start())
        {
            var (_, page) = await cut.GetPageAsync("/wiki/快照条目");
            Assert.Contains("测试条目", page.QuerySelector(".article-body")!.TextContent);
            Assert.Contains(cut.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"The store {_snapshot} is damaged") && e.Message.Contains("cut short"));
            Assert.Contains(cut.Logs.Entries, e => e.Message.StartsWith("Load phases: open", StringComparison.Ordinal) && e.Message.Contains(", read "));
            await WrittenAsync(cut);
        }

        await using var again = Start();
        await again.CreateReadyClientAsync();
        Assert.Contains(again.Logs.Entries, e => e.Message.Contains($"Read the store {_snapshot}"));
    }

    [Fact]
    public async Task Replicas_serve_the_writers_store_file_read_only_without_checking_writing_or_deleting_it()
    {
        Dictionary<string, string> written;
        await using (var writer = Start())
        {
            written = await GetAllAsync(writer);
            await WrittenAsync(writer);
        }

        byte[] bytes = File.ReadAllBytes(_snapshot);
        var layout = StoreFileLayout.Of(_snapshot);

        // Two replicas on the same file; the folder changed meanwhile, and a replica does not look.
        _corpus.Add("second.md", "**第二条目**改写过了。\n");
        await using var replica = Replica();
        await using var other = Replica();
        var served = await GetAllAsync(replica);
        var servedByOther = await GetAllAsync(other);
        Assert.False(await CheckedAsync(replica));
        foreach (string url in Urls)
        {
            Assert.Equal(written[url], served[url]);
            Assert.Equal(written[url], servedByOther[url]);
        }

        Assert.Contains(replica.Logs.Entries, e => e.Message.StartsWith("Serving the store file read-only", StringComparison.Ordinal));
        Assert.DoesNotContain(replica.Logs.Entries, e => e.Message.StartsWith("The store file matches the folder", StringComparison.Ordinal) || e.Message.Contains("made from other content"));
        Assert.DoesNotContain(replica.Logs.Entries, e => e.Message.StartsWith("Load phases:", StringComparison.Ordinal) && e.Message.Contains(" read "));
        Assert.Equal(bytes, File.ReadAllBytes(_snapshot));
        Assert.Equal([_snapshot], Directory.GetFiles(Path.GetDirectoryName(_snapshot)!));

        // A damaged item is served from its source and said, and the shared file is left for its writer.
        layout.FlipInContent(bytes, "<strong>快照条目</strong>"u8);
        File.WriteAllBytes(_snapshot, bytes);
        await using var damaged = Replica();
        var (_, page) = await damaged.GetPageAsync("/wiki/快照条目");
        Assert.Contains("测试条目", page.QuerySelector(".article-body")!.TextContent);
        Assert.Contains(damaged.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"The store {_snapshot} is damaged") && e.Message.Contains("its writer must load the folder again"));
        Assert.True(File.Exists(_snapshot));
    }

    [Fact]
    public async Task A_store_file_that_cannot_be_written_is_a_warning_and_the_store_serves_from_a_temporary_one()
    {
        string blocker = Path.Combine(_corpus.Path, "..", Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "a file where the snapshot's folder should be");
        try
        {
            string impossible = Path.Combine(blocker, "store.wikiviewer");
            await using var app = new WikiApplication(_corpus.Path, new Dictionary<string, string> { ["Wiki:SnapshotPath"] = impossible });
            var client = await app.CreateReadyClientAsync();
            await Eventually(() => app.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("could not be written")));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/wiki/国际派")).StatusCode);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    public void Dispose()
    {
        _corpus.Dispose();
        if (Directory.Exists(Path.GetDirectoryName(_snapshot)))
        {
            Directory.Delete(Path.GetDirectoryName(_snapshot)!, recursive: true);
        }
    }

    private WikiApplication Start() => new(_corpus.Path, new Dictionary<string, string> { ["Wiki:SnapshotPath"] = _snapshot });

    private WikiApplication Replica() => new(_corpus.Path, new Dictionary<string, string> { ["Wiki:SnapshotPath"] = _snapshot, ["Wiki:StoreReadOnly"] = "true" });

    private static async Task<Dictionary<string, string>> GetAllAsync(WikiApplication app)
    {
        var client = await app.CreateReadyClientAsync();
        var bodies = new Dictionary<string, string>();
        foreach (string url in Urls)
        {
            var response = await client.GetAsync(url);
            bodies[url] = $"{(int)response.StatusCode} {response.Headers.ETag} {await response.Content.ReadAsStringAsync()}";
        }

        return bodies;
    }

    /// <summary>Whether the store opened from its file was replaced once checked against the folder.</summary>
    private static Task<bool> CheckedAsync(WikiApplication app) =>
        app.Services.GetRequiredService<ArticleStoreLoader>().Checked.WaitAsync(TimeSpan.FromMinutes(2));

    /// <summary>The store file is written before the store is ready.</summary>
    private static Task WrittenAsync(WikiApplication app)
    {
        Assert.Contains(app.Logs.Entries, e => e.Message.StartsWith("Wrote the store", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !condition(); await Task.Delay(20))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "gave up waiting after 30 s");
        }
    }
}
