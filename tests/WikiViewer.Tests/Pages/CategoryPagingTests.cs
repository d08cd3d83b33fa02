using System.Net;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>A large category is paged, 200 members a page, as MediaWiki's: a whole dump has categories of tens of thousands.</summary>
public sealed class CategoryPagingTests : IAsyncLifetime
{
    private const int Members = 450;
    private static readonly string Url = "/category/" + Uri.EscapeDataString("测试分类");

    private readonly TempCorpus _corpus = new();
    private WikiApplication _app = null!;

    public async Task InitializeAsync()
    {
        for (int i = 0; i < Members; i++)
        {
            _corpus.Add($"a{i:D3}.md", $"**条目{i:D3}**是测试条目。\n\n[Category:测试分类](https://zh.wikipedia.org/wiki/Category:测试分类 \"wikilink\")\n");
        }

        _app = new WikiApplication(_corpus.Path);
        await _app.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Each_page_lists_its_200_members_in_title_order_with_a_pager()
    {
        var (_, first) = await _app.GetPageAsync(Url);
        var (_, third) = await _app.GetPageAsync(Url + "?page=3");

        var firstTitles = first.QuerySelectorAll(".article-list a").Select(a => a.TextContent).ToList();
        Assert.Equal(200, firstTitles.Count);
        Assert.Equal("条目000", firstTitles[0]);
        Assert.Equal("条目199", firstTitles[^1]);
        Assert.Contains("共有 450 篇条目，以下是第 1–200 篇", first.QuerySelector(".category-count")!.TextContent);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal(Url + "?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        Assert.Equal(Enumerable.Range(400, 50).Select(i => $"条目{i:D3}"), third.QuerySelectorAll(".article-list a").Select(a => a.TextContent));
        Assert.Equal(Url + "?page=2", third.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(third.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task The_pager_keeps_a_variant_named_in_the_url()
    {
        var (_, page) = await _app.GetPageAsync(Url + "?page=2&variant=zh-tw");

        Assert.Equal(Url + "?page=3&variant=zh-tw", page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("條目200", page.QuerySelector(".article-list a")!.TextContent);
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=4")]
    [InlineData("?page=two")]
    public async Task A_page_out_of_range_is_a_clear_400(string query)
    {
        var (_, page) = await _app.GetPageAsync(Url + query, HttpStatusCode.BadRequest);

        Assert.Contains("page must be a whole number from 1 to 3", page.Body!.TextContent);
    }

    [Fact]
    public async Task Each_page_is_cached_apart()
    {
        var client = await _app.CreateReadyClientAsync();
        await client.GetAsync(Url + "?page=2");
        await client.GetAsync(Url + "?page=2");

        Assert.NotNull((await client.GetAsync(Url + "?page=2")).Headers.Age);
        Assert.Null((await client.GetAsync(Url + "?page=3")).Headers.Age);
    }
}
