using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace WikiViewer.Loading.Snapshots;

/// <summary>
/// Writes a snapshot's values: numbers little-endian, strings as their UTF-16 units
/// after their length (-1 for null), arrays of plain values as their bytes after their
/// length. <see cref="Finish"/> appends a checksum of everything written, which
/// <see cref="SnapshotReader"/> checks.
/// </summary>
internal sealed class SnapshotWriter(Stream stream)
{
    private readonly XxHash3 _checksum = new();
    private readonly byte[] _number = new byte[sizeof(long)];

    public void Write(byte value) => Raw([value]);

    public void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_number, value);
        Raw(_number.AsSpan(0, sizeof(int)));
    }

    public void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_number, value);
        Raw(_number);
    }

    public void Write(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_number, value);
        Raw(_number);
    }

    public void Write(string? value)
    {
        if (value is null)
        {
            Write(-1);
            return;
        }

        Write<char>(value);
    }

    public void Write<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        Write(values.Length);
        Raw(MemoryMarshal.AsBytes(values));
    }

    public void Write(IReadOnlyList<string> values)
    {
        Write(values.Count);
        foreach (string value in values)
        {
            Write(value);
        }
    }

    /// <summary>The checksum, last: a snapshot cut short or changed on disk does not match it.</summary>
    public void Finish()
    {
        Span<byte> checksum = stackalloc byte[sizeof(ulong)];
        _checksum.GetCurrentHash(checksum);
        stream.Write(checksum);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        _checksum.Append(bytes);
        stream.Write(bytes);
    }
}
