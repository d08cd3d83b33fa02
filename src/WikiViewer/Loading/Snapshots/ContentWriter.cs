using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace WikiViewer.Loading.Snapshots;

/// <summary>
/// A snapshot's content region as it is written: article bodies and plain texts as UTF-8,
/// one after another, in a side file while the sequential part is written (one pass over
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

    public void Write(SnapshotWriter entry, string text)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Write(entry, buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
