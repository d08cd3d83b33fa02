using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

public sealed class SuggestTests
{
    private static readonly SearchIndex Index = SearchIndex.Build(
    [
        new SearchDocument("马克思主义", ["马列"], [], ""),              // 0
        new SearchDocument("马克思", ["卡尔·马克思", "Karl Marx"], [], ""), // 1
        new SearchDocument("马克思主义哲学", [], [], ""),                // 2
        new SearchDocument("马克", ["马克思主义"], [], ""),              // 3: alias equal to a title
        new SearchDocument("Karl Popper", [], [], ""),                  // 4
        new SearchDocument("马克思", [], [], ""),                        // 5: same title as 1
        new SearchDocument("New_York City", [], [], ""),                // 6
    ]);

    private static List<string> Names(string prefix, int max = 10) => [.. Index.Suggest(prefix, max).Select(static s => s.Name)];

    [Fact]
    public void ExactFirstThenTitlesByLengthThenAliasesWithoutRepeats()
    {
        Assert.Equal(["马克", "马克思", "马克思主义", "马克思主义哲学", "马列"], Names("马"));
        Assert.Equal(["马克思", "马克思主义", "马克思主义哲学"], Names("马克思"));
    }

    [Fact]
    public void ExactAliasComesBeforeLongerTitles()
    {
        IReadOnlyList<TitleSuggestion> suggestions = Index.Suggest("马列", 10);

        Assert.Equal([new TitleSuggestion(0, "马列", true)], suggestions);
    }

    [Fact]
    public void AliasShowsTheAliasAndItsDocument()
    {
        Assert.Equal([new TitleSuggestion(1, "卡尔·马克思", true)], Index.Suggest("卡尔", 10));
    }

    [Fact]
    public void CaseWidthSpacesAndUnderscoresAreFolded()
    {
        Assert.Equal(["Karl Popper", "Karl Marx"], Names("KARL"));
        Assert.Equal(["Karl Popper"], Names("ｋａｒｌ　ｐ"));
        Assert.Equal(["New_York City"], Names("new york"));
        Assert.Equal(["New_York City"], Names("New_York  c"));
    }

    [Fact]
    public void MaxLimitsTheCount()
    {
        Assert.Equal(["马克", "马克思"], Names("马", 2));
        Assert.Empty(Names("马", 0));
    }

    [Fact]
    public void NoMatchOrEmptyPrefixGivesNothing()
    {
        Assert.Empty(Names("毛"));
        Assert.Empty(Names(""));
        Assert.Empty(Names("  "));
    }
}
