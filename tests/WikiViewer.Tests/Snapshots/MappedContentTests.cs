using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;
using WikiViewer.Loading.Snapshots;
using WikiViewer.Search;
using WikiViewer.Store;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Snapshots;

/// <summary>
/// A format-3 snapshot's content region: article bodies and plain texts read in place
/// from the mapped file, each checked against its checksum when first read.
/// </summary>
public sealed class MappedContentTests
{
    private static readonly string[] Queries = ["国际派", "共产国际", "苏联", "王明 博古", "\"中国共产党\"", "快照", "mim", "1931", "测试条目", "段落"];

    [Fact]
    public void A_flipped_byte_in_one_articles_content_serves_it_from_its_source_with_a_warning_and_the_next_start_loads_the_folder()
    {
        using var corpus = SnapshotCorpus.Create();
        var loaded = Load(corpus.Path);
        byte[] rendered = loaded.Get("国际派")!.HtmlUtf8; // written as HTML, the others as Markdown
        string path = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N") + ".snapshot");
        var snapshot = StoreSnapshot.Open(path);
        snapshot.Write(loaded, NullLogger.Instance);
        try
        {
            var layout = SnapshotLayout.Of(path);
            byte[] bytes = File.ReadAllBytes(path);
            FlipInRegion(bytes, layout, "**快照条目**"u8);   // snapshot.md's Markdown
            FlipInRegion(bytes, layout, Encoding.Unicode.GetBytes("见不存在的条目"));  // snapshot.md's plain text, UTF-16 in the region
            FlipInRegion(bytes, layout, rendered);          // 国际派's HTML
            File.WriteAllBytes(path, bytes);

            var logs = new LogCapture();
            var read = snapshot.TryRead(corpus.Path, () => loaded.Version, Stopwatch.StartNew(), new LoadProgress(), logs.CreateLogger("load"));

            // The region is not hashed at start: the damage is found when the items are read.
            Assert.NotNull(read);
            Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
            Assert.True(File.Exists(path));
            for (int pass = 0; pass < 2; pass++)
            {
                AssertSameContent(loaded, read);
            }

            var warnings = logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToArray();
            Assert.Equal(3, warnings.Length);
            Assert.All(warnings, w => Assert.Contains($"The snapshot {path} is damaged", w));
            Assert.Single(warnings, w => w.Contains("body of snapshot.md"));
            Assert.Single(warnings, w => w.Contains("plain text of snapshot.md"));
            Assert.Single(warnings, w => w.Contains($"body of {loaded.Get("国际派")!.SourceFile}"));

            // Deleted, so that the next start loads the folder and writes it again.
            Assert.False(File.Exists(path));
            var next = new LogCapture();
            Assert.Null(snapshot.TryRead(corpus.Path, () => loaded.Version, Stopwatch.StartNew(), new LoadProgress(), next.CreateLogger("load")));
            Assert.Contains(next.Entries, e => e.Message.Contains($"No snapshot at {path}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sixteen_threads_reading_every_page_text_and_snippet_at_once_agree_with_a_fresh_load()
    {
        using var corpus = SnapshotCorpus.Create();
        for (int i = 0; i < 300; i++)
        {
            corpus.Add($"many{i}.md", $"**测试条目{i}**是第{i}个测试条目，链接到[测试条目{i + 1}](../Page/测试条目{i + 1}.md \"wikilink\")与[国际派](../Page/国际派.md \"wikilink\")。\n\n## 段落\n\n"
                + string.Concat(Enumerable.Range(0, i % 40).Select(j => $"第{j}段落提到共产国际与苏联，编号 {i * 1000 + j}。\n\n")));
        }

        var fresh = Load(corpus.Path);
        var expected = fresh.Articles.Select(a => (Html: a.HtmlUtf8, a.PlainText, a.Description)).ToArray();
        string[] answers = [.. Queries.Select(q => Describe(fresh.Search.Search(q, 0, 20)))];

        // Nothing rendered or checked yet: the threads race for every first render and check.
        var read = StoreSnapshotTests.ReadBack(Load(corpus.Path), corpus.Path);
        Assert.All(read.Articles, a => Assert.False(a.Body.IsRendered));
        const int Threads = 16;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                var random = new Random(t);
                foreach (int i in Enumerable.Range(0, expected.Length).OrderBy(_ => random.Next()))
                {
                    var article = read.Articles[i];
                    Assert.Equal(expected[i].Html, article.HtmlUtf8);
                    Assert.Equal(expected[i].PlainText, article.PlainText);
                    Assert.Equal(expected[i].Description, article.Description);
                    int q = random.Next(Queries.Length);
                    Assert.Equal(answers[q], Describe(read.Search.Search(Queries[q], 0, 20)));
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(failures);
    }

    internal static void AssertSameContent(ArticleStore expected, ArticleStore actual)
    {
        Assert.Equal(expected.Articles.Count, actual.Articles.Count);
        for (int i = 0; i < expected.Articles.Count; i++)
        {
            Article e = expected.Articles[i], a = actual.Articles[i];
            Assert.Equal(Encoding.UTF8.GetString(e.HtmlUtf8), Encoding.UTF8.GetString(a.HtmlUtf8));
            Assert.Equal(e.PlainText, a.PlainText);
            Assert.Equal(e.Description, a.Description);
        }

        foreach (string query in Queries)
        {
            Assert.Equal(Describe(expected.Search.Search(query, 0, 20)), Describe(actual.Search.Search(query, 0, 20)));
        }
    }

    /// <summary>Changes one byte in the middle of the first occurrence of <paramref name="found"/> in the content region.</summary>
    internal static void FlipInRegion(byte[] bytes, SnapshotLayout layout, ReadOnlySpan<byte> found)
    {
        int at = bytes.AsSpan((int)layout.RegionStart).IndexOf(found);
        Assert.True(at >= 0, "not in the content region");
        bytes[(int)layout.RegionStart + at + (found.Length / 2)] ^= 0x04;
    }

    private static ArticleStore Load(string folder) => new ArticleLoader(NullLogger.Instance).Load(ContentFolder.Open(folder), new LoadProgress());

    private static string Describe(SearchResults results) =>
        $"{results.Total}: " + string.Join(" ", results.Hits.Select(h => $"{h.DocumentId}/{h.Score:R}/{h.Snippet}"));
}
