using System.Net;
using System.Text.RegularExpressions;

using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

public sealed partial class SnippetTests
{
    private static string Filler(int sentences, string word = "叙述") =>
        string.Concat(Enumerable.Range(0, sentences).Select(i => $"这是第{i}句普通的{word}文字，用来占据篇幅。"));

    private static string SnippetFor(string text, string query) =>
        SearchIndex.Build([new SearchDocument("标题", [], [], text)]).Search(query, 0, 1).Hits.Single().Snippet;

    /// <summary>What a reader sees: tags removed, entities decoded.</summary>
    private static string Visible(string snippet) => WebUtility.HtmlDecode(Tag().Replace(snippet, ""));

    [Fact]
    public void MarksTheMatchedText()
    {
        string snippet = SnippetFor(Filler(5) + "王明回国。" + Filler(5), "王明");

        Assert.Contains("<mark>王明</mark>回国", snippet);
    }

    [Fact]
    public void MarksEveryTermOfTheQueryInTheWindow()
    {
        string snippet = SnippetFor(Filler(5) + "毛泽东与国内派人士。" + Filler(5), "毛泽东 国内派");

        Assert.Contains("<mark>毛泽东</mark>与<mark>国内派</mark>", snippet);
    }

    [Fact]
    public void ShowsTheFirstParagraphThatHoldsEveryTerm()
    {
        string text = string.Join('\n', Filler(3) + "毛泽东在前。", Filler(10), Filler(10) + "国内派在中。", Filler(3) + "毛泽东与国内派人士。", Filler(3) + "毛泽东与国内派再会。");

        string visible = Visible(SnippetFor(text, "毛泽东 国内派"));

        Assert.Contains("毛泽东与国内派人士", visible);
    }

    [Fact]
    public void FindsTermsInTheLastParagraphOfALongText()
    {
        string text = string.Join('\n', Enumerable.Range(0, 400).Select(_ => Filler(3))) + "\n后来王明回国了。";

        Assert.Contains("<mark>王明</mark>回国", SnippetFor(text, "王明"));
    }

    [Fact]
    public void EscapesMarkupInTheText()
    {
        string snippet = SnippetFor("<script>alert(\"x\")</script> & 王明 <b>粗</b>", "王明");

        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>王明</mark> &lt;b&gt;", snippet);
        Assert.DoesNotContain("<script", snippet);
        Assert.Equal(["<mark>", "</mark>"], Tag().Matches(snippet).Select(static match => match.Value));
    }

    [Fact]
    public void LengthIsBoundedAndCutEndsShowEllipses()
    {
        string snippet = SnippetFor(Filler(30) + "王明回国。" + Filler(30), "王明");
        string visible = Visible(snippet);

        Assert.InRange(visible.Length, 100, SnippetBuilder.TargetLength + 2);
        Assert.StartsWith("…", visible);
        Assert.EndsWith("…", visible);
        Assert.Contains("王明", visible);
    }

    [Fact]
    public void StartsAtTheSentenceThatHoldsTheMatchWhenItIsNear()
    {
        string snippet = SnippetFor(Filler(10) + "后来王明回国了。" + Filler(10), "王明");

        Assert.StartsWith("…后来<mark>王明</mark>", snippet);
    }

    [Fact]
    public void MatchAtTheStartHasNoLeadingEllipsis()
    {
        string snippet = SnippetFor("王明是一个人。" + Filler(20), "王明");

        Assert.StartsWith("<mark>王明</mark>是一个人。", snippet);
    }

    [Fact]
    public void ShortTextIsShownWhole()
    {
        Assert.Equal("很短的<mark>王明</mark>。", SnippetFor("很短的王明。", "王明"));
    }

    [Fact]
    public void DoesNotCutLatinWords()
    {
        string text = string.Join(' ', Enumerable.Range(0, 80).Select(static i => $"word{i}")) + " Zulu " + string.Join(' ', Enumerable.Range(0, 80).Select(static i => $"tail{i}"));
        string visible = Visible(SnippetFor(text, "zulu"));

        string[] words = visible.Trim('…').Split(' ');
        Assert.All(words, word => Assert.Matches("^(word|tail)[0-9]+$|^Zulu$", word));
        Assert.Contains("Zulu", words);
    }

    [Fact]
    public void PrefersTheWindowWithMoreDistinctTerms()
    {
        string text = "毛泽东。" + Filler(20) + "毛泽东和国内派。" + Filler(20);
        string snippet = SnippetFor(text, "毛泽东 国内派");

        Assert.Contains("<mark>国内派</mark>", snippet);
    }

    [Fact]
    public void TitleOnlyMatchShowsTheBeginningOfTheText()
    {
        var index = SearchIndex.Build([new SearchDocument("王明", [], [], "这是开头。" + Filler(20))]);

        string snippet = index.Search("王明", 0, 1).Hits.Single().Snippet;

        Assert.StartsWith("这是开头。", snippet);
        Assert.DoesNotContain("<mark>", snippet);
    }

    [Fact]
    public void MarksTheOriginalTraditionalOrFullWidthTextMatchedByAFoldedQuery()
    {
        string snippet = SnippetFor("他們的ＭＩＭ組織。", "mim");

        Assert.Contains("<mark>ＭＩＭ</mark>", snippet);
    }

    [Theory]
    [InlineData("德國的ＡＢＣ公司", "德国 abc", "<mark>德國</mark>的<mark>ＡＢＣ</mark>")]
    [InlineData("\u212Aelvin說", "kelvin", "<mark>\u212Aelvin</mark>說")]
    [InlineData("與\uF900同", "\u8C48", "與<mark>\uF900</mark>同")]
    [InlineData("與\U0002F800同", "丽", "與<mark>\U0002F800</mark>同")]
    [InlineData("𠀀國", "𠀀国", "<mark>𠀀國</mark>")]
    public void FindsAFoldedMatchInAParagraphAfterOthersThatHoldNone(string paragraph, string query, string expected)
    {
        string text = string.Join('\n', Filler(3), Filler(3, "记载"), paragraph, Filler(3));

        Assert.Contains(expected, SnippetFor(text, query));
    }

    [Fact]
    public void ControlCharactersAndLoneSurrogatesAreNotPassedThrough()
    {
        string snippet = SnippetFor("王明\u0000\u0007回国\uD800了。", "王明");

        Assert.DoesNotContain('\u0000', snippet);
        Assert.DoesNotContain('\u0007', snippet);
        Assert.DoesNotContain('\uD800', snippet);
        Assert.StartsWith("<mark>王明</mark>", snippet);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
