using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;
using WikiViewer.Rendering;
using WikiViewer.Search;
using WikiViewer.Storage;
using WikiViewer.Store;
using WikiViewer.Titles;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Tests.Loading;
using WikiViewer.Tests.Search;

namespace WikiViewer.Tests.Snapshots;

/// <summary>The store file: what the load rendered, written, mapped and read in place, every field of it.</summary>
public sealed class StoreFileTests : IDisposable
{
    private static readonly string[] Queries = ["国际派", "共产国际", "苏联", "王明 博古", "\"中国共产党\"", "快照", "mim", "1931", "测试条目", "段落"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "store.wikiviewer");

    [Fact]
    public void Every_field_the_load_rendered_reads_back_from_the_mapped_file_and_again_after_a_restart()
    {
        using var corpus = SnapshotCorpus.Create();
        var loaded = Load(corpus.Path, StorePath);
        var reopened = Reopen(corpus.Path);

        // What each file gives when rendered alone, with the names the load found.
        var names = new TitleIndex.Builder();
        foreach (var article in loaded.Articles)
        {
            Assert.True(names.TryAddTitle(article.Title));
        }

        foreach (var article in loaded.Articles)
        {
            Assert.All(article.Aliases, alias => Assert.True(names.TryAddAlias(alias, article.Title)));
        }

        var titles = names.Build();
        var bodies = new BodyRenderer(titles, NullLogger.Instance);
        var expected = loaded.Articles.Select(article => bodies.Render(File.ReadAllBytes(Path.Combine(corpus.Path, article.SourceFile)), article.SourceFile)).ToArray();

        foreach (var store in new[] { loaded, reopened })
        {
            Assert.Equal(ArticleLoader.VersionOf(ContentFolder.Open(corpus.Path)), store.Version);
            Assert.Equal(5, store.Articles.Count);
            Assert.Equal(5, store.Statistics.Articles);
            Assert.Equal((titles.AliasCount, expected.Sum(e => e.Metadata.ResolvedLinks), expected.Sum(e => e.Metadata.MissingLinks), 0),
                (store.Statistics.Aliases, store.Statistics.LinksResolved, store.Statistics.LinksMissing, store.Statistics.FilesSkipped));
            for (int id = 0; id < store.Articles.Count; id++)
            {
                var (html, plainText, metadata) = expected[id];
                var actual = store.Articles[id];
                Assert.Equal(id, actual.Id);
                Assert.Equal(titles.Title(id), actual.Title);
                Assert.Equal(loaded.Articles[id].Aliases, actual.Aliases);
                Assert.Equal(loaded.Articles[id].SourceFile, actual.SourceFile);
                Assert.Equal(plainText, actual.PlainText);
                Assert.Equal(metadata.Toc, actual.Toc);
                Assert.Equal(metadata.Categories, actual.Categories);
                Assert.Equal(metadata.Languages, actual.Languages);
                Assert.Equal(html, actual.Body.HtmlUtf8);
                Assert.Equal(store.Articles[id], store.Get(actual.Title));
                foreach (string key in metadata.LinkKeys)
                {
                    Assert.Contains(actual, store.LinksTo(key));
                }
            }

            Assert.Equal(["快照別名"], store.Get("快照条目")!.Aliases);
            Assert.Equal("snapshot.md", store.Get("快照条目")!.SourceFile);
            Assert.Equal(["快照分类"], store.Get("第二条目")!.Categories);
            Assert.Contains("MIM 和 1931", store.Get("快照条目")!.PlainText);

            // In title order, by pinyin.
            Assert.Equal(store.Articles.Select(a => a.Title).Order(ArticleStore.TitleOrder), store.Articles.Select(a => a.Title));
            Assert.Equal("国际派", store.Find("共產國際派")?.Title);
            Assert.Equal("快照条目", store.Find("快照別名")?.Title);
            Assert.Null(store.Get("快照別名"));
            Assert.Equal(["快照条目", "第二条目"], store.LinksTo("不存在的条目").Select(a => a.Title).Order(StringComparer.Ordinal));
            Assert.Equal(["第二条目"], store.LinksTo("快照条目").Select(a => a.Title));
            Assert.Empty(store.LinksTo("快照条目", without: store.Get("第二条目")));

            var category = store.FindCategory("快照分类")!;
            Assert.Equal(["快照条目", "第二条目"], category.Articles.Select(a => a.Title).Order(StringComparer.Ordinal));
            Assert.Null(category.Text);
            Assert.Equal(store.Categories.Select(c => c.Name).Order(ArticleStore.TitleOrder), store.Categories.Select(c => c.Name));
            Assert.Equal(store.Categories.OrderByDescending(c => c.Articles.Count).First().Name, store.LargestCategories[0].Name);
        }

        for (int id = 0; id < loaded.Articles.Count; id++)
        {
            Assert.Equal(loaded.Articles[id].Html, reopened.Articles[id].Html);
        }

        var documents = expected.Select((e, id) => new SearchDocument(titles.Title(id), loaded.Articles[id].Aliases, e.Metadata.Categories, e.PlainText)).ToArray();
        var inMemory = SearchIndex.Build(documents);
        foreach (string query in Queries)
        {
            Assert.Equal(Describe(inMemory.Search(query, 0, 20)), Describe(reopened.Search.Search(query, 0, 20)));
        }

        Assert.Equal(inMemory.Suggest("国", 10), reopened.Search.Suggest("国", 10));
        Assert.Equal(inMemory.Suggest("快照", 10), reopened.Search.Suggest("快照", 10));
    }

    [Theory]
    [InlineData(2_000, 1L)] // a block of one or two articles at a time, every block's postings written out as a run
    [InlineData(60_000, 200_000L)]
    public void The_same_folder_gives_the_same_store_file_byte_for_byte_whatever_the_buffers(int blockBytes, long indexBudgetBytes)
    {
        using var corpus = SnapshotCorpus.Create();
        var documents = GeneratedCorpus.Create(400, seed: 4);
        for (int i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            string linked = documents[(i * 7) % documents.Count].Title;
            corpus.Add($"generated-{i:D3}.md", $"**{d.Title}**（**{d.Aliases.FirstOrDefault() ?? d.Title}**）{d.Text}\n\n"
                + $"见[{linked}](../Page/{linked}.md \"wikilink\")与[缺失{i % 13}](../Page/缺失{i % 13}.md \"wikilink\")。\n\n"
                + string.Concat(d.Categories.Select(c => $"[Category:{c}](../Page/Category:{c}.md \"wikilink\")\n")));
        }

        string whole = Path.Combine(_folder, "whole.wikiviewer"), inRuns = Path.Combine(_folder, "runs.wikiviewer");
        var logs = new LogCapture();
        var loaded = new ArticleLoader(NullLogger.Instance).Load(ContentFolder.Open(corpus.Path), new LoadProgress(), StoreLocation.Configured(whole));
        int articles = loaded.Articles.Count;
        loaded.Close();
        new ArticleLoader(logs.CreateLogger("runs")) { RenderBlockBytes = blockBytes, IndexBudgetBytes = indexBudgetBytes }
            .Load(ContentFolder.Open(corpus.Path), new LoadProgress(), StoreLocation.Configured(inRuns)).Close();

        Assert.Contains(logs.Entries, e => System.Text.RegularExpressions.Regex.IsMatch(e.Message, "^Indexed in ([3-9]|[1-9][0-9]+) runs"));
        byte[] expected = File.ReadAllBytes(whole), actual = File.ReadAllBytes(inRuns);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "the two store files differ");
        Assert.True(articles > 300, $"{articles} articles");
        Assert.Equal(articles, StoreLocation.Configured(inRuns).TryOpen(corpus.Path, () => TimeSpan.Zero, NullLogger.Instance)!.Articles.Count);
        Assert.Equal(["runs.wikiviewer", "whole.wikiviewer"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Category_texts_read_back_with_their_members_or_none()
    {
        using var corpus = new TempCorpus()
            .AddFile("Page/条目.md", "**条目**是测试。\n\n[Category:有成员](https://zh.wikipedia.org/wiki/Category:有成员 \"wikilink\")\n")
            .AddFile("Category/有成员.md", "有成员的分类，见[条目](../Page/条目.md \"wikilink\")。\n")
            .AddFile("Category/无成员.md", "**无成员**的分类。\n");
        Load(corpus.Path, StorePath).Close();
        var read = Reopen(corpus.Path);

        Assert.Equal(["条目"], read.FindCategory("有成员")!.Articles.Select(a => a.Title));
        Assert.Contains("/wiki/%E6%9D%A1%E7%9B%AE", Encoding.UTF8.GetString(read.FindCategory("有成员")!.Text!.HtmlUtf8));
        Assert.Empty(read.FindCategory("无成员")!.Articles);
        Assert.Contains("<strong>无成员</strong>的分类", Encoding.UTF8.GetString(read.FindCategory("无成员")!.Text!.HtmlUtf8));
        Assert.Null(read.FindCategory("条目"));
    }

    [Fact]
    public void Mapping_the_plain_texts_makes_every_one_resident_and_leaves_the_bodies_out()
    {
        using var corpus = new TempCorpus();
        for (int i = 0; i < 500; i++)
        {
            corpus.AddFile($"Page/条目{i}.md", string.Join("\n\n", Enumerable.Range(0, 30).Select(p =>
                $"**条目{i}**的第{p}段讲[条目{(i + p) % 500}](../Page/条目{(i + p) % 500}.md \"wikilink\")，又讲[另一条目{p}](../Page/另一条目{p}.md \"wikilink\")和*别的事*。")));
        }

        var loaded = Load(corpus.Path, StorePath);
        string[] texts = [.. loaded.Articles.Select(a => a.PlainText)];
        byte[][] bodies = [.. loaded.Articles.Select(a => a.HtmlUtf8)];
        loaded.Close(); // read nothing of it after: its mapping is gone
        var read = Reopen(corpus.Path);
        byte[] file = File.ReadAllBytes(StorePath);
        long[] textPages = [.. texts.SelectMany(text => PagesOf(file, Encoding.Unicode.GetBytes(text))).Distinct()];
        long[] bodyPages = [.. bodies.SelectMany(body => PagesOf(file, body)).Distinct().Except(textPages)];
        read.ReleaseResidentPages(); // as the warm-up leaves them
        Assert.DoesNotContain(true, textPages.Select(page => MappedFileTests.IsResident(StorePath, page)));

        var (textBytes, intact) = read.MapTexts();

        Assert.Equal(texts.Sum(t => (long)t.Length * sizeof(char)), textBytes);
        Assert.Equal(texts.Length, intact);
        Assert.All(textPages, page => Assert.True(MappedFileTests.IsResident(StorePath, page), $"page {page}"));
        // A fault maps at most a large folio of the page cache whole (2 MB), so bodies further from the texts stay out.
        long[] farBodyPages = [.. bodyPages.Where(page => page < textPages.Min() - (2 << 20) / Environment.SystemPageSize)];
        Assert.True(farBodyPages.Length > 256, $"{farBodyPages.Length} pages of bodies");
        Assert.DoesNotContain(true, farBodyPages.Select(page => MappedFileTests.IsResident(StorePath, page)));
        Assert.Equal(texts, read.Articles.Select(a => a.PlainText));
    }

    [Fact]
    public void Mapping_the_search_index_makes_every_partition_resident_again_after_its_check_gave_it_back()
    {
        using var corpus = new TempCorpus();
        for (int i = 0; i < 300; i++)
        {
            corpus.AddFile($"Page/条目{i}.md", string.Join("\n\n", Enumerable.Range(0, 20).Select(p => $"**条目{i}**的第{p}段讲第{(i * 31 + p) % 997}号山谷和*别的事*。")));
        }

        Load(corpus.Path, StorePath).Close();
        (long Offset, long Length)[] partitions;
        using (var sections = SectionFile.Open(StorePath, StoreFile.Magic)!)
        {
            partitions = [.. sections.Sections.Where(s => System.Text.RegularExpressions.Regex.IsMatch(s.Name, @"^search/\d+/\d+$")).Select(s => (s.Offset, s.Length))];
        }

        long[] pages = [.. partitions.SelectMany(p => PagesSpanning(p.Offset, p.Length))];
        var read = Reopen(corpus.Path);
        Assert.Equal(IndexBuilder.FieldCount, read.Search.CheckPartitions());
        read.ReleaseResidentPages(); // as the warm-up leaves them
        Assert.DoesNotContain(true, pages.Select(p => MappedFileTests.IsResident(StorePath, p)));

        Assert.Equal(partitions.Sum(p => p.Length), read.Search.MapPartitions());

        Assert.True(pages.Length > 32, $"{pages.Length} pages of partitions");
        Assert.All(pages, p => Assert.True(MappedFileTests.IsResident(StorePath, p), $"page {p}"));
        Assert.NotEmpty(read.Search.Search("山谷", 0, 10).Hits);
    }

    [Fact]
    public void A_search_index_of_many_partitions_read_back_answers_every_query_as_built()
    {
        var documents = GeneratedCorpus.Create(1500, seed: 7).ToArray();
        var built = SearchIndex.Build(documents, partitionCount: 16, batchChars: 50_000);
        using var file = WrittenAndOpened(built);
        var read = SearchIndexSections.Read(file, documents, what => throw new InvalidDataException(what));
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
    public void Frequent_terms_skip_tables_are_read_from_the_store_as_the_postings_would_build_them()
    {
        var documents = GeneratedCorpus.Create(3000, seed: 12).ToArray();
        var built = SearchIndex.Build(documents, partitionCount: 4, batchChars: 100_000);
        using var file = WrittenAndOpened(built);
        var read = SearchIndexSections.Read(file, documents, what => throw new InvalidDataException(what));
        int tables = 0;
        for (int f = 0; f < read.Fields.Count; f++)
        {
            FieldIndex field = read.Fields[f];
            foreach (TermPartition partition in field.Partitions)
            {
                for (int term = 0; term < partition.Codes.Length; term++)
                {
                    var key = TermKey.ForCode(partition.Codes[term]);
                    Assert.True(field.TryGet(key, out PostingList postings));
                    if (!SkipTable.IsFor(key, postings.DocumentFrequency))
                    {
                        Assert.Null(postings.Skips);
                        continue;
                    }

                    SkipTable stored = postings.Skips!;
                    SkipTable rebuilt = SkipTable.Build(postings with { Skips = null }, field);
                    Assert.True(built.Fields[f].TryGet(key, out PostingList inMemory));
                    Assert.NotSame(stored, inMemory.Skips);
                    Assert.Equal(Entries(rebuilt), Entries(stored));
                    Assert.Equal(Entries(inMemory.Skips!), Entries(stored));
                    tables++;
                }
            }
        }

        Assert.True(tables > 20, $"{tables} tables");
    }

    /// <summary>The index's sections written to a store file, and the file opened to read them in place.</summary>
    private SectionFile WrittenAndOpened(SearchIndex built)
    {
        Directory.CreateDirectory(_folder);
        using (var stream = File.Create(StorePath))
        {
            var writer = new SectionFileWriter(stream, "test"u8);
            SearchIndexSections.Write(writer, built);
            writer.Finish();
        }

        return SectionFile.Open(StorePath, "test"u8)!;
    }

    private static IEnumerable<(int, int, int, double, int)> Entries(SkipTable table) =>
        Enumerable.Range(0, table.BlockCount + 1).Select(block => block < table.BlockCount
            ? (table.LastDocument(block), table.DocsOffset(block), table.PositionsOffset(block), table.MaxShare(block), table.MinLength(block))
            : (-1, -1, -1, table.MaxShare(block), table.MinLength(block)));

    [Fact]
    public void A_store_file_cut_short_or_changed_outside_its_content_is_refused_and_said_so_never_half_read()
    {
        using var corpus = SnapshotCorpus.Create();
        string version;
        var loaded = Load(corpus.Path, StorePath);
        version = loaded.Version;
        loaded.Close();

        byte[] good = File.ReadAllBytes(StorePath);
        var layout = StoreFileLayout.Of(StorePath);
        var random = new Random(3);
        for (int trial = 0; trial < 80; trial++)
        {
            byte[] bad;
            if (trial % 2 == 0)
            {
                bad = good[..random.Next(good.Length)];
            }
            else
            {
                // Anywhere a checksum covers but the content region, whose items are checked one by one when read.
                bad = (byte[])good.Clone();
                bad[layout.CheckedByte(random)] ^= (byte)(1 << random.Next(8));
            }

            File.WriteAllBytes(StorePath, bad);
            var logs = new LogCapture();
            Assert.Null(StoreLocation.Configured(StorePath).TryOpen(corpus.Path, () => TimeSpan.Zero, logs.CreateLogger("load")));

            // A change inside the magic reads as a file of another format; anywhere else, as damage.
            var said = Assert.Single(logs.Entries);
            Assert.Contains(StorePath, said.Message);
            Assert.Equal(LogLevel.Warning, said.Level);
        }
    }

    [Fact]
    public void A_flipped_byte_in_one_articles_content_serves_it_from_its_source_with_a_warning_and_the_next_start_loads_the_folder()
    {
        using var corpus = SnapshotCorpus.Create();
        var (fresh, read, logs) = OpenWithContentFlipped(corpus, SnapshotHtml, SnapshotPlainText);

        // The content is not hashed at start: the damage is found when the items are read.
        Assert.NotNull(read);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
        for (int pass = 0; pass < 2; pass++)
        {
            AssertSameContent(fresh, read);
        }

        var warnings = logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.Contains($"The store {StorePath} is damaged", w));
        Assert.Single(warnings, w => w.Contains("body of snapshot.md"));
        Assert.Single(warnings, w => w.Contains("plain text of snapshot.md"));

        // Deleted, so that the next start loads the folder and writes it again.
        Assert.False(File.Exists(StorePath));
        var next = new LogCapture();
        Assert.Null(StoreLocation.Configured(StorePath).TryOpen(corpus.Path, () => TimeSpan.Zero, next.CreateLogger("load")));
        Assert.Contains(next.Entries, e => e.Message.Contains($"No store at {StorePath}"));
    }

    [Fact]
    public void A_hits_damaged_plain_text_first_read_by_a_search_gives_the_snippet_of_its_source_with_a_warning()
    {
        using var corpus = SnapshotCorpus.Create();
        var (fresh, read, logs) = OpenWithContentFlipped(corpus, SnapshotPlainText);

        // The snippet is made from the text in place, so the search is its first reader.
        Assert.NotNull(read);
        var expected = fresh.Search.Search("快照", 0, 20);
        var actual = read.Search.Search("快照", 0, 20);
        Assert.Contains(actual.Hits, h => h.Snippet.Contains("<mark>快照</mark>"));
        Assert.Equal(Describe(expected), Describe(actual));
        var said = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("plain text of snapshot.md", said.Message);
    }

    [Fact]
    public void Mapping_the_texts_checks_them_and_a_damaged_one_is_said_once_read_from_its_source_and_the_next_start_loads_the_folder()
    {
        using var corpus = SnapshotCorpus.Create();
        var (fresh, read, logs) = OpenWithContentFlipped(corpus, SnapshotPlainText);
        Assert.NotNull(read);

        var (_, intact) = read.MapTexts();

        Assert.Equal(read.Articles.Count - 1, intact);
        var said = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("plain text of snapshot.md", said.Message);
        Assert.False(File.Exists(StorePath));

        // Searches and pages then read the texts checked: the damaged one from its source, and nothing said again.
        Assert.Equal(Describe(fresh.Search.Search("快照", 0, 20)), Describe(read.Search.Search("快照", 0, 20)));
        Assert.Equal(fresh.Articles.Select(a => a.PlainText), read.Articles.Select(a => a.PlainText));
        Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void A_flipped_byte_in_a_search_partition_is_found_on_its_first_lookup_said_once_and_the_next_start_loads_the_folder()
    {
        var corpus = SnapshotCorpus.Create();
        try
        {
            var fresh = Load(corpus.Path, storePath: null);
            Load(corpus.Path, StorePath).Close();
            byte[] bytes = File.ReadAllBytes(StorePath);
            var layout = StoreFileLayout.Of(StorePath);
            var body = layout.Partitions.Where(p => p.Name.StartsWith("search/3/", StringComparison.Ordinal)).MaxBy(p => p.Length);
            bytes[body.Offset + (body.Length / 2)] ^= 0x10;
            File.WriteAllBytes(StorePath, bytes);

            var logs = new LogCapture();
            var read = StoreLocation.Configured(StorePath).TryOpen(corpus.Path, () => TimeSpan.Zero, logs.CreateLogger("load"))!;

            // Opened: the partitions are not hashed at start. Searches run, every one, and the damage is said once.
            Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
            foreach (string query in Queries.Concat(fresh.Articles.Select(a => a.Title)))
            {
                read.Search.Search(query, 0, 20);
            }

            var said = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
            Assert.Contains($"The store {StorePath} is damaged: the search index's partition {body.Name}", said.Message);
            Assert.False(File.Exists(StorePath));
            Assert.Equal(fresh.Articles.Select(a => a.Html), read.Articles.Select(a => a.Html));
            read.Close();
            fresh.Close();
        }
        finally
        {
            corpus.Dispose();
        }
    }

    [Fact]
    public void Sixteen_threads_reading_every_page_text_link_and_search_at_once_agree_with_one_reader()
    {
        using var corpus = SnapshotCorpus.Create();
        for (int i = 0; i < 300; i++)
        {
            corpus.Add($"many{i}.md", $"**测试条目{i}**是第{i}个测试条目，链接到[测试条目{i + 1}](../Page/测试条目{i + 1}.md \"wikilink\")与[国际派](../Page/国际派.md \"wikilink\")。\n\n## 段落\n\n"
                + string.Concat(Enumerable.Range(0, i % 40).Select(j => $"第{j}段落提到共产国际与苏联，编号 {i * 1000 + j}。\n\n")));
        }

        Load(corpus.Path, StorePath).Close();
        var one = Reopen(corpus.Path);
        var expected = one.Articles.Select(a => (a.Html, a.PlainText, a.Description, Links: string.Join("|", one.LinksTo(a.Title).Select(l => l.Title)))).ToArray();
        string[] answers = [.. Queries.Select(q => Describe(one.Search.Search(q, 0, 20)))];

        // A store opened afresh: nothing checked yet, the threads race for every first check.
        var read = Reopen(corpus.Path);
        const int Threads = 16;
        var failures = new ConcurrentQueue<Exception>();
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
                    Assert.Equal(expected[i].Html, article.Html);
                    Assert.Equal(expected[i].PlainText, article.PlainText);
                    Assert.Equal(expected[i].Description, article.Description);
                    Assert.Equal(expected[i].Links, string.Join("|", read.LinksTo(article.Title).Select(l => l.Title)));
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

    [Fact]
    public void Two_loads_writing_one_store_file_at_once_both_finish_and_leave_a_whole_file()
    {
        using var corpus = new TempCorpus().AddSeeds();
        for (int round = 0; round < 10; round++)
        {
            var logs = new LogCapture();
            using var start = new Barrier(2);
            ArticleStore? first = null, second = null;
            Parallel.Invoke(
                () => { start.SignalAndWait(); first = Load(corpus.Path, StorePath, logs.CreateLogger("first")); },
                () => { start.SignalAndWait(); second = Load(corpus.Path, StorePath, logs.CreateLogger("second")); });
            Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
            Assert.Equal(2, logs.Entries.Count(e => e.Message.StartsWith("Wrote the store", StringComparison.Ordinal)));
            Assert.Equal([StorePath], Directory.GetFiles(_folder));
            Assert.Equal(first!.Articles.Select(a => a.Html), second!.Articles.Select(a => a.Html));
            first.Close();
            second.Close();

            var reopened = Reopen(corpus.Path);
            Assert.Equal(3, reopened.Articles.Count);
        }

        // Another writer's temporary files are left alone while they may still be written; what a
        // dead writer left (its partial store, an index run, an earlier build's spool) is swept.
        string[] fresh = [StorePath + ".0123456789abcdef0123456789abcdef.partial", Path.Combine(_folder, "wikiviewer-index-0123456789abcdef0123456789abcdef.run")];
        string[] stale =
        [
            StorePath + ".fedcba9876543210fedcba9876543210.partial",
            Path.Combine(_folder, "wikiviewer-index-fedcba9876543210fedcba9876543210.run"),
            Path.Combine(_folder, "wikiviewer-sources-fedcba9876543210fedcba9876543210.tmp"),
        ];
        string unrelated = Path.Combine(_folder, "notes.tmp");
        foreach (string file in fresh.Concat(stale).Append(unrelated))
        {
            File.WriteAllText(file, "left here");
        }

        foreach (string file in stale.Append(unrelated))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));
        }

        Load(corpus.Path, StorePath).Close();
        Assert.All(fresh.Append(unrelated), file => Assert.True(File.Exists(file), file));
        Assert.All(stale, file => Assert.False(File.Exists(file), file));
    }

    [Fact]
    public void A_loads_spools_are_no_files_while_it_writes_so_a_killed_load_leaves_none_behind()
    {
        Directory.CreateDirectory(_folder);
        byte[] markdown = Encoding.UTF8.GetBytes("# 标题\n\n正文，[链接](../Page/别处.md)。");
        using var store = new MemoryStream();
        using (var writer = new StoreWriter(new SectionFileWriter(store, StoreFile.Magic), _folder, indexBudgetBytes: 1 << 20))
        {
            var first = writer.AppendSource(markdown);
            var second = writer.AppendSource(markdown.AsSpan(0, 8));
            writer.FlushSources();

            // A killed process closes its handles: what is no file by then cannot be left behind.
            Assert.Empty(Directory.GetFiles(_folder));
            Assert.Equal(markdown, writer.ReadSource(first));
            Assert.Equal(markdown.AsSpan(0, 8).ToArray(), writer.ReadSource(second));
        }

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_store_that_can_be_written_nowhere_is_kept_in_memory_and_serves_the_same()
    {
        using var corpus = SnapshotCorpus.Create();
        string blocker = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "a file where a folder should be");
        try
        {
            var logs = new LogCapture();
            var nowhere = StoreLocation.Configured(Path.Combine(blocker, "store.wikiviewer")).WithTemporaryFolder(blocker);
            var inMemory = new ArticleLoader(logs.CreateLogger("load")).Load(ContentFolder.Open(corpus.Path), new LoadProgress(), nowhere);
            var onDisk = Load(corpus.Path, storePath: null);

            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("could not be written to a temporary file") && e.Message.Contains("kept in memory"));
            AssertSameContent(onDisk, inMemory);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    internal static void AssertSameContent(ArticleStore expected, ArticleStore actual)
    {
        Assert.Equal(expected.Articles.Count, actual.Articles.Count);
        for (int i = 0; i < expected.Articles.Count; i++)
        {
            Article e = expected.Articles[i], a = actual.Articles[i];
            Assert.Equal(e.Html, a.Html);
            Assert.Equal(e.PlainText, a.PlainText);
            Assert.Equal(e.Description, a.Description);
        }

        foreach (string query in Queries)
        {
            Assert.Equal(Describe(expected.Search.Search(query, 0, 20)), Describe(actual.Search.Search(query, 0, 20)));
        }
    }

    // snapshot.md's HTML, and its plain text (UTF-16).
    private static readonly byte[] SnapshotHtml = "<strong>快照条目</strong>"u8.ToArray();
    private static readonly byte[] SnapshotPlainText = Encoding.Unicode.GetBytes("见不存在的条目");

    /// <summary>The corpus loaded in memory, and from a store file with a byte flipped in each of <paramref name="flipped"/> in its content.</summary>
    private (ArticleStore Fresh, ArticleStore? Read, LogCapture Logs) OpenWithContentFlipped(TempCorpus corpus, params byte[][] flipped)
    {
        var fresh = Load(corpus.Path, storePath: null);
        Load(corpus.Path, StorePath).Close();
        byte[] bytes = File.ReadAllBytes(StorePath);
        var layout = StoreFileLayout.Of(StorePath);
        foreach (byte[] content in flipped)
        {
            layout.FlipInContent(bytes, content);
        }

        File.WriteAllBytes(StorePath, bytes);
        var logs = new LogCapture();
        return (fresh, StoreLocation.Configured(StorePath).TryOpen(corpus.Path, () => TimeSpan.Zero, logs.CreateLogger("load")), logs);
    }

    // The pages of the store file that the one place holding these bytes lies on.
    private static IEnumerable<long> PagesOf(byte[] file, byte[] bytes)
    {
        int at = file.AsSpan().IndexOf(bytes);
        Assert.True(at >= 0 && file.AsSpan(at + 1).IndexOf(bytes) < 0, "bytes not in the file once");
        return PagesSpanning(at, bytes.Length);
    }

    // The pages of a file that the length bytes at this offset lie on.
    private static IEnumerable<long> PagesSpanning(long offset, long length)
    {
        for (long page = offset / Environment.SystemPageSize; page <= (offset + length - 1) / Environment.SystemPageSize; page++)
        {
            yield return page;
        }
    }

    private static ArticleStore Load(string folder, string? storePath, ILogger? logger = null) =>
        new ArticleLoader(logger ?? NullLogger.Instance).Load(ContentFolder.Open(folder), new LoadProgress(), StoreLocation.Configured(storePath));

    private ArticleStore Reopen(string folder) =>
        StoreLocation.Configured(StorePath).TryOpen(folder, () => TimeSpan.Zero, NullLogger.Instance)
            ?? throw new InvalidOperationException("the store file was not opened");

    private static string Describe(SearchResults results) =>
        $"{results.Total}: " + string.Join(" ", results.Hits.Select(h => $"{h.DocumentId}/{h.Score:R}/{h.Snippet}"));
}
