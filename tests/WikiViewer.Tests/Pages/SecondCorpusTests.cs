using System.Net;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>A corpus that holds the seeds' link targets: the links resolve and the backlinks fill in.</summary>
public sealed class SecondCorpusTests : IAsyncLifetime
{
    private readonly TempCorpus _corpus = new TempCorpus()
        .AddSeeds()
        .Add("a1.md", "**馬克思主義**（）是[卡尔·马克思](../Page/卡尔·马克思.md \"wikilink\")的学说。\n\n## 内容\n\n见[国际派](../Page/国际派.md \"wikilink\")。\n")
        .Add("a2.txt", "**共產國際**，又称**第三国际**，见[苏联](https://zh.wikipedia.org/wiki/苏联 \"wikilink\")。\n")
        .Add("a3.txt", "**卡尔·马克思**是德国人。\n")
        .Add("a4.txt", "**Karl Marx**是[马克思主义](../Page/马克思主义.md \"wikilink\")的创始人。\n");

    private WikiApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = new WikiApplication(_corpus.Path);
        await _app.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Seed_links_to_stored_titles_resolve_across_scripts()
    {
        var (_, page) = await _app.GetPageAsync("/wiki/" + Uri.EscapeDataString("国际派"));
        var body = page.QuerySelector(".article-body")!;
        var marxism = body.QuerySelectorAll("a").First(a => a.TextContent == "马克思主义的中国化");
        var comintern = body.QuerySelectorAll("a").First(a => a.TextContent == "共产国际的背景");

        Assert.Equal("/wiki/" + Uri.EscapeDataString("馬克思主義"), marxism.GetAttribute("href"));
        Assert.False(marxism.ClassList.Contains("new"));
        Assert.Equal("/wiki/" + Uri.EscapeDataString("共產國際"), comintern.GetAttribute("href"));
        Assert.False(comintern.ClassList.Contains("new"));
    }

    [Fact]
    public async Task Resolved_target_page_lists_the_pages_that_link_to_it()
    {
        var (_, page) = await _app.GetPageAsync("/wiki/" + Uri.EscapeDataString("馬克思主義"));

        Assert.Equal(
            ["Karl Marx", "国际派", "无产阶级国际主义"],
            page.QuerySelectorAll("nav.backlinks li a").Select(a => a.TextContent).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Underscore_for_space_and_alias_redirect()
    {
        var client = await _app.CreateReadyClientAsync();

        var underscore = await client.GetAsync("/wiki/Karl_Marx");
        var alias = await client.GetAsync("/wiki/" + Uri.EscapeDataString("第三国际"));

        Assert.Equal(HttpStatusCode.MovedPermanently, underscore.StatusCode);
        Assert.Equal("/wiki/Karl%20Marx", underscore.Headers.Location!.OriginalString);
        Assert.Equal("/wiki/" + Uri.EscapeDataString("共產國際"), alias.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Home_counts_the_whole_corpus()
    {
        var (_, page) = await _app.GetPageAsync("/");

        Assert.Equal("7", page.QuerySelector(".article-count")!.TextContent);
    }
}
