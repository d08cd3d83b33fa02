using System.Runtime.CompilerServices;

namespace WikiViewer.Search;

/// <summary>
/// Collects the postings of the terms of one partition, for all fields, while documents
/// arrive in id order; then compacts them into one <see cref="TermPartition"/> per field.
/// Used by one thread at a time. Terms carry their field: codes in the bits above
/// <see cref="FieldShift"/>, words as a leading char. A document's entry in the documents
/// stream is written when the term shows up in a later document (or at the end), because
/// only then is its frequency known.
/// </summary>
internal sealed class PostingsBuilder
{
    public const int FieldShift = 40;
    private const long CodeMask = (1L << FieldShift) - 1;

    // Term states live in fixed chunks (large-object-heap sized) that never move: a growing
    // array would be copied and re-zeroed at every doubling.
    private const int ChunkShift = 11;
    private const int ChunkMask = (1 << ChunkShift) - 1;

    private struct TermState
    {
        public long Code; // 0 for a word
        public int LastDocument;
        public int WrittenDocument;
        public int DocumentFrequency;
        public int Frequency;
        public int LastPosition;
        public SliceStream Docs;
        public SliceStream Positions;
    }

    private readonly LongIntMap _codeIds = new(64);
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly ByteSlicePool _pool = new();
    private readonly List<TermState[]> _chunks = [];
    private int _termCount;

    public PostingsBuilder()
    {
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static long FieldCode(SearchField field, long code) => ((long)field << FieldShift) | code;

    /// <summary>Single CJK characters come counted per document (no positions); see <see cref="CodeOccurrence"/>.</summary>
    private static bool IsCounted(long fieldCode) => TextAnalyzer.IsUnigramKey(fieldCode & CodeMask);

    /// <summary>
    /// Adds the occurrences of one CJK term: <paramref name="first"/>, then along
    /// <paramref name="next"/> until -1, in document order. <paramref name="fieldCode"/> comes from <see cref="FieldCode"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddCodeOccurrences(long fieldCode, CodeOccurrence[] occurrences, int[] next, int first)
    {
        int id = _codeIds.GetOrAdd(fieldCode, _termCount, out bool added);
        if (added)
        {
            NewTerm(fieldCode);
        }

        ref TermState term = ref Term(id);
        if (IsCounted(fieldCode))
        {
            for (int i = first; i >= 0; i = next[i])
            {
                term.LastDocument = occurrences[i].Document;
                term.Frequency = occurrences[i].PositionOrFrequency;
                term.DocumentFrequency++;
                WriteDocument(ref term);
            }

            return;
        }

        for (int i = first; i >= 0; i = next[i])
        {
            Add(ref term, occurrences[i].Document, occurrences[i].PositionOrFrequency);
        }
    }

    /// <summary>Adds a word; <paramref name="fieldWord"/> is the field as a char, then the word.</summary>
    public void AddWord(ReadOnlySpan<char> fieldWord, int document, int position)
    {
        if (!_wordLookup.TryGetValue(fieldWord, out int id))
        {
            id = _termCount;
            _wordLookup[fieldWord] = id;
            NewTerm(0);
        }

        Add(ref Term(id), document, position);
    }

    private void NewTerm(long code)
    {
        if ((_termCount & ChunkMask) == 0)
        {
            _chunks.Add(new TermState[1 << ChunkShift]);
        }

        Term(_termCount) = new TermState { Code = code, LastDocument = -1, WrittenDocument = -1 };
        _termCount++;
    }

    private ref TermState Term(int id) => ref _chunks[id >> ChunkShift][id & ChunkMask];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(ref TermState term, int document, int position)
    {
        if (term.LastDocument != document)
        {
            if (term.Frequency > 0)
            {
                WriteDocument(ref term);
            }

            term.LastDocument = document;
            term.Frequency = 0;
            term.LastPosition = 0;
            term.DocumentFrequency++;
        }

        _pool.WriteVarint(ref term.Positions, (uint)(position - term.LastPosition));
        term.LastPosition = position;
        term.Frequency++;
    }

    private void WriteDocument(ref TermState term)
    {
        uint delta = (uint)(term.LastDocument - term.WrittenDocument);
        if (term.Frequency == 1)
        {
            _pool.WriteVarint(ref term.Docs, (delta << 1) | 1);
        }
        else
        {
            _pool.WriteVarint(ref term.Docs, delta << 1);
            _pool.WriteVarint(ref term.Docs, (uint)term.Frequency);
        }

        term.WrittenDocument = term.LastDocument;
        term.Frequency = 0;
    }

    /// <summary>The finished postings, one <see cref="TermPartition"/> per field.</summary>
    public TermPartition[] Compact(int fieldCount)
    {
        for (int i = 0; i < _termCount; i++)
        {
            ref TermState term = ref Term(i);
            if (term.Frequency > 0)
            {
                WriteDocument(ref term);
            }
        }

        int codeCount = _codeIds.Count;
        long[] codes = new long[codeCount];
        int[] codeIds = new int[codeCount];
        for (int i = 0, k = 0; i < _termCount; i++)
        {
            long code = Term(i).Code;
            if (code != 0)
            {
                codes[k] = code;
                codeIds[k++] = i;
            }
        }

        // Sorting by the tagged code groups the terms by field, each group sorted by code.
        Array.Sort(codes, codeIds);
        string[] words = [.. _wordIds.Keys];
        int[] wordIds = [.. _wordIds.Values];
        Array.Sort(words, wordIds, StringComparer.Ordinal);

        var partitions = new TermPartition[fieldCount];
        int codeAt = 0;
        int wordAt = 0;
        for (int field = 0; field < fieldCount; field++)
        {
            int codeEnd = codeAt;
            while (codeEnd < codes.Length && (codes[codeEnd] >> FieldShift) == field)
            {
                codeEnd++;
            }

            int wordEnd = wordAt;
            while (wordEnd < words.Length && words[wordEnd][0] == field)
            {
                wordEnd++;
            }

            partitions[field] = CompactField(codes.AsSpan(codeAt, codeEnd - codeAt), codeIds.AsSpan(codeAt, codeEnd - codeAt),
                words.AsSpan(wordAt, wordEnd - wordAt), wordIds.AsSpan(wordAt, wordEnd - wordAt));
            codeAt = codeEnd;
            wordAt = wordEnd;
        }

        return partitions;
    }

    private TermPartition CompactField(ReadOnlySpan<long> fieldCodes, ReadOnlySpan<int> codeIds, ReadOnlySpan<string> fieldWords, ReadOnlySpan<int> wordIds)
    {
        int termCount = fieldCodes.Length + fieldWords.Length;
        long docsBytes = 0;
        long positionsBytes = 0;
        for (int k = 0; k < termCount; k++)
        {
            ref TermState term = ref Term(k < codeIds.Length ? codeIds[k] : wordIds[k - codeIds.Length]);
            docsBytes += term.Docs.Length;
            positionsBytes += term.Positions.Length;
        }

        long[] codes = new long[fieldCodes.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = fieldCodes[i] & CodeMask;
        }

        int[] wordStarts = new int[fieldWords.Length + 1];
        for (int i = 0; i < fieldWords.Length; i++)
        {
            wordStarts[i + 1] = wordStarts[i] + fieldWords[i].Length - 1;
        }

        char[] wordChars = new char[wordStarts[^1]];
        for (int i = 0; i < fieldWords.Length; i++)
        {
            fieldWords[i].AsSpan(1).CopyTo(wordChars.AsSpan(wordStarts[i]));
        }

        if (docsBytes > Array.MaxLength || positionsBytes > Array.MaxLength)
        {
            // Needs about 500 GB of postings with the default 256 partitions.
            throw new InvalidOperationException("A search index partition outgrew 2 GB of postings; use more partitions.");
        }

        int[] documentFrequencies = new int[termCount];
        int[] docsOffsets = new int[termCount];
        int[] positionsOffsets = new int[termCount];

        // Uninitialized: every byte is copied in below.
        byte[] docs = GC.AllocateUninitializedArray<byte>((int)docsBytes);
        byte[] positions = GC.AllocateUninitializedArray<byte>((int)positionsBytes);
        int docsAt = 0;
        int positionsAt = 0;
        for (int k = 0; k < termCount; k++)
        {
            ref TermState term = ref Term(k < codeIds.Length ? codeIds[k] : wordIds[k - codeIds.Length]);
            documentFrequencies[k] = term.DocumentFrequency;
            docsOffsets[k] = docsAt;
            _pool.CopyTo(term.Docs, docs.AsSpan(docsAt, term.Docs.Length));
            docsAt += term.Docs.Length;
            positionsOffsets[k] = positionsAt;
            _pool.CopyTo(term.Positions, positions.AsSpan(positionsAt, term.Positions.Length));
            positionsAt += term.Positions.Length;
        }

        return new TermPartition(codes, wordChars, wordStarts, documentFrequencies, docsOffsets, positionsOffsets, docs, positions);
    }
}
