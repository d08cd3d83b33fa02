using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>
/// Where a frequent term's postings stand after every <see cref="BlockSize"/> documents.
/// In a phrase, the rarest term proposes candidates and the others move to each one; a
/// frequent term (一个, 的一) would decode every document on the way. With this table it
/// jumps to the block before the candidate (docs/benchmarks.md, "Search: skip tables for
/// frequent terms"). A store file holds every frequent term's table (<see cref="SkipTableColumns"/>);
/// an index built in memory builds one from the postings on the term's first use, and keeps it.
/// <para>
/// Each block also records the highest share of the term's relevance any of its documents
/// earns in the field (<see cref="FieldIndex.Share(int, int)"/>), and its shortest document:
/// a ranking passes over blocks that cannot reach its best so far (<see cref="PrunedRanking"/>).
/// The documents after the last full block have such an entry too.
/// </para>
/// </summary>
internal sealed class SkipTable
{
    public const int BlockSize = 64;

    /// <summary>Shorter postings are read through faster than a table is looked up.</summary>
    public const int MinDocumentFrequency = 512;

    private readonly SkipTableColumns.Arrays _columns;
    private readonly int _start;

    /// <summary>The table whose entries start at <paramref name="start"/> in <paramref name="columns"/>.</summary>
    public SkipTable(SkipTableColumns.Arrays columns, int start, int documentFrequency)
    {
        _columns = columns;
        _start = start;
        BlockCount = documentFrequency / BlockSize;
    }

    /// <summary>Whether a term with these postings has a table: frequent, and not a single character, which has no positions and is never a phrase's part.</summary>
    public static bool IsFor(in TermKey key, int documentFrequency) => IsFor(key.Word is not null, key.Code, documentFrequency);

    public static bool IsFor(bool isWord, long code, int documentFrequency) =>
        documentFrequency >= MinDocumentFrequency && (isWord || !TextAnalyzer.IsUnigramKey(code));

    /// <summary>Decodes the postings once into a table of its own.</summary>
    public static SkipTable Build(in PostingList postings, FieldIndex field)
    {
        var columns = new SkipTableColumns();
        columns.Add(postings.Docs.Span, postings.DocsOffset, postings.Positions.Span, postings.PositionsOffset, postings.DocumentFrequency, field);
        return new SkipTable(columns.ToArrays(), 0, postings.DocumentFrequency);
    }

    /// <summary>The last block whose documents all come before <paramref name="target"/>; -1 when none does.</summary>
    public int LastBlockBefore(int target) => BlockOf(target) - 1;

    /// <summary>The first block (<see cref="BlockCount"/> for the documents after the full blocks) that may hold <paramref name="document"/> or a later one.</summary>
    public int BlockOf(int document)
    {
        int index = _columns.LastDocuments.Span.Slice(_start, BlockCount).BinarySearch(document);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The highest share of relevance in a block, or (at <see cref="BlockCount"/>) after the full blocks.</summary>
    public double MaxShare(int block) => _columns.MaxShares[_start + block];

    /// <summary>The shortest field length of a block's documents, or (at <see cref="BlockCount"/>) of those after the full blocks.</summary>
    public int MinLength(int block) => _columns.MinLengths[_start + block];

    /// <summary>How many full blocks the table covers.</summary>
    public int BlockCount { get; }

    /// <summary>The last document of a block.</summary>
    public int LastDocument(int block) => _columns.LastDocuments[_start + block];

    /// <summary>Where the documents stream continues after a block.</summary>
    public int DocsOffset(int block) => _columns.DocsOffsets[_start + block];

    /// <summary>Where the positions stream continues after a block.</summary>
    public int PositionsOffset(int block) => _columns.PositionsOffsets[_start + block];

    /// <summary>How many documents the blocks up to and including this one hold.</summary>
    public static int DocumentsThrough(int block) => (block + 1) * BlockSize;
}

/// <summary>
/// The entries of many skip tables one after another, as a store file keeps a partition's:
/// per table, one entry per full block and one for the documents after them.
/// </summary>
internal sealed class SkipTableColumns
{
    private int[] _lastDocuments = new int[64];
    private int[] _docsOffsets = new int[64];
    private int[] _positionsOffsets = new int[64];
    private double[] _maxShares = new double[64];
    private int[] _minLengths = new int[64];

    /// <summary>Entries so far: where the next table starts.</summary>
    public int Count { get; private set; }

    /// <summary>The columns, read in place or on the heap; the last three offsets of a table's final entry are unused.</summary>
    public sealed record Arrays(ReadOnlyArray<int> LastDocuments, ReadOnlyArray<int> DocsOffsets, ReadOnlyArray<int> PositionsOffsets,
        ReadOnlyArray<double> MaxShares, ReadOnlyArray<int> MinLengths);

    public void Clear() => Count = 0;

    /// <summary>
    /// Decodes one term's postings once: per full block, its last document and where both
    /// streams continue; per block and for the rest, the highest share of relevance and the
    /// shortest document in <paramref name="field"/>.
    /// </summary>
    public void Add(ReadOnlySpan<byte> docs, int docsAt, ReadOnlySpan<byte> positionsStream, int positionsAt, int documentFrequency, FieldIndex field)
    {
        ReadOnlySpan<int> lengths = field.Lengths.Span;
        int blocks = documentFrequency / SkipTable.BlockSize;
        Ensure(Count + blocks + 1);
        int document = -1;
        for (int block = 0; block <= blocks; block++)
        {
            int positions = 0;
            double maxShare = 0;
            int minLength = int.MaxValue;

            // The document with the highest share so far: one no more frequent and no shorter
            // cannot earn more, and most are such, so few shares are computed.
            int bestFrequency = 0;
            int bestLength = int.MaxValue;
            int size = block < blocks ? SkipTable.BlockSize : documentFrequency - (blocks * SkipTable.BlockSize);
            for (int i = 0; i < size; i++)
            {
                uint entry = PostingCursor.ReadVarint(docs, ref docsAt);
                document += (int)(entry >> 1);
                int frequency = (entry & 1) != 0 ? 1 : (int)PostingCursor.ReadVarint(docs, ref docsAt);
                positions += frequency;
                int length = lengths[document];
                minLength = Math.Min(minLength, length);
                if (frequency > bestFrequency || length < bestLength)
                {
                    double share = field.ShareAtLength(frequency, length);
                    if (share > maxShare)
                    {
                        (maxShare, bestFrequency, bestLength) = (share, frequency, length);
                    }
                }
            }

            int at = Count++;
            _maxShares[at] = maxShare;
            _minLengths[at] = minLength;
            if (block < blocks)
            {
                positionsAt = PostingCursor.SkipVarints(positionsStream, positionsAt, positions);
            }

            _lastDocuments[at] = document;
            _docsOffsets[at] = docsAt;
            _positionsOffsets[at] = positionsAt;
        }
    }

    /// <summary>Copies of the columns, to search.</summary>
    public Arrays ToArrays() => new(Column(_lastDocuments), Column(_docsOffsets), Column(_positionsOffsets), Column(_maxShares), Column(_minLengths));

    public ReadOnlySpan<int> LastDocuments => _lastDocuments.AsSpan(0, Count);

    public ReadOnlySpan<int> DocsOffsets => _docsOffsets.AsSpan(0, Count);

    public ReadOnlySpan<int> PositionsOffsets => _positionsOffsets.AsSpan(0, Count);

    public ReadOnlySpan<double> MaxShares => _maxShares.AsSpan(0, Count);

    public ReadOnlySpan<int> MinLengths => _minLengths.AsSpan(0, Count);

    private T[] Column<T>(T[] column) => column.AsSpan(0, Count).ToArray();

    private void Ensure(int length)
    {
        if (length <= _lastDocuments.Length)
        {
            return;
        }

        int size = Math.Max(length, _lastDocuments.Length * 2);
        Array.Resize(ref _lastDocuments, size);
        Array.Resize(ref _docsOffsets, size);
        Array.Resize(ref _positionsOffsets, size);
        Array.Resize(ref _maxShares, size);
        Array.Resize(ref _minLengths, size);
    }
}
