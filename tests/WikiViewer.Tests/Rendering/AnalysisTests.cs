using WikiViewer.Loading;
using WikiViewer.Rendering;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Tests.Rendering;

/// <summary>
/// The load analyses articles with a pipeline that does not rewrite links; what it
/// learns must be exactly what rendering the page learns, or search and backlinks
/// would disagree with the page.
/// </summary>
public sealed class AnalysisTests
{
    private const string Mixed = """
        **甲**，又称**甲乙**，是[乙](../Page/乙.md "wikilink")与[丙](../Page/丙.md "wikilink")之间的[一段](../Page/乙.md#历史 "wikilink")关系\[1\]。
        见[外部](https://example.org/a b)、<https://example.org/auto>、[坏链接](javascript:alert(1))与[本节](#历史)。
        ![一幅图](https://example.org/p.png)和![](../Page/图.png)（）

        ## 历史

        [维基页](https://zh.wikipedia.org/wiki/丁 "wikilink")与[文件](https://zh.wikipedia.org/wiki/File:X.png)。

        [Category:测试](https://zh.wikipedia.org/wiki/Category:测试 "wikilink")

        [en:Jia](https://zh.wikipedia.org/wiki/en:Jia "wikilink")

        1.  参考一
        """;

    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string> { Mixed };
        foreach (string file in Directory.GetFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Analysis_learns_what_rendering_learns(string markdown)
    {
        var titles = TitleIndex.Of("乙", "国际派");

        var rendered = ArticleRenderer.Render(markdown, WikiMarkdown.CreatePipeline(titles));
        var analysed = ArticleRenderer.Analyze(markdown, WikiMarkdown.CreateAnalysisPipeline(titles));

        Assert.Equal(rendered.PlainText, analysed.PlainText);
        Assert.Equal(rendered.Metadata.LinkKeys, analysed.Metadata.LinkKeys);
        Assert.Equal(rendered.Metadata.Categories, analysed.Metadata.Categories);
        Assert.Equal(rendered.Metadata.Languages, analysed.Metadata.Languages);
        Assert.Equal(rendered.Metadata.Toc, analysed.Metadata.Toc);
        Assert.Equal((rendered.Metadata.ResolvedLinks, rendered.Metadata.MissingLinks), (analysed.Metadata.ResolvedLinks, analysed.Metadata.MissingLinks));
        Assert.NotEmpty(rendered.Metadata.LinkKeys);
    }
}
