using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

public sealed class GeneratedCorpusTests
{
    private const int Count = 3000;

    private static List<int> Ids(SearchResults results) => [.. results.Hits.Select(static hit => hit.DocumentId)];

    private static string Planted(params int[] indexes) => string.Concat(indexes.Select(static i => GeneratedCorpus.PlantedAlphabet[i]));

    [Fact]
    public void BuildingReportsEachBatchOfDocumentsAsItIsIndexed()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 2);
        var reported = new List<int>();

        SearchIndex.Build(documents, partitionCount: 8, batchChars: 50_000, indexed: reported.Add);

        Assert.True(reported.Count > 10, $"{reported.Count} reports");
        Assert.All(reported, static count => Assert.True(count > 0));
        Assert.Equal(Count, reported.Sum());
    }

    [Fact]
    public void PlantedPhraseFindsItsOnlyDocument()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 1);
        string phrase = Planted(0, 1, 2, 3);
        GeneratedCorpus.SetText(documents, 1234, documents[1234].Text.Insert(documents[1234].Text.Length / 2, phrase));
        var index = SearchIndex.Build(documents);

        SearchResults results = index.Search(phrase, 0, 10);

        Assert.Equal(1, results.Total);
        Assert.Equal([1234], Ids(results));
        Assert.Contains("<mark>" + phrase + "</mark>", results.Hits[0].Snippet);
    }

    [Fact]
    public void TitleOnlyTermBeatsDocumentsThatRepeatItInTheirBody()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 2);
        string term = Planted(4, 5);
        documents[777] = documents[777] with { Title = documents[777].Title + term };
        foreach (int id in new[] { 10, 20, 30 })
        {
            GeneratedCorpus.SetText(documents, id, term + "，" + term + "，" + term + "。" + documents[id].Text);
        }

        var index = SearchIndex.Build(documents);
        SearchResults results = index.Search(term, 0, 10);

        Assert.Equal(4, results.Total);
        Assert.Equal(777, results.Hits[0].DocumentId);
    }

    [Fact]
    public void PhraseDoesNotMatchItsBigramsApartOrOutOfOrder()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 3);
        string a = Planted(6, 7);
        string b = Planted(8, 9);
        GeneratedCorpus.SetText(documents, 500, documents[500].Text + a + b + "。");
        GeneratedCorpus.SetText(documents, 501, a + "，" + b + "。" + documents[501].Text);
        GeneratedCorpus.SetText(documents, 502, b + a + "。" + documents[502].Text);
        GeneratedCorpus.SetText(documents, 503, a + "的" + b + "。" + documents[503].Text);
        GeneratedCorpus.SetText(documents, 504, Planted(6, 7, 8) + "。" + documents[504].Text);
        GeneratedCorpus.SetText(documents, 505, Planted(6, 7, 8) + "。" + Planted(7, 8, 9) + "。" + documents[505].Text); // all bigrams, not in a row
        var index = SearchIndex.Build(documents);

        Assert.Equal([500], Ids(index.Search(a + b, 0, 10)));
        Assert.Equal([500, 501, 502, 503, 504, 505], Ids(index.Search(a + " " + b, 0, 10)).Order());
    }

    [Fact]
    public void TotalAndHitsEqualABruteForceScanForRandomPhrases()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 4);
        var index = SearchIndex.Build(documents);
        string[] folded = Folded(documents);
        var random = new Random(99);
        int nonTrivial = 0;
        for (int q = 0; q < 80; q++)
        {
            string query = RandomCjkSubstring(documents[random.Next(Count)].Text, random.Next(1, 5), random);
            HashSet<int> expected = [.. Enumerable.Range(0, Count).Where(id => Contains(folded[id], query))];

            SearchResults results = index.Search(query, 0, Count);

            Assert.Equal(expected.Count, results.Total);
            Assert.Equal(expected.Order(), results.Hits.Select(static hit => hit.DocumentId).Order());
            nonTrivial += expected.Count > 1 ? 1 : 0;
        }

        Assert.True(nonTrivial > 25, "the random phrases should mostly occur in several documents");
    }

    [Fact]
    public void PhrasesWithAFrequentPartMatchLikeABruteForceScan()
    {
        // 鑫淼 stands in most documents (its postings get a skip table); 淼焱 and 焱垚 in few,
        // sometimes right after it, sometimes apart, so that the frequent part's cursor jumps.
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 9);
        var random = new Random(10);
        for (int id = 0; id < Count; id++)
        {
            string text = documents[id].Text;
            string planted = (random.Next(100), id % 3) switch
            {
                ( < 3, _) => Planted(0, 1, 2, 3),
                ( < 6, _) => Planted(0, 1) + "，" + Planted(1, 2, 3),
                ( < 9, _) => Planted(1, 2) + "。" + Planted(0, 1),
                (_, > 0) => Planted(0, 1),
                _ => "",
            };
            GeneratedCorpus.SetText(documents, id, text.Insert(random.Next(text.Length), planted + "。"));
        }

        var index = SearchIndex.Build(documents);
        string[] folded = Folded(documents);
        Assert.True(Enumerable.Range(0, Count).Count(id => Contains(folded[id], Planted(0, 1))) > 4 * 512);
        foreach (string query in new[] { Planted(0, 1, 2), Planted(0, 1, 2, 3), Planted(1, 2, 3) })
        {
            HashSet<int> expected = [.. Enumerable.Range(0, Count).Where(id => Contains(folded[id], query))];

            SearchResults results = index.Search(query, 0, Count);

            Assert.InRange(expected.Count, 20, 300);
            Assert.Equal(expected.Order(), results.Hits.Select(static hit => hit.DocumentId).Order());
        }
    }

    [Fact]
    public void EveryDocumentWithAllTermsRanksAboveEveryDocumentWithSome()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 5);
        var index = SearchIndex.Build(documents);
        string[] folded = Folded(documents);
        var random = new Random(7);
        for (int q = 0; q < 30; q++)
        {
            string first = RandomCjkSubstring(documents[random.Next(Count)].Text, 2, random);
            string second = RandomCjkSubstring(documents[random.Next(Count)].Text, 2, random);
            SearchResults results = index.Search(first + " " + second, 0, Count);

            int both = Enumerable.Range(0, Count).Count(id => Contains(folded[id], first) && Contains(folded[id], second));
            int any = Enumerable.Range(0, Count).Count(id => Contains(folded[id], first) || Contains(folded[id], second));
            Assert.Equal(any, results.Total);
            Assert.All(results.Hits.Take(both), hit => Assert.True(Contains(folded[hit.DocumentId], first) && Contains(folded[hit.DocumentId], second)));
            Assert.Equal(results.Hits.Select(static hit => hit.Score).OrderDescending(), results.Hits.Select(static hit => hit.Score));
        }
    }

    [Fact]
    public void ResultsDoNotDependOnPartitionsOrBatches()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(1500, seed: 6);
        SearchIndex single = SearchIndex.Build(documents, partitionCount: 1, batchChars: int.MaxValue);
        SearchIndex split = SearchIndex.Build(documents, partitionCount: 7, batchChars: 20_000);
        var random = new Random(8);
        Assert.Equal(single.TermCount, split.TermCount);
        for (int q = 0; q < 40; q++)
        {
            string query = RandomCjkSubstring(documents[random.Next(documents.Count)].Text, random.Next(1, 5), random) + (q % 4 == 0 ? " alpha" : "");
            SearchResults expected = single.Search(query, 0, 50);
            SearchResults actual = split.Search(query, 0, 50);

            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits, actual.Hits);
        }
    }

    /// <summary>Every field of each document in folded form, one per line: what the brute-force scan reads.</summary>
    private static string[] Folded(List<SearchDocument> documents) =>
        [.. documents.Select(static document => TextAnalyzer.Normalize(string.Join('\n',
            new[] { document.Title, document.Text }.Concat(document.Aliases).Concat(document.Categories))))];

    private static bool Contains(string folded, string phrase) => folded.Contains(TextAnalyzer.Normalize(phrase), StringComparison.Ordinal);

    /// <summary>A substring of consecutive CJK characters (no punctuation inside) of up to <paramref name="length"/>.</summary>
    private static string RandomCjkSubstring(string text, int length, Random random)
    {
        while (true)
        {
            int start = random.Next(text.Length);
            int end = start;
            while (end < text.Length && end - start < length && TextAnalyzer.IsCjk(text[end]))
            {
                end++;
            }

            if (end - start == length || (end > start && random.Next(4) == 0))
            {
                return text[start..end];
            }
        }
    }
}
