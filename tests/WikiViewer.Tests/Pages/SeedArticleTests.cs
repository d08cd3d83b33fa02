using AngleSharp.Dom;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Store;

namespace WikiViewer.Tests.Pages;

/// <summary>What a reader sees on each seed article, from the real app.</summary>
public sealed class SeedArticleTests(SeedsApplication seeds) : IClassFixture<SeedsApplication>
{
    private static readonly Dictionary<string, (string[] Sections, int References, string[] Categories)> Expected = new()
    {
        ["无产阶级国际主义"] = (["简介", "参考文献", "参见"], 3, ["马克思主义", "国际共产主义运动", "革命浪潮"]),
        ["国际派"] = (["发展历史", "参考文献", "参见"], 1, ["中国共产党派系", "共產國際"]),
        ["毛主义国际主义运动"] = (["历史", "理论", "出版", "参考文献", "外部链接"], 4, ["美国政党", "毛派组织", "美洲共产党"]),
    };

    public static TheoryData<string> Seeds => new(Expected.Keys);

    private Task<IDocument> Open(string title) =>
        seeds.App.GetPageAsync("/wiki/" + Uri.EscapeDataString(title)).ContinueWith(t => t.Result.Document);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Title_is_the_only_h1(string title)
    {
        var page = await Open(title);

        Assert.Equal(title, Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        Assert.Equal($"{title} - WikiViewer", page.Title);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Table_of_contents_lists_the_sections_and_links_to_them(string title)
    {
        var page = await Open(title);
        var entries = page.QuerySelectorAll("nav.toc li a");

        Assert.Equal(Expected[title].Sections, entries.Select(a => a.QuerySelector(".toc-text")!.TextContent));
        Assert.All(entries, a => Assert.NotNull(page.GetElementById(Uri.UnescapeDataString(a.GetAttribute("href")![1..]))));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task References_sit_under_their_heading_and_every_marker_links_to_an_entry(string title)
    {
        var page = await Open(title);
        var list = page.QuerySelector("h2#参考文献 + ol.references")!;
        var markers = page.QuerySelectorAll(".article-body sup.reference a");

        Assert.Equal(Expected[title].References, list.Children.Length);
        Assert.NotEmpty(markers);
        Assert.All(markers, m => Assert.NotNull(page.GetElementById(m.GetAttribute("href")![1..])));
        Assert.All(markers, m => Assert.Matches(@"^\[[0-9]+\]$", m.TextContent));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Categories_link_to_their_category_pages(string title)
    {
        var links = (await Open(title)).QuerySelectorAll("nav.categories a");
        string[] categories = Expected[title].Categories;

        Assert.Equal(categories, links.Select(a => a.TextContent));
        Assert.Equal(categories.Select(c => "/category/" + Uri.EscapeDataString(c)), links.Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task No_conversion_residue_is_visible(string title)
    {
        var page = await Open(title);
        string html = page.QuerySelector("article")!.InnerHtml;
        string text = page.QuerySelector("article")!.TextContent;

        Assert.DoesNotContain("wikilink", html);
        Assert.DoesNotContain("../Page/", html);
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("\\[", text);
        Assert.DoesNotContain("\\", text);
        Assert.DoesNotContain("（）", text);
        Assert.DoesNotContain("()", text);
        Assert.DoesNotContain("Category:", text);
        Assert.DoesNotContain("（，", text);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Missing_targets_are_red_and_external_links_are_marked(string title)
    {
        var body = (await Open(title)).QuerySelector(".article-body")!;
        var links = body.QuerySelectorAll("a[href]").Where(a => !a.GetAttribute("href")!.StartsWith('#')).ToList();

        Assert.Contains(links, a => a.ClassList.Contains("new"));
        Assert.All(links.Where(a => a.ClassList.Contains("new")), a => Assert.StartsWith("/wiki/", a.GetAttribute("href")));
        Assert.All(links.Where(a => a.GetAttribute("href")!.StartsWith("http")), a =>
        {
            Assert.Contains("external", a.ClassList);
            Assert.Equal("nofollow noopener", a.GetAttribute("rel"));
        });
        Assert.All(links, a => Assert.True(a.ClassList.Contains("new") || a.ClassList.Contains("external") || a.GetAttribute("href")!.StartsWith("/wiki/")));
    }

    [Fact]
    public async Task Empty_references_are_shown_unavailable_not_dropped()
    {
        var entries = (await Open("毛主义国际主义运动")).QuerySelectorAll("ol.references > li");

        Assert.Equal(["cite_note-1", "cite_note-2", "cite_note-3", "cite_note-4"], entries.Select(e => e.Id));
        Assert.Equal([true, true, false, true], entries.Select(e => e.ClassList.Contains("unavailable")));
        Assert.Equal("MIM History", string.Join(' ', entries[2].QuerySelector("a.external")!.TextContent.Split()));
    }

    [Fact]
    public async Task Lead_has_its_dropped_template_parentheses_tidied()
    {
        var page = await Open("无产阶级国际主义");
        var paragraphs = page.QuerySelectorAll(".article-body > p");

        Assert.Single(paragraphs, p => p.TextContent.StartsWith("无产阶级国际主义，又称国际社会主义"));
        Assert.Contains("音译英特纳雄耐尔（时指国际工人协会，代称无产阶级国际主义）是德國", paragraphs[0].TextContent);
    }

    [Fact]
    public async Task Interlanguage_links_are_listed_apart()
    {
        var page = await Open("无产阶级国际主义");
        var language = Assert.Single(page.QuerySelectorAll("nav.languages a"));

        Assert.Equal("其他语言", page.QuerySelector("nav.languages h2")!.TextContent);
        Assert.Equal("Українська", language.TextContent);
        Assert.StartsWith("https://uk.wikipedia.org/wiki/", language.GetAttribute("href"));
        Assert.DoesNotContain("Інтернаціоналізм", page.QuerySelector(".article-body")!.TextContent);
    }

    [Fact]
    public async Task Backlinks_list_the_store_pages_that_link_here()
    {
        // No seed links to another seed, so each says so rather than showing an empty list.
        var page = await Open("国际派");

        Assert.Equal("链接到本页的页面", page.QuerySelector("nav.backlinks h2")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("nav.backlinks li"));
        Assert.NotNull(page.QuerySelector("nav.backlinks .empty"));
    }

    [Fact]
    public async Task Footer_names_the_source_licence_and_original_page()
    {
        var footer = (await Open("国际派")).QuerySelector("footer")!;

        Assert.Contains("CC BY-SA", footer.TextContent);
        Assert.Contains(footer.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://zh.wikipedia.org/wiki/" + Uri.EscapeDataString("国际派"));
    }
}
