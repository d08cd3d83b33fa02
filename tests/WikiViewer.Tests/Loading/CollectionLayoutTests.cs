using Microsoft.Extensions.Logging;
using WikiViewer.Loading;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Titles;

namespace WikiViewer.Tests.Loading;

/// <summary>
/// The converted collection's layout (chinapedia/wikipedia.zh): <c>Page/&lt;Title&gt;.md</c>
/// articles named by their files, <c>Category/&lt;Name&gt;.md</c> the categories' text,
/// every other folder left alone; a folder without <c>Page/</c> keeps the lead rule.
/// </summary>
public sealed class CollectionLayoutTests
{
    private const string Wikilink = "\"wikilink\"";

    private static TempCorpus Collection() => new TempCorpus()
        .AddFile("Page/JavaScript.md",
            "**JavaScript**（通常缩写为**JS**）是一种[编程语言](../Page/编程语言.md " + Wikilink + ")，见[.ac](../Page/.ac.md " + Wikilink + ")。\n\n" +
            "[Category:编程语言](https://zh.wikipedia.org/wiki/Category:编程语言 " + Wikilink + ")\n")
        .AddFile("Page/编程语言.md",
            "**编程语言**是……，例如[JavaScript](../Page/JavaScript.md " + Wikilink + ")、[JS](../Page/JS.md " + Wikilink + ")、" +
            @"[单曲](../Page/$10_\(SMAP單曲\).md " + Wikilink + ")、[小行星](../Page/\\(524522\\)_2002_VE68.md " + Wikilink + ")、" +
            "[分类](../Category/编程语言.md " + Wikilink + ")、[无](../Page/不存在的条目.md " + Wikilink + ")。\n")
        .AddFile("Page/.ac.md", "**.ac**是阿森松岛的国家顶级域。\n")
        .AddFile("Page/$10_(SMAP單曲).md", "《**$10**》是SMAP的单曲。\n")
        .AddFile("Page/(524522)_2002_VE68.md", "**(524522) 2002 VE68**（也可以寫成**2002 VE68**）是一颗小行星。\n")
        .AddFile("Page/无粗体.md", "这个导言没有粗体。\n")
        .AddFile("Category/编程语言.md", "**编程语言**的条目，见[JavaScript](../Page/JavaScript.md " + Wikilink + ")。\n")
        .AddFile("Category/只有说明.md", "这个分类还没有条目。\n")
        .AddFile("MediaWiki/Vector.css.md", "**Vector.css**\n\n    body { color: red }\n")
        .AddFile("MediaWiki/Common.js.md", "**Common.js**\n")
        .AddFile("Script/Hello.md", "**Hello**\n")
        .AddFile(".git/HEAD.md", "**HEAD**\n")
        .AddFile("README.md", "**wikipedia.zh**\n");

    [Fact]
    public async Task Under_Page_a_file_name_is_the_title_and_the_bold_names_are_aliases()
    {
        using var corpus = Collection();
        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.Equal(
            new[] { "$10 (SMAP單曲)", "(524522) 2002 VE68", ".ac", "JavaScript", "无粗体", "编程语言" }.Order(StringComparer.Ordinal),
            app.Store.Articles.Select(a => a.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["JS"], app.Store.Get("JavaScript")!.Aliases);
        Assert.Equal(["$10"], app.Store.Get("$10 (SMAP單曲)")!.Aliases);
        Assert.Equal(["2002 VE68"], app.Store.Get("(524522) 2002 VE68")!.Aliases);
        Assert.Empty(app.Store.Get("编程语言")!.Aliases);
        Assert.Equal("JavaScript", app.Store.Find("JS")!.Title);
    }

    [Fact]
    public async Task Other_folders_are_skipped_with_one_log_line_of_counts()
    {
        using var corpus = Collection();
        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        var lines = app.Logs.Entries.Where(e => e.Message.StartsWith("Skipped 4 files", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Skipped 4 files in folders that hold no articles: ./ 1, MediaWiki/ 2, Script/ 1", line.Message);
        Assert.Null(app.Store.Find("Vector.css"));
        Assert.Null(app.Store.Find("HEAD"));
        Assert.Null(app.Store.Find("wikipedia.zh"));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("HEAD.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Links_to_files_resolve_by_file_name_alias_and_category()
    {
        using var corpus = Collection();
        await using var app = new WikiApplication(corpus.Path);
        var (_, page) = await app.GetPageAsync(WikiUrls.Article("编程语言"));
        var links = page.QuerySelectorAll(".article-body a").ToDictionary(a => a.TextContent, a => a);

        Assert.Equal(WikiUrls.Article("JavaScript"), links["JavaScript"].GetAttribute("href"));
        Assert.Equal(WikiUrls.Article("JavaScript"), links["JS"].GetAttribute("href"));
        Assert.Equal(WikiUrls.Article("$10 (SMAP單曲)"), links["单曲"].GetAttribute("href"));
        Assert.Equal(WikiUrls.Article("(524522) 2002 VE68"), links["小行星"].GetAttribute("href"));
        Assert.Equal(WikiUrls.Category("编程语言"), links["分类"].GetAttribute("href"));
        Assert.All(new[] { "JavaScript", "JS", "单曲", "小行星" }, text => Assert.False(links[text].ClassList.Contains("new"), text));
        Assert.Contains("new", links["无"].ClassList);

        var (_, javaScript) = await app.GetPageAsync(WikiUrls.Article("JavaScript"));
        Assert.Equal(WikiUrls.Article(".ac"), javaScript.QuerySelector(".article-body a[href*='.ac']")!.GetAttribute("href"));
        await app.GetPageAsync(WikiUrls.Article(".ac"));
        await app.GetPageAsync(WikiUrls.Article("$10 (SMAP單曲)"));
        await app.GetPageAsync("/wiki/$10%20(SMAP單曲)");
        await app.GetPageAsync(WikiUrls.Article("JS"), System.Net.HttpStatusCode.MovedPermanently);
    }

    [Fact]
    public async Task A_category_file_is_the_text_above_its_members()
    {
        using var corpus = Collection();
        await using var app = new WikiApplication(corpus.Path);

        var (_, page) = await app.GetPageAsync(WikiUrls.Category("编程语言"));
        var text = page.QuerySelector(".category-text")!;
        Assert.Contains("的条目", text.TextContent);
        Assert.Equal(WikiUrls.Article("JavaScript"), text.QuerySelector("a")!.GetAttribute("href"));
        Assert.True(text.CompareDocumentPosition(page.QuerySelector(".article-list")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal([WikiUrls.Article("JavaScript")], page.QuerySelectorAll(".article-list a").Select(a => a.GetAttribute("href")));

        var (_, textOnly) = await app.GetPageAsync(WikiUrls.Category("只有说明"));
        Assert.Contains("还没有条目", textOnly.QuerySelector(".category-text")!.TextContent);
        Assert.Null(app.Store.Find("只有说明"));
    }

    [Fact]
    public async Task Pointed_at_its_Page_folder_the_collection_reads_the_same_articles()
    {
        using var corpus = Collection();
        await using var app = new WikiApplication(Path.Combine(corpus.Path, "Page"));
        await app.CreateReadyClientAsync();

        Assert.Contains(".ac", app.Store.Articles.Select(a => a.Title));
        Assert.Equal("JavaScript", app.Store.Find("JS")!.Title);
        Assert.Equal(6, app.Store.Articles.Count);
        Assert.Equal(ContentLayout.PageFolder, ContentFolder.Open(Path.Combine(corpus.Path, "Page")).Layout);
    }

    [Fact]
    public async Task A_title_wins_over_another_files_alias()
    {
        using var corpus = Collection().AddFile("Page/JS.md", "**JS**是一个缩写。\n");
        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.Equal("JS", app.Store.Find("JS")!.Title);
        Assert.Empty(app.Store.Get("JavaScript")!.Aliases);
    }

    [Fact]
    public async Task A_folder_without_Page_keeps_the_lead_rule()
    {
        using var corpus = new TempCorpus()
            .Add("JavaScript.md", "**JS**是一种编程语言。\n")
            .Add(".hidden.md", "**隐藏**的文件也是条目。\n")
            .AddFile("MediaWiki/Common.js.md", "**Common.js**\n");
        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.Equal(ContentLayout.Flat, ContentFolder.Open(corpus.Path).Layout);
        Assert.Equal(new[] { "Common.js", "JS", "隐藏" }, app.Store.Articles.Select(a => a.Title).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("hold no articles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_named_file_whose_lead_cannot_be_read_is_still_its_article()
    {
        string nested = string.Concat(Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? "*a " : "_b ")) + "x" +
            string.Concat(Enumerable.Range(0, 20_000).Reverse().Select(i => i % 2 == 0 ? " a*" : " b_"));
        using var corpus = Collection().AddFile("Page/深强调.md", "**深强调**是测试。" + nested + "\n");
        await using var app = new WikiApplication(corpus.Path);
        var (_, page) = await app.GetPageAsync(WikiUrls.Article("深强调"));

        Assert.Contains("深强调", page.QuerySelector(".article-body")!.TextContent);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.StartsWith(Path.Combine("Page", "深强调.md") + ": its lead could not be read", StringComparison.Ordinal));
    }
}

internal static class TempCorpusFolders
{
    /// <summary>Writes a file at a relative path, its folders created.</summary>
    public static TempCorpus AddFile(this TempCorpus corpus, string relativePath, string markdown)
    {
        string path = Path.Combine(corpus.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, markdown);
        return corpus;
    }
}
