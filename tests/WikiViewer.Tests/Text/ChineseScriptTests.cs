using System.Text;

using WikiViewer.Tests.Infrastructure;
using WikiViewer.Text;

namespace WikiViewer.Tests.Text;

public class ChineseScriptTests
{
    [Theory]
    [InlineData("國際派", "国际派")]
    [InlineData("共產國際", "共产国际")]
    [InlineData("蘇聯", "苏联")]
    [InlineData("德國", "德国")]
    [InlineData("社會學", "社会学")]
    [InlineData("", "")]
    [InlineData("[德國](https://zh.wikipedia.org/wiki/德國 \"wikilink\")", "[德国](https://zh.wikipedia.org/wiki/德国 \"wikilink\")")]
    public void Fold_TraditionalToSimplified(string traditional, string simplified)
    {
        Assert.Equal(simplified, ChineseScript.Fold(traditional));
    }

    [Theory]
    [InlineData("无产阶级国际主义（），又称国际社会主义，是卡尔·马克思提出的一个社会阶级理论。")]
    [InlineData("Karl Marx, Das Kapital (1867), café «naïve» — 「引号」『书名』")]
    [InlineData("Пролетарії всіх країн, єднайтеся! Ἀθῆναι ① ℃ → ∑")]
    public void Fold_NothingToChange_ReturnsSameInstance(string text)
    {
        Assert.Same(text, ChineseScript.Fold(text));
    }

    [Theory]
    [InlineData("Cafe\u0301 德國", "Caf\u00E9 德国")]
    [InlineData("德國 Cafe\u0301", "德国 Caf\u00E9")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]  // conjoining jamo compose into 각
    public void Fold_NormalizesToNfc(string text, string expected)
    {
        Assert.Equal(expected, ChineseScript.Fold(text));
    }

    [Fact]
    public void Fold_AlreadyNfcWithCombiningMark_ReturnsSameInstance()
    {
        // U+0323 U+0301 on x do not compose: the slow path must still not copy.
        string text = "x\u0323\u0301 马克思";
        Assert.Same(text, ChineseScript.Fold(text));
    }

    [Fact]
    public void Fold_CompatibilityIdeograph_NormalizesThenFolds()
    {
        // U+F900 is a compatibility twin of 豈 (U+8C48), whose Simplified form is 岂.
        Assert.Equal("岂", ChineseScript.Fold("\uF900"));
    }

    [Fact]
    public void Fold_UnmappedSupplementaryCharacter_PassesThrough()
    {
        string text = "\U00020000\U0002A6D6 学";
        Assert.Same(text, ChineseScript.Fold(text));
    }

    [Fact]
    public void Fold_SupplementaryCharacters_Fold()
    {
        Assert.Equal("\U0002003E", ChineseScript.Fold("\U0002005E"));  // 𠁞 -> 𠀾
    }

    [Fact]
    public void Fold_BmpCharacterToSupplementary_GrowsTheString()
    {
        Assert.Equal("国\U0002B042国", ChineseScript.Fold("國\u4189國"));  // 䆉 -> 𫁂
    }

    [Fact]
    public void Fold_CharacterOnlyUnihanMaps()
    {
        // OpenCC's TSCharacters has no entry for 唚; Unihan's
        // kSimplifiedVariant gives 吣.
        Assert.Equal("吣", ChineseScript.Fold("唚"));
    }

    [Fact]
    public void Fold_StandardSimplifiedCharacterUnihanWouldChange_IsKept()
    {
        // Unihan says 瑙 -> U+3087B (Extension G), but 瑙 is in the Table of
        // General Standard Chinese Characters: a fold there would break search
        // for a common character with one few fonts show.
        Assert.Equal("瑙", ChineseScript.Fold("瑙"));
        Assert.Equal("埯", ChineseScript.Fold("埯"));
        Assert.Equal("垵", ChineseScript.Fold("垵"));
    }

    [Theory]
    [InlineData("裡", "裏", "里")]
    [InlineData("著", "着", "着")]
    [InlineData("峯", "峰", "峰")]
    [InlineData("衞", "衛", "卫")]
    [InlineData("枱", "檯", "台")]
    [InlineData("幺", "么", "么")]  // TWVariants writes 幺 as 么, so they must meet (Data/README.md)
    public void Fold_RegionalVariantsMeet(string one, string other, string folded)
    {
        Assert.Equal(folded, ChineseScript.Fold(one));
        Assert.Equal(folded, ChineseScript.Fold(other));
    }

    [Theory]
    [InlineData("TWVariants")]
    [InlineData("TWVariantsRev")]
    [InlineData("HKVariants")]
    [InlineData("HKVariantsRev")]
    public void Fold_EveryRegionalVariantPairMeets(string dictionary)
    {
        // Search must find 裡 for 裏, 着 for 著: the generator adds folding rows
        // where TSCharacters and Unihan alone keep a pair apart.
        List<(string From, string To)> pairs = TableRows("WikiViewer.Text.Data." + dictionary + ".txt", minimum: 30);
        foreach ((string from, string to) in pairs)
        {
            Assert.True(ChineseScript.Fold(from) == ChineseScript.Fold(to), $"{dictionary}: {from} folds to {ChineseScript.Fold(from)}, {to} to {ChineseScript.Fold(to)}");
        }
    }

    [Theory]
    [InlineData("馬克思主義的世界革命理論", true)]
    [InlineData("马克思主义的世界革命理论", false)]
    [InlineData("天下大同", false)]     // characters of both scripts: no evidence
    [InlineData("Karl Marx", false)]
    [InlineData("", false)]
    [InlineData("國际", false)]          // one each: a tie is not Traditional
    [InlineData("國際主义", true)]
    public void LooksTraditional(string text, bool expected)
    {
        Assert.Equal(expected, ChineseScript.LooksTraditional(text));
    }

    [Fact]
    public void LooksTraditional_Seeds_AreSimplified()
    {
        foreach (string file in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            Assert.False(ChineseScript.LooksTraditional(File.ReadAllText(file)), file);
        }
    }

    [Theory]
    [InlineData(".eu.md", true)]
    [InlineData("色指數.md", true)]
    [InlineData("Include防範.md", true)]
    [InlineData("+1.md", true)]
    [InlineData("头文件.md", false)]
    [InlineData("互联网号码分配局.md", false)]
    [InlineData("内联函数.md", false)]  // Traditional link texts, Simplified prose: 145 to 366
    public void LooksTraditional_RealSample(string fileName, bool expected)
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "WikiViewer.Tests", "RealSample", "Page", fileName);
        Assert.Equal(expected, ChineseScript.LooksTraditional(File.ReadAllText(path)));
    }

    [Fact]
    public void Fold_LoneSurrogate_BecomesReplacementCharacter()
    {
        Assert.Equal("德国\uFFFDx", ChineseScript.Fold("德國\uD800x"));
    }

    [Fact]
    public void Fold_NoncharacterTheNormalizerRejects_BecomesReplacementCharacter()
    {
        Assert.Equal("德国\uFFFDx", ChineseScript.Fold("德國\uFFFEx"));
        Assert.Equal("\uFFFD", ChineseScript.Fold("\uFFFE"));
        Assert.Equal(Rune.ReplacementChar, ChineseScript.Fold(new Rune(0xFFFE)));
    }

    [Fact]
    public void Fold_IsIdempotentOverTheWholeTable()
    {
        // OpenCC alone has 薴 -> 苧 -> 苎; the generator resolves such chains.
        Assert.Equal("苎", ChineseScript.Fold("薴"));

        foreach ((string from, string to) in TableRows())
        {
            string once = ChineseScript.Fold(from);
            Assert.Equal(to, once);
            Assert.Equal(once, ChineseScript.Fold(once));
        }
    }

    [Fact]
    public void FoldRune_AgreesWithFoldString()
    {
        var runes = new List<Rune>();
        for (int c = 0; c < 0x10000; c++)
        {
            if (!char.IsSurrogate((char)c) && c != 0xFFFE)
            {
                runes.Add(new Rune(c));
            }
        }

        for (int c = 0x2F800; c <= 0x2FA1F; c++)
        {
            runes.Add(new Rune(c));
        }

        foreach ((string from, _) in TableRows())
        {
            runes.Add(Rune.GetRuneAt(from, 0));
        }

        int compared = 0;
        foreach (Rune rune in runes)
        {
            // Fold(Rune) expects NFC input, except for CJK compatibility ideographs.
            string s = rune.ToString();
            if (!s.IsNormalized(NormalizationForm.FormC) && !IsCompatibilityIdeograph(rune))
            {
                continue;
            }

            Assert.Equal(ChineseScript.Fold(s), ChineseScript.Fold(rune).ToString());
            compared++;
        }

        Assert.True(compared > 60000, $"only {compared} compared");
    }

    private static bool IsCompatibilityIdeograph(Rune rune) =>
        rune.Value is (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    [Fact]
    public void FoldRune_CompatibilityIdeograph_FoldsThroughNfc()
    {
        Assert.Equal(new Rune('岂'), ChineseScript.Fold(new Rune(0xF900)));
        Assert.Equal(new Rune('国'), ChineseScript.Fold(new Rune('國')));
        Assert.Equal(new Rune('a'), ChineseScript.Fold(new Rune('a')));
    }

    private static IEnumerable<(string From, string To)> TableRows() =>
        TableRows("WikiViewer.Text.Data.FoldCharacters.txt", minimum: 6000);

    private static List<(string From, string To)> TableRows(string resourceName, int minimum)
    {
        using Stream stream = typeof(ChineseScript).Assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            string[] parts = line.Split('\t');
            rows.Add((parts[0], parts[1]));
        }

        Assert.True(rows.Count > minimum, $"only {rows.Count} rows in {resourceName}");
        return rows;
    }
}
