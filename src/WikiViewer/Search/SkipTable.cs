namespace WikiViewer.Search;

/// <summary>
/// Where a frequent term's postings stand after every <see cref="BlockSize"/> documents.
/// In a phrase, the rarest term proposes candidates and the others move to each one; a
/// frequent term (一个, 的一) would decode every document on the way. With this table it
/// jumps to the block before the candidate (docs/benchmarks.md, "Search: skip tables for
/// frequent terms"). Built from the postings on the term's first use in a query, then kept.
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

    private readonly int[] _lastDocuments;
    private readonly int[] _docsOffsets;
    private readonly int[] _positionsOffsets;
    private readonly double[] _maxShares;
    private readonly int[] _minLengths;

    private SkipTable(int[] lastDocuments, int[] docsOffsets, int[] positionsOffsets, double[] maxShares, int[] minLengths)
    {
        _lastDocuments = lastDocuments;
        _docsOffsets = docsOffsets;
        _positionsOffsets = positionsOffsets;
        _maxShares = maxShares;
        _minLengths = minLengths;
    }

    /// <summary>
    /// Decodes the postings once: per full block, its last document and where both streams
    /// continue; per block and for the rest, the highest share of relevance and the shortest
    /// document in <paramref name="field"/>.
    /// </summary>
    public static SkipTable Build(in PostingList postings, FieldIndex field)
    {
        ReadOnlySpan<int> lengths = field.Lengths.Span;
        int blocks = postings.DocumentFrequency / BlockSize;
        var lastDocuments = new int[blocks];
        var docsOffsets = new int[blocks];
        var positionsOffsets = new int[blocks];
        var maxShares = new double[blocks + 1];
        var minLengths = new int[blocks + 1];
        ReadOnlySpan<byte> docs = postings.Docs.Span;
        ReadOnlySpan<byte> positionsStream = postings.Positions.Span;
        int docsAt = postings.DocsOffset;
        int positionsAt = postings.PositionsOffset;
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
            int size = block < blocks ? BlockSize : postings.DocumentFrequency - (blocks * BlockSize);
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

            maxShares[block] = maxShare;
            minLengths[block] = minLength;
            if (block < blocks)
            {
                positionsAt = PostingCursor.SkipVarints(positionsStream, positionsAt, positions);
                lastDocuments[block] = document;
                docsOffsets[block] = docsAt;
                positionsOffsets[block] = positionsAt;
            }
        }

        return new SkipTable(lastDocuments, docsOffsets, positionsOffsets, maxShares, minLengths);
    }

    /// <summary>The last block whose documents all come before <paramref name="target"/>; -1 when none does.</summary>
    public int LastBlockBefore(int target)
    {
        int index = Array.BinarySearch(_lastDocuments, target);
        return (index >= 0 ? index : ~index) - 1;
    }

    /// <summary>The first block (<see cref="BlockCount"/> for the documents after the full blocks) that may hold <paramref name="document"/> or a later one.</summary>
    public int BlockOf(int document)
    {
        int index = Array.BinarySearch(_lastDocuments, document);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The highest share of relevance in a block, or (at <see cref="BlockCount"/>) after the full blocks.</summary>
    public double MaxShare(int block) => _maxShares[block];

    /// <summary>The shortest field length of a block's documents, or (at <see cref="BlockCount"/>) of those after the full blocks.</summary>
    public int MinLength(int block) => _minLengths[block];

    /// <summary>How many full blocks the table covers.</summary>
    public int BlockCount => _lastDocuments.Length;

    /// <summary>The last document of a block.</summary>
    public int LastDocument(int block) => _lastDocuments[block];

    /// <summary>Where the documents stream continues after a block.</summary>
    public int DocsOffset(int block) => _docsOffsets[block];

    /// <summary>Where the positions stream continues after a block.</summary>
    public int PositionsOffset(int block) => _positionsOffsets[block];

    /// <summary>How many documents the blocks up to and including this one hold.</summary>
    public static int DocumentsThrough(int block) => (block + 1) * BlockSize;
}
