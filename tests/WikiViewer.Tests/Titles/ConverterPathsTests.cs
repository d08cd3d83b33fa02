using WikiViewer.Titles;

namespace WikiViewer.Tests.Titles;

/// <summary>How the converter's file names and link targets read back as titles (input → result).</summary>
public sealed class ConverterPathsTests
{
    [Theory]
    [InlineData("JavaScript", "JavaScript")]
    [InlineData("(524522)_2002_VE68", "(524522) 2002 VE68")]
    [InlineData("$10_(SMAP單曲)", "$10 (SMAP單曲)")]
    [InlineData(".ac", ".ac")]
    [InlineData(".NET基金會", ".NET基金會")]
    [InlineData("\"Q\"", "\"Q\"")]
    [InlineData("'F'_Debut", "'F' Debut")]
    [InlineData("(R,R)-丁二醇脱氢酶", "(R,R)-丁二醇脱氢酶")]
    [InlineData("+44", "+44")]
    [InlineData("-0", "-0")]
    [InlineData("!HERO", "!HERO")]
    [InlineData("C++", "C++")]
    [InlineData("100%", "100%")]
    public void A_file_name_is_its_title_with_underscores_as_spaces(string fileStem, string title) =>
        Assert.Equal(title, ConverterPaths.TitleOfFileName(fileStem));

    [Theory]
    [InlineData(@"Yellow_\(木村KAELA單曲\)", "Yellow (木村KAELA單曲)")]
    [InlineData(@"\(+\)-檜烯合酶", "(+)-檜烯合酶")]
    [InlineData(@"A\_B", "A B")]
    [InlineData("闭包_(计算机科学)", "闭包 (计算机科学)")]
    [InlineData("%E5%BE%B7%E5%9C%8B", "德國")]
    [InlineData("IEEE%20754", "IEEE 754")]
    [InlineData("100%", "100%")]
    [InlineData("50%_off", "50% off")]
    [InlineData(@"C:\Windows", @"C:\Windows")]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData(@"trailing\", @"trailing\")]
    [InlineData("\"Q\"", "\"Q\"")]
    [InlineData("C++", "C++")]
    public void A_link_target_is_unescaped_as_Markdown_then_as_a_URL(string target, string name) =>
        Assert.Equal(name, ConverterPaths.Unescape(target));

    [Theory]
    [InlineData(@"../Page/Yellow_\(木村KAELA單曲\).md", "Yellow (木村KAELA單曲)", null)]
    [InlineData("../Page/Yellow_(木村KAELA單曲).md", "Yellow (木村KAELA單曲)", null)]
    [InlineData("../Page/.ac.md", ".ac", null)]
    [InlineData("../Page/$10_(SMAP單曲).md", "$10 (SMAP單曲)", null)]
    [InlineData("../Page/JavaScript.md#语法", "JavaScript", "语法")]
    [InlineData("../Page/JavaScript#语法.md", "JavaScript", "语法")]
    [InlineData("../Page/%E5%BE%B7%E5%9C%8B.md", "德國", null)]
    public void A_page_link_names_an_article(string url, string name, string? fragment)
    {
        var target = WikiLinkTarget.Parse(url);
        Assert.NotNull(target);
        Assert.Equal(WikiLinkKind.Article, target.Kind);
        Assert.Equal(name, target.Name);
        Assert.Equal(fragment, target.Fragment);
    }

    [Theory]
    [InlineData("../Category/编程语言.md", "编程语言")]
    [InlineData(@"../Category/日本鐵路車站_\(A\).md", "日本鐵路車站 (A)")]
    [InlineData("../Category/%E5%A4%A9%E6%96%87%E5%AD%A6.md", "天文学")]
    public void A_category_link_names_a_category(string url, string name)
    {
        var target = WikiLinkTarget.Parse(url);
        Assert.NotNull(target);
        Assert.Equal(WikiLinkKind.Category, target.Kind);
        Assert.Equal(name, target.Name);
    }
}
