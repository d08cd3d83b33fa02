using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;
using WikiViewer.Store;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Web;

namespace WikiViewer.Tests.Hosting;

/// <summary>
/// What pages render on view (bodies, their display variants) is kept within
/// <c>Wiki:RenderCacheMegabytes</c>: a reader browsing more than fits gets the same pages,
/// and the heap does not grow with what was read.
/// </summary>
public sealed class RenderCacheTests
{
    private const int Articles = 40;

    // The output cache off: every request builds its page from what the render cache keeps or renders again.
    private static readonly Dictionary<string, string> OneMegabyteNoPageCache = new()
    {
        ["Wiki:RenderCacheMegabytes"] = "1",
        ["Wiki:PageCacheMegabytes"] = "0",
    };

    [Fact]
    public async Task Browsing_more_than_the_budget_keeps_within_it_and_pages_read_back_the_same_in_every_variant()
    {
        using var corpus = LargeArticles();
        await using var app = new WikiApplication(corpus.Path, OneMegabyteNoPageCache);
        var client = await app.CreateReadyClientAsync();
        var renders = app.Services.GetRequiredService<RenderCache>();
        string[] urls = [.. app.Store.Articles.Select(a => a.Url), .. app.Store.Articles.Select(a => "/zh-tw" + a.Url[5..])];

        var first = new List<string>();
        foreach (string url in urls)
        {
            first.Add(await client.GetStringAsync(url));
            Assert.InRange(renders.Size, 0, renders.Budget);
        }

        for (int i = 0; i < urls.Length; i++)
        {
            Assert.Equal(first[i], await client.GetStringAsync(urls[i]));
            Assert.InRange(renders.Size, 1, renders.Budget);
        }

        // Bodies and their conversions are more than a megabyte: some were let go, or never kept.
        Assert.Equal(1024 * 1024, renders.Budget);
        Assert.Contains(app.Store.Articles, a => !renders.Holds(RenderKey.For(RenderCache.Body, a)));
        Assert.Contains(app.Store.Articles, a => !renders.Holds(RenderKey.For(ScriptVariant.Taiwan.Code, a)));

        for (int i = urls.Length - 1; i >= 0; i--)
        {
            Assert.Equal(first[i], await client.GetStringAsync(urls[i]));
            Assert.InRange(renders.Size, 1, renders.Budget);
        }

        Assert.Contains("軟體", first[Articles]); // the zh-tw half is converted
    }

    [Fact]
    public async Task A_collection_that_fits_is_kept_from_its_second_reading_and_served_from_memory()
    {
        await using var app = new WikiApplication(settings: new Dictionary<string, string> { ["Wiki:PageCacheMegabytes"] = "0" });
        var client = await app.CreateReadyClientAsync();
        var renders = app.Services.GetRequiredService<RenderCache>();

        for (int reading = 1; reading <= 2; reading++)
        {
            foreach (var article in app.Store.Articles)
            {
                await client.GetStringAsync(article.Url);
                await client.GetStringAsync("/zh-hant" + article.Url[5..]);
            }

            // What was computed once is not kept: a million articles read once each would only churn.
            // The first reading computed each body twice (as written, then to convert it) and
            // each conversion once; the second, each conversion again.
            Assert.Equal(reading * app.Store.Articles.Count, renders.Count);
        }

        Assert.Equal(PageCaching.DefaultRenderCacheMegabytes * 1024 * 1024, renders.Budget);
        Assert.Equal(2 * app.Store.Articles.Count, renders.Count);
        Assert.All(app.Store.Articles, a => Assert.Same(renders.BodyHtml(a), renders.BodyHtml(a)));
    }

    [Fact]
    public void Readers_of_one_body_at_once_wait_for_one_rendering_and_get_the_same_bytes()
    {
        using var corpus = new TempCorpus().AddSeeds();
        var store = new ArticleLoader(NullLogger.Instance).Load(ContentFolder.Open(corpus.Path), new LoadProgress(), StoreLocation.Configured(null));
        using var renders = new RenderCache(1024 * 1024);
        var article = store.Get("国际派")!;
        ScriptVariant.Taiwan.Show(article, renders); // read once before: the next computation of each is kept

        byte[][] bodies = AtOnce(16, () => renders.BodyHtml(article));
        string[] shown = AtOnce(16, () => System.Text.Encoding.UTF8.GetString(ScriptVariant.Taiwan.Show(article, renders).BodyUtf8));

        Assert.All(bodies, body => Assert.Same(bodies[0], body));
        Assert.Equal(article.HtmlUtf8, bodies[0]);
        Assert.Single(shown.Distinct());
        Assert.Contains("共產國際", shown[0]);
        Assert.Equal(2, renders.Count);
        store.Close();
    }

    [Fact]
    public void One_computation_for_many_readers_at_once_and_none_once_kept()
    {
        using var renders = new RenderCache(1024 * 1024);
        var key = new RenderKey("test", "甲");
        int computed = 0;
        byte[] Compute(int size)
        {
            Interlocked.Increment(ref computed);
            Thread.Sleep(50); // long enough that every reader arrives while it runs
            return new byte[size];
        }

        byte[] once = renders.GetOrAdd(key, 1000, Compute, static bytes => bytes.Length);
        Assert.Equal(0, renders.Count); // computed once: not kept
        byte[][] results = AtOnce(16, () => renders.GetOrAdd(key, 1000, Compute, static bytes => bytes.Length));
        byte[] later = renders.GetOrAdd(key, 1000, Compute, static bytes => bytes.Length);

        Assert.Equal(2, computed);
        Assert.NotSame(once, results[0]);
        Assert.All(results, result => Assert.Same(results[0], result));
        Assert.Same(results[0], later);
    }

    [Fact]
    public void A_result_larger_than_the_budget_is_returned_not_kept_and_a_zero_budget_keeps_nothing()
    {
        using var small = new RenderCache(10_000);
        using var none = new RenderCache(0);

        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(20_000, small.GetOrAdd(new RenderKey("test", "大"), 20_000, static size => new byte[size], static bytes => bytes.Length).Length);
            Assert.Equal(100, none.GetOrAdd(new RenderKey("test", "小"), 100, static size => new byte[size], static bytes => bytes.Length).Length);
        }

        Assert.Equal((0, 0L), (small.Count, small.Size));
        Assert.Equal((0, 0L), (none.Count, none.Size));
    }

    // Each about 60 KB of HTML, mostly Simplified words that zh-tw writes otherwise (软件 → 軟體).
    private static TempCorpus LargeArticles()
    {
        var corpus = new TempCorpus();
        for (int i = 0; i < Articles; i++)
        {
            corpus.Add($"{i:D2}.md", $"**大条目{i}**是第{i}个测试条目。\n\n## 内容\n\n" + string.Concat(Enumerable.Range(0, 300).Select(j =>
                $"第{j}段：软件与网络的历史，见[大条目{(i + 1) % Articles}](../Page/大条目{(i + 1) % Articles}.md \"wikilink\")与[不存在的条目{j}](../Page/不存在的条目{j}.md \"wikilink\")。\n\n")));
        }

        return corpus;
    }

    private static T[] AtOnce<T>(int readers, Func<T> read)
    {
        var results = new T[readers];
        using var start = new Barrier(readers);
        var threads = Enumerable.Range(0, readers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = read();
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return results;
    }
}
