using System.Net;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Hosting;

/// <summary>
/// Every stored title is reachable at the URL its links give, after a client has
/// normalized that URL as browsers do: "." and ".." segments travel in the query,
/// and control characters never reach a title.
/// </summary>
public sealed class ReachableTitleTests
{
    [Fact]
    public async Task Titles_with_dot_segments_or_control_characters_open_from_their_links()
    {
        using var corpus = new TempCorpus()
            .Add("dots.txt", "**..** 是一个测试条目，见[点](../Page/..md \"wikilink\")。\n")
            .Add("dot.txt", "**.** 是另一个测试条目。\n")
            .Add("path.txt", "**a/../b**是路径条目。\n\n[Category:..](https://zh.wikipedia.org/wiki/Category:.. \"wikilink\")\n")
            .Add("slash.txt", "**AC/DC**是一支乐队。\n")
            .Add("control.txt", "**控制\u0001字符\u0085号**是含控制字符的条目。\n");
        await using var app = new WikiApplication(corpus.Path);
        var client = await app.CreateReadyClientAsync();

        var (_, home) = await app.GetPageAsync("/");
        var links = home.QuerySelectorAll("main li a[href^='/wiki/']").Select(a => (Title: a.TextContent, Href: a.GetAttribute("href")!)).ToList();

        Assert.Equal(new[] { ".", "..", "AC/DC", "a/../b", "控制字符 号" }.Order(StringComparer.Ordinal), links.Select(l => l.Title).Order(StringComparer.Ordinal));
        foreach (var (title, href) in links)
        {
            // What a browser requests for the link: dot segments removed from the path.
            string requested = new Uri(new Uri("http://localhost/"), href).PathAndQuery;
            var response = await client.GetAsync(requested);
            string html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{title}: {href} → {requested} answered {(int)response.StatusCode}");
            Assert.Equal(title, WikiApplication.Parse(html).QuerySelector("#firstHeading")!.TextContent);
        }

        // The category named ".." opens too, and the link to the file "..md" (the title ".") is not red.
        var (_, path) = await app.GetPageAsync("/wiki/?title=" + Uri.EscapeDataString("a/../b"));
        string categoryHref = path.QuerySelector(".categories a, #catlinks a, a[href^='/category/']")!.GetAttribute("href")!;
        Assert.Equal("/category/?name=..", categoryHref);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(categoryHref)).StatusCode);
        var (_, dots) = await app.GetPageAsync("/wiki/?title=..");
        var link = dots.QuerySelector(".article-body a")!;
        Assert.Equal("/wiki/?title=.", link.GetAttribute("href"));
        Assert.DoesNotContain("new", link.ClassList);
    }

    [Fact]
    public async Task An_ordinary_title_asked_for_in_the_query_form_redirects_to_its_path()
    {
        using var corpus = new TempCorpus().Add("slash.txt", "**AC/DC**是一支乐队。\n").Add("dots.txt", "**..** 是测试条目。\n");
        await using var app = new WikiApplication(corpus.Path);
        var client = await app.CreateReadyClientAsync();

        var query = await client.GetAsync("/wiki/?title=" + Uri.EscapeDataString("AC/DC"));

        Assert.Equal(HttpStatusCode.MovedPermanently, query.StatusCode);
        Assert.Equal("/wiki/AC/DC", query.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/wiki/?title=..")).StatusCode);
    }
}
