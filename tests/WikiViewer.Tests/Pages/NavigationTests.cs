using System.Net;
using System.Text.Json;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>Reaching articles by any of their names, and the pages around them.</summary>
public sealed class NavigationTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    private static string Wiki(string title) => "/wiki/" + Uri.EscapeDataString(title);

    [Theory]
    [InlineData("国际社会主义", "无产阶级国际主义")]
    [InlineData("英特纳雄耐尔", "无产阶级国际主义")]
    [InlineData("共产国际派", "国际派")]
    [InlineData("國際派", "国际派")]
    [InlineData("共產國際派", "国际派")]
    [InlineData("無產階級國際主義", "无产阶级国际主义")]
    [InlineData("毛主義國際主義運動", "毛主义国际主义运动")]
    public async Task Aliases_and_variant_spellings_redirect_permanently_to_the_canonical_url(string name, string title)
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync(Wiki(name));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Wiki(title), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Canonical_url_answers_200_without_redirect()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Wiki("国际派"))).StatusCode);
    }

    [Fact]
    public async Task Missing_title_answers_404_naming_it_and_listing_the_pages_that_link_to_it()
    {
        var (_, page) = await seeds.App.GetPageAsync(Wiki("马克思主义"), HttpStatusCode.NotFound);

        Assert.Equal("马克思主义", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("没有名为“马克思主义”的条目", page.QuerySelector(".notice")!.TextContent);
        Assert.Equal(["国际派", "无产阶级国际主义"], page.QuerySelectorAll(".backlinks li a").Select(a => a.TextContent).Order());
        Assert.All(page.QuerySelectorAll(".backlinks li a"), a => Assert.StartsWith("/wiki/", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Missing_title_in_the_other_script_finds_the_same_backlinks()
    {
        var (_, page) = await seeds.App.GetPageAsync(Wiki("馬克思主義"), HttpStatusCode.NotFound);

        Assert.Equal(2, page.QuerySelectorAll(".backlinks li a").Length);
    }

    [Fact]
    public async Task Home_lists_every_article_with_the_count_and_a_search_box()
    {
        var (_, page) = await seeds.App.GetPageAsync("/");

        Assert.Equal("3", page.QuerySelector(".article-count")!.TextContent);
        Assert.Equal(
            ["国际派", "毛主义国际主义运动", "无产阶级国际主义"],
            page.QuerySelectorAll(".article-list a").Select(a => a.TextContent));
        var form = page.QuerySelector("form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }

    [Fact]
    public async Task Category_page_lists_its_articles_and_variant_names_redirect()
    {
        var (_, page) = await seeds.App.GetPageAsync("/category/" + Uri.EscapeDataString("共產國際"));
        var client = await seeds.App.CreateReadyClientAsync();
        var variant = await client.GetAsync("/category/" + Uri.EscapeDataString("共产国际"));

        Assert.Equal("分类：共產國際", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["国际派"], page.QuerySelectorAll(".article-list a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.MovedPermanently, variant.StatusCode);
        Assert.Equal("/category/" + Uri.EscapeDataString("共產國際"), variant.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_category_is_a_friendly_404()
    {
        var (_, page) = await seeds.App.GetPageAsync("/category/" + Uri.EscapeDataString("不存在的分类"), HttpStatusCode.NotFound);

        Assert.Contains("不存在的分类", page.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task Random_redirects_to_an_article_of_the_store()
    {
        var client = await seeds.App.CreateReadyClientAsync();
        string[] urls = ["国际派", "毛主义国际主义运动", "无产阶级国际主义"];

        var response = await client.GetAsync("/random");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.Location!.OriginalString, urls.Select(Wiki));
    }

    [Fact]
    public async Task Healthz_reports_the_article_count()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, json.RootElement.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task Unknown_route_is_a_404_page_in_the_site_layout()
    {
        var (_, page) = await seeds.App.GetPageAsync("/no/such/page", HttpStatusCode.NotFound);

        Assert.Equal("找不到页面", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("header form[role=search]"));
    }
}
