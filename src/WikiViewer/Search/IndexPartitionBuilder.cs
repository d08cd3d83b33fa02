namespace WikiViewer.Search;

/// <summary>
/// One build thread: reads every document and indexes the terms that hash to its partition,
/// for all fields. Partitioning by term rather than by document means no merge step: each
/// partition's postings are final as soon as its thread is done.
/// </summary>
internal sealed class IndexPartitionBuilder
{
    public const int FieldCount = 4;

    private readonly int _partition;
    private readonly int _partitionCount;
    private readonly PostingsBuilder[] _builders = [.. Enumerable.Range(0, FieldCount).Select(static _ => new PostingsBuilder())];

    private IndexPartitionBuilder(int partition, int partitionCount)
    {
        _partition = partition;
        _partitionCount = partitionCount;
    }

    public TermPartition[] Partitions { get; private set; } = [];

    /// <summary>Per field, each document's length in units; only partition 0 records them.</summary>
    public int[][]? Lengths { get; private set; }

    public static IndexPartitionBuilder Run(SearchDocument[] documents, int partition, int partitionCount)
    {
        var builder = new IndexPartitionBuilder(partition, partitionCount);
        int[][] lengths = [.. Enumerable.Range(0, FieldCount).Select(_ => new int[documents.Length])];
        for (int d = 0; d < documents.Length; d++)
        {
            SearchDocument document = documents[d];
            lengths[(int)SearchField.Title][d] = builder.IndexValue(SearchField.Title, document.Title, d);
            lengths[(int)SearchField.Alias][d] = builder.IndexValues(SearchField.Alias, document.Aliases, d);
            lengths[(int)SearchField.Category][d] = builder.IndexValues(SearchField.Category, document.Categories, d);
            lengths[(int)SearchField.Body][d] = builder.IndexValue(SearchField.Body, document.Text, d);
        }

        builder.Partitions = [.. builder._builders.Select(static postings => postings.Compact())];
        builder.Lengths = partition == 0 ? lengths : null;
        return builder;
    }

    private int IndexValues(SearchField field, IReadOnlyList<string>? values, int document)
    {
        if (values is null)
        {
            return 0;
        }

        int units = 0;
        int position = 0;
        foreach (string value in values)
        {
            units += IndexValue(field, value, document, ref position);

            // A gap, so that no phrase runs from one name into the next.
            position++;
        }

        return units;
    }

    private int IndexValue(SearchField field, string? value, int document)
    {
        int position = 0;
        return IndexValue(field, value, document, ref position);
    }

    /// <summary>Indexes one text from <paramref name="position"/>, which it advances past the text; returns the number of units.</summary>
    private int IndexValue(SearchField field, string? value, int document, ref int position)
    {
        string normalized = TextAnalyzer.Normalize(value);
        PostingsBuilder postings = _builders[(int)field];
        bool all = _partitionCount == 1;
        int units = 0;
        int previousCodePoint = 0;
        var tokenizer = new UnitTokenizer(normalized);
        while (tokenizer.MoveNext(out TextUnit unit))
        {
            if (units++ > 0)
            {
                position += unit.PositionIncrement - 1;
            }

            if (unit.Kind == UnitKind.Cjk)
            {
                long unigram = TextAnalyzer.UnigramKey(unit.CodePoint);
                if (all || TermKey.PartitionOf(unigram, _partitionCount) == _partition)
                {
                    postings.AddCode(unigram, document, position);
                }

                if (unit.JoinedToPrevious)
                {
                    long bigram = TextAnalyzer.BigramKey(previousCodePoint, unit.CodePoint);
                    if (all || TermKey.PartitionOf(bigram, _partitionCount) == _partition)
                    {
                        postings.AddCode(bigram, document, position - 1);
                    }
                }

                previousCodePoint = unit.CodePoint;
            }
            else
            {
                ReadOnlySpan<char> word = TextAnalyzer.WordKey(normalized, unit);
                if (all || TermKey.PartitionOf(word, _partitionCount) == _partition)
                {
                    postings.AddWord(word, document, position);
                }
            }

            position++;
        }

        return units;
    }
}
