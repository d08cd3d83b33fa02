using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace WikiViewer.Loading.Snapshots;

/// <summary>
/// A snapshot's content region as it is written: article bodies as UTF-8 and plain texts
/// as UTF-16, one after another, in a side file while the sequential part is written (one pass over
/// the store, one item in memory at a time), then appended to the snapshot page-aligned.
/// Each item's entry in the sequential part is its offset in the region, its length and
/// its checksum, which the reader checks when the item is first read.
/// </summary>
internal sealed class ContentWriter(Stream side)
{
    /// <summary>The region's length so far.</summary>
    public long Length { get; private set; }

    public void Write(SnapshotWriter entry, ReadOnlySpan<byte> bytes)
    {
        entry.Write(Length);
        entry.Write(bytes.Length);
        entry.Write(XxHash3.HashToUInt64(bytes));
        side.Write(bytes);
        Length += bytes.Length;
    }

    /// <summary>
    /// A plain text, as UTF-16 at an even offset: a snippet copies it into a string as it
    /// stands instead of decoding UTF-8 on every query (docs/benchmarks.md, "Snapshot:
    /// article content read in place"), and Han text is smaller so, too.
    /// </summary>
    public void Write(SnapshotWriter entry, string text)
    {
        if (Length % 2 != 0)
        {
            side.WriteByte(0);
            Length++;
        }

        Write(entry, MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
