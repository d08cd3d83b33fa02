using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

/// <summary>
/// A one-term query over many candidates is ranked without scoring every match
/// (<see cref="PrunedRanking"/>): the hits must be the ones scoring every match gives, in the
/// same order, on every page; only the count becomes an estimate.
/// </summary>
public sealed class PrunedRankingTests
{
    private const int Count = 6000;
    private const int ScoreEverything = int.MaxValue;
    private const int PruneEverything = 0;

    private static readonly Lazy<(List<SearchDocument> Documents, SearchIndex Index)> Corpus = new(() =>
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(Count, seed: 21);
        // A title that is exactly a frequent word, and an alias that is: the name tiers.
        string common = CommonTerms(documents, 2, 1)[0];
        documents[4321] = documents[4321] with { Title = common };
        documents[777] = documents[777] with { Aliases = [common] };
        return (documents, SearchIndex.Build(documents));
    });

    public static TheoryData<int, int> Lengths => new() { { 1, 20 }, { 2, 20 }, { 3, 12 }, { 4, 8 } };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Common_terms_rank_as_when_every_match_is_scored(int length, int terms)
    {
        (List<SearchDocument> documents, SearchIndex index) = Corpus.Value;
        int pruned = 0;
        foreach (string query in CommonTerms(documents, length, terms))
        {
            foreach ((int offset, int limit) in new[] { (0, 20), (20, 20), (0, 1), (95, 5) })
            {
                SearchResults all = index.Search(query, offset, limit, ScoreEverything);
                SearchResults some = index.Search(query, offset, limit, PruneEverything);

                Assert.Equal(Ids(all), Ids(some));
                Assert.False(all.TotalIsEstimate);
                pruned += some.TotalIsEstimate ? 1 : 0;
            }
        }

        Assert.True(pruned > terms, $"{length}-character terms should mostly have more matches than a page holds");
    }

    [Fact]
    public void Random_phrases_rank_as_when_every_match_is_scored()
    {
        (List<SearchDocument> documents, SearchIndex index) = Corpus.Value;
        var random = new Random(5);
        for (int q = 0; q < 150; q++)
        {
            string text = documents[random.Next(Count)].Text;
            int start = random.Next(Math.Max(1, text.Length - 4));
            string query = text.Substring(start, Math.Min(random.Next(2, 5), text.Length - start));

            Assert.Equal(Ids(index.Search(query, 0, 10, ScoreEverything)), Ids(index.Search(query, 0, 10, PruneEverything)));
        }
    }

    [Fact]
    public void Documents_that_score_alike_rank_by_id_on_every_page()
    {
        // The same body everywhere but the last, which holds the word twice; titles without
        // it: every other document scores the same, and the last, read last, better.
        var documents = Enumerable.Range(0, 3000)
            .Select(id => new SearchDocument($"条目{id}", [], [], id < 2999 ? "这是一篇测试文本。" : "这是一篇测试测试文本。")).ToList();
        var index = SearchIndex.Build(documents);

        foreach (int prune in new[] { ScoreEverything, PruneEverything })
        {
            Assert.Equal([2999, .. Enumerable.Range(0, 19)], Ids(index.Search("测试", 0, 20, prune)));
            Assert.Equal(Enumerable.Range(39, 20), Ids(index.Search("测试", 40, 20, prune)));
        }
    }

    [Fact]
    public void An_exact_title_then_an_exact_alias_come_first()
    {
        (List<SearchDocument> documents, SearchIndex index) = Corpus.Value;
        string common = documents[4321].Title;

        SearchResults results = index.Search(common, 0, 5, PruneEverything);

        Assert.True(results.TotalIsEstimate);
        Assert.Equal([4321, 777], Ids(results).Take(2));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void The_estimated_count_is_near_the_exact_one(int length)
    {
        (List<SearchDocument> documents, SearchIndex index) = Corpus.Value;
        foreach (string query in CommonTerms(documents, length, 5))
        {
            SearchResults exact = index.Search(query, 0, 10, ScoreEverything);
            SearchResults estimated = index.Search(query, 0, 10, PruneEverything);

            Assert.True(estimated.TotalIsEstimate);
            Assert.InRange(estimated.Total, exact.Total * 0.75, exact.Total * 1.25);
        }
    }

    [Fact]
    public void Fewer_matches_than_asked_for_are_counted_exactly()
    {
        (_, SearchIndex index) = Corpus.Value;
        string query = GeneratedCorpus.PlantedAlphabet[..2];
        List<SearchDocument> planted = GeneratedCorpus.Create(300, seed: 3);
        for (int id = 0; id < planted.Count; id += 50)
        {
            GeneratedCorpus.SetText(planted, id, planted[id].Text + query + "。");
        }

        SearchResults results = SearchIndex.Build(planted).Search(query, 0, 20, PruneEverything);

        Assert.False(results.TotalIsEstimate);
        Assert.Equal(6, results.Total);
        Assert.Equal([0, 50, 100, 150, 200, 250], Ids(results).Order());
        Assert.False(index.Search(query, 0, 20, PruneEverything).TotalIsEstimate);
    }

    [Fact]
    public void Below_the_threshold_every_match_is_scored_and_counted()
    {
        // Four fields of 1,000 documents hold fewer candidates than the threshold, whatever the term.
        List<SearchDocument> documents = GeneratedCorpus.Create(1000, seed: 8);
        var index = SearchIndex.Build(documents);
        string query = CommonTerms(documents, 2, 1)[0];

        SearchResults results = index.Search(query, 0, 20);
        SearchResults scored = index.Search(query, 0, 20, ScoreEverything);

        Assert.False(results.TotalIsEstimate);
        Assert.Equal(scored.Total, results.Total);
        Assert.Equal(Ids(scored), Ids(results));
    }

    private static int[] Ids(SearchResults results) => [.. results.Hits.Select(static hit => hit.DocumentId)];

    /// <summary>The <paramref name="count"/> CJK runs of <paramref name="length"/> characters that most documents hold.</summary>
    private static string[] CommonTerms(List<SearchDocument> documents, int length, int count)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SearchDocument document in documents.Take(1500))
        {
            string text = document.Text;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i + length <= text.Length; i++)
            {
                string run = text.Substring(i, length);
                if (run.All(static c => c >= 0x4E00 && c <= 0x9FFF) && seen.Add(run))
                {
                    frequencies[run] = frequencies.GetValueOrDefault(run) + 1;
                }
            }
        }

        return [.. frequencies.OrderByDescending(static pair => pair.Value).ThenBy(static pair => pair.Key, StringComparer.Ordinal).Take(count).Select(static pair => pair.Key)];
    }
}
