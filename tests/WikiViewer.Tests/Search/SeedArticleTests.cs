using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

public sealed class SeedArticleTests
{
    private static readonly IReadOnlyList<SearchDocument> Seeds = SeedCorpus.Load();
    private static readonly SearchIndex Index = SearchIndex.Build(Seeds);

    private static List<string> Titles(string query) =>
        [.. Index.Search(query, 0, 10).Hits.Select(static hit => Seeds[hit.DocumentId].Title)];

    [Fact]
    public void ExtractionFindsTheThreeTitles()
    {
        Assert.Equal(["无产阶级国际主义", "国际派", "毛主义国际主义运动"], Seeds.Select(static d => d.Title));
    }

    [Theory]
    [InlineData("王明", "国际派")]
    [InlineData("遵义会议", "国际派")]
    [InlineData("列宁", "无产阶级国际主义")]
    [InlineData("MIM", "毛主义国际主义运动")]
    [InlineData("mim", "毛主义国际主义运动")]
    [InlineData("英特纳雄耐尔", "无产阶级国际主义")]
    [InlineData("卡尔·马克思", "无产阶级国际主义")]
    [InlineData("1933年", "国际派")]
    public void QueryFindsOnlyTheArticleThatContainsIt(string query, string title)
    {
        Assert.Equal([title], Titles(query));
    }

    [Fact]
    public void TwoTermQueryRanksTheArticleWithBothFirst()
    {
        SearchResults results = Index.Search("毛泽东 国内派", 0, 10);

        Assert.Equal(2, results.Total);
        Assert.Equal(["国际派", "毛主义国际主义运动"], results.Hits.Select(hit => Seeds[hit.DocumentId].Title));
    }

    [Fact]
    public void ExactTitleRanksFirstAmongArticlesSharingItsWords()
    {
        Assert.Equal("国际派", Titles("国际派")[0]);
        Assert.Equal("毛主义国际主义运动", Titles("毛主义国际主义运动")[0]);
        Assert.Equal("无产阶级国际主义", Titles("无产阶级国际主义")[0]);
    }

    [Fact]
    public void SnippetMarksTheMatchInTheSeedText()
    {
        string snippet = Index.Search("遵义会议", 0, 1).Hits[0].Snippet;

        Assert.Contains("<mark>遵义会议</mark>", snippet);
        Assert.Contains("张闻天取代博古", snippet);
    }

    [Fact]
    public void SuggestionsListTitlesBeforeAliases()
    {
        IReadOnlyList<TitleSuggestion> suggestions = Index.Suggest("国际", 10);

        Assert.Equal(
            [new TitleSuggestion(1, "国际派", false), new TitleSuggestion(0, "国际社会主义", true)],
            suggestions);
    }
}
