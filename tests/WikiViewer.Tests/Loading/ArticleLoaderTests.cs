using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WikiViewer.Loading;
using WikiViewer.Store;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Loading;

public sealed class ArticleLoaderTests
{
    [Fact]
    public async Task Malformed_files_are_logged_with_their_path_and_skipped_and_the_rest_serve()
    {
        using var corpus = new TempCorpus()
            .AddSeeds()
            .Add("empty.txt", "")
            .Add("blank.md", "  \n\n ")
            .Add("wide-blank.txt", "\u3000\u00A0\r\n\u2003\t\n")
            .AddBytes("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A])
            .Add("notes.json", "{\"not\": \"an article\"}");
        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.Equal(3, app.Store.Articles.Count);
        var warnings = app.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.Contains("empty.txt") && m.Contains("empty file"));
        Assert.Contains(warnings, m => m.Contains("blank.md"));
        Assert.Contains(warnings, m => m.Contains("wide-blank.txt") && m.Contains("empty file"));
        Assert.Contains(warnings, m => m.Contains("binary.txt") && m.Contains("binary"));
        Assert.DoesNotContain(warnings, m => m.Contains("notes.json"));
    }

    [Fact]
    public async Task Every_file_of_a_large_folder_is_read_once_whichever_reader_gets_it()
    {
        using var corpus = new TempCorpus();
        for (int i = 0; i < 600; i++)
        {
            corpus.Add($"{i:D4}.txt", i % 25 == 0 ? "" : $"**条目{i}**是第{i}个条目。\n\n## 内容\n\n见[条目{i + 1}](../Page/条目{i + 1}.md \"wikilink\")。\n");
        }

        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        string[] expected = [.. Enumerable.Range(0, 600).Where(static i => i % 25 != 0).Select(static i => $"条目{i}").Order(StringComparer.Ordinal)];
        Assert.Equal(expected, app.Store.Articles.Select(static a => a.Title).Order(StringComparer.Ordinal));
        Assert.Equal(24, app.Logs.Entries.Count(static e => e.Level == LogLevel.Warning && e.Message.Contains("empty file")));
    }

    // Read buffers are reused: a file shorter than the one a buffer held before must bring
    // its own bytes alone, with or without a byte-order mark.
    [Fact]
    public async Task Each_article_holds_its_own_files_text_alone_whatever_buffer_it_was_read_into()
    {
        using var corpus = new TempCorpus();
        var texts = new Dictionary<string, string>();
        for (int i = 0; i < 400; i++)
        {
            string filler = string.Concat(Enumerable.Repeat($"第{i}段。", (i * 37) % 150));
            string text = $"**条目{i}**是第{i}个条目。{filler}\n\n结尾{i}号。\n";
            texts[$"条目{i}"] = $"结尾{i}号。";
            if (i % 3 == 0)
            {
                corpus.AddBytes($"{i:D4}.txt", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);
            }
            else
            {
                corpus.Add($"{i:D4}.txt", text);
            }
        }

        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.Equal(400, app.Store.Articles.Count);
        Assert.All(app.Store.Articles, article =>
        {
            Assert.EndsWith(texts[article.Title], article.PlainText.TrimEnd());
            Assert.Single(texts.Values, ending => article.PlainText.Contains(ending));
            Assert.StartsWith("<p><strong>" + article.Title + "</strong>", article.Html);
        });
    }

    [Fact]
    public void The_last_phase_ends_with_all_it_counts_done()
    {
        using var corpus = new TempCorpus();
        for (int i = 0; i < 30; i++)
        {
            corpus.Add($"{i:D3}.txt", $"**条目{i}**是第{i}个条目。\n");
        }

        var progress = new LoadProgress();
        var store = new ArticleLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .Load(ContentFolder.Open(corpus.Path), progress, StoreLocation.Configured(null));

        store.Close();
        Assert.Equal("index", progress.Phase);
        Assert.True(progress.Total > 0);
        Assert.Equal(progress.Total, progress.Done);
        Assert.Matches("^list .*, read .*, sort .*, render .*, index ", progress.PhaseTimes());
    }

    [Fact]
    public async Task Every_reader_at_once_gets_the_same_page()
    {
        using var corpus = new TempCorpus().AddSeeds();
        await using var app = new WikiApplication(corpus.Path);
        var client = await app.CreateReadyClientAsync();
        var renders = app.Services.GetRequiredService<RenderCache>();
        var article = app.Store.Articles.First(a => a.Title == "国际派");
        Assert.Equal(0, renders.Count);

        string url = "/wiki/" + Uri.EscapeDataString(article.Title);
        string[] bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            WikiApplication.Parse(await client.GetStringAsync(url)).QuerySelector(".article-body")!.InnerHtml));

        Assert.Single(bodies.Distinct());
        Assert.Contains("王明", bodies[0]);
        Assert.False(renders.Holds(RenderKey.For(RenderCache.Body, app.Store.Articles.First(a => a.Title != article.Title))));
    }

    [Fact]
    public async Task Invalid_utf8_keeps_the_article_and_names_the_file()
    {
        byte[] text = [.. Encoding.UTF8.GetBytes("**坏字节**是"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("测试。\n")];
        using var corpus = new TempCorpus().AddBytes("bad-utf8.txt", text);
        await using var app = new WikiApplication(corpus.Path);
        var (_, page) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("坏字节"));

        Assert.Contains("\uFFFD", page.QuerySelector(".article-body")!.TextContent);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("bad-utf8.txt") && e.Message.Contains("UTF-8"));
    }

    [Fact]
    public async Task Bom_and_crlf_files_read_like_any_other()
    {
        byte[] text = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("**视窗文件**是一个\r\n测试。\r\n\r\n## 章节\r\n\r\n正文。\r\n\r\n## 另一章\r\n\r\n更多。\r\n")];
        using var corpus = new TempCorpus().AddBytes("crlf.txt", text);
        await using var app = new WikiApplication(corpus.Path);
        var (_, page) = await app.GetPageAsync("/wiki/" + Uri.EscapeDataString("视窗文件"));

        Assert.Equal(["章节", "另一章"], page.QuerySelectorAll("nav.toc .toc-text").Select(e => e.TextContent));
    }

    [Fact]
    public async Task Second_file_with_a_taken_title_is_skipped_with_a_warning_and_titles_beat_aliases()
    {
        using var corpus = new TempCorpus()
            .Add("a.txt", "**甲**，又称**乙**。\n")
            .Add("b.txt", "**甲**是另一篇。\n")
            .Add("c.txt", "**乙**是一篇真正的条目。\n");
        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.Equal(["乙", "甲"], app.Store.Articles.Select(a => a.Title).Order(StringComparer.Ordinal));
        Assert.Equal("c.txt", app.Store.Find("乙")!.SourceFile);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("b.txt") && e.Message.Contains("甲"));
    }

    [Fact]
    public async Task Startup_log_line_counts_articles_aliases_and_links()
    {
        await using var app = new WikiApplication();
        await app.CreateReadyClientAsync();

        var line = Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("Loaded "));
        Assert.Matches(@"^Loaded 3 articles \(3 aliases\) from .+ in [0-9]+ ms; links: 0 resolved, [0-9]+ missing; 0 files skipped$", line.Message);
    }
}
