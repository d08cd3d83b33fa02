using System.Net;
using System.Text.Json;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>Search as a reader and a program use it, against the seeds.</summary>
public sealed class SearchPageTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    private static string Search(string query, string extra = "") => $"/search?q={Uri.EscapeDataString(query)}&fulltext=1{extra}";

    [Theory]
    [InlineData("王明", "国际派")]
    [InlineData("遵义会议", "国际派")]
    [InlineData("列宁", "无产阶级国际主义")]
    [InlineData("MIM", "毛主义国际主义运动")]
    [InlineData("mim", "毛主义国际主义运动")]
    [InlineData("共產國際", "国际派")]
    [InlineData("蘇聯", "国际派")]
    public async Task Query_finds_the_article_first_with_the_match_marked(string query, string expected)
    {
        var (_, page) = await seeds.App.GetPageAsync(Search(query));
        var first = page.QuerySelector("li.result")!;

        Assert.Equal(expected, first.QuerySelector(".result-title")!.TextContent);
        Assert.NotEmpty(first.QuerySelectorAll(".snippet mark"));
        Assert.Equal("/wiki/" + Uri.EscapeDataString(expected), first.QuerySelector(".result-title")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Simplified_query_finds_pages_that_write_traditional()
    {
        // 国际派 files itself under Category:共產國際; the category is indexed.
        var (_, page) = await seeds.App.GetPageAsync(Search("共产国际"));

        Assert.Contains("国际派", page.QuerySelectorAll(".result-title").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Several_words_rank_pages_with_all_of_them_first()
    {
        var (_, page) = await seeds.App.GetPageAsync(Search("毛泽东 国内派"));

        Assert.Equal("国际派", page.QuerySelector(".result-title")!.TextContent);
    }

    [Fact]
    public async Task Results_show_categories()
    {
        var (_, page) = await seeds.App.GetPageAsync(Search("王明"));

        Assert.Contains("中国共产党派系", page.QuerySelector(".result-categories")!.TextContent);
    }

    [Theory]
    [InlineData("国际派", "国际派")]
    [InlineData("共产国际派", "国际派")]
    [InlineData("國際派", "国际派")]
    [InlineData("英特纳雄耐尔", "无产阶级国际主义")]
    public async Task Exact_title_or_alias_goes_to_the_article(string query, string title)
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/wiki/" + Uri.EscapeDataString(title), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Fulltext_forces_the_results_page()
    {
        var (_, page) = await seeds.App.GetPageAsync(Search("国际派"));

        Assert.Equal("国际派", page.QuerySelector(".result-title")!.TextContent);
    }

    [Fact]
    public async Task Empty_query_shows_the_search_page_without_results()
    {
        var (_, page) = await seeds.App.GetPageAsync("/search?q=");

        Assert.Empty(page.QuerySelectorAll("li.result"));
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
    }

    [Fact]
    public async Task Paging_walks_the_exact_total()
    {
        var client = await seeds.App.CreateReadyClientAsync();
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("主义") + "&limit=100"));
        int total = all.RootElement.GetProperty("total").GetInt32();
        var titles = new List<string>();
        for (int offset = 0; offset < total; offset++)
        {
            using var one = JsonDocument.Parse(await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString("主义")}&limit=1&offset={offset}"));
            Assert.Equal(total, one.RootElement.GetProperty("total").GetInt32());
            titles.Add(one.RootElement.GetProperty("results")[0].GetProperty("title").GetString()!);
        }

        Assert.Equal(3, total);
        Assert.Equal(all.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()), titles);
    }

    [Fact]
    public async Task Results_page_links_to_the_next_page()
    {
        var (_, page) = await seeds.App.GetPageAsync(Search("主义", "&limit=1"));

        Assert.Equal(Search("主义", "&offset=1&limit=1").Replace("&fulltext=1&offset", "&fulltext=1&offset"), page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("3", page.QuerySelector(".total")!.TextContent);
    }

    [Fact]
    public async Task Api_answers_the_spec_json_shape()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("王明") + "&limit=20&offset=0");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var first = root.GetProperty("results")[0];

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("王明", root.GetProperty("query").GetString());
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.False(root.GetProperty("totalIsEstimate").GetBoolean());
        Assert.Equal("国际派", first.GetProperty("title").GetString());
        Assert.Equal("/wiki/" + Uri.EscapeDataString("国际派"), first.GetProperty("url").GetString());
        Assert.Contains("<mark>王明</mark>", first.GetProperty("snippet").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Many_searches_at_once_all_get_their_full_answer()
    {
        var client = await seeds.App.CreateReadyClientAsync();
        string[] queries = ["主义", "王明", "国际", "资本主义", "毛派", "共产"];

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            string query = queries[i % queries.Length];
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(query) + $"&limit=20&offset={i % 2}"));
            return (query, i % 2, json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("results").GetArrayLength());
        }));

        Assert.All(answers.GroupBy(a => (a.query, a.Item2)), group => Assert.Single(group.Distinct()));
        Assert.All(answers, a => Assert.True(a.Item3 > 0, $"{a.query} found nothing"));
    }

    [Fact]
    public async Task Api_sends_chinese_as_utf8_and_escapes_what_html_would_read()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        string body = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("王明") + "&limit=20");

        Assert.Contains("\"title\":\"国际派\"", body);
        Assert.Contains("\\u003Cmark\\u003E王明\\u003C/mark\\u003E", body);
        Assert.DoesNotContain("<mark>", body);
    }

    [Fact]
    public async Task Api_snippet_is_escaped_text_with_only_mark_as_markup()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("资本主义") + "&limit=20"));

        Assert.All(json.RootElement.GetProperty("results").EnumerateArray(), r =>
        {
            string withoutMarks = r.GetProperty("snippet").GetString()!.Replace("<mark>", "").Replace("</mark>", "");
            Assert.DoesNotContain('<', withoutMarks);
            Assert.DoesNotContain('>', withoutMarks);
        });
    }

    [Theory]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=a&limit=0")]
    [InlineData("/api/search?q=a&limit=101")]
    [InlineData("/api/search?q=a&limit=-1")]
    [InlineData("/api/search?q=a&limit=ten")]
    [InlineData("/api/search?q=a&offset=-5")]
    [InlineData("/api/search?q=a&offset=1.5")]
    public async Task Api_refuses_bad_input_with_a_readable_400(string url)
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync(url);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/search?q=a&limit=1000")]
    [InlineData("/search?q=a&offset=x")]
    public async Task Search_page_refuses_bad_paging_with_a_readable_400(string url)
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a whole number", body);
    }

    [Fact]
    public async Task Over_long_query_is_a_400_for_page_and_api()
    {
        var client = await seeds.App.CreateReadyClientAsync();
        string query = new('国', 201);

        var page = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        var api = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("200", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Suggestions_use_the_opensearch_format()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        var response = await client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString("毛主"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Array, root.ValueKind);
        Assert.Equal(4, root.GetArrayLength());
        Assert.Equal("毛主", root[0].GetString());
        Assert.Equal(["毛主义国际主义运动"], root[1].EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("毛主义国际主义运动", root[2][0].GetString());
        Assert.EndsWith("/wiki/" + Uri.EscapeDataString("毛主义国际主义运动"), root[3][0].GetString());
    }

    [Fact]
    public async Task Suggestions_match_aliases_and_the_other_script()
    {
        var client = await seeds.App.CreateReadyClientAsync();

        using var alias = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=" + Uri.EscapeDataString("英特")));
        using var traditional = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=" + Uri.EscapeDataString("國際")));

        Assert.Equal(["英特纳雄耐尔"], alias.RootElement[1].EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("无产阶级国际主义", alias.RootElement[2][0].GetString());
        Assert.Contains("国际派", traditional.RootElement[1].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Every_page_links_the_opensearch_description()
    {
        var (_, page) = await seeds.App.GetPageAsync("/wiki/" + Uri.EscapeDataString("国际派"));
        var client = await seeds.App.CreateReadyClientAsync();
        var link = page.QuerySelector("link[rel=search]")!;

        var response = await client.GetAsync(link.GetAttribute("href"));
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace os = "http://a9.com/-/spec/opensearch/1.1/";

        Assert.Equal("application/opensearchdescription+xml", link.GetAttribute("type"));
        Assert.Equal("WikiViewer", xml.Root!.Element(os + "ShortName")!.Value);
        Assert.Contains(xml.Root.Elements(os + "Url"), u => u.Attribute("template")!.Value.EndsWith("/search?q={searchTerms}"));
        Assert.Contains(xml.Root.Elements(os + "Url"), u => (string?)u.Attribute("type") == "application/x-suggestions+json");
    }

    [Fact]
    public async Task Missing_page_lists_full_text_hits_for_its_title()
    {
        var (_, page) = await seeds.App.GetPageAsync("/wiki/" + Uri.EscapeDataString("马克思主义"), HttpStatusCode.NotFound);

        var hits = page.QuerySelectorAll(".search-hits .result-title").Select(a => a.TextContent).ToList();
        Assert.Contains("无产阶级国际主义", hits);
        Assert.Contains("国际派", hits);
        Assert.NotEmpty(page.QuerySelectorAll(".search-hits .snippet mark"));
    }
}
