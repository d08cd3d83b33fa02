using WikiViewer.Rendering;
using WikiViewer.Rendering.WikiLinks;
using WikiViewer.Titles;
using static WikiViewer.Tests.Rendering.RenderingTestKit;

namespace WikiViewer.Tests.Rendering;

public sealed class WikiLinksTests
{
    [Fact]
    public void Page_link_to_a_stored_title_is_an_ordinary_link_to_its_canonical_url()
    {
        var link = RenderDocument("见[马克思主义](../Page/马克思主义.md \"wikilink\")。", "马克思主义").QuerySelector("a")!;

        Assert.Equal("/wiki/" + Uri.EscapeDataString("马克思主义"), link.GetAttribute("href"));
        Assert.Equal("马克思主义", link.GetAttribute("title"));
        Assert.False(link.ClassList.Contains("new"));
    }

    [Fact]
    public void Zh_wikipedia_url_resolves_locally_like_a_page_link()
    {
        var link = RenderDocument("[德國](https://zh.wikipedia.org/wiki/德国 \"wikilink\")", "德国").QuerySelector("a")!;

        Assert.Equal("/wiki/" + Uri.EscapeDataString("德国"), link.GetAttribute("href"));
        Assert.Null(link.GetAttribute("class"));
    }

    [Fact]
    public void Missing_target_is_a_red_link_to_its_404_page()
    {
        var link = RenderDocument("[世界革命](../Page/世界革命.md \"wikilink\")").QuerySelector("a")!;

        Assert.Contains("new", link.ClassList);
        Assert.Equal("/wiki/" + Uri.EscapeDataString("世界革命"), link.GetAttribute("href"));
        Assert.Equal("世界革命（页面不存在）", link.GetAttribute("title"));
    }

    [Fact]
    public void Underscores_and_percent_escapes_in_targets_resolve()
    {
        var html = RenderDocument("[a](../Page/Karl_Marx.md \"wikilink\") [b](https://zh.wikipedia.org/wiki/%E5%BE%B7%E5%9B%BD \"wikilink\")", "Karl Marx", "德国");
        var links = html.QuerySelectorAll("a");

        Assert.Equal("/wiki/Karl%20Marx", links[0].GetAttribute("href"));
        Assert.Equal("/wiki/" + Uri.EscapeDataString("德国"), links[1].GetAttribute("href"));
        Assert.All(links, l => Assert.False(l.ClassList.Contains("new")));
    }

    [Fact]
    public void Section_fragment_is_kept_on_a_resolved_link()
    {
        var link = RenderDocument("[历史](../Page/国际派#发展历史.md \"wikilink\")", "国际派").QuerySelector("a")!;

        Assert.Equal("/wiki/" + Uri.EscapeDataString("国际派") + "#" + Uri.EscapeDataString("发展历史"), link.GetAttribute("href"));
    }

    [Fact]
    public void External_link_is_marked_and_does_not_pass_referrer_rank()
    {
        var link = RenderDocument("[MIM](http://www.prisoncensorship.info/archive/etext/)").QuerySelector("a")!;

        Assert.Contains("external", link.ClassList);
        Assert.Equal("nofollow noopener", link.GetAttribute("rel"));
        Assert.Equal("http://www.prisoncensorship.info/archive/etext/", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("[图](../Page/File:Flag.svg.md \"wikilink\")", "https://zh.wikipedia.org/wiki/File%3AFlag.svg")]
    [InlineData("[图](../Page/file:///etc/passwd.md \"wikilink\")", "https://zh.wikipedia.org/wiki/file%3A///etc/passwd")]
    public void Other_namespace_link_in_page_form_goes_to_the_original_not_a_relative_url(string markdown, string href)
    {
        var link = RenderDocument(markdown).QuerySelector("a")!;

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Contains("external", link.ClassList);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Unsafe_targets_lose_their_link_but_keep_their_text(string markdown)
    {
        var document = RenderDocument(markdown);

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.DoesNotContain("href", document.Body!.InnerHtml);
        Assert.NotEmpty(document.Body!.TextContent.Trim());
    }

    [Fact]
    public void No_wikilink_title_or_page_path_survives()
    {
        string html = Render("[a](../Page/甲.md \"wikilink\") [b](https://zh.wikipedia.org/wiki/乙 \"wikilink\")", "甲").Html;

        Assert.DoesNotContain("wikilink", html);
        Assert.DoesNotContain("../Page/", html);
    }

    [Fact]
    public void Raw_html_outside_the_allowlist_is_dropped()
    {
        var document = RenderDocument("<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>");

        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.Equal("段落", document.Body!.TextContent.Trim());
    }

    [Fact]
    public void Remote_image_becomes_a_link_not_a_fetch()
    {
        var document = RenderDocument("![地图](https://upload.wikimedia.org/map.png)");

        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Equal("[图片：地图]", document.QuerySelector("a.external")!.TextContent);
    }

    [Fact]
    public void Resolved_and_missing_links_are_counted_and_recorded()
    {
        var rendered = Render("[a](../Page/甲.md \"wikilink\")[b](../Page/乙_丙.md \"wikilink\")[c](http://example.org/)", "甲");

        Assert.Equal(1, rendered.Metadata.ResolvedLinks);
        Assert.Equal(1, rendered.Metadata.MissingLinks);
        Assert.Equal(["甲", "乙 丙"], rendered.Metadata.LinkKeys);
    }

    [Fact]
    public void The_same_links_resolve_alike_on_every_page()
    {
        var titles = TitleIndex.Of(Enumerable.Range(0, 250).Select(i => $"条目{i * 2}"));
        var pipeline = WithLinks(new WikiLinksExtension(titles));

        for (int page = 0; page < 3; page++)
        {
            // The same names, present and missing, with and without a section, on every page.
            var html = WikiViewer.Tests.Infrastructure.WikiApplication.Parse(Markdig.Markdown.ToHtml(
                "[甲](../Page/条目4.md \"wikilink\") [乙](../Page/条目5.md \"wikilink\") [丙](../Page/条目4.md#历史 \"wikilink\")", pipeline));
            var anchors = html.QuerySelectorAll("a");
            Assert.Equal(["/wiki/%E6%9D%A1%E7%9B%AE4", "/wiki/%E6%9D%A1%E7%9B%AE5", "/wiki/%E6%9D%A1%E7%9B%AE4#%E5%8E%86%E5%8F%B2"], anchors.Select(a => a.GetAttribute("href")));
            Assert.Equal([false, true, false], anchors.Select(a => a.ClassList.Contains("new")));
        }
    }

    private static Markdig.MarkdownPipeline WithLinks(WikiLinksExtension links)
    {
        var builder = WikiMarkdown.CreateReader();
        builder.Extensions.Add(links);
        return builder.Build();
    }
}
