using System.Runtime.CompilerServices;

namespace WikiViewer.Search;

/// <summary>
/// Collects the postings of the terms of one partition, for all fields, while documents
/// arrive in id order; then compacts them into one <see cref="TermPartition"/> per field.
/// Used by one thread at a time. Terms carry their field: codes in the bits above
/// <see cref="FieldShift"/>, words as a leading char.
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
        public int WrittenDocument;
        public int DocumentFrequency;
        public SliceStream Docs;
        public SliceStream Positions;
    }

    /// <summary>Marks a grouping key that stands for a word's term id rather than a CJK code.</summary>
    private const long WordKeyFlag = 1L << 62;

    // Open addressing over term ids (id + 1; 0 = empty); keys are compared with the term's
    // own Code, whose state is needed next anyway, so the table itself stays small.
    private int[] _codeSlots = new int[128];
    private int _codeSlotShift = 64 - 7;
    private int _codeCount;
    private int _touched;
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

    /// <summary>Single CJK characters come counted per document (no positions); see <see cref="TermOccurrence"/>.</summary>
    private static bool IsCounted(long fieldCode) => TextAnalyzer.IsUnigramKey(fieldCode & CodeMask);

    /// <summary>
    /// The key under which a word's occurrences are grouped and added (see <see cref="AddOccurrences"/>);
    /// <paramref name="fieldWord"/> is the field as a char, then the word.
    /// </summary>
    public long WordKey(ReadOnlySpan<char> fieldWord)
    {
        if (!_wordLookup.TryGetValue(fieldWord, out int id))
        {
            id = _termCount;
            _wordLookup[fieldWord] = id;
            NewTerm(0);
        }

        return WordKeyFlag | (uint)id;
    }

    /// <summary>
    /// Adds a batch's occurrences, grouped by term: group g has key <paramref name="keys"/>[g]
    /// (a code from <see cref="FieldCode"/> or a key from <see cref="WordKey"/>) and its
    /// occurrences start at <paramref name="firsts"/>[g], then follow <paramref name="next"/>
    /// until -1, in document order. <paramref name="terms"/> is scratch, one per group.
    /// </summary>
    /// <remarks>
    /// Each group's first touch of its term is a cache miss (table slot, term state, slice
    /// tails). Done group by group, each miss waits for the one before; done in passes over
    /// all groups, the loads are independent and the processor overlaps them.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddGroups(ReadOnlySpan<long> keys, Span<int> terms, int[] firsts, TermOccurrence[] occurrences, int[] next)
    {
        int[] slots = _codeSlots;
        for (int g = 0; g < keys.Length; g++)
        {
            long key = keys[g];
            terms[g] = (key & WordKeyFlag) != 0 ? -1 - (int)(uint)key : slots[Slot(key)];
        }

        int touched = 0;
        for (int g = 0; g < keys.Length; g++)
        {
            int entry = terms[g];
            if (entry > 0)
            {
                ref TermState term = ref Term(entry - 1);
                touched += _pool.Peek(term.Docs) + _pool.Peek(term.Positions) + (int)term.Code;
            }
        }

        _touched = touched; // keeps the loads above from being optimized away

        for (int g = 0; g < keys.Length; g++)
        {
            int entry = terms[g];
            int id = entry < 0 ? -1 - entry : entry > 0 && Term(entry - 1).Code == keys[g] ? entry - 1 : FindOrAddCode(keys[g]);
            AddOccurrences(id, keys[g], occurrences, next, firsts[g]);
        }
    }

    private int Slot(long code) => (int)(((ulong)code * 0x9E3779B97F4A7C15UL) >> _codeSlotShift);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddOccurrences(int id, long key, TermOccurrence[] occurrences, int[] next, int first)
    {
        ref TermState term = ref Term(id);
        if ((key & WordKeyFlag) == 0 && IsCounted(key))
        {
            for (int i = first; i >= 0; i = next[i])
            {
                WriteDocument(ref term, occurrences[i].Document, occurrences[i].PositionOrFrequency);
            }

            return;
        }

        // A batch holds whole documents, so each document's occurrences are all here, in order.
        for (int i = first; i >= 0;)
        {
            int document = occurrences[i].Document;
            int end = i;
            int frequency = 0;
            while (end >= 0 && occurrences[end].Document == document)
            {
                frequency++;
                end = next[end];
            }

            WriteDocument(ref term, document, frequency);
            int previous = 0;
            for (; i != end; i = next[i])
            {
                int position = occurrences[i].PositionOrFrequency;
                _pool.WriteVarint(ref term.Positions, (uint)(position - previous));
                previous = position;
            }
        }
    }

    private int FindOrAddCode(long fieldCode)
    {
        int mask = _codeSlots.Length - 1;
        int slot = Slot(fieldCode);
        while (true)
        {
            int entry = _codeSlots[slot];
            if (entry == 0)
            {
                break;
            }

            if (Term(entry - 1).Code == fieldCode)
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        int id = _termCount;
        NewTerm(fieldCode);
        _codeSlots[slot] = id + 1;
        if (++_codeCount * 2 > _codeSlots.Length)
        {
            GrowCodeSlots();
        }

        return id;
    }

    private void GrowCodeSlots()
    {
        _codeSlots = new int[_codeSlots.Length * 2];
        _codeSlotShift--;
        int mask = _codeSlots.Length - 1;
        for (int id = 0; id < _termCount; id++)
        {
            long code = Term(id).Code;
            if (code == 0)
            {
                continue;
            }

            int slot = Slot(code);
            while (_codeSlots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _codeSlots[slot] = id + 1;
        }
    }

    private void NewTerm(long code)
    {
        if ((_termCount & ChunkMask) == 0 && (_termCount >> ChunkShift) == _chunks.Count)
        {
            // Uninitialized: NewTerm assigns each state whole before it is read.
            _chunks.Add(GC.AllocateUninitializedArray<TermState>(1 << ChunkShift));
        }

        Term(_termCount) = new TermState { Code = code, WrittenDocument = -1 };
        _termCount++;
    }

    /// <summary>About how much memory the postings and term states added since the last <see cref="Clear"/> take.</summary>
    public long SizeInBytes =>
        _pool.SizeInBytes + ((long)_termCount * Unsafe.SizeOf<TermState>()) + ((long)_codeCount * 2 * sizeof(int)) + ((long)_wordIds.Count * 96);

    /// <summary>Forgets every term and posting, keeping the memory for the next documents.</summary>
    public void Clear()
    {
        _pool.Clear();
        _wordIds.Clear();
        Array.Clear(_codeSlots);
        _codeCount = 0;
        _termCount = 0;
    }

    private ref TermState Term(int id) => ref _chunks[id >> ChunkShift][id & ChunkMask];

    private void WriteDocument(ref TermState term, int document, int frequency)
    {
        uint delta = (uint)(document - term.WrittenDocument);
        if (frequency == 1)
        {
            _pool.WriteVarint(ref term.Docs, (delta << 1) | 1);
        }
        else
        {
            _pool.WriteVarint(ref term.Docs, delta << 1);
            _pool.WriteVarint(ref term.Docs, (uint)frequency);
        }

        term.WrittenDocument = document;
        term.DocumentFrequency++;
    }

    /// <summary>The finished postings, one <see cref="TermPartition"/> per field.</summary>
    public TermPartition[] Compact(int fieldCount) => Compact(fieldCount, out _);

    /// <summary>
    /// The finished postings, one <see cref="TermPartition"/> per field, and per field and term
    /// (in the partition's order) the last document listed: where postings of later documents
    /// continue from (<see cref="TermPartitionMerge"/>).
    /// </summary>
    public TermPartition[] Compact(int fieldCount, out int[][] lastDocuments)
    {
        int[] docsLengths = new int[_termCount];
        int[] positionsLengths = new int[_termCount];
        int[] documentFrequencies = new int[_termCount];
        long[] codes = new long[_codeCount];
        int[] codeIds = new int[_codeCount];
        for (int id = 0, k = 0; id < _termCount; id++)
        {
            ref TermState term = ref Term(id);
            docsLengths[id] = term.Docs.Length;
            positionsLengths[id] = term.Positions.Length;
            documentFrequencies[id] = term.DocumentFrequency;
            if (term.Code != 0)
            {
                codes[k] = term.Code;
                codeIds[k++] = id;
            }
        }

        // Sorting by the tagged code groups the terms by field, each group sorted by code;
        // the field char in front of each word does the same for words.
        Array.Sort(codes, codeIds);
        string[] words = [.. _wordIds.Keys];
        int[] wordIds = [.. _wordIds.Values];
        Array.Sort(words, wordIds, StringComparer.Ordinal);

        // Lay out each field's terms in sorted order, then copy the postings in term id order,
        // which is roughly the order the slices were written in: sequential reads, not random ones.
        int[] fieldOf = new int[_termCount];
        int[] docsDestinations = new int[_termCount];
        int[] positionsDestinations = new int[_termCount];
        var fieldDocs = new byte[fieldCount][];
        var fieldPositions = new byte[fieldCount][];
        lastDocuments = new int[fieldCount][];
        var parts = new (long[] Codes, char[] WordChars, int[] WordStarts, int[] Frequencies, int[] DocsOffsets, int[] PositionsOffsets)[fieldCount];
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

            int codeTerms = codeEnd - codeAt;
            int termCount = codeTerms + (wordEnd - wordAt);
            int[] frequencies = new int[termCount];
            int[] docsOffsets = new int[termCount];
            int[] positionsOffsets = new int[termCount];
            int[] last = lastDocuments[field] = new int[termCount];
            long docsBytes = 0;
            long positionsBytes = 0;
            for (int k = 0; k < termCount; k++)
            {
                int id = k < codeTerms ? codeIds[codeAt + k] : wordIds[wordAt + k - codeTerms];
                fieldOf[id] = field;
                frequencies[k] = documentFrequencies[id];
                last[k] = Term(id).WrittenDocument;
                docsOffsets[k] = docsDestinations[id] = (int)Math.Min(docsBytes, int.MaxValue);
                positionsOffsets[k] = positionsDestinations[id] = (int)Math.Min(positionsBytes, int.MaxValue);
                docsBytes += docsLengths[id];
                positionsBytes += positionsLengths[id];
            }

            if (docsBytes > Array.MaxLength || positionsBytes > Array.MaxLength)
            {
                // Needs about 500 GB of postings with the default 256 partitions.
                throw new InvalidOperationException("A search index partition outgrew 2 GB of postings; use more partitions.");
            }

            // Uninitialized: every byte is copied in below.
            fieldDocs[field] = GC.AllocateUninitializedArray<byte>((int)docsBytes);
            fieldPositions[field] = GC.AllocateUninitializedArray<byte>((int)positionsBytes);

            long[] fieldCodes = new long[codeTerms];
            for (int k = 0; k < codeTerms; k++)
            {
                fieldCodes[k] = codes[codeAt + k] & CodeMask;
            }

            int[] wordStarts = new int[wordEnd - wordAt + 1];
            for (int k = 0; k < wordStarts.Length - 1; k++)
            {
                wordStarts[k + 1] = wordStarts[k] + words[wordAt + k].Length - 1;
            }

            char[] wordChars = new char[wordStarts[^1]];
            for (int k = 0; k < wordStarts.Length - 1; k++)
            {
                words[wordAt + k].AsSpan(1).CopyTo(wordChars.AsSpan(wordStarts[k]));
            }

            parts[field] = (fieldCodes, wordChars, wordStarts, frequencies, docsOffsets, positionsOffsets);
            codeAt = codeEnd;
            wordAt = wordEnd;
        }

        for (int id = 0; id < _termCount; id++)
        {
            ref TermState term = ref Term(id);
            int field = fieldOf[id];
            _pool.CopyTo(term.Docs, fieldDocs[field].AsSpan(docsDestinations[id], term.Docs.Length));
            _pool.CopyTo(term.Positions, fieldPositions[field].AsSpan(positionsDestinations[id], term.Positions.Length));
        }

        var partitions = new TermPartition[fieldCount];
        for (int field = 0; field < fieldCount; field++)
        {
            var (fieldCodes, wordChars, wordStarts, frequencies, docsOffsets, positionsOffsets) = parts[field];
            partitions[field] = new TermPartition(fieldCodes, wordChars, wordStarts, frequencies, docsOffsets, positionsOffsets, fieldDocs[field], fieldPositions[field]);
        }

        return partitions;
    }
}
