namespace WikiViewer.Loading;

/// <summary>
/// Loads the store in the background once the host starts, so that a large
/// folder's long load shows as "not ready yet" (503) rather than as a server
/// that does not answer. A folder that yields no article stops the app.
/// </summary>
public sealed class ArticleStoreLoader(ContentFolder folder, ILogger<ArticleStoreLoader> logger, IHostApplicationLifetime lifetime)
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
            var store = new ArticleLoader(logger).Load(folder, Progress);
            if (store.Articles.Count == 0)
            {
                throw new WikiContentException($"Wiki:ContentPath: no article in '{folder.Path}' could be loaded.");
            }

            // The load's transient garbage (file text, ASTs) is several times the
            // store; give it back to the OS now rather than carry it as RSS.
            long compacting = System.Diagnostics.Stopwatch.GetTimestamp();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            logger.LogInformation(
                "Ready: heap compacted to {HeapMegabytes} MB in {CompactMs} ms",
                GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024),
                (long)System.Diagnostics.Stopwatch.GetElapsedTime(compacting).TotalMilliseconds);
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
}
