using WikiViewer.Search;
using WikiViewer.Text;

namespace WikiViewer.Tests.Search;

public sealed class TextAnalyzerTests
{
    private static List<(string Text, int Position)> Tokens(string text) =>
        [.. TextAnalyzer.Tokenize(text).Select(static token => (token.Text, token.Position))];

    [Fact]
    public void CjkRunBecomesSingleCharactersAndOverlappingBigramsAtTheFirstCharactersPosition()
    {
        Assert.Equal(
            [("王", 0), ("王明", 0), ("明", 1), ("明回", 1), ("回", 2)],
            Tokens("王明回").OrderBy(static t => t.Position).ThenBy(static t => t.Text.Length).ToList());
    }

    [Fact]
    public void SingleCjkCharacterIsOneToken()
    {
        Assert.Equal([("派", 0)], Tokens("派"));
    }

    [Fact]
    public void LatinWordsAreCaseFolded()
    {
        Assert.Equal([("mim", 0), ("thought", 1)], Tokens("MIM Thought"));
    }

    [Fact]
    public void DigitsFormWordsAndTakeAPosition()
    {
        Assert.Equal([("1933", 0), ("年", 1)], Tokens("1933年"));
    }

    [Fact]
    public void FullWidthAsciiIsFoldedToHalfWidth()
    {
        Assert.Equal([("mim", 0), ("2001", 1)], Tokens("ＭＩＭ　２００１"));
    }

    [Fact]
    public void MixedScriptsSplitIntoWordAndCjkTokensWithConsecutivePositions()
    {
        Assert.Equal([("mim", 0), ("思", 1), ("思想", 1), ("想", 2)], Tokens("MIM思想"));
    }

    [Fact]
    public void PunctuationSplitsTermsAndNoBigramCrossesIt()
    {
        List<(string Text, int Position)> tokens = Tokens("王，明。Marx's（列宁）");
        Assert.DoesNotContain(tokens, static t => t.Text == "王明");
        Assert.DoesNotContain(tokens, static t => t.Text == "明列" || t.Text.Contains('，') || t.Text.Contains('\''));
        Assert.Equal(["王", "明", "marx", "s", "列", "列宁", "宁"], tokens.Select(static t => t.Text));
    }

    [Fact]
    public void PositionsSkipOneAtPunctuationAndLineBreaksButNotAtSpaces()
    {
        Assert.Equal([("1933", 0), ("年", 2)], Tokens("1933，年"));
        Assert.Equal([("a", 0), ("b", 2)], Tokens("a\nb"));
        Assert.Equal([("a", 0), ("b", 1)], Tokens("a  \t b"));
    }

    [Fact]
    public void MiddleDotInsideATransliteratedNameKeepsTheRunTogether()
    {
        Assert.Contains(("尔马", 1), Tokens("卡尔·马克思"));
    }

    [Fact]
    public void OnlyPunctuationAndSpaceGiveNoTokens()
    {
        Assert.Empty(Tokens(" ，。！？“”…—— \t\n()[]{}<>"));
    }

    [Fact]
    public void LoneSurrogatesAndControlCharactersSeparateWithoutThrowing()
    {
        Assert.Equal(["ab", "c"], Tokens("ab\uD800c").Select(static t => t.Text));
        Assert.Equal(["a", "b"], Tokens("a\u0000\u0007b").Select(static t => t.Text));
        Assert.Equal(["x", "y"], Tokens("x\uDC00y").Select(static t => t.Text));
    }

    [Fact]
    public void SupplementaryCjkCharactersAreWholeUnits()
    {
        // 𠀀 (U+20000) is one character made of two UTF-16 code units.
        Assert.Equal([("𠀀", 0), ("𠀀中", 0), ("中", 1)], Tokens("𠀀中").OrderBy(static t => t.Position).ThenBy(static t => t.Text.Length).ToList());
    }

    [Fact]
    public void OverlongWordsAreCutToTheSameKeyForDocumentAndQuery()
    {
        string word = new('q', 500);
        Assert.Equal(TextAnalyzer.MaxWordLength, Assert.Single(Tokens(word)).Text.Length);
    }

    [Fact]
    public void NameKeyIgnoresCasePunctuationAndWidth()
    {
        Assert.Equal(TextAnalyzer.NameKey("Karl Marx"), TextAnalyzer.NameKey("ＫＡＲＬ·marx"));
        Assert.NotEqual(TextAnalyzer.NameKey("Karl Marx"), TextAnalyzer.NameKey("Karl Marxism"));
    }

    /// <summary>Needs the OpenCC table behind ChineseScript.Fold; fails while Fold is the NFC-only stub.</summary>
    [Fact]
    public void TraditionalAndSimplifiedAnalyzeAlike_NeedsOpenCcTable()
    {
        Assert.Equal(Tokens("共产国际"), Tokens("共產國際"));
    }

    [Fact]
    public void TextThatFoldsCharByCharHoldsASourceOfEveryCharacterItsNormalFormHolds()
    {
        // Traditional/Simplified, case and width, the Kelvin sign, a compatibility
        // ideograph, a combining accent, a surrogate pair, final sigma.
        string[] pool = ["国", "國", "团", "團", "a", "A", "ａ", "Ａ", "k", "K", "\u212A", "e", "é", "\u0301", "\uF900", "豈", "𠀀", "\u3000", " ", "Σ", "σ", "ς", "İ", "i"];
        var random = new Random(7);
        int charByChar = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => pool[random.Next(pool.Length)]));
            string normalized = TextAnalyzer.Normalize(text);
            if (!ChineseScript.FoldsCharByChar(text))
            {
                continue;
            }

            charByChar++;
            Assert.Equal(normalized.Length, text.Length);
            foreach (char c in normalized)
            {
                Assert.True(text.AsSpan().IndexOfAny(TextAnalyzer.SourcesOf(c)) >= 0, $"{text} -> {normalized}: no source of {c}");
            }
        }

        Assert.InRange(charByChar, 5_000, 19_000);
    }

    [Fact]
    public void NormalizingFoldsTheWholeTextThenEachCharacter()
    {
        string[] pool = ["国", "國", "團", "A", "Ａ", "K", "\u212A", "e", "é", "\u0301", "\uF900", "𠀀", "\uD800", "\u3000", "Σ", "ς", "İ", "乾隆", "後"];
        var random = new Random(11);
        char[] buffer = new char[4];
        for (int n = 0; n < 20_000; n++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => pool[random.Next(pool.Length)]));
            string expected = new([.. ChineseScript.Fold(text).Select(TextAnalyzer.NormalizeChar)]);

            Assert.Equal(expected, TextAnalyzer.Normalize(text));
            Assert.Equal(expected, new string(TextAnalyzer.NormalizeInto(text, ref buffer)));
        }
    }

    [Fact]
    public void SourcesOfACharacterAreWhatNormalizesToIt()
    {
        Assert.Equal("国國", string.Concat(TextAnalyzer.SourcesOf('国').Order()));
        Assert.Contains('\u212A', TextAnalyzer.SourcesOf('k'));
        Assert.Contains('Ｋ', TextAnalyzer.SourcesOf('k'));
        Assert.Equal("王", TextAnalyzer.SourcesOf('王'));
    }
}
