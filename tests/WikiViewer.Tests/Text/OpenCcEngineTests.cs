using WikiViewer.Text;

namespace WikiViewer.Tests.Text;

// The semantics of opencc-js 1.4.2's core.js, one rule at a time. Every expected
// value is what opencc-js 1.4.2 prints (tests/opencc-reference/convert.mjs), and
// OpenCcDifferentialTests runs every EdgeCases line through both again.
public class OpenCcEngineTests
{
    /// <summary>Inputs of these tests, for the differential test.</summary>
    public static readonly string[] EdgeCases =
    [
        "核心", "核心技術", "布列兹", "一个头文件", "国际主义运动创建于1985年",
        "⿰门口", "门⿰门口", "⿰门", "⿲门口门门", "⿰⿱门口门门", "⿰⿲门口门", "头⿰文件",
        "⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰门", "⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰门",
        "𠀾", "一𠀾二", "𠁞", "复𫗧", "\uF900门", "觀塘綫", "為賦新詞強説愁",
    ];

    [Fact]
    public void Group_union_first_dictionary_wins_a_shared_key()
    {
        // TWPhrasesRev has 核心 → 內核, TWVariantsRevPhrases 核心 → 核心; tw2sp
        // lists TWPhrasesRev first. tw2t has only the second.
        Assert.Equal("内核", OpenCcConverter.TW2SP.Convert("核心"));
        Assert.Equal("内核技术", OpenCcConverter.TW2SP.Convert("核心技術"));
        Assert.Equal("核心", OpenCcConverter.TW2T.Convert("核心"));
    }

    [Fact]
    public void Group_longest_match_across_its_dictionaries()
    {
        // STPhrases has 布列 → 佈列, STPhrases_GeneratedFromRegionalPhrases has
        // 布列兹 → 布列茲: the longer key wins although its dictionary comes later
        // (C++ OpenCC's short_circuit would stop at STPhrases: 佈列茲).
        Assert.Equal("布列茲", OpenCcConverter.S2T.Convert("布列兹"));
    }

    [Fact]
    public void Segmentation_keeps_later_groups_inside_a_segment()
    {
        // s2twp segments by STPhrases first; TWPhrases' 頭文件 → 標頭檔案 would
        // match across the boundary of 一个头 | 文件 without it.
        Assert.Equal("一個頭檔案", OpenCcConverter.S2TWP.Convert("一个头文件"));
        Assert.Equal("國際主義運動創建於1985年", OpenCcConverter.S2TWP.Convert("国际主义运动创建于1985年"));
        Assert.Equal("頭⿰文件", OpenCcConverter.S2TWP.Convert("头⿰文件"));
    }

    [Theory]
    [InlineData("⿰门口", "⿰门口")]             // a whole sequence is skipped: 门 inside is not converted
    [InlineData("门⿰门口", "門⿰门口")]
    [InlineData("⿰门", "⿰門")]                 // incomplete: the operator alone is skipped
    [InlineData("⿲门口门门", "⿲门口门門")]       // ⿲ takes three operands
    [InlineData("⿰⿱门口门门", "⿰⿱门口门門")]     // nested
    [InlineData("⿰⿲门口门", "⿰⿲门口门")]         // an incomplete operand counts as one code point
    public void Ideographic_description_sequences_are_skipped_whole(string input, string expected)
    {
        Assert.Equal(expected, OpenCcConverter.S2T.Convert(input));
    }

    [Theory]
    [InlineData(20, "⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰门")]
    [InlineData(19, "⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰⿰门")]  // the first operator alone, then one sequence
    public void Runs_of_description_operators(int operators, string expected)
    {
        Assert.Equal(expected, OpenCcConverter.S2T.Convert(new string('⿰', operators) + "门"));
    }

    [Fact]
    public void A_long_run_of_description_operators_neither_overflows_nor_hangs()
    {
        // opencc-js recurses once per operator and re-parses failed operands.
        string text = new string('⿰', 200_000) + "门";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Same(text, OpenCcConverter.S2T.Convert(text));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Theory]
    [InlineData("𠀾", "𠁞")]          // STCharacters, both outside the BMP
    [InlineData("一𠀾二", "一𠁞二")]
    [InlineData("复𫗧", "復餗")]       // an STPhrases key with an Extension ideograph
    [InlineData("\U00020000门", "\U00020000門")]  // unmapped: passes as one code point
    public void Surrogate_pairs_S2T(string input, string expected)
    {
        Assert.Equal(expected, OpenCcConverter.S2T.Convert(input));
    }

    [Fact]
    public void Surrogate_pairs_T2S()
    {
        Assert.Equal("𠀾", OpenCcConverter.T2S.Convert("𠁞"));
    }

    [Fact]
    public void Lone_surrogates_pass_through()
    {
        Assert.Equal("門\uD800門\uDC00", OpenCcConverter.S2T.Convert("门\uD800门\uDC00"));
    }

    [Fact]
    public void Normalization_turns_compatibility_ideographs_into_unified_ones_first()
    {
        Assert.Equal("豈門", OpenCcConverter.S2T.Convert("\uF900门"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Karl Marx (1818–1883)")]
    public void Nothing_to_convert_returns_the_same_instance(string text)
    {
        foreach (OpenCcConverter converter in OpenCcConfigs.All.Values)
        {
            Assert.Same(text, converter.Convert(text));
        }
    }

    [Fact]
    public void Text_already_in_the_target_script_returns_the_same_instance()
    {
        string simplified = "马克思主义的世界革命理论";
        string traditional = "馬克思主義的世界革命理論";
        Assert.Same(simplified, OpenCcConverter.T2S.Convert(simplified));
        Assert.Same(traditional, OpenCcConverter.S2T.Convert(traditional));
        Assert.Same(traditional, OpenCcConverter.S2TWP.Convert(traditional));
    }

    [Fact]
    public void Then_runs_one_converter_after_the_other()
    {
        OpenCcConverter chain = OpenCcConverter.HK2T.Then(OpenCcConverter.T2TW);
        Assert.Equal("hk2t+t2tw", chain.Name);
        Assert.Equal("觀塘線 為賦新詞強說愁", chain.Convert("觀塘綫 為賦新詞強説愁"));
        Assert.Equal("爲賦新詞強說愁", OpenCcConverter.HK2T.Convert("為賦新詞強説愁"));
        Assert.Equal("hk2t+t2tw+t2s", chain.Then(OpenCcConverter.T2S).Name);
    }

    [Fact]
    public void Names_are_the_OpenCC_config_names()
    {
        Assert.Equal(
            ["hk2s", "hk2t", "s2hk", "s2t", "s2tw", "s2twp", "t2hk", "t2s", "t2tw", "tw2s", "tw2sp", "tw2t"],
            OpenCcConfigs.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Converts_from_many_threads_at_once()
    {
        string[] results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = OpenCcConverter.S2HK.Convert("他后来去理发店把头发剪短了"));
        Assert.All(results, r => Assert.Equal("他後來去理髮店把頭髮剪短了", r));
    }
}
