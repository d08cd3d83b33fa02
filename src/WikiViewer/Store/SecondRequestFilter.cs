using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace WikiViewer.Store;

/// <summary>
/// Whether a key was asked for recently, so a cache keeps what is asked for a second time
/// and not what is asked for once: at a million articles most pages a reader opens are
/// opened once in hours, and a cache that keeps each of them holds nothing longer than it
/// takes to fill, while the collector copies every page through the heap's generations
/// (docs/benchmarks.md, "Pages: kept from their second request"). The doorkeeper of
/// TinyLFU: a Bloom filter, emptied once it has taken in as many keys as it was sized for,
/// so "recently" is the last <see cref="Window"/> or so distinct keys.
/// </summary>
/// <remarks>
/// A key not asked for before is taken for one that was about once in 200 times (three bits
/// of 16 per key in the window); such a key is kept at its first request, as every key was
/// before. Safe for concurrent use: bits are set atomically; an emptying that races with a
/// request forgets a key or two.
/// </remarks>
public sealed class SecondRequestFilter
{
    /// <summary>The window of the caches' filters: about the last 131,072 distinct keys, in 256 KB.</summary>
    public const int CacheWindow = 1 << 17;

    private const int BitsPerKey = 16;
    private const int Hashes = 3;

    private readonly ulong[] _bits;
    private readonly ulong _bitMask;
    private int _taken;

    /// <param name="window">How many distinct keys it remembers before it starts again.</param>
    public SecondRequestFilter(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = window;
        long bits = Math.Max(64, (long)BitOperations.RoundUpToPowerOf2((ulong)window * BitsPerKey));
        _bits = new ulong[bits / 64];
        _bitMask = (ulong)bits - 1;
    }

    /// <summary>How many distinct keys it remembers.</summary>
    public int Window { get; }

    /// <summary>True when <paramref name="key"/> was asked for before, within the window; else remembers it and returns false.</summary>
    public bool SeenBefore(ReadOnlySpan<char> key) => SeenBefore(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key)));

    /// <summary><see cref="SeenBefore(ReadOnlySpan{char})"/> for a key already hashed to 64 well-mixed bits.</summary>
    public bool SeenBefore(ulong hash)
    {
        // Double hashing: the three bit positions from two halves of one hash.
        ulong step = (hash >> 32) | 1;
        bool seen = true;
        for (int i = 0; i < Hashes; i++)
        {
            ulong bit = (hash + ((ulong)i * step)) & _bitMask;
            ulong mask = 1UL << (int)(bit & 63);
            ref ulong word = ref _bits[bit >> 6];
            if ((Volatile.Read(ref word) & mask) == 0)
            {
                seen = false;
                Interlocked.Or(ref word, mask);
            }
        }

        if (!seen && Interlocked.Increment(ref _taken) >= Window)
        {
            Volatile.Write(ref _taken, 0);
            Array.Clear(_bits);
        }

        return seen;
    }
}
