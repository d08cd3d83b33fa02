namespace CorpusGen;

/// <summary>
/// Draws rank r (0-based) with probability proportional to 1/(r+1+q)^s: Zipf's
/// law, with Mandelbrot's offset q flattening the head when asked for.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent, double offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _cumulative = new double[count];
        double sum = 0;
        for (int r = 0; r < count; r++)
        {
            sum += 1.0 / Math.Pow(r + 1 + offset, exponent);
            _cumulative[r] = sum;
        }
    }

    public int Count => _cumulative.Length;

    public int Sample(Rng rng)
    {
        double u = rng.NextDouble() * _cumulative[^1];
        int i = Array.BinarySearch(_cumulative, u);
        // BinarySearch gives the complement of the first larger element when u is not present.
        return i >= 0 ? Math.Min(i + 1, _cumulative.Length - 1) : ~i;
    }
}
