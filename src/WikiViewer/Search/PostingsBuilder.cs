namespace WikiViewer.Search;

/// <summary>
/// Collects the postings of one field for the terms of one partition while documents are
/// read in id order, then compacts them into a <see cref="TermPartition"/>. Used by one
/// thread. A document's entry in the documents stream is written when the term shows up in
/// a later document (or at the end), because only then is its frequency known.
/// </summary>
internal sealed class PostingsBuilder
{
    private struct TermState
    {
        public int LastDocument;
        public int WrittenDocument;
        public int DocumentFrequency;
        public int Frequency;
        public int LastPosition;
        public SliceStream Docs;
        public SliceStream Positions;
    }

    private readonly LongIntMap _codeIds = new(4096);
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly ByteSlicePool _pool = new();
    private TermState[] _terms = new TermState[4096];
    private long[] _termCodes = new long[4096];
    private int _termCount;

    public PostingsBuilder()
    {
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void AddCode(long code, int document, int position)
    {
        int id = _codeIds.GetOrAdd(code, _termCount, out bool added);
        if (added)
        {
            NewTerm(code);
        }

        Add(id, document, position);
    }

    public void AddWord(ReadOnlySpan<char> word, int document, int position)
    {
        if (!_wordLookup.TryGetValue(word, out int id))
        {
            id = _termCount;
            _wordLookup[word] = id;
            NewTerm(0);
        }

        Add(id, document, position);
    }

    private void NewTerm(long code)
    {
        if (_termCount == _terms.Length)
        {
            Array.Resize(ref _terms, _terms.Length * 2);
            Array.Resize(ref _termCodes, _termCodes.Length * 2);
        }

        _terms[_termCount] = new TermState { LastDocument = -1, WrittenDocument = -1 };
        _termCodes[_termCount] = code;
        _termCount++;
    }

    private void Add(int id, int document, int position)
    {
        ref TermState term = ref _terms[id];
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

    public TermPartition Compact()
    {
        long docsBytes = 0;
        long positionsBytes = 0;
        for (int i = 0; i < _termCount; i++)
        {
            ref TermState term = ref _terms[i];
            if (term.Frequency > 0)
            {
                WriteDocument(ref term);
            }

            docsBytes += term.Docs.Length;
            positionsBytes += term.Positions.Length;
        }

        int codeCount = _codeIds.Count;
        long[] codes = new long[codeCount];
        int[] codeOrder = new int[codeCount];
        for (int i = 0, k = 0; i < _termCount; i++)
        {
            if (_termCodes[i] != 0)
            {
                codes[k] = _termCodes[i];
                codeOrder[k++] = i;
            }
        }

        Array.Sort(codes, codeOrder);

        string[] words = [.. _wordIds.Keys];
        int[] wordOrder = [.. _wordIds.Values];
        Array.Sort(words, wordOrder, StringComparer.Ordinal);
        int[] wordStarts = new int[words.Length + 1];
        for (int i = 0; i < words.Length; i++)
        {
            wordStarts[i + 1] = wordStarts[i] + words[i].Length;
        }

        char[] wordChars = new char[wordStarts[^1]];
        for (int i = 0; i < words.Length; i++)
        {
            words[i].CopyTo(wordChars.AsSpan(wordStarts[i]));
        }

        int termCount = codeCount + words.Length;
        int[] documentFrequencies = new int[termCount];
        long[] docsAddresses = new long[termCount];
        long[] positionsAddresses = new long[termCount];
        var docs = new PagedBytes.Writer(docsBytes);
        var positions = new PagedBytes.Writer(positionsBytes);
        for (int k = 0; k < termCount; k++)
        {
            ref TermState term = ref _terms[k < codeCount ? codeOrder[k] : wordOrder[k - codeCount]];
            documentFrequencies[k] = term.DocumentFrequency;
            docsAddresses[k] = docs.Reserve(term.Docs.Length, out Span<byte> docsDestination);
            _pool.CopyTo(term.Docs, docsDestination);
            positionsAddresses[k] = positions.Reserve(term.Positions.Length, out Span<byte> positionsDestination);
            _pool.CopyTo(term.Positions, positionsDestination);
        }

        return new TermPartition(codes, wordChars, wordStarts, documentFrequencies, docsAddresses, positionsAddresses,
            docs.ToPagedBytes(), positions.ToPagedBytes());
    }
}
