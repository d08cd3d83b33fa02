using WikiViewer.Storage;

namespace WikiViewer.Search;

internal enum SearchField
{
    Title,
    Alias,
    Category,
    Body,
}

/// <summary>The immutable inverted index of one field, and each document's length in it.</summary>
internal sealed class FieldIndex
{
    private readonly TermPartition[] _partitions;
    private readonly ReadOnlyArray<int> _lengths;

    public FieldIndex(TermPartition[] partitions, ReadOnlyArray<int> lengths)
    {
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

    public double AverageLength { get; }

    internal IReadOnlyList<TermPartition> Partitions => _partitions;

    /// <summary>Each document's length in this field, in terms.</summary>
    internal ReadOnlyArray<int> Lengths => _lengths;

    public int Length(int document) => _lengths[document];

    public int TermCount => _partitions.Sum(static partition => partition.TermCount);

    public long PostingsBytes => _partitions.Sum(static partition => partition.PostingsBytes);

    public long SizeInBytes => _partitions.Sum(static partition => partition.SizeInBytes) + _lengths.SizeInBytes;

    public bool TryGet(in TermKey key, out PostingList postings)
    {
        return _partitions[key.Partition(_partitions.Length)].TryGet(key, out postings);
    }
}
