using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;
using WikiViewer.Search;
using WikiViewer.Loading.Snapshots;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Tests.Search;
using WikiViewer.Store;

namespace WikiViewer.Tests.Snapshots;

/// <summary>The store written to a snapshot and read back is the store the load made.</summary>
public sealed class StoreSnapshotTests
{
    [Fact]
    public void A_store_read_back_holds_every_article_name_link_category_and_search_answer_the_load_made()
    {
        using var corpus = SnapshotCorpus.Create();
        var loaded = Load(corpus.Path);

        // One body is rendered before the snapshot is written: it goes in as HTML, the others as Markdown.
        byte[] renderedBefore = loaded.Get("国际派")!.HtmlUtf8;
        var read = ReadBack(loaded, corpus.Path);

        Assert.Equal(loaded.Version, read.Version);
        Assert.Equal(loaded.Statistics with { Elapsed = TimeSpan.Zero }, read.Statistics with { Elapsed = TimeSpan.Zero });
        Assert.Equal(loaded.Articles.Count, read.Articles.Count);
        for (int i = 0; i < loaded.Articles.Count; i++)
        {
            Article expected = loaded.Articles[i], actual = read.Articles[i];
            Assert.Equal(expected.Title, actual.Title);
            Assert.Equal(expected.Aliases, actual.Aliases);
            Assert.Equal(expected.SourceFile, actual.SourceFile);
            Assert.Equal(expected.PlainText, actual.PlainText);
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(expected.Toc, actual.Toc);
            Assert.Equal(expected.Categories, actual.Categories);
            Assert.Equal(expected.Languages, actual.Languages);
            Assert.Equal(expected.Body.IsRendered, actual.Body.IsRendered);
            Assert.Equal(Encoding.UTF8.GetString(expected.HtmlUtf8), Encoding.UTF8.GetString(actual.HtmlUtf8));
            Assert.Equal(expected.LinksTo(loaded), actual.LinksTo(read));
        }

        Assert.Equal(renderedBefore, read.Get("国际派")!.HtmlUtf8);
        Assert.Equal(loaded.LinksTo("不存在的条目").Select(a => a.Title), read.LinksTo("不存在的条目").Select(a => a.Title));
        Assert.NotEmpty(read.LinksTo("不存在的条目"));
        Assert.Equal(loaded.Categories.Select(c => (c.Name, string.Join("|", c.Articles.Select(a => a.Title)))),
            read.Categories.Select(c => (c.Name, string.Join("|", c.Articles.Select(a => a.Title)))));
        Assert.Equal("国际派", read.Find("共產國際派")?.Title);
        Assert.Equal("快照条目", read.Find("快照別名")?.Title);

        foreach (string query in new[] { "国际派", "共产国际", "苏联", "王明 博古", "\"中国共产党\"", "快照", "mim", "1931" })
        {
            Assert.Equal(Describe(loaded.Search.Search(query, 0, 20)), Describe(read.Search.Search(query, 0, 20)));
        }

        Assert.Equal(loaded.Search.Suggest("国", 10), read.Search.Suggest("国", 10));
        Assert.Equal(loaded.Search.Suggest("快照", 10), read.Search.Suggest("快照", 10));
    }

    [Fact]
    public void A_search_index_of_many_partitions_read_back_answers_every_query_as_built()
    {
        var documents = GeneratedCorpus.Create(1500, seed: 7).ToArray();
        var built = SearchIndex.Build(documents, partitionCount: 16, batchChars: 50_000);
        using var stream = new MemoryStream();
        var writer = new SnapshotWriter(stream);
        SearchIndexSerializer.Write(writer, built);
        writer.Finish();
        stream.Position = 0;
        var reader = new SnapshotReader(stream);
        var read = SearchIndexSerializer.Read(reader, documents);
        reader.ReadEnd();

        var random = new Random(11);
        for (int q = 0; q < 300; q++)
        {
            string text = documents[random.Next(documents.Length)].Text;
            int start = random.Next(Math.Max(1, text.Length - 6));
            string query = text.Substring(start, Math.Min(text.Length - start, random.Next(1, 6)));
            Assert.Equal(Describe(built.Search(query, 0, 10)), Describe(read.Search(query, 0, 10)));
        }

        Assert.Equal(built.TermCount, read.TermCount);
        Assert.Equal(built.SizeInBytes, read.SizeInBytes);
    }

    [Fact]
    public void A_snapshot_cut_short_or_changed_anywhere_is_refused_and_said_so_never_half_read()
    {
        using var corpus = SnapshotCorpus.Create();
        var loaded = Load(corpus.Path);
        string path = Path.Combine(corpus.Path, "..", Guid.NewGuid().ToString("N") + ".snapshot");
        var snapshot = StoreSnapshot.Open(path);
        snapshot.Write(loaded, NullLogger.Instance);
        byte[] good = File.ReadAllBytes(path);
        Assert.NotNull(snapshot.TryRead(corpus.Path, () => loaded.Version, Stopwatch.StartNew(), new LoadProgress(), NullLogger.Instance));

        // The header and the sequential part are checked at start; the content region item by
        // item when read (MappedContentTests), but a file cut short anywhere is refused.
        long checkedAtStart = SnapshotLayout.Of(path).SequentialEnd;
        try
        {
            var random = new Random(3);
            for (int trial = 0; trial < 60; trial++)
            {
                byte[] bad = trial % 2 == 0 ? good[..random.Next(good.Length)] : (byte[])good.Clone();
                if (trial % 2 == 1)
                {
                    bad[random.Next((int)checkedAtStart)] ^= (byte)(1 << random.Next(8));
                }

                File.WriteAllBytes(path, bad);
                var logs = new LogCapture();
                Assert.Null(snapshot.TryRead(corpus.Path, () => loaded.Version, Stopwatch.StartNew(), new LoadProgress(), logs.CreateLogger("load")));

                // A change inside the header's version reads as a snapshot of other content; anywhere else, as damage.
                var said = Assert.Single(logs.Entries);
                Assert.Contains(snapshot.Path, said.Message);
                Assert.True(said.Level == LogLevel.Warning || said.Message.Contains("other content"), said.Message);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_snapshot_that_reads_as_two_articles_of_one_title_is_refused_not_thrown()
    {
        using var corpus = new TempCorpus()
            .Add("a.md", "**甲条目**是第一个条目。\n")
            .Add("b.md", "**乙条目**是第二个条目。\n");
        var loaded = Load(corpus.Path);
        string path = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N") + ".snapshot");
        var snapshot = StoreSnapshot.Open(path);
        snapshot.Write(loaded, NullLogger.Instance);
        try
        {
            // 乙 becomes 甲 wherever it stands, as UTF-16: the titles collide long before the checksum is read.
            byte[] bytes = File.ReadAllBytes(path);
            for (int i = 0; i + 1 < bytes.Length; i++)
            {
                if (bytes[i] == 0x59 && bytes[i + 1] == 0x4E)
                {
                    (bytes[i], bytes[i + 1]) = (0x32, 0x75);
                }
            }

            File.WriteAllBytes(path, bytes);
            var logs = new LogCapture();
            Assert.Null(snapshot.TryRead(corpus.Path, () => loaded.Version, Stopwatch.StartNew(), new LoadProgress(), logs.CreateLogger("load")));
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("is damaged"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_count_is_caught_by_the_checksum_before_it_sizes_an_array()
    {
        // A snapshot whose article count claims as many articles as the bytes after it,
        // which the per-count bound allows; each would take an 8-byte reference.
        const int Claimed = 4 << 20;
        string path = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N") + ".snapshot");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        {
            file.Write(new byte[StoreSnapshot.HeaderLength]);
            var writer = new SnapshotWriter(file);
            writer.Write("v1");
            for (int i = 0; i < 5; i++)
            {
                writer.Write(0); // statistics
            }

            writer.Write(0); // titles
            writer.Write(0); // aliases
            writer.Write(Claimed); // articles
            file.Write(new byte[Claimed]);
            file.Write(new byte[sizeof(ulong)]); // not the checksum of what precedes it
            long sequentialLength = file.Position - StoreSnapshot.HeaderLength - sizeof(ulong);
            long regionStart = (file.Position + 4095) / 4096 * 4096;
            file.Write(new byte[regionStart - file.Position]);
            file.Position = 0;
            file.Write(StoreSnapshot.Header(sequentialLength, regionStart, regionLength: 0));
        }

        try
        {
            var logs = new LogCapture();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var read = StoreSnapshot.Open(path).TryRead(Path.GetTempPath(), () => "v1", Stopwatch.StartNew(), new LoadProgress(), logs.CreateLogger("load"));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Null(read);
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("is damaged") && e.Message.Contains("checksum"));
            Assert.True(allocated < 2L * Claimed, $"reading the damaged snapshot allocated {allocated >> 20} MB");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Two_writers_of_one_snapshot_at_once_both_finish_and_leave_a_whole_snapshot()
    {
        using var corpus = new TempCorpus().AddSeeds();
        var loaded = Load(corpus.Path);
        string folder = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, "store.snapshot");
        try
        {
            for (int round = 0; round < 20; round++)
            {
                var logs = new LogCapture();
                using var start = new Barrier(2);
                Parallel.Invoke(
                    () => { start.SignalAndWait(); StoreSnapshot.Open(path).Write(loaded, logs.CreateLogger("first")); },
                    () => { start.SignalAndWait(); StoreSnapshot.Open(path).Write(loaded, logs.CreateLogger("second")); });

                Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
                Assert.Equal(2, logs.Entries.Count(e => e.Message.StartsWith("Wrote the snapshot", StringComparison.Ordinal)));
                Assert.Equal([path], Directory.GetFiles(folder));
                Assert.NotNull(StoreSnapshot.Open(path).TryRead(corpus.Path, () => loaded.Version, Stopwatch.StartNew(), new LoadProgress(), NullLogger.Instance));
            }

            // Another writer's temporary file is left alone while it may still be written; an abandoned one is swept.
            string fresh = path + ".0123456789abcdef0123456789abcdef.partial", stale = path + ".fedcba9876543210fedcba9876543210.partial";
            File.WriteAllText(fresh, "being written");
            File.WriteAllText(stale, "abandoned");
            File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
            StoreSnapshot.Open(path).Write(loaded, NullLogger.Instance);
            Assert.True(File.Exists(fresh));
            Assert.False(File.Exists(stale));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ArticleStore Load(string folder) => new ArticleLoader(NullLogger.Instance).Load(ContentFolder.Open(folder), new LoadProgress());

    /// <summary>
    /// The store written to a snapshot file and read back, its content mapped. The file is
    /// deleted once read: the mapping keeps it, as it keeps a file a newer snapshot replaced.
    /// </summary>
    internal static ArticleStore ReadBack(ArticleStore store, string contentRoot, ILogger? logger = null)
    {
        string path = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N") + ".snapshot");
        var snapshot = StoreSnapshot.Open(path);
        snapshot.Write(store, NullLogger.Instance);
        try
        {
            return snapshot.TryRead(contentRoot, () => store.Version, Stopwatch.StartNew(), new LoadProgress(), logger ?? NullLogger.Instance)
                ?? throw new InvalidOperationException("the snapshot just written was not read back");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Describe(SearchResults results) =>
        $"{results.Total}: " + string.Join(" ", results.Hits.Select(h => $"{h.DocumentId}/{h.Score:R}/{h.Snippet}"));
}

/// <summary>Where a format-3 snapshot's parts lie, from its header.</summary>
internal sealed record SnapshotLayout(long SequentialEnd, long RegionStart, long RegionLength)
{
    public static SnapshotLayout Of(string path)
    {
        byte[] header = File.ReadAllBytes(path)[..StoreSnapshot.HeaderLength];
        var numbers = header.AsSpan(StoreSnapshot.Magic.Length + sizeof(int));
        long sequentialLength = BitConverter.ToInt64(numbers);
        return new SnapshotLayout(StoreSnapshot.HeaderLength + sequentialLength + sizeof(ulong), BitConverter.ToInt64(numbers[8..]), BitConverter.ToInt64(numbers[16..]));
    }
}

internal static class ArticleLinks
{
    public static string[] LinksTo(this Article article, ArticleStore store) => [.. store.LinksTo(article.Title).Select(a => a.Title)];
}

/// <summary>The seeds and two articles of every kind of name, link and category a snapshot must keep.</summary>
internal static class SnapshotCorpus
{
    public static TempCorpus Create() => new TempCorpus()
        .AddSeeds()
        .Add("snapshot.md", "**快照条目**（**快照別名**）是一个[国际派](../Page/国际派.md \"wikilink\")的测试条目，提到 MIM 和 1931。\n\n## 内容\n\n见[不存在的条目](../Page/不存在的条目.md \"wikilink\")。\n\n[Category:快照分类](../Page/Category:快照分类.md \"wikilink\")\n")
        .Add("second.md", "**第二条目**链接到[快照別名](../Page/快照別名.md \"wikilink\")与[不存在的条目](../Page/不存在的条目.md \"wikilink\")。\n\n[Category:快照分类](../Page/Category:快照分类.md \"wikilink\")\n\n[en:Second](https://en.wikipedia.org/wiki/Second \"wikilink\")\n");
}
