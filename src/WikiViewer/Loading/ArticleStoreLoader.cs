using System.Diagnostics;
using WikiViewer.Store;

namespace WikiViewer.Loading;

/// <summary>
/// Loads the store in the background once the host starts, so that a large
/// folder's long load shows as "not ready yet" (503) rather than as a server
/// that does not answer. A folder that yields no article stops the app. A start with a
/// store file at <see cref="StoreLocation"/> serves it at once and then checks it against
/// the folder: stating a million files takes longer than a restart may
/// (docs/benchmarks.md, "Store: checked against the folder once serving"). When the folder
/// changed, it is loaded again while the store file serves, and its store replaces the
/// old one. Any other start loads the folder and writes the store file there. A read-only
/// location (replicas sharing one store file) is served as it is, or the app stops.
/// </summary>
public sealed class ArticleStoreLoader(ContentFolder folder, ILogger<ArticleStoreLoader> logger, IHostApplicationLifetime lifetime, StoreLocation location)
    : IHostedService, IDisposable
{
    private readonly TaskCompletionSource<ArticleStore> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _checked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ArticleStore> _stores = [];
    private volatile ArticleStore? _current;

    public LoadProgress Progress { get; } = new();

    /// <summary>Completes when the first store is loaded.</summary>
    public Task<ArticleStore> Ready => _ready.Task;

    /// <summary>
    /// Completes once the store serves what the folder holds: at once for a store loaded
    /// from the folder; for one opened from its file, once the folder is checked and, if it
    /// changed, loaded again. True when the store was replaced.
    /// </summary>
    public Task<bool> Checked => _checked.Task;

    /// <summary>The store serving now; a request takes it once (it is scoped) and keeps it.</summary>
    public ArticleStore Store => _current ?? throw new InvalidOperationException("The article store is not loaded yet.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = CpuBound.OnOwnThread(Load);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Every store this loader opened, the replaced ones too: a request that took one may still read it.
    public void Dispose()
    {
        lock (_stores)
        {
            _stores.ForEach(static store => store.Close());
        }
    }

    private void Load()
    {
        try
        {
            ArticleStore? opened;
            using (new Timer(_ => LogProgress(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
            {
                opened = FromStoreFile();
                if (opened is null && location.ReadOnly)
                {
                    throw new WikiContentException(
                        $"Wiki:StoreReadOnly: there is no whole store file at '{location.Path}' to serve (the line above says why); a viewer without Wiki:StoreReadOnly on the same content writes it.");
                }

                Serve(opened ?? FromFolder());
            }

            _ready.SetResult(Store);
            if (location.ReadOnly)
            {
                logger.LogInformation("Serving the store file read-only (Wiki:StoreReadOnly): it is not checked against the folder, nor written");
                _checked.SetResult(false);
            }
            else if (opened is null)
            {
                _checked.SetResult(false);
            }
            else
            {
                _checked.SetResult(CheckAgainstFolder(opened));
            }
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

    private void Serve(ArticleStore store)
    {
        lock (_stores)
        {
            _stores.Add(store);
        }

        _current = store;
        _ = CpuBound.OnOwnThread(() => ReadAhead(store));
    }

    // The store file's pages not in the page cache (after a reboot; on a first start, those the
    // load's other files pushed out; those the OS dropped while they sat unread) would each make
    // a view wait for the disk, and for the kernel's read-ahead around it: when memory can hold
    // the whole file, the OS is asked to read it in as the store begins to serve, in the
    // background (docs/benchmarks.md, "Store: read ahead as it serves").
    private void ReadAhead(ArticleStore store)
    {
        long length = store.FileLength;
        if (length == 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        if (!MemoryHoldsFile(store))
        {
            logger.LogInformation("The store file ({FileMegabytes} MB) is not read ahead: the OS has {AvailableMegabytes} MB of memory available",
                length >> 20, AvailableMemoryBytes() >> 20);
            return;
        }

        long began = Stopwatch.GetTimestamp();
        store.ReadAhead();
        logger.LogInformation("Asked the OS to read the store file ({FileMegabytes} MB) into its page cache in {Milliseconds:0} ms",
            length >> 20, Stopwatch.GetElapsedTime(began).TotalMilliseconds);
    }

    /// <summary>Whether the OS has memory available for the whole store file, as its read-ahead asks; true where it does not say.</summary>
    internal static bool MemoryHoldsFile(ArticleStore store) => AvailableMemoryBytes() is not { } available || available >= store.FileLength;

    // MemAvailable: what the OS can give without swapping, the page cache it holds included; null where it does not say.
    private static long? AvailableMemoryBytes()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan("MemAvailable:".Length).Trim().TrimEnd("kB").Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long kilobytes))
                {
                    return kilobytes << 10;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>The store in the store file, when there is a whole one of this format; else null.</summary>
    private ArticleStore? FromStoreFile()
    {
        var clock = Stopwatch.StartNew();
        Progress.BeginPhase("open", 0);
        var store = location.TryOpen(folder.Path, () => clock.Elapsed, logger);
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

    /// <summary>
    /// Whether the folder still holds what the opened store was made from (the build, and
    /// every file's path, size and modification time); if not, loads it again and serves
    /// that store instead. A failure to load is logged and the store file serves on.
    /// </summary>
    private bool CheckAgainstFolder(ArticleStore opened)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            string version = ArticleLoader.VersionOf(folder);
            if (version == opened.Version)
            {
                logger.LogInformation("The store file matches the folder (checked in {ElapsedMs} ms)", clock.ElapsedMilliseconds);
                return false;
            }

            logger.LogInformation(
                "The store file was made from other content or code ({Made}, now {Version}; checked in {ElapsedMs} ms); loading the folder again while it serves",
                opened.Version, version, clock.ElapsedMilliseconds);
            Serve(FromFolder());
            logger.LogInformation("The store loaded again from the folder serves now, replacing the store file's");
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Loading {Folder} again failed; the store file serves on", folder.Path);
            return false;
        }
    }

    private ArticleStore FromFolder()
    {
        var store = new ArticleLoader(logger).Load(folder, Progress, location);
        if (store.Articles.Count == 0)
        {
            store.Close();
            throw new WikiContentException($"Wiki:ContentPath: no article in '{folder.Path}' could be loaded.");
        }

        return store;
    }
}
