using WikiViewer.Loading;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Loading;

public sealed class LeadReaderTests
{
    [Theory]
    [InlineData("000_c0227119ef9a63d1.txt", "无产阶级国际主义", new[] { "国际社会主义", "英特纳雄耐尔" })]
    [InlineData("001_a1560ab14eb876b4.txt", "国际派", new[] { "共产国际派" })]
    [InlineData("002_feb0c7de58155e47.txt", "毛主义国际主义运动", new string[0])]
    public void Seed_names_come_from_the_bold_phrases_of_the_lead(string file, string title, string[] aliases)
    {
        var names = LeadReader.Read(RepositoryPaths.Seed(file), Path.GetFileNameWithoutExtension(file));

        Assert.Equal(title, names.Title);
        Assert.Equal(aliases, names.Aliases);
    }

    [Theory]
    [InlineData("**甲**，又称**乙**。\n\n**丙**是后一段。", "甲", new[] { "乙" })]
    [InlineData("{{-}}\n\n**甲**，又称**乙**。", "甲", new[] { "乙" })]
    [InlineData("**甲**\r\n又称**乙**。\r\n\r\n**丙**", "甲", new[] { "乙" })]
    [InlineData("**甲**\u2028\u2028又称**乙**。\n\n**丙**", "甲", new[] { "乙" })]
    [InlineData("**[乙] 甲**是丙。\n\n[乙]: https://example.org/", "乙 甲", new string[0])]
    [InlineData("```\n**代码**\n\n**仍是代码**\n```\n\n**甲**是乙。", "甲", new string[0])]
    public void Names_are_read_as_a_parse_of_the_whole_lead_reads_them(string lead, string title, string[] aliases)
    {
        var names = LeadReader.Read(lead, "stem");

        Assert.Equal(title, names.Title);
        Assert.Equal(aliases, names.Aliases);
    }

    [Fact]
    public void Without_a_bold_phrase_the_file_stem_is_the_title()
    {
        Assert.Equal("Some page title", LeadReader.Read("没有粗体的导言。", "Some_page title").Title);
        Assert.Equal("Stem", LeadReader.Read("导言。\n\n## 章节\n\n**正文里的粗体**", "Stem").Title);
    }

    [Fact]
    public void Bold_after_the_first_heading_is_not_a_name()
    {
        var names = LeadReader.Read("**甲**是乙。\n\n## 一\n\n**丙**", "x");

        Assert.Equal("甲", names.Title);
        Assert.Empty(names.Aliases);
    }
}
