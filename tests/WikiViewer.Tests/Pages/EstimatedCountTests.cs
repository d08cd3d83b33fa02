using System.Text.Json;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Pages;

/// <summary>
/// A word in thousands of titles, bodies and categories is ranked without scoring every match,
/// and its count is an estimate: the API says so, and the page says 找到约 N, as Kiwix's "about N".
/// </summary>
public sealed class EstimatedCountTests : IAsyncLifetime
{
    private const int Articles = 7000;

    private readonly TempCorpus _corpus = new();
    private WikiApplication _app = null!;

    public async Task InitializeAsync()
    {
        for (int i = 0; i < Articles; i++)
        {
            string rare = i % 1000 == 0 ? "罕见词" : "";
            _corpus.Add($"a{i:D4}.md", $"**测试条目{i:D4}**是一篇测试{rare}。\n\n[Category:测试分类](https://zh.wikipedia.org/wiki/Category:测试分类 \"wikilink\")\n");
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
    public async Task A_common_word_has_an_estimated_count()
    {
        var client = await _app.CreateReadyClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("测试")));
        var (_, page) = await _app.GetPageAsync("/search?q=" + Uri.EscapeDataString("测试") + "&fulltext=1");

        Assert.True(json.RootElement.GetProperty("totalIsEstimate").GetBoolean());
        Assert.Equal(Articles, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(20, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.StartsWith("找到约 7,000 篇相符的条目", page.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(20, page.QuerySelectorAll(".results .result").Length);
    }

    [Fact]
    public async Task A_rare_word_is_counted_exactly()
    {
        var client = await _app.CreateReadyClientAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("罕见词")));
        var (_, page) = await _app.GetPageAsync("/search?q=" + Uri.EscapeDataString("罕见词") + "&fulltext=1");

        Assert.False(json.RootElement.GetProperty("totalIsEstimate").GetBoolean());
        Assert.Equal(7, json.RootElement.GetProperty("total").GetInt32());
        Assert.StartsWith("找到 7 篇相符的条目", page.QuerySelector(".result-count")!.TextContent);
    }
}
