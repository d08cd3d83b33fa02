using System.Net;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>
/// A much-linked title: the article page shows the first 50 pages that link to it and
/// links to the whole list, paged 200 a page, as MediaWiki's Special:WhatLinksHere.
/// </summary>
public sealed class BacklinksPagingTests : IAsyncLifetime
{
    private const int Linking = 450;
    private static readonly string Target = "目标条目";
    private static readonly string ListUrl = "/backlinks/" + Uri.EscapeDataString(Target);

    private readonly TempCorpus _corpus = new();
    private WikiApplication _app = null!;

    public async Task InitializeAsync()
    {
        // The target links to itself: that is no backlink.
        _corpus.Add("target.md", $"**{Target}**，又称**标的条目**，见[{Target}](../Page/{Target}.md \"wikilink\")。\n");
        for (int i = 0; i < Linking; i++)
        {
            _corpus.Add($"a{i:D3}.md", $"**条目{i:D3}**链接到[{Target}](../Page/{Target}.md \"wikilink\")和[缺失条目](../Page/缺失条目.md \"wikilink\")。\n");
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
    public async Task The_article_shows_the_first_50_and_links_to_them_all()
    {
        var (_, page) = await _app.GetPageAsync("/wiki/" + Uri.EscapeDataString(Target));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"条目{i:D3}"), page.QuerySelectorAll("nav.backlinks li a").Select(a => a.TextContent));
        var all = page.QuerySelector("nav.backlinks .more a")!;
        Assert.Equal(ListUrl, all.GetAttribute("href"));
        Assert.Equal($"全部 {Linking} 个页面", all.TextContent);
    }

    [Fact]
    public async Task The_list_is_paged_200_a_page_in_title_order_without_the_article_itself()
    {
        var (_, first) = await _app.GetPageAsync(ListUrl);
        var (_, third) = await _app.GetPageAsync(ListUrl + "?page=3");

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"条目{i:D3}"), first.QuerySelectorAll(".article-list a").Select(a => a.TextContent));
        Assert.Contains($"共有 {Linking} 个页面，以下是第 1–200 个", first.QuerySelector(".backlinks-count")!.TextContent);
        Assert.Equal("/wiki/" + Uri.EscapeDataString(Target), first.QuerySelector("h1 a")!.GetAttribute("href"));
        Assert.Equal(ListUrl + "?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(Enumerable.Range(400, 50).Select(i => $"条目{i:D3}"), third.QuerySelectorAll(".article-list a").Select(a => a.TextContent));
        Assert.Null(third.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task A_missing_title_shows_the_first_50_and_its_list_is_served()
    {
        string missing = Uri.EscapeDataString("缺失条目");
        var (_, notFound) = await _app.GetPageAsync("/wiki/" + missing, HttpStatusCode.NotFound);
        var (_, list) = await _app.GetPageAsync("/backlinks/" + missing + "?page=2");

        Assert.Equal(50, notFound.QuerySelectorAll(".backlinks li a").Length);
        Assert.Equal("/backlinks/" + missing, notFound.QuerySelector(".backlinks .more a")!.GetAttribute("href"));
        Assert.Equal("条目200", list.QuerySelector(".article-list a")!.TextContent);
        Assert.Null(list.QuerySelector("h1 a"));
    }

    [Fact]
    public async Task An_alias_redirects_to_the_titles_list_and_the_variant_is_kept()
    {
        var client = await _app.CreateReadyClientAsync();

        var alias = await client.GetAsync("/backlinks/" + Uri.EscapeDataString("标的条目") + "?page=2");
        var (_, traditional) = await _app.GetPageAsync(ListUrl + "?variant=zh-tw");

        Assert.Equal(HttpStatusCode.MovedPermanently, alias.StatusCode);
        Assert.Equal(ListUrl, alias.Headers.Location!.OriginalString);
        Assert.Equal("條目000", traditional.QuerySelector(".article-list a")!.TextContent);
        Assert.Equal(ListUrl + "?page=2&variant=zh-tw", traditional.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_title_nothing_links_to_is_a_404()
    {
        var (_, page) = await _app.GetPageAsync("/backlinks/" + Uri.EscapeDataString("无人链接"), HttpStatusCode.NotFound);

        Assert.Contains("本馆藏中没有页面链接到这个标题。", page.QuerySelector(".notice")!.TextContent);
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=4")]
    public async Task A_page_out_of_range_is_a_clear_400(string query)
    {
        var (_, page) = await _app.GetPageAsync(ListUrl + query, HttpStatusCode.BadRequest);

        Assert.Contains("page must be a whole number from 1 to 3", page.Body!.TextContent);
    }
}
