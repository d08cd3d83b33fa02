namespace CorpusGen;

/// <summary>
/// xoshiro256** seeded through SplitMix64. System.Random is not used because
/// its sequence for a given seed is not promised across .NET versions, and the
/// corpus must be byte-identical for the same arguments.
/// </summary>
internal sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent stream per (seed, purpose, index), so any article can be made alone and in any order.</summary>
    public static Rng For(int seed, ulong purpose, long index)
    {
        ulong x = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ (purpose * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)index * 0x165667B19E3779F9UL);
        return new Rng(SplitMix64(ref x));
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, maxExclusive) by Lemire's multiply-shift; the bias is far below anything visible here.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)(uint)maxExclusive) >> 32);
    }

    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Small counts with a long tail: how many sentences, sections, links.</summary>
    public int Geometric(double continueProbability, int min, int max)
    {
        int n = min;
        while (n < max && Chance(continueProbability))
        {
            n++;
        }
        return n;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
