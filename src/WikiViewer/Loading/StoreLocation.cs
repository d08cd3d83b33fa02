using WikiViewer.Storage;
using WikiViewer.Store;

namespace WikiViewer.Loading;

/// <summary>
/// Where the store file lives (<see cref="StoreFile"/>): <c>Wiki:SnapshotPath</c>, kept from
/// one start to the next, so that a restart on the same content opens it instead of loading
/// the folder; without one, a temporary file, gone when the viewer stops. A store that can be
/// written in neither place is kept in memory. A file serves only the content and code it was
/// made from: it names the store's <see cref="ArticleStore.Version"/> (the code, and every
/// file's path, size and modification time), and one that does not match, or is damaged, is
/// loaded past.
/// </summary>
public sealed class StoreLocation
{
    // A writer that died (killed, out of disk) leaves its temporary file; one this old is nobody's.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private StoreLocation(string? path, string temporaryFolder, bool readOnly = false)
    {
        Path = path;
        TemporaryFolder = temporaryFolder;
        ReadOnly = readOnly;
    }

    /// <summary>The configured file, or null: a temporary one.</summary>
    public string? Path { get; }

    /// <summary>
    /// <c>Wiki:StoreReadOnly</c>: the file is served as it is, as by one of many replicas sharing
    /// it on a volume. It is neither checked against the folder nor written, nor deleted when
    /// found damaged; without a whole store file there the viewer does not start.
    /// </summary>
    public bool ReadOnly { get; }

    /// <summary>Where a temporary store file goes.</summary>
    internal string TemporaryFolder { get; }

    /// <summary>This location with temporary files elsewhere (a test puts them where nothing can be written).</summary>
    internal StoreLocation WithTemporaryFolder(string folder) => new(Path, folder, ReadOnly);

    /// <summary>The store file at a configured path, or (null, empty) a temporary one; a folder there is a configuration error, one clear line.</summary>
    public static StoreLocation Configured(string? configuredPath, string? readOnly = null)
    {
        bool isReadOnly = false;
        if (!string.IsNullOrEmpty(readOnly) && !bool.TryParse(readOnly, out isReadOnly))
        {
            throw new WikiContentException($"Wiki:StoreReadOnly: '{readOnly}' is neither true nor false.");
        }

        if (string.IsNullOrEmpty(configuredPath))
        {
            return isReadOnly
                ? throw new WikiContentException("Wiki:StoreReadOnly: there is no store file to serve; set Wiki:SnapshotPath to the file a writer (a viewer without Wiki:StoreReadOnly) keeps.")
                : new StoreLocation(null, System.IO.Path.GetTempPath());
        }

        string path = System.IO.Path.GetFullPath(configuredPath);
        if (Directory.Exists(path))
        {
            throw new WikiContentException($"Wiki:SnapshotPath: '{path}' is a folder; give the store file's name, such as '{System.IO.Path.Combine(path, "store.wikiviewer")}'.");
        }

        return new StoreLocation(path, System.IO.Path.GetTempPath(), isReadOnly);
    }

    /// <summary>
    /// The store in the configured file, when it is a whole store file of this format; else
    /// null (logged). Whether it was made from the folder as it is now is the caller's to check
    /// (<see cref="ArticleStore.Version"/>), once it serves.
    /// </summary>
    /// <param name="contentRoot">The content folder: an item whose copy in the file is damaged is served from its file there.</param>
    internal ArticleStore? TryOpen(string contentRoot, Func<TimeSpan> elapsed, ILogger logger)
    {
        if (Path is null)
        {
            return null;
        }

        SectionFile? file = null;
        try
        {
            file = SectionFile.Open(Path, StoreFile.Magic);
            if (file is null)
            {
                logger.LogWarning("The file {Store} is not a store of this format; loading the folder", Path);
                return null;
            }

            var store = StoreFile.Open(file, contentRoot, logger, elapsed, keepWhenDamaged: ReadOnly);
            logger.LogInformation("Read the store {Store} ({Megabytes} MB) in {ElapsedMs} ms", Path, file.File.Length >> 20, (long)elapsed().TotalMilliseconds);
            return store;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (ReadOnly)
            {
                logger.LogError("No store at {Store}", Path);
            }
            else
            {
                logger.LogInformation("No store at {Store} yet; loading the folder, then writing it there", Path);
            }
        }
        catch (Exception e) when (e is IOException and not EndOfStreamException or UnauthorizedAccessException)
        {
            logger.LogWarning("The store {Store} cannot be read ({Reason}); loading the folder", Path, e.Message);
            file?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The directory's checksum was checked before any value was believed; what still
            // fails here (a file changed while being read, one from a faulty writer) is damage too.
            logger.LogWarning("The store {Store} is damaged ({Reason}); loading the folder", Path, $"{e.GetType().Name}: {e.Message}");
            file?.Dispose();
        }

        return null;
    }

    /// <summary>
    /// Writes the store with <paramref name="write"/> and opens it: at the configured path
    /// (beside it under a temporary name, then moved into place, so that a reader never sees
    /// half a store), else in a temporary file, else in memory; each fallback logged.
    /// <paramref name="write"/> is also given a folder for its own temporary files (the file's;
    /// null in memory), and may run again after a failed attempt.
    /// </summary>
    internal ArticleStore Write(Action<SectionFileWriter, string?> write, string contentRoot, Func<TimeSpan> elapsed, ILogger logger)
    {
        if (ReadOnly)
        {
            throw new InvalidOperationException("a read-only store location is never written");
        }

        if (Path is not null)
        {
            try
            {
                return WriteFile(Path, keep: true, write, contentRoot, elapsed, logger);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("The store could not be written to {Store} ({Reason}); the next start loads the folder again", Path, e.Message);
            }
        }

        string temporary = System.IO.Path.Combine(TemporaryFolder, $"wikiviewer-{Guid.NewGuid():N}.store");
        try
        {
            return WriteFile(temporary, keep: false, write, contentRoot, elapsed, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("The store could not be written to a temporary file ({Reason}); it is kept in memory", e.Message);
        }

        var memory = new MemoryStream();
        write(new SectionFileWriter(memory, StoreFile.Magic), null);
        var file = SectionFile.Open(MappedFile.InMemory(memory.GetBuffer().AsSpan(0, (int)memory.Length), "memory"), StoreFile.Magic)!;
        return StoreFile.Open(file, contentRoot, logger, elapsed);
    }

    private static ArticleStore WriteFile(string path, bool keep, Action<SectionFileWriter, string?> write, string contentRoot, Func<TimeSpan> elapsed, ILogger logger)
    {
        string partial = $"{path}.{Guid.NewGuid():N}.partial";
        long writing = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            DeleteAbandoned(path);
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20))
            {
                write(new SectionFileWriter(stream, StoreFile.Magic), System.IO.Path.GetDirectoryName(partial));
            }

            if (keep)
            {
                File.Move(partial, path, overwrite: true);
            }

            var file = SectionFile.Open(keep ? path : partial, StoreFile.Magic)
                ?? throw new InvalidDataException("the store just written is not a store");
            if (!keep)
            {
                File.Delete(partial); // the mapping keeps it until the viewer stops
            }
            else
            {
                logger.LogInformation("Wrote the store {Store} ({Megabytes} MB) in {ElapsedMs} ms", path, file.File.Length >> 20,
                    (long)System.Diagnostics.Stopwatch.GetElapsedTime(writing).TotalMilliseconds);
            }

            return StoreFile.Open(file, contentRoot, logger, elapsed);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>
    /// Sweeps, before a load writes beside <paramref name="path"/>, what dead writers left there:
    /// this store's partial files, index runs, and the spools earlier builds kept as files.
    /// </summary>
    private static void DeleteAbandoned(string path)
    {
        string folder = System.IO.Path.GetDirectoryName(path)!;
        string[] patterns = [System.IO.Path.GetFileName(path) + ".*.partial", "wikiviewer-*.tmp", "wikiviewer-index-*.run"];
        foreach (string file in patterns.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern)))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > AbandonedAfter)
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is deleted by a later write once abandoned.
        }
    }
}
