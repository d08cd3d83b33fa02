using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WikiViewer.Loading.Snapshots;

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote. A length that the rest of the file
/// cannot hold, a file cut short, or a checksum that does not match is an
/// <see cref="InvalidDataException"/>: a damaged snapshot is never half believed.
/// </summary>
/// <param name="checksumAt">Where the checksum that ends the values stands; by default, the stream's last 8 bytes.</param>
internal sealed class SnapshotReader(Stream stream, long? checksumAt = null)
{
    private readonly XxHash3 _checksum = new();
    private readonly long _length = checksumAt ?? (stream.Length - sizeof(ulong));
    private readonly byte[] _number = new byte[sizeof(long)];

    public byte ReadByte()
    {
        Raw(_number.AsSpan(0, 1));
        return _number[0];
    }

    public int ReadInt32()
    {
        Raw(_number.AsSpan(0, sizeof(int)));
        return BinaryPrimitives.ReadInt32LittleEndian(_number);
    }

    public long ReadInt64()
    {
        Raw(_number);
        return BinaryPrimitives.ReadInt64LittleEndian(_number);
    }

    public ulong ReadUInt64()
    {
        Raw(_number);
        return BinaryPrimitives.ReadUInt64LittleEndian(_number);
    }

    /// <summary>A count of items, each at least <paramref name="itemBytes"/> long, that the rest of the file can hold.</summary>
    public int ReadCount(int itemBytes = 1)
    {
        int count = ReadInt32();
        if (count < 0 || (long)count * itemBytes > _length - stream.Position)
        {
            throw new InvalidDataException($"a count of {count} at byte {stream.Position} does not fit the file");
        }

        return count;
    }

    public string? ReadNullableString()
    {
        int length = ReadInt32();
        if (length == -1)
        {
            return null;
        }

        if (length < 0 || (long)length * sizeof(char) > _length - stream.Position)
        {
            throw new InvalidDataException($"a string of {length} characters at byte {stream.Position} does not fit the file");
        }

        return string.Create(length, this, static (chars, reader) => reader.Raw(MemoryMarshal.AsBytes(chars)));
    }

    public string ReadString() => ReadNullableString() ?? throw new InvalidDataException($"a missing string at byte {stream.Position}");

    public string[] ReadStrings()
    {
        var values = new string[ReadCount(sizeof(int))];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ReadString();
        }

        return values;
    }

    public T[] ReadArray<T>(bool pinned = false)
        where T : unmanaged
    {
        var values = GC.AllocateUninitializedArray<T>(ReadCount(Unsafe.SizeOf<T>()), pinned);
        Raw(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>
    /// Whether the checksum after the <paramref name="length"/> bytes at <paramref name="start"/>
    /// matches them, read in one pass before any value is believed: a damaged count would
    /// otherwise size an array before <see cref="ReadEnd"/> could tell. The stream is left
    /// where it was.
    /// </summary>
    public static bool ChecksumMatches(Stream stream, long start, long length)
    {
        long position = stream.Position;
        long content = length;
        if (content < 0 || start < 0 || stream.Length - start - content < sizeof(ulong))
        {
            return false;
        }

        var checksum = new XxHash3();
        byte[] buffer = new byte[(int)Math.Clamp(content, 1, 1 << 20)];
        stream.Position = start;
        for (long left = content; left > 0;)
        {
            int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                return false;
            }

            checksum.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        Span<byte> expected = stackalloc byte[sizeof(ulong)];
        checksum.GetCurrentHash(expected);
        Span<byte> stored = stackalloc byte[sizeof(ulong)];
        stream.ReadExactly(stored);
        stream.Position = position;
        return stored.SequenceEqual(expected);
    }

    /// <summary>Checks that the values end where the checksum stands, and the checksum.</summary>
    public void ReadEnd()
    {
        if (stream.Position != _length)
        {
            throw new InvalidDataException($"the values end at byte {stream.Position}, not at the checksum's byte {_length}");
        }

        Span<byte> expected = stackalloc byte[sizeof(ulong)];
        _checksum.GetCurrentHash(expected);
        Span<byte> stored = stackalloc byte[sizeof(ulong)];
        stream.ReadExactly(stored);
        if (!stored.SequenceEqual(expected))
        {
            throw new InvalidDataException("its checksum does not match its content");
        }
    }

    private void Raw(Span<byte> into)
    {
        stream.ReadExactly(into);
        _checksum.Append(into);
    }
}
