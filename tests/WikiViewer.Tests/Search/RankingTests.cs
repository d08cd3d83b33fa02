using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

public sealed class RankingTests
{
    private static SearchDocument Doc(string title, string text, params string[] aliases) => new(title, aliases, [], text);

    private static List<int> Ids(SearchResults results) => [.. results.Hits.Select(static hit => hit.DocumentId)];

    private static string Filler(int sentences) =>
        string.Concat(Enumerable.Range(0, sentences).Select(static i => $"这是第{i}句普通的叙述文字，用来占据篇幅。"));

    [Fact]
    public void TitleMatchBeatsManyBodyMatches()
    {
        var index = SearchIndex.Build(
        [
            Doc("其他人物", string.Concat(Enumerable.Repeat("王明在这里出现。", 8))),
            Doc("王明路线", "这篇文章讲的是一条路线。" + Filler(3)),
            Doc("无关条目", Filler(4)),
        ]);

        SearchResults results = index.Search("王明", 0, 10);

        Assert.Equal([1, 0], Ids(results));
    }

    [Fact]
    public void ExactTitleTopsEvenAgainstLongerTitlesContainingIt()
    {
        var index = SearchIndex.Build(
        [
            Doc("遵义会议会址", "遵义会议会址。遵义会议在此召开，遵义会议。"),
            Doc("遵义会议", "一次会议。" + Filler(6)),
            Doc("遵义会议纪念馆", "遵义会议纪念馆。遵义会议。"),
        ]);

        Assert.Equal(1, index.Search("遵义会议", 0, 10).Hits[0].DocumentId);
    }

    [Fact]
    public void AliasMatchBeatsBodyMatches()
    {
        var index = SearchIndex.Build(
        [
            Doc("甲", "英特纳雄耐尔一定要实现。英特纳雄耐尔。英特纳雄耐尔。" + Filler(2)),
            Doc("无产阶级国际主义", Filler(3), "英特纳雄耐尔"),
        ]);

        Assert.Equal([1, 0], Ids(index.Search("英特纳雄耐尔", 0, 10)));
    }

    [Fact]
    public void DocumentsWithAllTermsComeBeforeDocumentsWithSome()
    {
        var index = SearchIndex.Build(
        [
            Doc("甲", string.Concat(Enumerable.Repeat("毛泽东。", 12))),
            Doc("乙", Filler(10) + "毛泽东与国内派。" + Filler(10)),
            Doc("丙", string.Concat(Enumerable.Repeat("国内派。", 12))),
            Doc("丁", Filler(3)),
        ]);

        SearchResults results = index.Search("毛泽东 国内派", 0, 10);

        Assert.Equal(3, results.Total);
        Assert.Equal(1, results.Hits[0].DocumentId);
        Assert.Equal([0, 2], Ids(results)[1..].Order());
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public void CjkTermMatchesOnlyAsAPhrase()
    {
        var index = SearchIndex.Build(
        [
            Doc("一", "王先生明天来。"),
            Doc("二", "明王朝。"),
            Doc("三", "老王，明白了。"),
            Doc("四", "王明回国。"),
        ]);

        SearchResults results = index.Search("王明", 0, 10);

        Assert.Equal(1, results.Total);
        Assert.Equal([3], Ids(results));
    }

    [Fact]
    public void LongerPhraseNeedsEveryBigramInOrder()
    {
        var index = SearchIndex.Build(
        [
            Doc("一", "遵义的会议。"),
            Doc("二", "会议在遵义。"),
            Doc("三", "遵义，会议。"),
            Doc("四", "义会遵议。"),
            Doc("五", "遵义会议。"),
            Doc("六", "遵义会。义会议。"), // every bigram is here, but not in a row
        ]);

        Assert.Equal([4], Ids(index.Search("遵义会议", 0, 10)));
    }

    [Fact]
    public void SingleCharacterQueryFindsEveryDocumentWithIt()
    {
        var index = SearchIndex.Build([Doc("一", "王"), Doc("二", "明"), Doc("三", "王明"), Doc("四", "玉")]);

        Assert.Equal([0, 2], Ids(index.Search("王", 0, 10)).Order());
    }

    [Fact]
    public void HigherTermFrequencyInAShortDocumentRanksFirst()
    {
        var index = SearchIndex.Build(
        [
            Doc("一", Filler(30) + "博古。" + Filler(30)),
            Doc("二", "博古，博古，博古。" + Filler(1)),
            Doc("三", Filler(3) + "博古。"),
        ]);

        Assert.Equal([1, 2, 0], Ids(index.Search("博古", 0, 10)));
    }

    [Fact]
    public void RareTermWeighsMoreThanACommonOne()
    {
        // "派系" is in nearly every document, "遵义" in one: the document with the rare term
        // wins over the one that repeats the common term.
        var documents = new List<SearchDocument>
        {
            Doc("一", "派系。派系。派系。派系。" + Filler(1)),
            Doc("二", "遵义。" + Filler(1)),
        };
        documents.AddRange(Enumerable.Range(0, 20).Select(i => Doc($"填充{i}", "派系。" + Filler(2))));
        var index = SearchIndex.Build(documents);

        SearchResults results = index.Search("派系 遵义", 0, 3);

        Assert.Equal(1, results.Hits[0].DocumentId);
        Assert.Equal(22, results.Total);
    }

    [Fact]
    public void CaseAndWidthDoNotMatter()
    {
        var index = SearchIndex.Build([Doc("一", "MIM Notes 是报纸。"), Doc("二", "mimic")]);

        Assert.Equal([0], Ids(index.Search("ｍｉｍ", 0, 10)));
        Assert.Equal([0], Ids(index.Search("notes", 0, 10)));
    }

    [Fact]
    public void MixedScriptTermIsAPhraseOfItsParts()
    {
        var index = SearchIndex.Build([Doc("一", "1933年的会议。"), Doc("二", "1933，年份。"), Doc("三", "1932年。"), Doc("四", "MIM 思想"), Doc("五", "MIM，理论。MIM思想")]);

        Assert.Equal([0], Ids(index.Search("1933年", 0, 10)));
        Assert.Equal([3, 4], Ids(index.Search("mim思想", 0, 10)).Order());
    }

    [Theory]
    [InlineData("x光", true)]
    [InlineData("光x", false)]
    [InlineData("ct扫", true)]
    [InlineData("和ct", true)]
    [InlineData("查和ct", true)]
    [InlineData("和c", false)]
    [InlineData("描x", false)]
    public void LoneCjkCharacterNextToAWordMatchesOnlyWhereItTouchesThatWord(string query, bool found)
    {
        var index = SearchIndex.Build([Doc("一", "X光检查和CT扫描。"), Doc("二", "光，X。扫描CT。")]);

        Assert.Equal(found ? [0] : [], Ids(index.Search(query, 0, 10)));
    }

    [Fact]
    public void CategoriesAreSearchedBelowTitles()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("甲", [], ["毛派组织"], "一个组织。"),
            new SearchDocument("毛派组织", [], [], "组织。"),
            new SearchDocument("乙", [], [], "无关。"),
        ]);

        Assert.Equal([1, 0], Ids(index.Search("毛派组织", 0, 10)));
    }
}
