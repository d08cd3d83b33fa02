using System.Collections.Concurrent;

namespace WikiViewer.Search;

/// <summary>Where one term's postings start, and how many documents they list.</summary>
internal readonly record struct PostingList(byte[] DocsPage, int DocsOffset, byte[] PositionsPage, int PositionsOffset, int DocumentFrequency, SkipTable? Skips = null);

/// <summary>
/// The immutable postings of the terms of one field that hash to one partition.
/// Term dictionary: sorted CJK codes, then sorted words in one char blob (ids follow that
/// order). Per term: document frequency and the offsets of two byte streams:
/// <list type="bullet">
/// <item>documents: per document varint((docDelta &lt;&lt; 1) | (freq == 1)), then varint(freq) unless it was 1;</item>
/// <item>positions: per document, freq varint position deltas (the first from 0); empty for
/// single CJK characters, which only ever stand alone in a query.</item>
/// </list>
/// Keeping positions apart lets single-term queries read only the small documents stream.
/// </summary>
internal sealed class TermPartition
{
    private readonly long[] _codes;
    private readonly char[] _wordChars;
    private readonly int[] _wordStarts;
    private readonly int[] _documentFrequencies;
    private readonly int[] _docsOffsets;
    private readonly int[] _positionsOffsets;
    private readonly byte[] _docs;
    private readonly byte[] _positions;

    // Skip tables of the frequent terms queries have used, by term id.
    private ConcurrentDictionary<int, SkipTable>? _skips;

    public TermPartition(long[] codes, char[] wordChars, int[] wordStarts, int[] documentFrequencies,
        int[] docsOffsets, int[] positionsOffsets, byte[] docs, byte[] positions)
    {
        _codes = codes;
        _wordChars = wordChars;
        _wordStarts = wordStarts;
        _documentFrequencies = documentFrequencies;
        _docsOffsets = docsOffsets;
        _positionsOffsets = positionsOffsets;
        _docs = docs;
        _positions = positions;
    }

    public int TermCount => _documentFrequencies.Length;

    // The arrays as the constructor took them, for the snapshot.
    internal long[] Codes => _codes;
    internal char[] WordChars => _wordChars;
    internal int[] WordStarts => _wordStarts;
    internal int[] DocumentFrequencies => _documentFrequencies;
    internal int[] DocsOffsets => _docsOffsets;
    internal int[] PositionsOffsets => _positionsOffsets;
    internal byte[] Docs => _docs;
    internal byte[] Positions => _positions;

    public long SizeInBytes =>
        ((long)_codes.Length * sizeof(long)) + ((long)_wordChars.Length * sizeof(char)) + ((long)_wordStarts.Length * sizeof(int))
        + ((long)_documentFrequencies.Length * sizeof(int)) + ((long)_docsOffsets.Length * sizeof(int))
        + ((long)_positionsOffsets.Length * sizeof(int)) + _docs.Length + _positions.Length;

    public long PostingsBytes => (long)_docs.Length + _positions.Length;

    public bool TryGet(in TermKey key, out PostingList postings)
    {
        int id = key.Word is null ? FindCode(key.Code) : FindWord(key.Word);
        if (id < 0)
        {
            postings = default;
            return false;
        }

        postings = new PostingList(_docs, _docsOffsets[id], _positions, _positionsOffsets[id], _documentFrequencies[id]);

        // Single characters have no positions and are never a phrase's part.
        if (postings.DocumentFrequency >= SkipTable.MinDocumentFrequency && (key.Word is not null || !TextAnalyzer.IsUnigramKey(key.Code)))
        {
            var tables = LazyInitializer.EnsureInitialized(ref _skips, static () => new ConcurrentDictionary<int, SkipTable>());
            postings = postings with { Skips = tables.GetOrAdd(id, static (_, list) => SkipTable.Build(list), postings) };
        }

        return true;
    }

    private int FindCode(long code)
    {
        int index = Array.BinarySearch(_codes, code);
        return index >= 0 ? index : -1;
    }

    private int FindWord(string word)
    {
        int low = 0;
        int high = _wordStarts.Length - 2;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int start = _wordStarts[middle];
            int comparison = _wordChars.AsSpan(start, _wordStarts[middle + 1] - start).SequenceCompareTo(word);
            if (comparison == 0)
            {
                return _codes.Length + middle;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
