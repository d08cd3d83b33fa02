namespace WikiViewer.Storage;

/// <summary>
/// Strings one after another in one run of UTF-16 units, and where each starts: a
/// million titles as two arrays, which a store file holds in place, not a million
/// strings on the heap.
/// </summary>
internal sealed class StringTable
{
    private readonly ReadOnlyArray<char> _chars;
    private readonly ReadOnlyArray<int> _starts;

    /// <param name="starts">Where each string starts in <paramref name="chars"/>, and after the last one where it ends.</param>
    public StringTable(ReadOnlyArray<char> chars, ReadOnlyArray<int> starts)
    {
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != chars.Length)
        {
            throw new InvalidDataException($"a string table's starts do not span its {chars.Length} characters");
        }

        _chars = chars;
        _starts = starts;
    }

    public int Count => _starts.Length - 1;

    internal ReadOnlyArray<char> Chars => _chars;

    internal ReadOnlyArray<int> Starts => _starts;

    public string this[int index] => new(Span(index));

    /// <summary>String <paramref name="index"/> in place; an entry whose bounds are out of order is damage, and says so.</summary>
    public ReadOnlySpan<char> Span(int index)
    {
        var starts = _starts.Span;
        int start = starts[index];
        int end = starts[index + 1];
        if ((uint)start > (uint)end || end > _chars.Length)
        {
            throw new InvalidDataException($"string {index} of a table spans {start} to {end} of {_chars.Length} characters");
        }

        return _chars.Span[start..end];
    }

    public static StringTable Of(IReadOnlyCollection<string> strings)
    {
        int[] starts = new int[strings.Count + 1];
        long total = 0;
        int i = 0;
        foreach (string s in strings)
        {
            total += s.Length;
            starts[++i] = total <= int.MaxValue ? (int)total : throw new InvalidOperationException("a string table holds at most 2^31 characters");
        }

        char[] chars = new char[total];
        i = 0;
        foreach (string s in strings)
        {
            s.CopyTo(chars.AsSpan(starts[i++]));
        }

        return new StringTable(chars, starts);
    }
}
