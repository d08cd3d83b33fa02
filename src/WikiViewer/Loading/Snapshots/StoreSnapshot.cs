using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
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
/// <remarks>
/// The file, format 3:
/// <code>
/// header      magic, format (int32), sequential length, region start, region length (int64 each), XxHash3 of these
/// sequential  the version, then the store (StoreSerializer), each article's body and plain text as
///             (offset in the region, length, XxHash3); then XxHash3 of the sequential part
/// padding     zeros, to the region's start, a multiple of 4096
/// region      the bodies (Markdown, or HTML when rendered before the write) as UTF-8, the plain texts as UTF-16
/// </code>
/// The header and the sequential part are checked before anything is believed; a file
/// shorter than the region's end is refused. The region is mapped and read in place
/// (<see cref="MappedContent"/>), each item checked when first read: hashing it all at
/// start would take longer than a restart may (docs/benchmarks.md, "Snapshot: article
/// content read in place").
/// </remarks>
public sealed class StoreSnapshot
{
    // Changes whenever what is written changes; the code's own identity is in the version too.
    internal const int Format = 3;
    internal static readonly byte[] Magic = "WikiViewer store snapshot\n"u8.ToArray();
    internal static readonly int HeaderLength = Magic.Length + sizeof(int) + (3 * sizeof(long)) + sizeof(ulong);
    private const int PageSize = 4096;

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
    /// <param name="contentRoot">The content folder: an article whose copy in the snapshot is damaged is served from its file there.</param>
    /// <param name="currentVersion">The folder's version now; asked only once there is a snapshot to hold it to (it stats every file).</param>
    /// <param name="clock">Started when the load began: the store's statistics count from it.</param>
    internal ArticleStore? TryRead(string contentRoot, Func<string> currentVersion, Stopwatch clock, LoadProgress progress, ILogger logger)
    {
        try
        {
            using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1 << 20);
            if (ReadHeader(file) is not var (sequentialLength, regionStart, regionLength))
            {
                logger.LogWarning("The snapshot {Snapshot} is not a store snapshot of this format; loading the folder", Path);
                return null;
            }

            var snapshot = new SnapshotReader(file, checksumAt: HeaderLength + sequentialLength);
            string made = snapshot.ReadString();
            string version = currentVersion();
            if (made != version)
            {
                logger.LogInformation("The snapshot {Snapshot} was made from other content or code ({Made}, now {Version}); loading the folder", Path, made, version);
                return null;
            }

            if (!SnapshotReader.ChecksumMatches(file, HeaderLength, sequentialLength))
            {
                throw new InvalidDataException("its checksum does not match its content");
            }

            // Kept for the store's lifetime: its articles read their bodies and texts from it.
            var content = new MappedContent(file, regionStart, regionLength, contentRoot, logger);
            ArticleStore store;
            try
            {
                store = StoreSerializer.Read(snapshot, content, version, clock, logger, progress);
                snapshot.ReadEnd();
            }
            catch
            {
                content.Dispose();
                throw;
            }

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
        string name = $"{Path}.{Guid.NewGuid():N}";
        string partial = $"{name}.partial";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
            using (var side = new FileStream($"{name}.content.partial", FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20, FileOptions.DeleteOnClose))
            {
                // The header names where the parts end, known only once they are written.
                file.Write(new byte[HeaderLength]);
                var snapshot = new SnapshotWriter(file);
                var content = new ContentWriter(side);
                snapshot.Write(store.Version);
                StoreSerializer.Write(snapshot, content, store);
                snapshot.Finish();
                long sequentialLength = file.Position - HeaderLength - sizeof(ulong);
                long regionStart = (file.Position + PageSize - 1) / PageSize * PageSize;
                file.Write(new byte[regionStart - file.Position]);
                side.Position = 0;
                side.CopyTo(file, 1 << 20);
                file.Position = 0;
                file.Write(Header(sequentialLength, regionStart, content.Length));
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

    internal static byte[] Header(long sequentialLength, long regionStart, long regionLength)
    {
        byte[] header = new byte[HeaderLength];
        Magic.CopyTo(header, 0);
        var numbers = header.AsSpan(Magic.Length);
        BinaryPrimitives.WriteInt32LittleEndian(numbers, Format);
        BinaryPrimitives.WriteInt64LittleEndian(numbers[4..], sequentialLength);
        BinaryPrimitives.WriteInt64LittleEndian(numbers[12..], regionStart);
        BinaryPrimitives.WriteInt64LittleEndian(numbers[20..], regionLength);
        BinaryPrimitives.WriteUInt64LittleEndian(numbers[28..], XxHash3.HashToUInt64(header.AsSpan(0, HeaderLength - sizeof(ulong))));
        return header;
    }

    /// <summary>Where the parts lie, or null for a file that is not a snapshot of this format; a damaged or cut-short one throws.</summary>
    private static (long SequentialLength, long RegionStart, long RegionLength)? ReadHeader(FileStream file)
    {
        byte[] header = new byte[HeaderLength];
        if (file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength
            || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length)) != Format)
        {
            return null;
        }

        var numbers = header.AsSpan(Magic.Length);
        long sequentialLength = BinaryPrimitives.ReadInt64LittleEndian(numbers[4..]);
        long regionStart = BinaryPrimitives.ReadInt64LittleEndian(numbers[12..]);
        long regionLength = BinaryPrimitives.ReadInt64LittleEndian(numbers[20..]);
        if (BinaryPrimitives.ReadUInt64LittleEndian(numbers[28..]) != XxHash3.HashToUInt64(header.AsSpan(0, HeaderLength - sizeof(ulong))))
        {
            throw new InvalidDataException("its header's checksum does not match the header");
        }

        if (sequentialLength < 0 || regionLength < 0 || regionStart % PageSize != 0
            || regionStart < HeaderLength + sequentialLength + sizeof(ulong))
        {
            throw new InvalidDataException("its header names parts that overlap");
        }

        // Cut short: refused before anything in it is believed (a mapped page past the end would fault).
        if (file.Length < regionStart + regionLength)
        {
            throw new InvalidDataException($"it is cut short: {file.Length} bytes, its content region ends at {regionStart + regionLength}");
        }

        return (sequentialLength, regionStart, regionLength);
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
