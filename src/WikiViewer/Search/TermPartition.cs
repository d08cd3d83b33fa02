using System.Collections.Concurrent;
using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>Where one term's postings start in its partition's two streams, and how many documents they list.</summary>
internal readonly record struct PostingList(ReadOnlyArray<byte> Docs, int DocsOffset, ReadOnlyArray<byte> Positions, int PositionsOffset, int DocumentFrequency, SkipTable? Skips = null);

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
/// The arrays are the build's, or in place in a mapped store file; then the partition is
/// checked against its checksum on its first lookup, and a partition that does not match
/// finds no term.
/// </summary>
internal sealed class TermPartition
{
    private readonly ReadOnlyArray<long> _codes;
    private readonly ReadOnlyArray<char> _wordChars;
    private readonly ReadOnlyArray<int> _wordStarts;
    private readonly ReadOnlyArray<int> _documentFrequencies;
    private readonly ReadOnlyArray<int> _docsOffsets;
    private readonly ReadOnlyArray<int> _positionsOffsets;
    private readonly ReadOnlyArray<byte> _docs;
    private readonly ReadOnlyArray<byte> _positions;
    private readonly CheckedRange? _checked;
    private readonly StoredSkipTables? _stored;

    // Skip tables of the frequent terms queries have used, by term id.
    private ConcurrentDictionary<int, SkipTable>? _skips;

    /// <param name="stored">Every frequent term's skip table, as a store file keeps them; without, each is built on first use.</param>
    public TermPartition(ReadOnlyArray<long> codes, ReadOnlyArray<char> wordChars, ReadOnlyArray<int> wordStarts, ReadOnlyArray<int> documentFrequencies,
        ReadOnlyArray<int> docsOffsets, ReadOnlyArray<int> positionsOffsets, ReadOnlyArray<byte> docs, ReadOnlyArray<byte> positions,
        CheckedRange? checkedRange = null, StoredSkipTables? stored = null)
    {
        _stored = stored;
        _codes = codes;
        _wordChars = wordChars;
        _wordStarts = wordStarts;
        _documentFrequencies = documentFrequencies;
        _docsOffsets = docsOffsets;
        _positionsOffsets = positionsOffsets;
        _docs = docs;
        _positions = positions;
        _checked = checkedRange;
    }

    public int TermCount => _documentFrequencies.Length;

    // The arrays as the constructor took them, for the snapshot.
    internal ReadOnlyArray<long> Codes => _codes;
    internal ReadOnlyArray<char> WordChars => _wordChars;
    internal ReadOnlyArray<int> WordStarts => _wordStarts;
    internal ReadOnlyArray<int> DocumentFrequencies => _documentFrequencies;
    internal ReadOnlyArray<int> DocsOffsets => _docsOffsets;
    internal ReadOnlyArray<int> PositionsOffsets => _positionsOffsets;
    internal ReadOnlyArray<byte> Docs => _docs;
    internal ReadOnlyArray<byte> Positions => _positions;

    public long SizeInBytes =>
        _codes.SizeInBytes + _wordChars.SizeInBytes + _wordStarts.SizeInBytes + _documentFrequencies.SizeInBytes
        + _docsOffsets.SizeInBytes + _positionsOffsets.SizeInBytes + _docs.SizeInBytes + _positions.SizeInBytes;

    public long PostingsBytes => (long)_docs.Length + _positions.Length;

    /// <summary>The word of term <paramref name="term"/>, one past the codes (terms are the codes, then the words).</summary>
    internal ReadOnlySpan<char> Word(int term)
    {
        int w = term - _codes.Length;
        int start = _wordStarts[w];
        return _wordChars.Span[start.._wordStarts[w + 1]];
    }

    /// <summary>Term <paramref name="term"/>'s bytes of the documents stream: up to the next term's, the last term's to the end.</summary>
    internal ReadOnlySpan<byte> DocsOf(int term) => Postings(_docs, _docsOffsets, term);

    /// <summary>Term <paramref name="term"/>'s bytes of the positions stream.</summary>
    internal ReadOnlySpan<byte> PositionsOf(int term) => Postings(_positions, _positionsOffsets, term);

    private static ReadOnlySpan<byte> Postings(ReadOnlyArray<byte> stream, ReadOnlyArray<int> offsets, int term)
    {
        int start = offsets[term];
        return stream.Span[start..(term + 1 < offsets.Length ? offsets[term + 1] : stream.Length)];
    }

    /// <summary>Whether the arrays can be believed: built here, or mapped and matching their checksum (hashed on the first call).</summary>
    public bool IsIntact() => _checked is null || _checked.IsIntact();

    /// <summary>Maps a partition read from a store into the process now; returns its bytes (0 for one built here).</summary>
    public long Map()
    {
        _checked?.Map();
        return _checked?.Length ?? 0;
    }

    /// <param name="field">The partition's field, whose lengths and weights a frequent term's skip table bounds its blocks' scores with.</param>
    public bool TryGet(in TermKey key, FieldIndex field, out PostingList postings)
    {
        if (!IsIntact())
        {
            postings = default;
            return false;
        }

        int id = key.Word is null ? FindCode(key.Code) : FindWord(key.Word);
        if (id < 0)
        {
            postings = default;
            return false;
        }

        postings = new PostingList(_docs, _docsOffsets[id], _positions, _positionsOffsets[id], _documentFrequencies[id]);

        if (SkipTable.IsFor(key, postings.DocumentFrequency))
        {
            var tables = LazyInitializer.EnsureInitialized(ref _skips, static () => new ConcurrentDictionary<int, SkipTable>());
            postings = postings with { Skips = tables.GetOrAdd(id, static (term, built) => built.Stored?.Find(term, built.Postings.DocumentFrequency)
                ?? SkipTable.Build(built.Postings, built.Field), (Postings: postings, Field: field, Stored: _stored)) };
        }

        return true;
    }

    private int FindCode(long code)
    {
        int index = _codes.Span.BinarySearch(code);
        return index >= 0 ? index : -1;
    }

    private int FindWord(string word)
    {
        ReadOnlySpan<int> wordStarts = _wordStarts.Span;
        ReadOnlySpan<char> wordChars = _wordChars.Span;
        int low = 0;
        int high = wordStarts.Length - 2;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int start = wordStarts[middle];
            int comparison = wordChars.Slice(start, wordStarts[middle + 1] - start).SequenceCompareTo(word);
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

/// <summary>A partition's skip tables as a store file keeps them: the terms that have one, in id order, where each starts, and the columns.</summary>
internal sealed record StoredSkipTables(ReadOnlyArray<int> Terms, ReadOnlyArray<int> Starts, SkipTableColumns.Arrays Columns)
{
    public SkipTable? Find(int term, int documentFrequency)
    {
        int index = Terms.Span.BinarySearch(term);
        return index < 0 ? null : new SkipTable(Columns, Starts[index], documentFrequency);
    }
}
