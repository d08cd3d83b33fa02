using System.Runtime.CompilerServices;

namespace WikiViewer.Search;

/// <summary>
/// A growable byte stream inside a <see cref="ByteSlicePool"/>: a chain of slices of
/// doubling size, each ending in the 4-byte address of the next.
/// </summary>
internal struct SliceStream
{
    public int Head;
    public int Write;
    public int End;
    public int Length;
    public int Level;
}

/// <summary>
/// Build-time storage for many small, growing postings lists without an object per list:
/// every list is a chain of slices carved out of shared 128 KB blocks. One pool serves one
/// partition of the terms, so it stays small and its writes stay close together. Blocks are
/// large-object-heap sized on purpose: the GC neither zeroes nor copies them between generations.
/// </summary>
internal sealed class ByteSlicePool
{
    private const int BlockShift = 17;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;
    private const int FirstSliceSize = 16;
    private const int MaxLevel = 8; // slices stop growing at 4 KB: little waste at the tail of long lists
    private const int PointerSize = 4;

    private readonly List<byte[]> _blocks = [];
    private int _block = -1; // the block slices are being carved from
    private int _offset = BlockSize;

    /// <summary>Bytes of the blocks in use (blocks kept for reuse after <see cref="Clear"/> not counted).</summary>
    public long SizeInBytes => (long)(_block + 1) * BlockSize;

    /// <summary>Forgets every slice, keeping the blocks for the next ones: a build that writes out its postings and goes on reuses them.</summary>
    public void Clear()
    {
        _block = -1;
        _offset = BlockSize;
    }

    private static int SliceSize(int level) => FirstSliceSize << level;

    private int Allocate(int level)
    {
        int size = SliceSize(level);
        if (_offset + size > BlockSize)
        {
            if (++_block == _blocks.Count)
            {
                if (_blocks.Count == (int.MaxValue >> BlockShift))
                {
                    throw new InvalidOperationException("A search index partition outgrew 2 GB of postings.");
                }

                // Uninitialized: a slice's bytes are only ever read after they were written.
                _blocks.Add(GC.AllocateUninitializedArray<byte>(BlockSize));
            }

            _offset = 0;
        }

        int address = (_block << BlockShift) | _offset;
        _offset += size;
        return address;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteVarint(ref SliceStream stream, uint value)
    {
        if (stream.End == 0) // never written: End is at least 12 once a slice exists
        {
            int first = Allocate(0);
            stream.Head = first;
            stream.Write = first;
            stream.End = first + SliceSize(0) - PointerSize;
        }

        // Fast path: the whole varint fits in the current slice (slices never cross blocks).
        if (stream.End - stream.Write >= 5)
        {
            byte[] block = _blocks[stream.Write >> BlockShift];
            int at = stream.Write & BlockMask;
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
            int next = Allocate(level);
            BitConverter.TryWriteBytes(_blocks[stream.End >> BlockShift].AsSpan(stream.End & BlockMask, PointerSize), next);
            stream.Level = level;
            stream.Write = next;
            stream.End = next + SliceSize(level) - PointerSize;
        }

        _blocks[stream.Write >> BlockShift][stream.Write & BlockMask] = value;
        stream.Write++;
        stream.Length++;
    }

    /// <summary>Reads the byte the stream writes next, to bring it into cache ahead of the write.</summary>
    public byte Peek(in SliceStream stream) => stream.End == 0 ? (byte)0 : _blocks[stream.Write >> BlockShift][stream.Write & BlockMask];

    /// <summary>Copies the stream's bytes, in order, to <paramref name="destination"/>.</summary>
    public void CopyTo(in SliceStream stream, Span<byte> destination)
    {
        int remaining = stream.Length;
        int address = stream.Head;
        int level = 0;
        int written = 0;
        while (remaining > 0)
        {
            int dataSize = SliceSize(level) - PointerSize;
            int count = Math.Min(remaining, dataSize);
            byte[] block = _blocks[address >> BlockShift];
            int offset = address & BlockMask;
            block.AsSpan(offset, count).CopyTo(destination.Slice(written));
            written += count;
            remaining -= count;
            if (remaining > 0)
            {
                address = BitConverter.ToInt32(block, offset + dataSize);
                level = Math.Min(level + 1, MaxLevel);
            }
        }
    }
}
