using System.Net;
using AngleSharp.Dom;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>A corpus with regional vocabulary, one article written in Simplified and one in Taiwan's Traditional.</summary>
public sealed class RegionalCorpus : IAsyncLifetime
{
    private readonly TempCorpus _corpus = new TempCorpus()
        .Add("software.md", "**软件工程**是研究软件开发的学科，涉及信息、网络与[数据库](../Page/数据库.md \"wikilink\")。在这里可以打印。参见[臺灣軟體業](../Page/臺灣軟體業.md \"wikilink\")。\n")
        .Add("database.md", "**数据库**是按照数据结构来组织、存储和管理数据的仓库，[软件工程](../Page/软件工程.md \"wikilink\")的基础。\n")
        .Add("taiwan.md", "**臺灣軟體業**是臺灣的軟體工程師在網路上分享資訊的產業。\n")
        .Add("rules.md", "-{H|zh-hans:米高; zh-tw:麥可;}-\n**米高的唱片**是歌手米高的作品。\n\n## 米高早年\n\n米高生于芝加哥。\n\n## 米高晚年\n\n他的软件。\n");

    public WikiApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new WikiApplication(_corpus.Path);
        await App.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _corpus.Dispose();
    }
}

/// <summary>
/// Each region reads its own vocabulary. Expected texts are what opencc-js 1.4.2 prints
/// for the config the variant uses (tests/opencc-reference/convert.mjs), text node by text node.
/// </summary>
public sealed class RegionalVariantTests(RegionalCorpus corpus) : IClassFixture<RegionalCorpus>
{
    private static string Escaped(string title) => Uri.EscapeDataString(title);

    private Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        corpus.App.GetPageAsync(url, expected);

    [Theory]
    // s2twp: Taiwan's vocabulary (軟體, 資訊, 網路, 資料庫, 列印) and 裡.
    [InlineData("zh-tw", "軟體工程", "軟體工程是研究軟體開發的學科，涉及資訊、網路與資料庫。在這裡可以列印。參見臺灣軟體業。")]
    // s2hk: Hong Kong's character forms (這裏), mainland-like words (軟件, 網絡, 數據庫).
    [InlineData("zh-hk", "軟件工程", "軟件工程是研究軟件開發的學科，涉及信息、網絡與數據庫。在這裏可以打印。參見台灣軟體業。")]
    [InlineData("zh-mo", "軟件工程", "軟件工程是研究軟件開發的學科，涉及信息、網絡與數據庫。在這裏可以打印。參見台灣軟體業。")]
    // s2t: characters only.
    [InlineData("zh-hant", "軟件工程", "軟件工程是研究軟件開發的學科，涉及信息、網絡與數據庫。在這裏可以打印。參見臺灣軟體業。")]
    // tw2sp: a Traditional link text among Simplified text is brought back too.
    [InlineData("zh-cn", "软件工程", "软件工程是研究软件开发的学科，涉及信息、网络与数据库。在这里可以打印。参见台湾软件业。")]
    public async Task A_Simplified_article_reads_in_each_regions_words(string code, string title, string lead)
    {
        var (_, page) = await GetAsync($"/{code}/{Escaped("软件工程")}");

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(lead, page.QuerySelector(".article-body p")!.TextContent);
        Assert.StartsWith(title + " - ", page.Title);
    }

    [Theory]
    // tw2sp: Taiwan's words back to the mainland's.
    [InlineData("zh-cn", "台湾软件业", "台湾软件业是台湾的软件工程师在网络上分享信息的产业。")]
    [InlineData("zh-sg", "台湾软件业", "台湾软件业是台湾的软件工程师在网络上分享信息的产业。")]
    // hk2t then t2tw: already Taiwan's, unchanged.
    [InlineData("zh-tw", "臺灣軟體業", "臺灣軟體業是臺灣的軟體工程師在網路上分享資訊的產業。")]
    // tw2t then t2hk: Hong Kong writes 台.
    [InlineData("zh-hk", "台灣軟體業", "台灣軟體業是台灣的軟體工程師在網路上分享資訊的產業。")]
    public async Task A_Traditional_article_goes_through_the_regional_chains(string code, string title, string lead)
    {
        var (_, page) = await GetAsync($"/{code}/{Escaped("臺灣軟體業")}");

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(lead, page.QuerySelector(".article-body p")!.TextContent);
    }

    [Fact]
    public async Task The_articles_own_rules_apply_to_its_title_and_contents_as_to_its_body()
    {
        var (_, page) = await GetAsync($"/zh-tw/{Escaped("米高的唱片")}");

        // OpenCC leaves 米高 alone; the article's -{H|…}- rule gives Taiwan 麥可 everywhere.
        Assert.Equal("麥可的唱片", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("麥可的唱片 - ", page.Title);
        Assert.Equal(["麥可早年", "麥可晚年"], page.QuerySelectorAll("nav.toc .toc-text").Select(t => t.TextContent));
        Assert.Equal(["麥可早年", "麥可晚年"], page.QuerySelectorAll(".article-body h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("他的軟體。", page.QuerySelector(".article-body")!.TextContent);
    }

    [Fact]
    public async Task Lists_backlinks_and_the_interface_are_in_the_variant_too()
    {
        var (_, page) = await GetAsync($"/zh-tw/{Escaped("数据库")}");

        Assert.Equal(["軟體工程"], page.QuerySelectorAll("nav.backlinks a").Select(a => a.TextContent));
        Assert.Equal("連結到本頁的頁面", page.QuerySelector("nav.backlinks h2")!.TextContent);
        Assert.Equal("搜尋", page.QuerySelector(".site-header button")!.TextContent);

        var (_, home) = await GetAsync("/?variant=zh-tw");
        Assert.Contains("軟體工程", home.QuerySelectorAll(".article-list a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Search_results_and_snippets_are_in_the_variant()
    {
        var (_, page) = await GetAsync("/search?q=" + Escaped("开发") + "&fulltext=1&variant=zh-tw");

        Assert.Equal(["軟體工程"], page.QuerySelectorAll("a.result-title").Select(a => a.TextContent));
        Assert.Contains("開發", page.QuerySelector(".snippet mark")!.TextContent);
        Assert.Contains("軟體", page.QuerySelector(".snippet")!.TextContent);
    }

    [Theory]
    [InlineData("網路")] // Taiwan's word: tw2sp gives 网络
    [InlineData("網絡")] // Hong Kong's word, the Traditional characters of 网络
    [InlineData("网络")] // the mainland's: s2twp gives 網路
    public async Task A_query_in_any_variant_finds_every_spelling(string query)
    {
        var (_, page) = await GetAsync("/search?q=" + Escaped(query) + "&fulltext=1");

        var hits = page.QuerySelectorAll("li.result").ToDictionary(
            hit => hit.QuerySelector("a.result-title")!.TextContent,
            hit => hit.QuerySelector(".snippet mark")!.TextContent);
        Assert.Equal(new Dictionary<string, string> { ["软件工程"] = "网络", ["臺灣軟體業"] = "網路" }, hits);
    }

    [Theory]
    [InlineData("這裡")]
    [InlineData("這裏")]
    [InlineData("这里")]
    public async Task Regional_character_forms_fold_together(string query)
    {
        var (_, page) = await GetAsync("/search?q=" + Escaped(query) + "&fulltext=1");

        Assert.Equal(["软件工程"], page.QuerySelectorAll("a.result-title").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_title_asked_for_in_another_regions_words_leads_to_the_article()
    {
        var client = await corpus.App.CreateReadyClientAsync();

        var byUrl = await client.GetAsync("/wiki/" + Escaped("軟體工程"));
        var bySearch = await client.GetAsync("/search?q=" + Escaped("軟體工程"));
        var keepsVariant = await client.GetAsync("/zh-tw/" + Escaped("資料庫"));

        Assert.Equal(HttpStatusCode.Redirect, byUrl.StatusCode);
        Assert.Equal("/wiki/" + Escaped("软件工程"), byUrl.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, bySearch.StatusCode);
        Assert.Equal("/wiki/" + Escaped("软件工程"), bySearch.Headers.Location!.OriginalString);
        Assert.Equal("/zh-tw/" + Escaped("数据库"), keepsVariant.Headers.Location!.OriginalString);
    }
}
