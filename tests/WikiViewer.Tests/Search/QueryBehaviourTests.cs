using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

public sealed class QueryBehaviourTests
{
    private static readonly List<SearchDocument> Documents = GeneratedCorpus.Create(2000, seed: 11);
    private static readonly SearchIndex Index = SearchIndex.Build(Documents);

    /// <summary>A two-character phrase frequent enough to need several pages.</summary>
    private static readonly string Common = Documents
        .SelectMany(static d => Enumerable.Range(0, Math.Max(0, d.Text.Length - 1)).Select(i => d.Text.Substring(i, 2)))
        .Where(static pair => pair.All(c => TextAnalyzer.IsCjk(c)))
        .GroupBy(static pair => pair).OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal).First().Key;

    [Fact]
    public void PagesAreSlicesOfTheFullRanking()
    {
        SearchResults all = Index.Search(Common, 0, 10_000);
        Assert.True(all.Total > 100);
        Assert.Equal(all.Total, all.Hits.Count);

        for (int offset = 0; offset < 100; offset += 20)
        {
            SearchResults page = Index.Search(Common, offset, 20);
            Assert.Equal(all.Total, page.Total);
            Assert.Equal(all.Hits.Skip(offset).Take(20), page.Hits);
        }
    }

    [Fact]
    public void TotalIsExactWhateverThePage()
    {
        int expected = Documents.Count(d => TextAnalyzer.Normalize(string.Join('\n', new[] { d.Title, d.Text }.Concat(d.Aliases).Concat(d.Categories))).Contains(Common, StringComparison.Ordinal));

        Assert.Equal(expected, Index.Search(Common, 0, 1).Total);
        Assert.Equal(expected, Index.Search(Common, 5, 3).Total);
    }

    [Fact]
    public void OffsetPastTheEndGivesTotalAndNoHits()
    {
        SearchResults results = Index.Search(Common, 1_000_000, 20);

        Assert.True(results.Total > 0);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void LastPageIsPartial()
    {
        int total = Index.Search(Common, 0, 1).Total;

        Assert.Equal(3, Index.Search(Common, total - 3, 20).Hits.Count);
    }

    [Theory]
    [InlineData(-5, 10)]
    [InlineData(0, -1)]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(0, 0)]
    public void OutOfRangePagingDoesNotThrow(int offset, int limit)
    {
        SearchResults results = Index.Search(Common, offset, limit);

        Assert.True(results.Total > 0);
        Assert.True(results.Hits.Count <= Math.Max(0, limit));
    }

    public static TheoryData<string?> HostileQueries() => new()
    {
        null,
        "",
        "   \t\n ",
        "，。！？“”（）——……",
        "!@#$%^&*()_+-=[]{};':\",./<>?\\|`~",
        "\u0000\u0001\u001F\u007F",
        "\uD800",
        "\uDC00王明",
        "a\uD800b\uDFFFc",
        "\uFFFE\uFFFF",
        "😀😀",
        "e\u0301\u0301\u0301",
        "\u202Eabc\u202C",
        new string('a', 10_000),
        new string('中', 10_000),
        string.Concat(Enumerable.Repeat("王 ", 5_000)),
        string.Concat(Enumerable.Repeat("王明，", 3_000)),
        string.Join(' ', Enumerable.Range(0, 300).Select(static i => $"w{i} 字{(char)('一' + i)}")),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public void AnyStringIsAQueryAndNothingThrows(string? query)
    {
        SearchResults results = Index.Search(query!, 0, 20);
        IReadOnlyList<TitleSuggestion> suggestions = Index.Suggest(query!, 10);

        Assert.True(results.Total >= results.Hits.Count);
        Assert.NotNull(suggestions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("，。！")]
    [InlineData("\uD800")]
    [InlineData("\u0000")]
    public void QueryWithoutWordsMatchesNothing(string query)
    {
        Assert.Equal(SearchResults.Empty, Index.Search(query, 0, 20));
    }

    [Fact]
    public void ManyDistinctTermsAreCutToTheFirstOnesNotRejected()
    {
        string first = Documents[0].Title;
        string query = first + " " + string.Join(' ', Enumerable.Range(0, 100).Select(static i => $"nosuchword{i}"));

        SearchResults results = Index.Search(query, 0, 5);

        Assert.Contains(results.Hits, hit => hit.DocumentId == 0 || Documents[hit.DocumentId].Title == first);
    }

    [Fact]
    public void DocumentsWithOddTextBuildAndSearch()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("", [], [], ""),
            new SearchDocument("王明\uD800", ["\uDC00"], ["\u0000"], "王明\uD800\uFFFE回国" + new string('x', 20_000)),
            new SearchDocument(null!, null!, null!, (string)null!),
        ]);

        Assert.Equal([1], index.Search("王明", 0, 10).Hits.Select(static h => h.DocumentId));
        Assert.Equal(1, index.Search(new string('x', 20_000), 0, 10).Total);
    }

    [Fact]
    public void EmptyIndexAnswersEmpty()
    {
        var index = SearchIndex.Build([]);

        Assert.Equal(0, index.Search("王明", 0, 10).Total);
        Assert.Empty(index.Suggest("王", 10));
    }

    [Fact]
    public void ConcurrentQueriesGetTheSameAnswersAsSequentialOnes()
    {
        string[] queries = [.. Documents.Take(64).Select(static d => d.Title)];
        SearchResults[] sequential = [.. queries.Select(q => Index.Search(q, 0, 10))];
        var concurrent = new SearchResults[queries.Length * 8];

        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = Index.Search(queries[i % queries.Length], 0, 10));

        for (int i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % queries.Length].Total, concurrent[i].Total);
            Assert.Equal(sequential[i % queries.Length].Hits, concurrent[i].Hits);
        }
    }

    [Fact]
    public void IndexKeepsTheCallersStringsForSnippets()
    {
        string text = "王明回国。";
        var documents = new List<SearchDocument> { new("标题", [], [], text) };
        var index = SearchIndex.Build(documents);

        Assert.Equal("<mark>王明</mark>回国。", index.Search("王明", 0, 1).Hits[0].Snippet);
        Assert.True(index.SizeInBytes > 0);
    }
}

/// <summary>Each region's word for a thing (软件, 軟體) is one query: a term matches any of its spellings.</summary>
public sealed class RegionalSpellingTests
{
    private static readonly SearchIndex Index = SearchIndex.Build(
    [
        new SearchDocument("大陆", [], [], "这款软件通过网络传输信息。"),
        new SearchDocument("台湾", [], [], "這款軟體透過網路傳輸資訊。"),
        new SearchDocument("其他", [], [], "与此无关的文字。"),
    ]);

    [Theory]
    [InlineData("软件")]
    [InlineData("軟體")]
    [InlineData("軟件")]
    public void A_word_finds_the_text_of_every_region(string query)
    {
        Assert.Equal([0, 1], Index.Search(query, 0, 10).Hits.Select(static hit => hit.DocumentId).Order());
    }

    [Fact]
    public void Each_term_is_spelled_on_its_own_and_all_still_count()
    {
        var results = Index.Search("網路 信息", 0, 10);

        // Both documents hold both terms, each in its own region's words.
        Assert.Equal([0, 1], results.Hits.Select(static hit => hit.DocumentId).Order());
        Assert.All(results.Hits, hit => Assert.Equal(2, hit.Snippet.Split("<mark>").Length - 1));
    }

    [Fact]
    public void A_query_no_region_writes_otherwise_has_one_spelling_and_folding_does_the_rest()
    {
        Assert.Equal([0, 1], Index.Search("傳輸", 0, 10).Hits.Select(static hit => hit.DocumentId).Order());
        Assert.Single(SearchQuery.Parse("傳輸").Terms[0].Spellings);
        Assert.Single(SearchQuery.Parse("马克思").Terms[0].Spellings);
        Assert.Equal(2, SearchQuery.Parse("软件").Terms[0].Spellings.Length);
    }
}
