using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WikiViewer.Loading;

namespace WikiViewer.Web;

public static class ServingWarmUpExtensions
{
    /// <summary>Runs <see cref="ServingWarmUp"/> once the server has started; <c>/healthz</c> waits for it.</summary>
    public static IServiceCollection AddServingWarmUp(this IServiceCollection services, IConfiguration configuration)
    {
        var budget = TimeSpan.FromSeconds(Settings.Number(configuration, "Wiki:WarmUpSeconds", ServingWarmUp.DefaultSeconds, 0.0, "seconds"));
        return services
            .AddSingleton(services => ActivatorUtilities.CreateInstance<ServingWarmUp>(services, budget))
            .AddHostedService(static services => services.GetRequiredService<ServingWarmUp>());
    }
}

/// <summary>
/// Once the store is loaded, the server asks itself for pages and searches spread over the
/// collection, several at a time as readers would, before <c>/healthz</c> reports ready: the
/// runtime compiles the serving paths again for speed (thousands of methods, hot only under
/// load), and readers a load balancer sent meanwhile waited behind it (docs/benchmarks.md,
/// "Start: the serving paths warmed up before ready"). Pages answer during it; only the probe
/// waits. Its requests carry a token the request log recognizes. In a large collection each is
/// for another page or query, asked for once, which the caches do not keep. It stops early when
/// its time, <c>Wiki:WarmUpSeconds</c>, is spent: on a whole-dump store and a slow machine all
/// its requests would hold a restart back longer than they save (docs/benchmarks.md, same section).
/// Then, in the background, it settles the store that serves (<see cref="SettleAsync"/>), and
/// later the one that replaces it when the folder changed.
/// </summary>
public sealed class ServingWarmUp(ArticleStoreLoader loader, IServer server, IHostApplicationLifetime lifetime, ILogger<ServingWarmUp> logger, TimeSpan budget)
    : BackgroundService
{
    private const int Pages = 1000;
    private const int Searches = 1000;

    /// <summary>The default of <c>Wiki:WarmUpSeconds</c>.</summary>
    public const double DefaultSeconds = 2.5;

    // Clients at once per core: enough that requests queue for the cores, as under load, where
    // paths run (waits, buffers filling) that one client at a time never takes.
    private const int ClientsPerCore = 4;

    private const int ReleaseEvery = 250;

    /// <summary>The header that marks the warm-up's own requests, with <see cref="Token"/>.</summary>
    public const string Header = "X-WikiViewer-Warm-Up";

    // Per process, so that no client can pass its requests off as the warm-up's.
    private static readonly string Token = Guid.NewGuid().ToString("N");

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sent;

    /// <summary>Completes when the warm-up has run, or found nothing to ask (no HTTP address, as in process tests).</summary>
    public Task Done => _done.Task;

    /// <summary>The most it spends asking before it lets the probe report ready; zero: it asks nothing.</summary>
    public TimeSpan Budget => budget;

    /// <summary>Requests sent so far, of <see cref="Total"/>.</summary>
    public int Sent => Volatile.Read(ref _sent);

    public int Total => Pages + Searches;

    /// <summary>Whether a request is one of the warm-up's.</summary>
    public static bool IsWarmUp(HttpContext context) => context.Request.Headers[Header] == Token;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A load that fails is reported by the loader; there is nothing to warm then.
            await Task.WhenAny(loader.Ready, Task.Delay(Timeout.Infinite, stoppingToken));
            using var started = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken);
            await Task.Delay(Timeout.Infinite, started.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            if (!loader.Ready.IsCompletedSuccessfully || stoppingToken.IsCancellationRequested
                || ServerUrl() is not { } address || loader.Ready.Result.Articles.Count == 0)
            {
                return;
            }

            // With no time for it (Wiki:WarmUpSeconds=0) it asks nothing and says nothing.
            TimeSpan? took = Budget > TimeSpan.Zero ? await WarmUpAsync(loader.Ready.Result, address, stoppingToken) : null;
            _done.TrySetResult(); // ready before the line saying so
            if (took is { } elapsed)
            {
                logger.LogInformation(Sent < Total
                    ? "Warmed up the serving paths with {Requests} requests in {Milliseconds:0} ms, its time (Wiki:WarmUpSeconds) spent"
                    : "Warmed up the serving paths with {Requests} requests in {Milliseconds:0} ms", Sent, elapsed.TotalMilliseconds);
            }

            var settled = loader.Store;
            await SettleAsync(settled, stoppingToken);

            // A store file made from other content is loaded past while it serves: the store loaded
            // again replaces it, and readers are already there, so it is settled but not warmed.
            // What the process mapped of the file it replaced is given back (a request still
            // reading it maps again what it reads).
            if (await loader.Checked.WaitAsync(stoppingToken))
            {
                loader.Ready.Result.ReleaseResidentPages();
                if (loader.Store != settled)
                {
                    await SettleAsync(loader.Store, stoppingToken);
                }
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A warm-up only saves time: the server is as correct without it.
            logger.LogInformation("Warm-up stopped after {Requests} requests: {Reason}", Sent, e.Message);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    // What a store's first searches would otherwise pay for, done in the background once it serves.
    private async Task SettleAsync(Store.ArticleStore store, CancellationToken stoppingToken)
    {
        // The index's partitions are checked on their first lookup, and their pages mapped
        // on their first read: a fresh server's first searches each paid for several.
        // Checking the rest now, one at a time in the background, spares them both.
        var (intact, took) = await StepAsync(store.Search.CheckPartitions, stoppingToken);
        logger.LogInformation("Checked the search index's {Partitions} partitions in {Milliseconds:0} ms", intact, took.TotalMilliseconds);

        // A hit's plain text, read for its snippet, was a fresh server's page fault or more
        // per hit, and its checksum was hashed on that first read; the index's pages, given back
        // after their check, were most of the faults left: its first searches ran far slower than
        // later ones. When memory holds the store file (as for its read-ahead), the index and the
        // texts are mapped now, after the warm-up, which gives back what it read, and the texts
        // checked (docs/benchmarks.md, "Store: search index and plain texts mapped once serving").
        if (store.FileLength > 0 && ArticleStoreLoader.MemoryHoldsFile(store))
        {
            (long indexBytes, took) = await StepAsync(store.Search.MapPartitions, stoppingToken);
            logger.LogInformation("Mapped the search index's partitions ({Megabytes} MB) in {Milliseconds:0} ms", indexBytes >> 20, took.TotalMilliseconds);

            ((long bytes, int intactTexts), took) = await StepAsync(store.MapTexts, stoppingToken);
            logger.LogInformation("Mapped the articles' plain texts ({Megabytes} MB) and checked them ({Intact} intact) in {Milliseconds:0} ms",
                bytes >> 20, intactTexts, took.TotalMilliseconds);
        }
    }

    // One step of the settle, on a thread of its own (it blocks for up to seconds), unless stopping; with the time it took.
    private static async Task<(T Result, TimeSpan Took)> StepAsync<T>(Func<T> step, CancellationToken stoppingToken)
    {
        stoppingToken.ThrowIfCancellationRequested();
        long began = System.Diagnostics.Stopwatch.GetTimestamp();
        T result = await CpuBound.OnOwnThread(step);
        return (result, System.Diagnostics.Stopwatch.GetElapsedTime(began));
    }

    // Sends the requests until they or the budget run out; returns the time it took.
    private async Task<TimeSpan> WarmUpAsync(Store.ArticleStore store, Uri address, CancellationToken stoppingToken)
    {
        long began = System.Diagnostics.Stopwatch.GetTimestamp();
        bool Spent() => System.Diagnostics.Stopwatch.GetElapsedTime(began) >= Budget;
        int clients = ClientsPerCore * Environment.ProcessorCount;
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(10),
        };
        client.DefaultRequestHeaders.Add(Header, Token);
        // The store's pages each batch mapped are given back after it: the warm-up reads much of
        // the store once, and its resident set would otherwise be the process's high-water mark.
        foreach (string[] batch in Urls(store.Articles).Chunk(ReleaseEvery))
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = stoppingToken },
                async (url, cancel) =>
                {
                    if (Spent())
                    {
                        return;
                    }

                    using var response = await client.GetAsync(url, cancel);
                    Interlocked.Increment(ref _sent);
                });
            store.ReleaseResidentPages();
            if (Spent())
            {
                break;
            }
        }

        return System.Diagnostics.Stopwatch.GetElapsedTime(began);
    }

    // Pages and searches in turn: articles spread over the whole id range, and searches for the
    // first two to four characters (one word, or a phrase) of others.
    private static IEnumerable<string> Urls(IReadOnlyList<Store.Article> articles)
    {
        int count = articles.Count;
        for (int i = 0; i < Math.Max(Pages, Searches); i++)
        {
            if (i < Pages)
            {
                yield return articles[(int)((long)i * count / Pages)].Url;
            }

            if (i < Searches)
            {
                string title = articles[(int)((((long)i * count / Searches) + (count / (2 * Searches))) % count)].Title;
                yield return "/api/search?q=" + Uri.EscapeDataString(title[..Math.Min(2 + (i % 3), title.Length)]);
            }
        }
    }

    // Its own first http address, as a client on this machine reaches it; none under the in-process test server.
    private Uri? ServerUrl()
    {
        string? http = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(static a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        return http is not null && HealthProbe.LocalUrl(http) is { } local && Uri.TryCreate(local, UriKind.Absolute, out var url) ? url : null;
    }
}
