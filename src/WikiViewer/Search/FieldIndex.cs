using WikiViewer.Storage;

namespace WikiViewer.Search;

internal enum SearchField
{
    Title,
    Alias,
    Category,
    Body,
}

/// <summary>The immutable inverted index of one field, each document's length in it, and the field's weight in BM25.</summary>
internal sealed class FieldIndex
{
    /// <summary>BM25's saturation of a term's frequency, the same in every field.</summary>
    public const double K1 = 1.2;

    private static readonly (double Boost, double B)[] Weights =
    [
        (6.0, 0.5),  // title: a match here should beat any number of body matches
        (4.0, 0.5),  // alias
        (1.0, 0.3),  // category
        (1.0, 0.75), // body
    ];

    private readonly TermPartition[] _partitions;
    private readonly ReadOnlyArray<int> _lengths;

    public FieldIndex(SearchField field, TermPartition[] partitions, ReadOnlyArray<int> lengths)
    {
        (Boost, B) = Weights[(int)field];
        _partitions = partitions;
        _lengths = lengths;
        long total = 0;
        int nonEmpty = 0;
        foreach (int length in lengths.Span)
        {
            total += length;
            nonEmpty += length > 0 ? 1 : 0;
        }

        // Over the documents that have the field at all: most have no alias, and an empty
        // field must not make every alias look long.
        AverageLength = nonEmpty == 0 ? 1 : (double)total / nonEmpty;
    }

    /// <summary>The sum of every field's <see cref="Boost"/>: a term's highest relevance in all fields at once, in units of its idf × (K1 + 1).</summary>
    public static double TotalBoost { get; } = Weights.Sum(static weight => weight.Boost);

    /// <summary>How much a match in this field counts against one in the body.</summary>
    public double Boost { get; }

    /// <summary>How much the field's length discounts a match (BM25's b).</summary>
    public double B { get; }

    public double AverageLength { get; }

    /// <summary>The share of a term's highest relevance that <paramref name="frequency"/> occurrences in <paramref name="document"/> earn: BM25's frequency part.</summary>
    public double Share(int document, int frequency) => ShareAtLength(frequency, _lengths[document]);

    /// <summary>The share <paramref name="frequency"/> occurrences earn in a field <paramref name="length"/> terms long.</summary>
    public double ShareAtLength(int frequency, int length)
    {
        double norm = 1 - B + (B * length / AverageLength);
        return frequency / (frequency + (K1 * norm));
    }

    internal IReadOnlyList<TermPartition> Partitions => _partitions;

    /// <summary>Each document's length in this field, in terms.</summary>
    internal ReadOnlyArray<int> Lengths => _lengths;

    public int Length(int document) => _lengths[document];

    public int TermCount => _partitions.Sum(static partition => partition.TermCount);

    public long PostingsBytes => _partitions.Sum(static partition => partition.PostingsBytes);

    public long SizeInBytes => _partitions.Sum(static partition => partition.SizeInBytes) + _lengths.SizeInBytes;

    public bool TryGet(in TermKey key, out PostingList postings)
    {
        return _partitions[key.Partition(_partitions.Length)].TryGet(key, this, out postings);
    }
}
