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

/// <summary>Finds the documents in which a query term occurs in one field, with its frequency there.</summary>
internal sealed class PhraseMatcher
{
    private PostingCursor[] _cursors = new PostingCursor[8];
    private PositionBuffer[] _positions = [.. Enumerable.Range(0, 8).Select(static _ => new PositionBuffer())];

    public void Match(FieldIndex field, QueryTerm term, MatchList output)
    {
        QueryToken[] tokens = term.Tokens;
        if (tokens.Length == 0)
        {
            return;
        }

        if (tokens.Length == 1)
        {
            if (field.TryGet(tokens[0].Key, out PostingList postings))
            {
                var cursor = new PostingCursor(postings, 0);
                while (cursor.MoveNext())
                {
                    output.Add(cursor.Document, cursor.Frequency);
                }
            }

            return;
        }

        EnsureCapacity(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!field.TryGet(tokens[i].Key, out PostingList postings))
            {
                return;
            }

            _cursors[i] = new PostingCursor(postings, tokens[i].Offset);
        }

        // Rarest first: it proposes the candidates, the others only confirm them.
        Array.Sort(_cursors, 0, tokens.Length, CursorByFrequency.Instance);
        MatchPhrase(tokens.Length, output);
    }

    private void MatchPhrase(int count, MatchList output)
    {
        int target = 0;
        int agreed = 0;
        int index = 0;
        while (true)
        {
            ref PostingCursor cursor = ref _cursors[index];
            if (cursor.Document < target && !cursor.Advance(target))
            {
                return;
            }

            if (cursor.Document > target)
            {
                target = cursor.Document;
                agreed = 1;
            }
            else if (++agreed == count)
            {
                int occurrences = CountOccurrences(count);
                if (occurrences > 0)
                {
                    output.Add(target, occurrences);
                }

                target++;
                agreed = 0;
            }

            index = index + 1 == count ? 0 : index + 1;
        }
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
