namespace WikiViewer.Search;

/// <summary>
/// Where a frequent term's postings stand after every <see cref="BlockSize"/> documents.
/// In a phrase, the rarest term proposes candidates and the others move to each one; a
/// frequent term (一个, 的一) would decode every document on the way. With this table it
/// jumps to the block before the candidate (docs/benchmarks.md, "Search: skip tables for
/// frequent terms"). Built from the postings on the term's first use in a query, then kept.
/// </summary>
internal sealed class SkipTable
{
    public const int BlockSize = 128;

    /// <summary>Shorter postings are read through faster than a table is looked up.</summary>
    public const int MinDocumentFrequency = 4 * BlockSize;

    private readonly int[] _lastDocuments;
    private readonly int[] _docsOffsets;
    private readonly int[] _positionsOffsets;

    private SkipTable(int[] lastDocuments, int[] docsOffsets, int[] positionsOffsets)
    {
        _lastDocuments = lastDocuments;
        _docsOffsets = docsOffsets;
        _positionsOffsets = positionsOffsets;
    }

    /// <summary>Decodes the postings once: per full block, its last document and where both streams continue.</summary>
    public static SkipTable Build(in PostingList postings)
    {
        int blocks = postings.DocumentFrequency / BlockSize;
        var lastDocuments = new int[blocks];
        var docsOffsets = new int[blocks];
        var positionsOffsets = new int[blocks];
        ReadOnlySpan<byte> docs = postings.Docs.Span;
        ReadOnlySpan<byte> positionsStream = postings.Positions.Span;
        int docsAt = postings.DocsOffset;
        int positionsAt = postings.PositionsOffset;
        int document = -1;
        for (int block = 0; block < blocks; block++)
        {
            int positions = 0;
            for (int i = 0; i < BlockSize; i++)
            {
                uint entry = PostingCursor.ReadVarint(docs, ref docsAt);
                document += (int)(entry >> 1);
                positions += (entry & 1) != 0 ? 1 : (int)PostingCursor.ReadVarint(docs, ref docsAt);
            }

            positionsAt = PostingCursor.SkipVarints(positionsStream, positionsAt, positions);
            lastDocuments[block] = document;
            docsOffsets[block] = docsAt;
            positionsOffsets[block] = positionsAt;
        }

        return new SkipTable(lastDocuments, docsOffsets, positionsOffsets);
    }

    /// <summary>The last block whose documents all come before <paramref name="target"/>; -1 when none does.</summary>
    public int LastBlockBefore(int target)
    {
        int index = Array.BinarySearch(_lastDocuments, target);
        return (index >= 0 ? index : ~index) - 1;
    }

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
