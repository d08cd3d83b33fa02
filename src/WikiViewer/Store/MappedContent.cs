using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text;
using WikiViewer.Search;

namespace WikiViewer.Store;

/// <summary>
/// The content region of a store snapshot, mapped read-only for as long as the store
/// lives: article bodies (UTF-8) and plain texts (UTF-16) are read in place, so that they are file-backed
/// pages the kernel may drop, not the managed heap (docs/benchmarks.md, "Snapshot:
/// article content read in place"). Each item is checked against its checksum when it is
/// first read, not at start: at a million articles the region is gigabytes and a restart
/// must take seconds. An item that does not match is served from its source file (the
/// folder's version matched at start), and the snapshot is deleted so that the next start
/// loads the folder and writes it again. A newer snapshot is moved over the path, which
/// leaves this mapping of the old file intact.
/// </summary>
internal sealed unsafe class MappedContent : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _start;
    private readonly string _contentRoot;
    private readonly ILogger _logger;
    private int _damaged;

    /// <param name="snapshot">The snapshot, open; the mapping keeps the file, not this stream.</param>
    /// <param name="contentRoot">The content folder the articles' source files are relative to.</param>
    public MappedContent(FileStream snapshot, long start, long length, string contentRoot, ILogger logger)
    {
        SnapshotPath = snapshot.Name;
        Length = length;
        _contentRoot = contentRoot;
        _logger = logger;
        if (length == 0)
        {
            return;
        }

        _file = MemoryMappedFile.CreateFromFile(snapshot, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        _view = _file.CreateViewAccessor(start, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + _view.PointerOffset;
    }

    public string SnapshotPath { get; }

    /// <summary>The region's length in bytes.</summary>
    public long Length { get; }

    /// <summary>An item's place, believed only when it lies inside the region.</summary>
    public MappedItem Item(long offset, int length, ulong checksum) =>
        offset >= 0 && length >= 0 && offset <= Length - length
            ? new MappedItem(this, offset, length, checksum)
            : throw new InvalidDataException($"an item of {length} bytes at {offset} does not fit the content region of {Length} bytes");

    public ReadOnlySpan<byte> Bytes(long offset, int length) => new(_start + offset, length);

    /// <summary>Says which item did not match and deletes the snapshot, once: the next start loads the folder.</summary>
    public void Damaged(string file, string what)
    {
        _logger.LogWarning(
            "The snapshot {Snapshot} is damaged: the {What} of {File} does not match its checksum; it is served from its source file, and the next start loads the folder",
            SnapshotPath, what, file);
        if (Interlocked.Exchange(ref _damaged, 1) == 0)
        {
            try
            {
                File.Delete(SnapshotPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning("The damaged snapshot {Snapshot} could not be deleted ({Reason})", SnapshotPath, e.Message);
            }
        }
    }

    /// <summary>An article's source file as the load read it (without a byte-order mark); empty, logged, when it cannot be read.</summary>
    public byte[] SourceUtf8(string file)
    {
        try
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(_contentRoot, file));
            return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("{File} could not be read again ({Reason}); its page is empty", file, e.Message);
            return [];
        }
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
    }
}

/// <summary>One body or plain text in a <see cref="MappedContent"/>: where it lies, and whether it has been checked.</summary>
internal sealed class MappedItem(MappedContent content, long offset, int length, ulong checksum)
{
    // 0 not checked yet, 1 matches its checksum, -1 does not. Checked once: the file is immutable.
    private int _state;

    public MappedContent Content => content;

    /// <summary>The bytes in place, checked on the first read; false (logged once) when they do not match their checksum.</summary>
    public bool TryRead(string file, string what, out ReadOnlySpan<byte> bytes)
    {
        bytes = content.Bytes(offset, length);
        int state = Volatile.Read(ref _state);
        if (state == 0)
        {
            state = XxHash3.HashToUInt64(bytes) == checksum ? 1 : -1;
            if (Interlocked.CompareExchange(ref _state, state, 0) == 0 && state < 0)
            {
                content.Damaged(file, what);
            }
        }

        return state > 0;
    }
}

/// <summary>An article's plain text as UTF-16 in a <see cref="MappedContent"/>, copied into a string when asked.</summary>
internal sealed class MappedText(MappedItem item, string file, BodyRenderer renderer) : DocumentText
{
    private string? _fromSource;

    public override string Read() => item.TryRead(file, "plain text", out var utf16) ? new string(MemoryMarshal.Cast<byte, char>(utf16)) : FromSource();

    public override string Start(int chars)
    {
        if (!item.TryRead(file, "plain text", out var utf16))
        {
            return FromSource();
        }

        var text = MemoryMarshal.Cast<byte, char>(utf16);
        int end = Math.Min(text.Length, chars);
        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end++; // not half a pair
        }

        return new string(text[..end]);
    }

    // Analysed again from the source, once: a damaged snapshot is rare, and replaced at the next start.
    private string FromSource() => _fromSource ??= renderer.PlainText(Encoding.UTF8.GetString(item.Content.SourceUtf8(file)), file);
}
