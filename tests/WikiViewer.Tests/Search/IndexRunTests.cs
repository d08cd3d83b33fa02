using WikiViewer.Search;
using WikiViewer.Storage;

namespace WikiViewer.Tests.Search;

/// <summary>
/// An index built in runs (postings written out whenever they pass a memory budget, merged at
/// the end) is the index built whole, byte for byte, whatever the budget and the batches.
/// </summary>
public sealed class IndexRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wikiviewer-index-runs-").FullName;

    [Theory]
    [InlineData(16, 1, 20_000)] // a run after every batch
    [InlineData(16, 3_000_000, 50_000)] // a few runs
    [InlineData(1, 1, 7_000)] // one partition, many runs
    public void An_index_built_in_runs_is_written_byte_for_byte_as_one_built_whole(int partitions, long budgetBytes, int batchChars)
    {
        SearchDocument[] documents = [.. GeneratedCorpus.Create(1500, seed: 5)];
        byte[] whole = Written(SearchIndex.Build(documents, partitions, batchChars: 4_000_000));

        using var builder = new IndexBuilder(documents.Length, partitions, new ParallelOptions(), _folder, budgetBytes);
        foreach (var batch in Batches(documents, batchChars))
        {
            builder.Add(batch);
        }

        builder.Finish();
        Assert.True(builder.RunCount > 1, $"{builder.RunCount} runs");
        byte[] inRuns = Written(file => SearchIndexSections.Write(file, [.. Enumerable.Range(0, IndexBuilder.FieldCount).Select(builder.Lengths)],
            partitions, (name, f, p) => builder.WritePartition(file, name, f, p), TitleSuggester.Build(documents)));

        Assert.Equal(whole.Length, inRuns.Length);
        Assert.True(whole.AsSpan().SequenceEqual(inRuns), "the two files differ");
        Assert.Empty(Directory.GetFiles(_folder)); // runs are unlinked once mapped
    }

    [Fact]
    public void An_index_in_runs_answers_every_query_as_one_built_whole()
    {
        SearchDocument[] documents = [.. GeneratedCorpus.Create(1200, seed: 9)];
        var whole = SearchIndex.Build(documents, 8, batchChars: 30_000);
        using var builder = new IndexBuilder(documents.Length, 8, new ParallelOptions(), _folder, budgetBytes: 1);
        foreach (var batch in Batches(documents, 30_000))
        {
            builder.Add(batch);
        }

        builder.Finish();
        var fields = Enumerable.Range(0, IndexBuilder.FieldCount)
            .Select(f => new FieldIndex((SearchField)f, [.. Enumerable.Range(0, 8).Select(p => builder.Partition(f, p))], builder.Lengths(f))).ToArray();
        var inRuns = new SearchIndex(documents, fields, TitleSuggester.Build(documents));

        var random = new Random(3);
        for (int q = 0; q < 200; q++)
        {
            string text = documents[random.Next(documents.Length)].Text;
            int start = random.Next(Math.Max(1, text.Length - 6));
            string query = text.Substring(start, Math.Min(text.Length - start, random.Next(1, 6)));
            var expected = whole.Search(query, 0, 10);
            var actual = inRuns.Search(query, 0, 10);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits.Select(h => (h.DocumentId, h.Snippet)), actual.Hits.Select(h => (h.DocumentId, h.Snippet)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IEnumerable<SearchDocument[]> Batches(SearchDocument[] documents, int batchChars)
    {
        for (int start = 0; start < documents.Length;)
        {
            int end = start;
            long chars = 0;
            while (end < documents.Length && (end == start || chars < batchChars))
            {
                chars += documents[end].Text.Length;
                end++;
            }

            yield return documents[start..end];
            start = end;
        }
    }

    private static byte[] Written(SearchIndex index) => Written(file => SearchIndexSections.Write(file, index));

    private static byte[] Written(Action<SectionFileWriter> write)
    {
        using var memory = new MemoryStream();
        var file = new SectionFileWriter(memory, "test"u8);
        write(file);
        file.Finish();
        return memory.ToArray();
    }
}
