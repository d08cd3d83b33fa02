using System.Diagnostics;
using WikiViewer.Loading.Snapshots;
using WikiViewer.Store;

namespace WikiViewer.Loading;

/// <summary>
/// Loads the store in the background once the host starts, so that a large
/// folder's long load shows as "not ready yet" (503) rather than as a server
/// that does not answer. A folder that yields no article stops the app. With a
/// <see cref="StoreSnapshot"/>, a start on the content the snapshot was made from reads it
/// instead; any other start writes one once the store is ready.
/// </summary>
public sealed class ArticleStoreLoader(ContentFolder folder, ILogger<ArticleStoreLoader> logger, IHostApplicationLifetime lifetime, StoreSnapshot? snapshot = null)
    : IHostedService
{
    private readonly TaskCompletionSource<ArticleStore> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LoadProgress Progress { get; } = new();

    /// <summary>Completes when the store is loaded.</summary>
    public Task<ArticleStore> Ready => _ready.Task;

    public ArticleStore Store => _ready.Task.IsCompletedSuccessfully
        ? _ready.Task.Result
        : throw new InvalidOperationException("The article store is not loaded yet.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(Load, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Load()
    {
        try
        {
            ArticleStore store;
            using (new Timer(_ => LogProgress(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
            {
                store = FromSnapshot() ?? FromFolder();
            }

            _ready.SetResult(store);
        }
        catch (Exception e)
        {
            if (e is WikiContentException)
            {
                logger.LogCritical("{Message}", e.Message);
            }
            else
            {
                logger.LogCritical(e, "Loading the articles from {Folder} failed", folder.Path);
            }

            _ready.SetException(e);
            Environment.ExitCode = 1;

            // Stopping while Kestrel is still binding aborts the process; stop once started.
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        }
    }

    // About once a second, whichever way the store is coming: a long load should not look hung.
    private void LogProgress() =>
        logger.LogInformation("Loading: {Phase} {Done}/{Total}", Progress.Phase, Progress.Done, Progress.Total);

    /// <summary>The store in the snapshot, when it was made from this content and code; else null.</summary>
    private ArticleStore? FromSnapshot()
    {
        if (snapshot is null)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        var store = snapshot.TryRead(folder.Path, () => ArticleLoader.VersionOf(folder), clock, Progress, logger);
        if (store is not null)
        {
            // Nearly all the snapshot's reading allocated is the store itself: no compaction to do.
            var statistics = store.Statistics;
            logger.LogInformation("Load phases: {Phases}", Progress.PhaseTimes());
            logger.LogInformation(
                "Loaded {Articles} articles ({Aliases} aliases) of {Folder} from the snapshot in {ElapsedMs} ms; links: {LinksResolved} resolved, {LinksMissing} missing; {FilesSkipped} files skipped (the load that wrote the snapshot logged why)",
                statistics.Articles, statistics.Aliases, folder.Path, (long)statistics.Elapsed.TotalMilliseconds,
                statistics.LinksResolved, statistics.LinksMissing, statistics.FilesSkipped);
        }

        return store;
    }

    private ArticleStore FromFolder()
    {
        var store = new ArticleLoader(logger).Load(folder, Progress);
        if (store.Articles.Count == 0)
        {
            throw new WikiContentException($"Wiki:ContentPath: no article in '{folder.Path}' could be loaded.");
        }

        // The load's transient garbage (file text, ASTs) is several times the
        // store; give it back to the OS now rather than carry it as RSS.
        long compacting = Stopwatch.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation(
            "Ready: heap compacted to {HeapMegabytes} MB in {CompactMs} ms",
            GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024),
            (long)Stopwatch.GetElapsedTime(compacting).TotalMilliseconds);

        // Written beside the serving: the store is ready before its snapshot is.
        if (snapshot is not null)
        {
            _ = Task.Run(() => snapshot.Write(store, logger));
        }

        return store;
    }
}
