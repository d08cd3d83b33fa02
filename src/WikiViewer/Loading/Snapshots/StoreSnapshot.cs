using System.Diagnostics;
using WikiViewer.Loading;
using WikiViewer.Store;

namespace WikiViewer.Loading.Snapshots;

/// <summary>
/// The loaded store kept in one file (<c>Wiki:SnapshotPath</c>), so that a restart on the
/// same content reads it back instead of parsing and indexing every article again: what
/// a ZIM file is to kiwix-serve, but written by the viewer itself after its first load.
/// A snapshot serves only the content and code it was made from: it names the store's
/// <see cref="ArticleStore.Version"/> (the code, and every file's path, size and
/// modification time), and one that does not match, or is damaged, is loaded past.
/// </summary>
public sealed class StoreSnapshot
{
    // Changes whenever what is written changes; the code's own identity is in the version too.
    internal const int Format = 2;
    internal static readonly byte[] Magic = "WikiViewer store snapshot\n"u8.ToArray();

    private StoreSnapshot(string path) => Path = path;

    public string Path { get; }

    /// <summary>The snapshot at a configured path; a folder there is a configuration error, one clear line.</summary>
    public static StoreSnapshot Open(string configuredPath)
    {
        string path = System.IO.Path.GetFullPath(configuredPath);
        if (Directory.Exists(path))
        {
            throw new WikiContentException($"Wiki:SnapshotPath: '{path}' is a folder; give the snapshot's file name, such as '{System.IO.Path.Combine(path, "store.snapshot")}'.");
        }

        return new StoreSnapshot(path);
    }

    /// <summary>The store the snapshot holds, or null (logged) when there is none for this content or it cannot be read.</summary>
    /// <param name="currentVersion">The folder's version now; asked only once there is a snapshot to hold it to (it stats every file).</param>
    /// <param name="clock">Started when the load began: the store's statistics count from it.</param>
    internal ArticleStore? TryRead(Func<string> currentVersion, Stopwatch clock, LoadProgress progress, ILogger logger)
    {
        try
        {
            using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
            var snapshot = new SnapshotReader(file);
            if (!ReadHeader(snapshot, out string made))
            {
                logger.LogWarning("The snapshot {Snapshot} is not a store snapshot of this format; loading the folder", Path);
                return null;
            }

            string version = currentVersion();
            if (made != version)
            {
                logger.LogInformation("The snapshot {Snapshot} was made from other content or code ({Made}, now {Version}); loading the folder", Path, made, version);
                return null;
            }

            if (!SnapshotReader.ChecksumMatches(file))
            {
                throw new InvalidDataException("its checksum does not match its content");
            }

            var store = StoreSerializer.Read(snapshot, version, clock, logger, progress);
            snapshot.ReadEnd();
            logger.LogInformation("Read the store from the snapshot {Snapshot} ({Megabytes} MB) in {ElapsedMs} ms", Path, file.Length >> 20, clock.ElapsedMilliseconds);
            return store;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogInformation("No snapshot at {Snapshot} yet; loading the folder, then writing one", Path);
        }
        catch (Exception e) when (e is IOException and not EndOfStreamException or UnauthorizedAccessException)
        {
            logger.LogWarning("The snapshot {Snapshot} cannot be read ({Reason}); loading the folder", Path, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The checksum was checked before any value was believed; what still fails here
            // (a file changed while being read, a snapshot from a faulty writer) is damage too.
            logger.LogWarning("The snapshot {Snapshot} is damaged ({Reason}); loading the folder", Path, $"{e.GetType().Name}: {e.Message}");
        }

        return null;
    }

    // A writer that died (killed, out of disk) leaves its temporary file; one this old is nobody's.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Writes the store beside a temporary name of its own, then moves it into place, so
    /// that a reader never sees half a snapshot. Two viewers writing the same snapshot at
    /// once each write their own file, and the last move wins. A failure is logged; the
    /// store serves on.
    /// </summary>
    internal void Write(ArticleStore store, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        string partial = $"{Path}.{Guid.NewGuid():N}.partial";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
            {
                var snapshot = new SnapshotWriter(file);
                snapshot.Write<byte>(Magic);
                snapshot.Write(Format);
                snapshot.Write(store.Version);
                StoreSerializer.Write(snapshot, store);
                snapshot.Finish();
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, Path, overwrite: true);
            DeleteAbandoned();
            logger.LogInformation("Wrote the snapshot {Snapshot} ({Megabytes} MB) in {ElapsedMs} ms", Path, new FileInfo(Path).Length >> 20, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("The snapshot {Snapshot} could not be written ({Reason}); the next start loads the folder again", Path, e.Message);
            TryDelete(partial);
        }
    }

    private static bool ReadHeader(SnapshotReader snapshot, out string version)
    {
        version = "";
        if (!snapshot.ReadArray<byte>().AsSpan().SequenceEqual(Magic) || snapshot.ReadInt32() != Format)
        {
            return false;
        }

        version = snapshot.ReadString();
        return true;
    }

    private void DeleteAbandoned()
    {
        string folder = System.IO.Path.GetDirectoryName(Path)!;
        foreach (string file in Directory.EnumerateFiles(folder, System.IO.Path.GetFileName(Path) + ".*.partial"))
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
