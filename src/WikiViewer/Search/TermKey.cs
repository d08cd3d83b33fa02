using System.Runtime.CompilerServices;

namespace WikiViewer.Search;

/// <summary>
/// An index term: a CJK character or bigram packed into <see cref="Code"/>, or a word.
/// The index is split into partitions by a hash of the term, so that several threads can
/// build it without sharing anything; the hash must be the same at build and query time.
/// </summary>
internal readonly record struct TermKey(long Code, string? Word)
{
    public static TermKey ForCode(long code) => new(code, null);

    public static TermKey ForWord(string word) => new(0, word);

    public int Partition(int partitionCount) => Word is null ? PartitionOf(Code, partitionCount) : PartitionOf(Word, partitionCount);

    public static int PartitionOf(long code, int partitionCount)
    {
        // A different multiplier from LongIntMap's, so a partition's keys do not cluster in its table.
        ulong mixed = (ulong)code * 0xC2B2AE3D27D4EB4FUL;
        return Reduce((uint)(mixed >> 32), partitionCount);
    }

    public static int PartitionOf(ReadOnlySpan<char> word, int partitionCount)
    {
        uint hash = 2166136261;
        foreach (char c in word)
        {
            hash = (hash ^ c) * 16777619;
        }

        return Reduce(hash * 0x9E3779B1, partitionCount);
    }

    /// <summary>Maps a well-mixed hash onto [0, count) with a multiply instead of a division.</summary>
    private static int Reduce(uint hash, int count) => (int)(((ulong)hash * (uint)count) >> 32);

    public override string ToString() => Word ?? Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Open-addressing map from a non-zero long to an int; the build's hot lookup.</summary>
internal sealed class LongIntMap
{
    private long[] _keys;
    private int[] _values;
    private int _mask;
    private int _shift;

    public LongIntMap(int initialCapacity = 1024)
    {
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, initialCapacity * 2));
        _keys = new long[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    public int Count { get; private set; }

    /// <summary>Returns the value for <paramref name="key"/>, adding <paramref name="valueIfNew"/> when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(long key, int valueIfNew, out bool added)
    {
        int slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            long existing = _keys[slot];
            if (existing == key)
            {
                added = false;
                return _values[slot];
            }

            if (existing == 0)
            {
                _keys[slot] = key;
                _values[slot] = valueIfNew;
                added = true;
                if (++Count * 2 > _keys.Length)
                {
                    Grow();
                }

                return valueIfNew;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private void Grow()
    {
        long[] oldKeys = _keys;
        int[] oldValues = _values;
        int capacity = oldKeys.Length * 2;
        _keys = new long[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        _shift--;
        for (int i = 0; i < oldKeys.Length; i++)
        {
            long key = oldKeys[i];
            if (key == 0)
            {
                continue;
            }

            int slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = oldValues[i];
        }
    }
}
