using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using WikiViewer.Search;
using WikiViewer.Storage;

namespace WikiViewer.Store;

/// <summary>Where one body or plain text lies in a store's content region, what it is, and its XxHash3.</summary>
/// <param name="Kind">What the bytes are: <see cref="ContentKind"/>.</param>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct ContentRef(long Offset, int Length, int Kind, ulong Checksum)
{
    public static ContentRef None => new(0, 0, (int)ContentKind.None, 0);

    /// <summary>The item <paramref name="bytes"/> make when written at <paramref name="offset"/>, with the checksum a reader checks them against.</summary>
    public static ContentRef Of(long offset, ReadOnlySpan<byte> bytes, ContentKind kind) => new(offset, bytes.Length, (int)kind, XxHash3.HashToUInt64(bytes));
}

internal enum ContentKind
{
    /// <summary>Nothing: a category without a text of its own.</summary>
    None = 0,

    /// <summary>Markdown as UTF-8: a load's sources, spooled apart and read back to be rendered; a store holds none.</summary>
    Markdown = 1,

    /// <summary>HTML as UTF-8: a body, as the load rendered it.</summary>
    Html = 2,

    /// <summary>Plain text as UTF-16.</summary>
    PlainText = 3,
}

/// <summary>
/// The content region of a store file: article bodies (UTF-8) and plain texts (UTF-16),
/// read in place, so that they are file-backed pages the kernel may drop, not the managed
/// heap (docs/benchmarks.md, "Snapshot: article content read in place"). Each item is
/// checked against its checksum when first read, not when the store opens: at a million
/// articles the region is gigabytes and a restart must take seconds. An item that does not
/// match is served from its source file (the folder's version matched at start), and the
/// store file is deleted so that the next start loads the folder and writes it again.
/// </summary>
internal sealed class ContentRegion(MappedFile file, long start, long length, string contentRoot, ILogger logger, bool keepWhenDamaged = false)
{
    private int _damaged;

    public string StorePath => file.Path;

    /// <summary>An item's bytes; it must lie in the region.</summary>
    public ReadOnlySpan<byte> Bytes(ContentRef item) => file.Bytes(InFile(item.Offset, item.Length), item.Length);

    /// <summary>Maps the <paramref name="count"/> bytes at <paramref name="at"/> of the region into the process (<see cref="MappedFile.Map"/>).</summary>
    public void Map(long at, long count) => file.Map(InFile(at, count), count);

    // Where the count bytes at this offset of the region lie in the file; they must lie in the region.
    private long InFile(long at, long count) =>
        at >= 0 && count >= 0 && at <= length - count
            ? start + at
            : throw new InvalidDataException($"{count} bytes at {at} do not lie in the content region of {length} bytes");

    /// <summary>Says which item did not match and deletes the store file, once: the next start loads the folder.</summary>
    public void Damaged(string article, string what)
    {
        logger.LogWarning(
            "The store {Store} is damaged: the {What} of {File} does not match its checksum; it is served from its source file, and {Next}",
            StorePath, what, article, Next);
        Delete();
    }

    /// <summary>Says which part of the store did not match (a search index partition, which then finds nothing) and deletes the store file, once.</summary>
    public void Damaged(string what)
    {
        logger.LogError("The store {Store} is damaged: {What} does not match its checksum and finds nothing; {Next}", StorePath, what, Next);
        Delete();
    }

    private string Next => keepWhenDamaged ? "the file is shared read-only: its writer must load the folder again" : "the next start loads the folder";

    private void Delete()
    {
        if (Interlocked.Exchange(ref _damaged, 1) == 0 && !file.IsInMemory && !keepWhenDamaged)
        {
            try
            {
                File.Delete(StorePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("The damaged store {Store} could not be deleted ({Reason})", StorePath, e.Message);
            }
        }
    }

    /// <summary>An article's source file as the load read it (without a byte-order mark); empty, logged, when it cannot be read.</summary>
    public byte[] SourceUtf8(string file)
    {
        try
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(contentRoot, file));
            return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("{File} could not be read again ({Reason}); its page is empty", file, e.Message);
            return [];
        }
    }
}

/// <summary>A table of items in a <see cref="ContentRegion"/> (the articles' bodies, or their texts), and which have been checked.</summary>
internal sealed class ContentItems
{
    private readonly ContentRegion _region;
    private readonly ReadOnlyArray<ContentRef> _items;

    // Per item: 0 not checked yet, 1 matches its checksum, 2 does not. Checked once: the file is immutable.
    private readonly byte[] _states;

    public ContentItems(ContentRegion region, ReadOnlyArray<ContentRef> items)
    {
        _region = region;
        _items = items;
        _states = new byte[items.Length];
    }

    public ContentRegion Region => _region;

    public int Count => _items.Length;

    public ContentKind Kind(int index) => (ContentKind)_items[index].Kind;

    /// <summary>
    /// Maps the items into the process, from the first to the end of the last (the store file
    /// packs each table's items together); returns how many bytes that is.
    /// </summary>
    public long Map()
    {
        long first = long.MaxValue, end = 0;
        for (int i = 0; i < _items.Length; i++)
        {
            var item = _items[i];
            if (item.Length > 0)
            {
                first = Math.Min(first, item.Offset);
                end = Math.Max(end, item.Offset + item.Length);
            }
        }

        if (end <= first)
        {
            return 0;
        }

        _region.Map(first, end - first);
        return end - first;
    }

    /// <summary>The item's bytes in place, checked on the first read; false (logged once) when they do not match their checksum.</summary>
    public bool TryRead(int index, string file, string what, out ReadOnlySpan<byte> bytes)
    {
        bool intact = TryRead(index, out bytes, out bool foundDamaged);
        if (foundDamaged)
        {
            _region.Damaged(file, what);
        }

        return intact;
    }

    /// <inheritdoc cref="TryRead(int, string, string, out ReadOnlySpan{byte})"/>
    /// <param name="file">The source file of an item, asked for only to log a damaged one.</param>
    public bool TryRead(int index, Func<int, string> file, string what, out ReadOnlySpan<byte> bytes)
    {
        bool intact = TryRead(index, out bytes, out bool foundDamaged);
        if (foundDamaged)
        {
            _region.Damaged(file(index), what);
        }

        return intact;
    }

    private bool TryRead(int index, out ReadOnlySpan<byte> bytes, out bool foundDamaged)
    {
        bytes = _region.Bytes(_items[index]);
        return Check(index, bytes, out foundDamaged);
    }

    /// <summary>
    /// Checks every item no read has checked yet, so that reads find them checked; one that does
    /// not match is logged as its first read would log it. Returns how many are intact.
    /// </summary>
    /// <param name="file">The source file of an item, for the log line of a damaged one.</param>
    public int CheckAll(Func<int, string> file, string what)
    {
        int intact = 0;
        for (int index = 0; index < _items.Length; index++)
        {
            if (Check(index, _region.Bytes(_items[index]), out bool foundDamaged))
            {
                intact++;
            }

            if (foundDamaged)
            {
                _region.Damaged(file(index), what);
            }
        }

        return intact;
    }

    // Hashes the bytes on the item's first check only; foundDamaged is true for the one check that found them damaged.
    private bool Check(int index, ReadOnlySpan<byte> bytes, out bool foundDamaged)
    {
        foundDamaged = false;
        int state = Volatile.Read(ref _states[index]);
        if (state == 0)
        {
            state = XxHash3.HashToUInt64(bytes) == _items[index].Checksum ? 1 : 2;
            foundDamaged = Interlocked.CompareExchange(ref _states[index], (byte)state, 0) == 0 && state == 2;
        }

        return state == 1;
    }
}

/// <summary>An article's plain text as UTF-16 in a <see cref="ContentRegion"/>, copied into a string when asked.</summary>
/// <param name="file">The article's source file, asked for only when the text is damaged.</param>
internal sealed class MappedText(ContentItems texts, int index, Func<int, string> file, BodyRenderer renderer) : DocumentText
{
    private string? _fromSource;

    public override string Read() => InPlace(out var text) ? new string(text) : FromSource();

    public override string Start(int chars)
    {
        if (!InPlace(out var text))
        {
            return FromSource();
        }

        int end = Math.Min(text.Length, chars);
        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end++; // not half a pair
        }

        return new string(text[..end]);
    }

    // Read in place: a hit's whole text, copied into a string, was most of what a search allocated.
    internal override string Snippet(IReadOnlyList<QueryTerm> terms) => SnippetBuilder.Build(InPlace(out var text) ? text : FromSource(), terms);

    /// <summary>The text in the store file, checked on its first read; false when it is damaged.</summary>
    private bool InPlace(out ReadOnlySpan<char> text)
    {
        bool whole = texts.TryRead(index, file, "plain text", out var utf16);
        text = MemoryMarshal.Cast<byte, char>(utf16);
        return whole;
    }

    // Rendered again from the source, once: a damaged store is rare, and replaced at the next start.
    private string FromSource() => _fromSource ??= renderer.Render(texts.Region.SourceUtf8(file(index)), file(index)).PlainText;
}
