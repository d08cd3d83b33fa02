using System.IO.Hashing;
using System.IO.MemoryMappedFiles;

namespace WikiViewer.Storage;

/// <summary>
/// A file mapped read-only, whole, once: its bytes are file-backed pages the kernel reads
/// in when touched and may drop again, not the managed heap. What reads from it in place
/// (<see cref="ReadOnlyArray{T}"/>, <see cref="CheckedRange"/>) holds a reference to it, so
/// the mapping lives as long as they do. A file moved over the mapped one's name leaves the
/// mapping of the old one intact.
/// </summary>
internal sealed unsafe partial class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _start;

    // Kept so that the pinned array lives as long as the pointer into it.
    private readonly byte[]? _inMemory;
    private int _disposed;

    /// <param name="file">Open for reading; the mapping keeps the file, not this stream.</param>
    public MappedFile(FileStream file)
    {
        Path = file.Name;
        Length = file.Length;
        if (Length == 0)
        {
            return; // nothing to map, and a mapping of no bytes is refused
        }

        _file = MemoryMappedFile.CreateFromFile(file, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + _view.PointerOffset;
    }

    /// <summary>
    /// Bytes held in memory rather than a file (a store that could be written nowhere), read
    /// through the same code; the array is pinned for as long as this lives.
    /// </summary>
    private MappedFile(byte[] pinned, string name)
    {
        Path = name;
        Length = pinned.Length;
        _inMemory = pinned;
        _start = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(pinned));
    }

    /// <summary>A copy of <paramref name="bytes"/> in pinned memory, read as a mapped file would be.</summary>
    public static MappedFile InMemory(ReadOnlySpan<byte> bytes, string name)
    {
        byte[] pinned = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(pinned);
        return new MappedFile(pinned, name);
    }

    public string Path { get; }

    /// <summary>
    /// Drops the pages of a range read once and not again (an index run being merged) from the
    /// process's resident memory; they stay in the page cache, and a later read brings them back.
    /// Where the OS has no such call, nothing happens.
    /// </summary>
    public void Release(long offset, long length) => Advise(offset, length, DontNeed);

    /// <summary>
    /// Has the kernel read the whole file into the page cache, in the background, without
    /// mapping it into the process (so not into its resident set): after a reboot, or once the
    /// OS dropped the pages of a file left alone a while, each first read of a page would
    /// otherwise wait for the disk. Returns once every read is asked for. Where the OS has no
    /// such call, nothing happens.
    /// </summary>
    public void ReadAhead()
    {
        // The kernel reads at most its read-ahead window per call (128 KB by default), from the start of the range.
        const long Step = 128 << 10;
        for (long offset = 0; offset < Length && Volatile.Read(ref _disposed) == 0; offset += Step)
        {
            Advise(offset, Math.Min(Step, Length - offset), WillNeed);
        }
    }

    /// <summary>
    /// Maps a range's pages into the process now, reading those the page cache lacks, so that
    /// their first reads take no page fault. They stay file-backed: the OS may still drop them.
    /// Where the OS has no such call, nothing happens.
    /// </summary>
    public void Map(long offset, long length)
    {
        CheckInside(offset, length);
        Advise(offset, length, PopulateRead);
    }

    private void Advise(long offset, long length, int advice)
    {
        if (_inMemory is not null || _start is null || length <= 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        const long Page = 4096;
        long from = ((long)_start + offset) / Page * Page;
        long to = (long)_start + offset + length;
        _ = MemoryAdvise((nint)from, (nuint)(to - from), advice);
    }

    private const int WillNeed = 3; // MADV_WILLNEED
    private const int DontNeed = 4; // MADV_DONTNEED
    private const int PopulateRead = 22; // MADV_POPULATE_READ, Linux 5.14; an older kernel refuses it, and nothing happens

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MemoryAdvise(nint address, nuint length, int advice);

    /// <summary>Whether the bytes are held in memory, not in a file (<see cref="InMemory"/>).</summary>
    public bool IsInMemory => _inMemory is not null;

    public long Length { get; }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="offset"/>, which must lie in the file.</summary>
    public ReadOnlySpan<byte> Bytes(long offset, int length)
    {
        CheckInside(offset, length);
        return new ReadOnlySpan<byte>(_start + offset, length);
    }

    /// <summary>
    /// <paramref name="count"/> values in place at <paramref name="offset"/>, which must lie in the
    /// file and be a multiple of the value's size.
    /// </summary>
    public ReadOnlyArray<T> Array<T>(long offset, int count)
        where T : unmanaged
    {
        if (count < 0 || offset % Math.Min(8, sizeof(T) & -sizeof(T)) != 0)
        {
            throw new InvalidDataException($"{count} values of {sizeof(T)} bytes at byte {offset} are not aligned");
        }

        CheckInside(offset, (long)count * sizeof(T));
        return count == 0 ? default : new ReadOnlyArray<T>(this, (T*)(_start + offset), count);
    }

    /// <summary>
    /// Whether the XxHash3 of the <paramref name="length"/> bytes at <paramref name="offset"/> is
    /// <paramref name="checksum"/>. The range's pages then leave the resident set (<see cref="Release"/>):
    /// a check reads every byte once, and what is read afterwards comes back on its own.
    /// </summary>
    public bool ChecksumMatches(long offset, long length, ulong checksum)
    {
        CheckInside(offset, length);
        var hash = new XxHash3();
        for (long at = 0; at < length;)
        {
            int chunk = (int)Math.Min(length - at, 1 << 30);
            hash.Append(new ReadOnlySpan<byte>(_start + offset + at, chunk));
            at += chunk;
        }

        Release(offset, length);
        return hash.GetCurrentHashAsUInt64() == checksum;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
        GC.KeepAlive(_inMemory);
    }

    private void CheckInside(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
        {
            throw new InvalidDataException($"{length} bytes at byte {offset} do not lie in the {Length} bytes of {Path}");
        }
    }
}
