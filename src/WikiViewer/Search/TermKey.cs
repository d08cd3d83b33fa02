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
        // A different multiplier from the build's term tables, so a partition's keys do not cluster in its table.
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
