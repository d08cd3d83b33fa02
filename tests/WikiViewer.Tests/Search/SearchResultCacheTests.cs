using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

public sealed class SearchResultCacheTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(1);

    private static SearchResults Answer(int total) => new(total, [new SearchHit(total, 1.0, "<mark>王明</mark>")]);

    [Fact]
    public void A_cheap_answer_is_not_kept()
    {
        var cache = new SearchResultCache(16, Threshold);

        cache.Offer("王明", 0, 20, Answer(1), TimeSpan.FromMilliseconds(0.2));

        Assert.False(cache.TryGet("王明", 0, 20, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_costly_answer_is_kept_for_the_same_query_offset_and_limit_only()
    {
        var cache = new SearchResultCache(16, Threshold);
        SearchResults answer = Answer(7);

        cache.Offer("的一个", 20, 20, answer, TimeSpan.FromMilliseconds(4));

        Assert.True(cache.TryGet("的一个", 20, 20, out SearchResults kept));
        Assert.Same(answer, kept);
        Assert.False(cache.TryGet("的一个", 0, 20, out _));
        Assert.False(cache.TryGet("的一个", 20, 10, out _));
        Assert.False(cache.TryGet("的一", 20, 20, out _));
    }

    [Fact]
    public void It_stays_within_two_generations_and_keeps_the_answers_still_asked_for()
    {
        var cache = new SearchResultCache(8, Threshold);
        cache.Offer("常问", 0, 20, Answer(0), Threshold);

        for (int i = 1; i <= 200; i++)
        {
            cache.Offer($"查询{i}", 0, 20, Answer(i), Threshold);
            Assert.True(cache.TryGet("常问", 0, 20, out _), $"the answer asked for every time was dropped after {i} others");
            Assert.InRange(cache.Count, 1, 2 * (8 + 1));
        }

        Assert.False(cache.TryGet("查询1", 0, 20, out _));
        Assert.True(cache.TryGet("查询200", 0, 20, out SearchResults last));
        Assert.Equal(200, last.Total);
    }

    [Fact]
    public async Task Searches_answered_from_the_cache_are_the_answers_the_index_computes()
    {
        List<SearchDocument> documents = GeneratedCorpus.Create(500, seed: 5);
        SearchIndex index = SearchIndex.Build(documents, partitionCount: 1, batchChars: int.MaxValue,
            results: new SearchResultCache(64, TimeSpan.Zero)); // keep every answer
        string[] queries = [.. documents.Take(40).Select(static d => d.Title[..Math.Min(2, d.Title.Length)]).Distinct()];

        foreach (string query in queries)
        {
            SearchResults first = await index.SearchAsync(query, 0, 10);
            SearchResults again = await index.SearchAsync(query, 0, 10);
            SearchResults computed = index.Search(query, 0, 10);

            Assert.Same(first, again);
            Assert.Equal(computed.Total, again.Total);
            Assert.Equal(computed.Hits, again.Hits);
        }

        Assert.True(index.Results.Count > 0);
    }
}
