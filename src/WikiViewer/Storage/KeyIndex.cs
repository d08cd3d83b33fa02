using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace WikiViewer.Storage;

/// <summary>
/// Finds a key among the keys of a <see cref="StringTable"/> in one or two probes: an
/// open-addressing hash table of entry numbers, sized to a power of two at least twice
/// the keys, that a store file holds in place beside the keys. The hash is XxHash3 of
/// the key's UTF-16 units, the same in every process, unlike <see cref="string.GetHashCode()"/>.
/// </summary>
internal sealed class KeyIndex
{
    private readonly StringTable _keys;

    // Entry number + 1 per slot; 0 is an empty slot.
    private readonly ReadOnlyArray<int> _slots;

    public KeyIndex(StringTable keys, ReadOnlyArray<int> slots)
    {
        if (slots.Length < keys.Count + 1 || !BitOperations.IsPow2(slots.Length))
        {
            throw new InvalidDataException($"a key index of {slots.Length} slots cannot hold {keys.Count} keys");
        }

        _keys = keys;
        _slots = slots;
    }

    public StringTable Keys => _keys;

    internal ReadOnlyArray<int> Slots => _slots;

    public int Count => _keys.Count;

    /// <summary>The entry number of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        var slots = _slots.Span;
        int mask = slots.Length - 1;
        for (int slot = Slot(key, mask), probes = 0; probes < slots.Length; slot = (slot + 1) & mask, probes++)
        {
            int entry = slots[slot] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if ((uint)entry >= (uint)_keys.Count)
            {
                throw new InvalidDataException($"a key index names entry {entry} of {_keys.Count}");
            }

            if (_keys.Span(entry).SequenceEqual(key))
            {
                return entry;
            }
        }

        return -1;
    }

    /// <summary>The index over <paramref name="keys"/>, which must be distinct.</summary>
    public static KeyIndex Of(StringTable keys)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, (keys.Count * 2) + 1));
        int[] slots = new int[size];
        int mask = size - 1;
        for (int entry = 0; entry < keys.Count; entry++)
        {
            int slot = Slot(keys.Span(entry), mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry + 1;
        }

        return new KeyIndex(keys, slots);
    }

    private static int Slot(ReadOnlySpan<char> key, int mask) => (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key)) & mask;
}
