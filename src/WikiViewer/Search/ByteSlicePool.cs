namespace WikiViewer.Search;

/// <summary>
/// A growable byte stream inside a <see cref="ByteSlicePool"/>: a chain of slices of
/// doubling size, each ending in the 8-byte address of the next.
/// </summary>
internal struct SliceStream
{
    public long Head;
    public long Write;
    public long End;
    public int Level;
    public int Length;
}

/// <summary>
/// Build-time storage for millions of small, growing postings lists without an object
/// per list: every list is a chain of slices carved out of large shared blocks.
/// </summary>
internal sealed class ByteSlicePool
{
    private const int BlockShift = 18;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;
    private const int FirstSliceSize = 16;
    private const int MaxLevel = 8; // slices stop growing at 4 KB: little waste at the tail of long lists
    private const int PointerSize = 8;

    private readonly List<byte[]> _blocks = [];
    private byte[] _current = [];
    private int _offset = BlockSize;

    public long AllocatedBytes => (long)_blocks.Count * BlockSize;

    private static int SliceSize(int level) => FirstSliceSize << level;

    private long Allocate(int level)
    {
        int size = SliceSize(level);
        if (_offset + size > BlockSize)
        {
            _current = new byte[BlockSize];
            _blocks.Add(_current);
            _offset = 0;
        }

        long address = ((long)(_blocks.Count - 1) << BlockShift) | (uint)_offset;
        _offset += size;
        return address;
    }

    public void WriteVarint(ref SliceStream stream, uint value)
    {
        if (stream.End == 0) // never written: End is at least 8 once a slice exists
        {
            long first = Allocate(0);
            stream.Head = first;
            stream.Write = first;
            stream.End = first + SliceSize(0) - PointerSize;
        }

        // Fast path: the whole varint fits in the current slice (slices never cross blocks).
        if (stream.End - stream.Write >= 5)
        {
            byte[] block = _blocks[(int)(stream.Write >> BlockShift)];
            int at = (int)(stream.Write & BlockMask);
            int start = at;
            while (value >= 0x80)
            {
                block[at++] = (byte)(value | 0x80);
                value >>= 7;
            }

            block[at++] = (byte)value;
            stream.Write += at - start;
            stream.Length += at - start;
            return;
        }

        while (value >= 0x80)
        {
            WriteByte(ref stream, (byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte(ref stream, (byte)value);
    }

    private void WriteByte(ref SliceStream stream, byte value)
    {
        if (stream.Write == stream.End)
        {
            int level = Math.Min(stream.Level + 1, MaxLevel);
            long next = Allocate(level);
            byte[] pointerBlock = _blocks[(int)(stream.End >> BlockShift)];
            BitConverter.TryWriteBytes(pointerBlock.AsSpan((int)(stream.End & BlockMask), PointerSize), next);
            stream.Level = level;
            stream.Write = next;
            stream.End = next + SliceSize(level) - PointerSize;
        }

        _blocks[(int)(stream.Write >> BlockShift)][(int)(stream.Write & BlockMask)] = value;
        stream.Write++;
        stream.Length++;
    }

    /// <summary>Copies the stream's bytes, in order, to <paramref name="destination"/>.</summary>
    public void CopyTo(in SliceStream stream, Span<byte> destination)
    {
        int remaining = stream.Length;
        long address = stream.Head;
        int level = 0;
        int written = 0;
        while (remaining > 0)
        {
            int dataSize = SliceSize(level) - PointerSize;
            int count = Math.Min(remaining, dataSize);
            byte[] block = _blocks[(int)(address >> BlockShift)];
            int offset = (int)(address & BlockMask);
            block.AsSpan(offset, count).CopyTo(destination.Slice(written));
            written += count;
            remaining -= count;
            if (remaining > 0)
            {
                address = BitConverter.ToInt64(block, offset + dataSize);
                level = Math.Min(level + 1, MaxLevel);
            }
        }
    }
}
