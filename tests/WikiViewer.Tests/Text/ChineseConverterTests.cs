using WikiViewer.Text;

namespace WikiViewer.Tests.Text;

// Expected values are what `opencc -c s2t` / `opencc -c t2s` (OpenCC 1.1.6) print.
public class ChineseConverterTests
{
    [Theory]
    [InlineData("头发", "頭髮")]
    [InlineData("干燥", "乾燥")]
    [InlineData("后来", "後來")]
    [InlineData("发展", "發展")]
    [InlineData("理发", "理髮")]
    [InlineData("他后来去理发店把头发剪短了", "他後來去理髮店把頭髮剪短了")]
    [InlineData("无产阶级国际主义（Proletarian internationalism）", "無產階級國際主義（Proletarian internationalism）")]
    [InlineData("复𫗧", "覆餗")]
    public void ToTraditional(string simplified, string traditional)
    {
        Assert.Equal(traditional, ChineseConverter.ToTraditional(simplified));
    }

    [Theory]
    [InlineData("頭髮", "头发")]
    [InlineData("後來", "后来")]
    [InlineData("頭髮乾燥", "头发干燥")]
    [InlineData("乾隆皇帝", "乾隆皇帝")]
    [InlineData("於是", "于是")]
    [InlineData("無產階級國際主義", "无产阶级国际主义")]
    [InlineData("薴", "苧")] // one step, as OpenCC; folding resolves the chain on to 苎
    [InlineData("㒜", "㒜")] // folding's Unihan variant is in Extension B, which few fonts show
    public void ToSimplified(string traditional, string simplified)
    {
        Assert.Equal(simplified, ChineseConverter.ToSimplified(traditional));
    }

    [Theory]
    [InlineData("Karl Marx (1818–1883)")]
    public void NothingToConvert_ReturnsSameInstance(string text)
    {
        Assert.Same(text, ChineseConverter.ToTraditional(text));
        Assert.Same(text, ChineseConverter.ToSimplified(text));
    }

    [Fact]
    public void AlreadyInTargetScript_ReturnsSameInstance()
    {
        string simplified = "马克思主义的世界革命理论";
        string traditional = "馬克思主義的世界革命理論";
        Assert.Same(simplified, ChineseConverter.ToSimplified(simplified));
        Assert.Same(traditional, ChineseConverter.ToTraditional(traditional));
    }

    [Fact]
    public void RoundTrip_CommonText()
    {
        string simplified = "他后来去理发店把头发剪短了";
        Assert.Equal(simplified, ChineseConverter.ToSimplified(ChineseConverter.ToTraditional(simplified)));
    }
}
