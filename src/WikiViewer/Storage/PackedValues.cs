using System.Buffers;
using System.Runtime.InteropServices;

namespace WikiViewer.Storage;

/// <summary>
/// Whole numbers and strings packed one after another (numbers as 7-bit varints, strings
/// as their length then their UTF-16 units), for records of varying shape that a store
/// file keeps in place and a reader unpacks on demand.
/// </summary>
internal sealed class PackedWriter(IBufferWriter<byte> output)
{
    public void Write(int value) => Write((long)value);

    public void Write(long value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "packed numbers are not negative");
        }

        Write((ulong)value);
    }

    public void Write(ulong value)
    {
        var span = output.GetSpan(10);
        int length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        output.Advance(length);
    }

    public void Write(string value)
    {
        Write(value.Length);
        var bytes = MemoryMarshal.AsBytes(value.AsSpan());
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    public void Write(IReadOnlyCollection<string> values)
    {
        Write(values.Count);
        foreach (string value in values)
        {
            Write(value);
        }
    }
}

/// <summary>Reads what <see cref="PackedWriter"/> wrote; bytes that run out or do not parse are damage, and say so.</summary>
internal ref struct PackedReader(ReadOnlySpan<byte> bytes)
{
    private ReadOnlySpan<byte> _rest = bytes;

    public readonly bool AtEnd => _rest.IsEmpty;

    public int ReadInt32() => ReadUInt64() is var value && value <= int.MaxValue ? (int)value : throw new InvalidDataException("a packed number is out of range");

    public long ReadInt64() => ReadUInt64() is var value && value <= long.MaxValue ? (long)value : throw new InvalidDataException("a packed number is out of range");

    public ulong ReadUInt64()
    {
        ulong value = 0;
        for (int shift = 0, i = 0; shift < 70; shift += 7, i++)
        {
            if (i >= _rest.Length)
            {
                throw new InvalidDataException("a packed record ends inside a number");
            }

            byte b = _rest[i];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                _rest = _rest[(i + 1)..];
                return value;
            }
        }

        throw new InvalidDataException("a packed number runs on");
    }

    /// <summary>A count of items each at least <paramref name="itemBytes"/> long, that the rest can hold.</summary>
    public int ReadCount(int itemBytes = 1)
    {
        int count = ReadInt32();
        return (long)count * itemBytes <= _rest.Length ? count : throw new InvalidDataException($"a packed count of {count} does not fit its record");
    }

    public string ReadString()
    {
        int length = ReadInt32();
        if ((long)length * sizeof(char) > _rest.Length)
        {
            throw new InvalidDataException($"a packed string of {length} characters does not fit its record");
        }

        string value = new(MemoryMarshal.Cast<byte, char>(_rest[..(length * sizeof(char))]));
        _rest = _rest[(length * sizeof(char))..];
        return value;
    }

    public string[] ReadStrings()
    {
        var values = new string[ReadCount()];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ReadString();
        }

        return values;
    }
}
