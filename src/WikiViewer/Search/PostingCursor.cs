using System.Numerics;
using System.Runtime.Intrinsics;
using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>
/// Reads one term's postings forward. Positions are read only for the documents that need
/// them; those of skipped documents are stepped over lazily when positions are next asked for.
/// </summary>
internal struct PostingCursor
{
    private readonly ReadOnlyArray<byte> _docs;
    private readonly ReadOnlyArray<byte> _positions;
    private readonly SkipTable? _skips;
    private int _docsAt;
    private int _positionsAt;
    private int _remaining;
    private int _unreadPositions;
    private bool _positionsRead;

    // The last document of the block the cursor read last: no jump helps a target up to it.
    private int _blockLast;

    public PostingCursor(in PostingList postings, int offset)
    {
        _docs = postings.Docs;
        _docsAt = postings.DocsOffset;
        _positions = postings.Positions;
        _positionsAt = postings.PositionsOffset;
        _skips = postings.Skips;
        _remaining = postings.DocumentFrequency;
        DocumentFrequency = postings.DocumentFrequency;
        Offset = offset;
        Document = -1;
        Frequency = 0;
        _unreadPositions = 0;
        _positionsRead = true;
        _blockLast = -1;
    }

    /// <summary>The current document; int.MaxValue once exhausted.</summary>
    public int Document { get; private set; }

    public int Frequency { get; private set; }

    public int DocumentFrequency { get; }

    /// <summary>The term's skip table, when it is frequent enough to have one.</summary>
    public readonly SkipTable? Skips => _skips;

    /// <summary>The term's position within the query phrase.</summary>
    public int Offset { get; }

    // Optimized at its first compile: it has no loop, so tiering would run it unoptimized, with
    // every property call in it, through a server's first seconds of searches.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        if (!_positionsRead)
        {
            _unreadPositions += Frequency;
        }

        if (_remaining == 0)
        {
            Document = int.MaxValue;
            Frequency = 0;
            _positionsRead = true;
            return false;
        }

        _remaining--;
        ReadOnlySpan<byte> docs = _docs.Span;
        uint entry = ReadVarint(docs, ref _docsAt);
        Document += (int)(entry >> 1);
        Frequency = (entry & 1) != 0 ? 1 : (int)ReadVarint(docs, ref _docsAt);
        _positionsRead = false;
        return true;
    }

    /// <summary>Moves to the first document at or after <paramref name="target"/>.</summary>
    public bool Advance(int target)
    {
        if (_skips is not null && target > _blockLast && Document < target && MayJumpTo(target))
        {
            int block = _skips.LastBlockBefore(target);
            if (block >= 0 && _skips.LastDocument(block) > Document)
            {
                // Resume after that block: every earlier document and its positions are passed.
                Document = _skips.LastDocument(block);
                Frequency = 0;
                _docsAt = _skips.DocsOffset(block);
                _positionsAt = _skips.PositionsOffset(block);
                _remaining = DocumentFrequency - SkipTable.DocumentsThrough(block);
                _unreadPositions = 0;
                _positionsRead = true;
            }
        }

        while (Document < target)
        {
            if (!MoveNext())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a block lies whole between the current document and <paramref name="target"/>. Most
    /// targets (a phrase's candidates) fall in the block being read, and then the table's binary
    /// search would find only blocks already passed. Remembers that block's last document.
    /// </summary>
    private bool MayJumpTo(int target)
    {
        int read = DocumentFrequency - _remaining;
        if (read == 0)
        {
            return true;
        }

        int block = (read - 1) / SkipTable.BlockSize; // the block of the current document
        _blockLast = block < _skips!.BlockCount ? _skips.LastDocument(block) : int.MaxValue;
        return _blockLast < target;
    }

    /// <summary>Decodes the current document's positions into <paramref name="buffer"/>; returns their count.</summary>
    public int ReadPositions(ref int[] buffer)
    {
        ReadOnlySpan<byte> bytes = _positions.Span;
        int at = SkipVarints(bytes, _positionsAt, _unreadPositions);
        _unreadPositions = 0;
        if (buffer.Length < Frequency)
        {
            buffer = new int[Math.Max(Frequency, buffer.Length * 2)];
        }

        int position = 0;
        for (int i = 0; i < Frequency; i++)
        {
            position += (int)ReadVarint(bytes, ref at);
            buffer[i] = position;
        }

        _positionsAt = at;
        _positionsRead = true;
        return Frequency;
    }

    /// <summary>
    /// Steps over <paramref name="count"/> varints. A frequent term's cursor skips the
    /// positions of every document it passed on its way to the next candidate; each
    /// varint ends in a byte below 0x80, so 32 bytes are counted at a time.
    /// </summary>
    internal static int SkipVarints(ReadOnlySpan<byte> bytes, int at, int count)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            while (count > 0 && at + Vector256<byte>.Count <= bytes.Length)
            {
                uint ends = ~Vector256.ExtractMostSignificantBits(Vector256.Create(bytes[at..]));
                int found = BitOperations.PopCount(ends);
                if (found >= count)
                {
                    for (int k = 1; k < count; k++)
                    {
                        ends &= ends - 1;
                    }

                    return at + BitOperations.TrailingZeroCount(ends) + 1;
                }

                count -= found;
                at += Vector256<byte>.Count;
            }
        }

        for (; count > 0; count--)
        {
            while ((bytes[at++] & 0x80) != 0)
            {
            }
        }

        return at;
    }

    // Most entries are one byte: that case is inlined into the loops that read them, the rest is a call.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static uint ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = bytes[at];
        if (value < 0x80)
        {
            at++;
            return value;
        }

        return ReadLongVarint(bytes, ref at);
    }

    private static uint ReadLongVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = bytes[at++] & 0x7Fu;
        int shift = 7;
        while (true)
        {
            uint next = bytes[at++];
            value |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }
}
