namespace WikiViewer.Search;

/// <summary>Documents (ascending) and how often a term occurs in each; reused between queries.</summary>
internal sealed class MatchList
{
    private int[] _documents = new int[64];
    private int[] _frequencies = new int[64];

    public int Count { get; private set; }

    public int Document(int index) => _documents[index];

    public int Frequency(int index) => _frequencies[index];

    // Optimized at its first compile, as PostingCursor.MoveNext: called for every matching document.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(int document, int frequency)
    {
        if (Count == _documents.Length)
        {
            Array.Resize(ref _documents, Count * 2);
            Array.Resize(ref _frequencies, Count * 2);
        }

        _documents[Count] = document;
        _frequencies[Count] = frequency;
        Count++;
    }

    public void Clear() => Count = 0;
}

/// <summary>
/// Finds the documents in which a query term occurs in one field, with its frequency there:
/// all at once (<see cref="Match"/>), or one at a time forward, as a cursor (<see cref="Start"/>).
/// </summary>
internal sealed class PhraseMatcher
{
    private PostingCursor[] _cursors = new PostingCursor[8];
    private PositionBuffer[] _positions = [.. Enumerable.Range(0, 8).Select(static _ => new PositionBuffer())];
    private int _count;

    // The last document whose positions were counted: they can be read only once.
    private int _countedDocument;
    private int _countedFrequency;

    /// <summary>The current document: -1 before the first move, int.MaxValue once exhausted.</summary>
    public int Document { get; private set; } = int.MaxValue;

    /// <summary>How often the term occurs in <see cref="Document"/>, when a move found it there.</summary>
    public int Frequency { get; private set; }

    /// <summary>The postings that propose the candidates: the term's rarest token's.</summary>
    public ref readonly PostingCursor Lead => ref _cursors[0];

    public bool IsPhrase => _count > 1;

    public void Match(FieldIndex field, QueryTerm term, MatchList output)
    {
        if (!Start(field, term))
        {
            return;
        }

        if (_count == 1)
        {
            ref PostingCursor cursor = ref _cursors[0];
            while (cursor.MoveNext())
            {
                output.Add(cursor.Document, cursor.Frequency);
            }

            return;
        }

        while (MoveTo(Document + 1))
        {
            output.Add(Document, Frequency);
        }
    }

    /// <summary>Positions the cursor before the term's first document in the field; false when the field lacks one of its tokens.</summary>
    public bool Start(FieldIndex field, QueryTerm term)
    {
        QueryToken[] tokens = term.Tokens;
        _count = 0;
        Document = int.MaxValue;
        Frequency = 0;
        EnsureCapacity(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!field.TryGet(tokens[i].Key, out PostingList postings))
            {
                return false;
            }

            _cursors[i] = new PostingCursor(postings, tokens[i].Offset);
        }

        _count = tokens.Length;
        Document = _count == 0 ? int.MaxValue : -1;
        _countedDocument = -1;

        // Rarest first: it proposes the candidates, the others only confirm them.
        Array.Sort(_cursors, 0, _count, CursorByFrequency.Instance);
        return _count > 0;
    }

    /// <summary>
    /// Moves to the first document at or after <paramref name="target"/> that holds the term;
    /// false, looking no further, once past <paramref name="last"/>.
    /// </summary>
    public bool MoveTo(int target, int last = int.MaxValue)
    {
        while (MoveToCandidate(target, last))
        {
            if (Count() > 0)
            {
                return true;
            }

            target = Document + 1;
        }

        return false;
    }

    /// <summary>
    /// Moves to the first document at or after <paramref name="target"/> that holds every token
    /// of the term, without reading positions: whether they stand in order is for <see cref="Count"/>
    /// to say, and until then <see cref="Frequency"/> is 0. False once past <paramref name="last"/>.
    /// </summary>
    public bool MoveToCandidate(int target, int last = int.MaxValue)
    {
        Frequency = 0;
        if (target > last)
        {
            return false;
        }

        if (_count == 1)
        {
            ref PostingCursor cursor = ref _cursors[0];
            bool found = cursor.Advance(target);
            Document = cursor.Document;
            return found && Document <= last;
        }

        int agreed = 0;
        int index = 0;
        while (true)
        {
            ref PostingCursor cursor = ref _cursors[index];
            if (cursor.Document < target && !cursor.Advance(target))
            {
                Document = int.MaxValue;
                return false;
            }

            if (cursor.Document > target)
            {
                target = cursor.Document;
                agreed = 1;
                if (target > last)
                {
                    Document = target;
                    return false;
                }
            }
            else if (++agreed == _count)
            {
                Document = target;
                return true;
            }

            index = index + 1 == _count ? 0 : index + 1;
        }
    }

    /// <summary>At a candidate, how often the term occurs there, which <see cref="Frequency"/> then holds too.</summary>
    public int Count()
    {
        Frequency = _count == 1 ? _cursors[0].Frequency : Occurrences(Document);
        return Frequency;
    }

    /// <summary>At a candidate, the most often the term can occur there: its rarest token's frequency there.</summary>
    public int MostOccurrences()
    {
        int most = int.MaxValue;
        for (int i = 0; i < _count; i++)
        {
            most = Math.Min(most, _cursors[i].Frequency);
        }

        return most;
    }

    /// <summary>
    /// Whether <paramref name="document"/>, after the current one, holds every token of the
    /// term; unlike <see cref="MoveToCandidate"/>, looks no further. Positions are for <see cref="Count"/>.
    /// </summary>
    public bool IsCandidate(int document)
    {
        Frequency = 0;
        for (int i = 0; i < _count; i++)
        {
            ref PostingCursor cursor = ref _cursors[i];
            if (cursor.Document < document && !cursor.Advance(document))
            {
                Document = int.MaxValue;
                return false;
            }

            if (cursor.Document != document)
            {
                Document = document;
                return false;
            }
        }

        Document = document;
        return true;
    }

    /// <summary>How often the phrase occurs in <paramref name="document"/>, where every cursor stands.</summary>
    private int Occurrences(int document)
    {
        if (document != _countedDocument)
        {
            _countedDocument = document;
            _countedFrequency = CountOccurrences(_count);
        }

        return _countedFrequency;
    }

    /// <summary>How many times all cursors' terms stand at their phrase offsets in the current document.</summary>
    private int CountOccurrences(int count)
    {
        Span<int> read = count <= 64 ? stackalloc int[count] : new int[count];
        Span<int> next = count <= 64 ? stackalloc int[count] : new int[count];
        for (int i = 0; i < count; i++)
        {
            read[i] = _cursors[i].ReadPositions(ref _positions[i].Items);
            next[i] = 0;
        }

        int occurrences = 0;
        int[] leadPositions = _positions[0].Items;
        int leadOffset = _cursors[0].Offset;
        for (int p = 0; p < read[0]; p++)
        {
            int start = leadPositions[p] - leadOffset;
            if (start < 0)
            {
                continue;
            }

            bool all = true;
            for (int i = 1; i < count && all; i++)
            {
                int wanted = start + _cursors[i].Offset;
                int[] positions = _positions[i].Items;
                int k = next[i];
                while (k < read[i] && positions[k] < wanted)
                {
                    k++;
                }

                next[i] = k;
                if (k == read[i])
                {
                    return occurrences; // later starts need later positions still
                }

                all = positions[k] == wanted;
            }

            if (all)
            {
                occurrences++;
            }
        }

        return occurrences;
    }

    private void EnsureCapacity(int count)
    {
        if (_cursors.Length >= count)
        {
            return;
        }

        int size = Math.Max(count, _cursors.Length * 2);
        _cursors = new PostingCursor[size];
        int old = _positions.Length;
        Array.Resize(ref _positions, size);
        for (int i = old; i < size; i++)
        {
            _positions[i] = new PositionBuffer();
        }
    }

    // A struct, so that passing an element by ref skips the type check an int[][] element needs.
    private struct PositionBuffer()
    {
        public int[] Items = new int[32];
    }

    private sealed class CursorByFrequency : IComparer<PostingCursor>
    {
        public static readonly CursorByFrequency Instance = new();

        public int Compare(PostingCursor x, PostingCursor y) => x.DocumentFrequency.CompareTo(y.DocumentFrequency);
    }
}
