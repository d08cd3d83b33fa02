using System.Diagnostics;
using System.Text.RegularExpressions;
using WikiViewer.Export;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Store;

namespace WikiViewer.Tests.Export;

/// <summary>
/// <c>WikiViewer export --out DIR</c> run as an operator runs it (the built app under
/// <c>dotnet exec</c>), over the seeds and a few articles with awkward titles.
/// </summary>
public sealed partial class StaticExportTests(StaticExportTests.ExportRun run) : IClassFixture<StaticExportTests.ExportRun>
{
    private readonly string _output = run.Output;
    private readonly TempCorpus _corpus = run.Corpus;
    private readonly (int ExitCode, string Output) _run = run.Result;

    [Fact]
    public async Task Writes_the_home_every_article_and_category_and_the_assets()
    {
        Assert.True(_run.ExitCode == 0, _run.Output);
        await using var app = new WikiApplication(_corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.True(File.Exists(Path.Combine(_output, "index.html")));
        Assert.True(File.Exists(Path.Combine(_output, "offline.html")));
        Assert.True(File.Exists(Path.Combine(_output, "css", "site.css")));
        foreach (var article in app.Store.Articles)
        {
            Assert.True(File.Exists(Path.Combine(_output, "wiki", ExportPaths.FileName(article.Title) + ".html")), article.Title);
        }

        foreach (var category in app.Store.Categories)
        {
            Assert.True(File.Exists(Path.Combine(_output, "category", ExportPaths.FileName(category.Name) + ".html")), category.Name);
        }

        Assert.True(File.Exists(Path.Combine(_output, "wiki", "AC%2FDC.html")));
        Assert.True(File.Exists(Path.Combine(_output, "wiki", "100%25.html")));
    }

    [Fact]
    public void KaTeX_and_the_fonts_its_stylesheet_names_are_exported()
    {
        Assert.True(_run.ExitCode == 0, _run.Output);
        string katex = Path.Combine(_output, "lib", "katex");
        Assert.True(File.Exists(Path.Combine(katex, "katex.min.js")));
        Assert.True(File.Exists(Path.Combine(katex, "katex.min.css")));
        Assert.True(File.Exists(Path.Combine(katex, "fonts", "KaTeX_Main-Regular.woff2")));
        Assert.Equal(20, Directory.GetFiles(Path.Combine(katex, "fonts"), "*.woff2").Length);
    }

    [Fact]
    public void Every_link_is_relative_and_resolves_to_an_exported_file()
    {
        Assert.True(_run.ExitCode == 0, _run.Output);
        var files = Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 10);
        foreach (string file in files)
        {
            string html = File.ReadAllText(file);
            foreach (Match link in UrlAttribute().Matches(html))
            {
                string value = System.Net.WebUtility.HtmlDecode(link.Groups[2].Value);
                if (value.StartsWith('#') || value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.False(value.StartsWith('/'), $"{file}: root-relative link {value}");
                Assert.True(File.Exists(Resolve(file, value)), $"{file}: {value} does not resolve to a file");
            }
        }
    }

    [Fact]
    public async Task Pages_are_what_the_server_serves_but_for_the_links()
    {
        Assert.True(_run.ExitCode == 0, _run.Output);
        await using var app = new WikiApplication(_corpus.Path);
        var client = await app.CreateReadyClientAsync();

        foreach (var article in app.Store.Articles)
        {
            string served = await client.GetStringAsync(article.Url);
            string exported = File.ReadAllText(Path.Combine(_output, "wiki", ExportPaths.FileName(article.Title) + ".html"));
            Assert.Equal(WithoutLinks(served), WithoutLinks(exported));
        }

        string home = await client.GetStringAsync("/");
        Assert.Equal(WithoutLinks(home), WithoutLinks(File.ReadAllText(Path.Combine(_output, "index.html"))));
    }

    [Fact]
    public void Links_lead_to_the_page_the_server_would_show()
    {
        Assert.True(_run.ExitCode == 0, _run.Output);
        string page = Path.Combine(_output, "wiki", "甲条目.html");
        var document = WikiApplication.Parse(File.ReadAllText(page));

        string HeadingBehind(string text)
        {
            var anchor = document.QuerySelectorAll(".article-body a").Single(a => a.TextContent == text);
            return HeadingOf(Resolve(page, anchor.GetAttribute("href")!));
        }

        Assert.Equal("AC/DC", HeadingBehind("AC/DC"));
        Assert.Equal("100%", HeadingBehind("百分之百"));
        Assert.Equal("100%", HeadingBehind("乙"));

        // A red link keeps class="new" and its title, and leads to missing.html.
        var red = document.QuerySelectorAll(".article-body a").Single(a => a.TextContent == "不存在的条目");
        Assert.Contains("new", red.ClassList);
        Assert.Equal(Path.Combine(_output, "missing.html"), Resolve(page, red.GetAttribute("href")!));
        Assert.Equal("本馆藏中没有这个条目", HeadingBehind("不存在的条目"));
        Assert.False(File.Exists(Path.Combine(_output, "wiki", "不存在的条目.html")));

        // The category is written in Traditional in one article and Simplified in the other: one
        // spelling is the category's page, the other a page that redirects to it, as on the server.
        string other = Path.Combine(_output, "wiki", "AC%2FDC.html");
        string CategoryHeading(string file) =>
            HeadingOf(Resolve(file, WikiApplication.Parse(File.ReadAllText(file)).QuerySelectorAll(".categories a").Single().GetAttribute("href")!));
        Assert.Contains(CategoryHeading(page), new[] { "分类：测试分类", "分类：測試分類" });
        Assert.Equal(CategoryHeading(page), CategoryHeading(other));
        Assert.Single(Directory.GetFiles(Path.Combine(_output, "category")), f => File.ReadAllText(f).Contains("http-equiv=\"refresh\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_missing_pages_a_red_link_leads_to_the_servers_page_for_that_title()
    {
        string output = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", "export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, log) = await RunExportAsync($"--out \"{output}\" --missing-pages --Wiki:ContentPath={_corpus.Path}");

            Assert.True(exitCode == 0, log);
            string page = Path.Combine(output, "wiki", "甲条目.html");
            var red = WikiApplication.Parse(File.ReadAllText(page)).QuerySelectorAll(".article-body a").Single(a => a.TextContent == "不存在的条目");
            Assert.Contains("new", red.ClassList);
            var missing = WikiApplication.Parse(File.ReadAllText(Resolve(page, red.GetAttribute("href")!)));
            Assert.Equal("不存在的条目", missing.QuerySelector("h1")!.TextContent);
            Assert.Contains("甲条目", missing.QuerySelector(".backlinks")!.TextContent);
            Assert.False(File.Exists(Path.Combine(output, "missing.html")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused()
    {
        var (exitCode, output) = await RunExportAsync($"--out \"{_output}\" --Wiki:ContentPath={_corpus.Path}");

        Assert.Equal(1, exitCode);
        Assert.Contains("not empty", output);
    }

    private static string WithoutLinks(string html) => UrlAttribute().Replace(html, " $1=\"\"");

    // The heading of the page a file shows, following a redirect page's meta refresh.
    private static string HeadingOf(string file)
    {
        var document = WikiApplication.Parse(File.ReadAllText(file));
        if (document.QuerySelector("meta[http-equiv=refresh]") is { } refresh)
        {
            string content = refresh.GetAttribute("content")!;
            return HeadingOf(Resolve(file, content[(content.IndexOf("url=", StringComparison.Ordinal) + 4)..]));
        }

        return document.QuerySelector("h1")!.TextContent;
    }

    // A relative link from an exported file to the file it names (fragment dropped, percent-decoded).
    private static string Resolve(string fromFile, string link)
    {
        int hash = link.IndexOf('#');
        string path = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        int query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFile)!, path));
    }

    internal static async Task<(int ExitCode, string Output)> RunExportAsync(string arguments)
    {
        string app = Path.Combine(AppContext.BaseDirectory, "WikiViewer.dll");
        var start = new ProcessStartInfo("dotnet", $"exec \"{app}\" export {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    [GeneratedRegex("""\s(href|src|action)="([^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex UrlAttribute();

    /// <summary>One export of the corpus, shared by the tests of the class.</summary>
    public sealed class ExportRun : IAsyncLifetime
    {
        public TempCorpus Corpus { get; } = new TempCorpus()
            .AddSeeds()
            .Add("a.txt", "**甲条目**是一个测试条目，链接到[AC/DC](../Page/AC/DC.md \"wikilink\")、[百分之百](../Page/100%.md \"wikilink\")、" +
                "[乙](https://zh.wikipedia.org/wiki/乙名 \"wikilink\")和[不存在的条目](../Page/不存在的条目.md \"wikilink\")。\n\n" +
                "## 历史\n\n见[德國](https://zh.wikipedia.org/wiki/德國 \"wikilink\")。\n\n" +
                "[Category:測試分類](https://zh.wikipedia.org/wiki/Category:測試分類 \"wikilink\")")
            .Add("b.txt", "**AC/DC**是一支乐队。\n\n[Category:测试分类](https://zh.wikipedia.org/wiki/Category:测试分类 \"wikilink\")")
            .Add("c.txt", "**100%**，又称**乙名**，是一个比例。");

        public string Output { get; } = Path.Combine(Path.GetTempPath(), "wikiviewer-tests", "export-" + Guid.NewGuid().ToString("N"));

        public (int ExitCode, string Output) Result { get; private set; }

        public async Task InitializeAsync() => Result = await RunExportAsync($"--out \"{Output}\" --Wiki:ContentPath={Corpus.Path}");

        public Task DisposeAsync()
        {
            Corpus.Dispose();
            try
            {
                Directory.Delete(Output, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover temp folder is harmless.
            }

            return Task.CompletedTask;
        }
    }
}
