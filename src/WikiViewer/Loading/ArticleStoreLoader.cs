using System.Diagnostics;
using WikiViewer.Store;

namespace WikiViewer.Loading;

/// <summary>
/// Loads the store in the background once the host starts, so that a large
/// folder's long load shows as "not ready yet" (503) rather than as a server
/// that does not answer. A folder that yields no article stops the app. A start on the
/// content the store file at <see cref="StoreLocation"/> was made from opens it; any other
/// start loads the folder and writes the store file there.
/// </summary>
public sealed class ArticleStoreLoader(ContentFolder folder, ILogger<ArticleStoreLoader> logger, IHostApplicationLifetime lifetime, StoreLocation location)
    : IHostedService, IDisposable
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

    public void Dispose()
    {
        if (_ready.Task.IsCompletedSuccessfully)
        {
            _ready.Task.Result.Dispose();
        }
    }

    private void Load()
    {
        try
        {
            ArticleStore store;
            using (new Timer(_ => LogProgress(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
            {
                store = FromStoreFile() ?? FromFolder();
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

    /// <summary>The store in the store file, when it was made from this content and code; else null.</summary>
    private ArticleStore? FromStoreFile()
    {
        var clock = Stopwatch.StartNew();
        Progress.BeginPhase("open", 0);
        var store = location.TryOpen(folder.Path, () => ArticleLoader.VersionOf(folder), () => clock.Elapsed, logger);
        if (store is not null)
        {
            var statistics = store.Statistics;
            logger.LogInformation("Load phases: {Phases}", Progress.PhaseTimes());
            logger.LogInformation(
                "Loaded {Articles} articles ({Aliases} aliases) of {Folder} from the store file in {ElapsedMs} ms; links: {LinksResolved} resolved, {LinksMissing} missing; {FilesSkipped} files skipped (the load that wrote it logged why)",
                statistics.Articles, statistics.Aliases, folder.Path, (long)statistics.Elapsed.TotalMilliseconds,
                statistics.LinksResolved, statistics.LinksMissing, statistics.FilesSkipped);
        }

        return store;
    }

    private ArticleStore FromFolder()
    {
        var store = new ArticleLoader(logger).Load(folder, Progress, location);
        if (store.Articles.Count == 0)
        {
            store.Dispose();
            throw new WikiContentException($"Wiki:ContentPath: no article in '{folder.Path}' could be loaded.");
        }

        // The load's garbage (file text, ASTs, the index being built) is several times what
        // stays: the store is in its file. Give it back to the OS now rather than carry it as RSS.
        long compacting = Stopwatch.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation(
            "Ready: heap compacted to {HeapMegabytes} MB in {CompactMs} ms",
            GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024),
            (long)Stopwatch.GetElapsedTime(compacting).TotalMilliseconds);
        return store;
    }
}
