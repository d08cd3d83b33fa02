using System.Text;
using WikiViewer.Storage;

namespace WikiViewer.Search;

/// <summary>
/// Prefix lookup over titles and aliases, by their folded form (script, width, case,
/// '_' and runs of spaces do not matter). Keys live sorted in one char blob; names are
/// read back from the documents, so nothing is copied.
/// </summary>
internal sealed class TitleSuggester
{
    private readonly IReadOnlyList<SearchDocument> _documents;
    private readonly ReadOnlyArray<char> _keyChars;
    private readonly ReadOnlyArray<int> _keyStarts;
    private readonly ReadOnlyArray<int> _documentIds;
    private readonly ReadOnlyArray<int> _aliasIndexes; // -1 for a title

    internal TitleSuggester(IReadOnlyList<SearchDocument> documents, ReadOnlyArray<char> keyChars, ReadOnlyArray<int> keyStarts, ReadOnlyArray<int> documentIds, ReadOnlyArray<int> aliasIndexes)
    {
        _documents = documents;
        _keyChars = keyChars;
        _keyStarts = keyStarts;
        _documentIds = documentIds;
        _aliasIndexes = aliasIndexes;
    }

    public long SizeInBytes => _keyChars.SizeInBytes + _keyStarts.SizeInBytes + _documentIds.SizeInBytes + _aliasIndexes.SizeInBytes;

    // The arrays as the constructor took them, for the snapshot.
    internal ReadOnlyArray<char> KeyChars => _keyChars;
    internal ReadOnlyArray<int> KeyStarts => _keyStarts;
    internal ReadOnlyArray<int> DocumentIds => _documentIds;
    internal ReadOnlyArray<int> AliasIndexes => _aliasIndexes;

    public static string Key(string? name)
    {
        string normalized = TextAnalyzer.Normalize(name);
        var key = new StringBuilder(normalized.Length);
        bool pendingSpace = false;
        foreach (char c in normalized)
        {
            if (char.IsWhiteSpace(c) || c == '_' || char.IsControl(c))
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            key.Append(c);
        }

        return key.ToString();
    }

    public static TitleSuggester Build(IReadOnlyList<SearchDocument> documents)
    {
        var entries = new List<(string Key, int Document, int Alias)>(documents.Count * 2);
        var titleKeys = new HashSet<string>(StringComparer.Ordinal);
        for (int d = 0; d < documents.Count; d++)
        {
            string key = Key(documents[d].Title);
            if (key.Length > 0)
            {
                entries.Add((key, d, -1));
                titleKeys.Add(key);
            }
        }

        for (int d = 0; d < documents.Count; d++)
        {
            IReadOnlyList<string> aliases = documents[d].Aliases ?? [];
            for (int a = 0; a < aliases.Count; a++)
            {
                string key = Key(aliases[a]);

                // A title wins over another article's alias: that name leads to the titled article.
                if (key.Length > 0 && !titleKeys.Contains(key))
                {
                    entries.Add((key, d, a));
                }
            }
        }

        entries.Sort(static (x, y) =>
        {
            int byKey = string.CompareOrdinal(x.Key, y.Key);
            if (byKey != 0)
            {
                return byKey;
            }

            int byKind = (x.Alias >= 0).CompareTo(y.Alias >= 0);
            return byKind != 0 ? byKind : x.Document.CompareTo(y.Document);
        });

        int[] keyStarts = new int[entries.Count + 1];
        for (int i = 0; i < entries.Count; i++)
        {
            keyStarts[i + 1] = keyStarts[i] + entries[i].Key.Length;
        }

        char[] keyChars = new char[keyStarts[^1]];
        int[] documentIds = new int[entries.Count];
        int[] aliasIndexes = new int[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            entries[i].Key.CopyTo(keyChars.AsSpan(keyStarts[i]));
            documentIds[i] = entries[i].Document;
            aliasIndexes[i] = entries[i].Alias;
        }

        return new TitleSuggester(documents, keyChars, keyStarts, documentIds, aliasIndexes);
    }

    /// <summary>
    /// Names starting with <paramref name="prefix"/>: an exact name first, then titles before
    /// aliases, shorter before longer, then alphabetical. A name that folds like an earlier one is left out.
    /// </summary>
    public IReadOnlyList<TitleSuggestion> Suggest(string? prefix, int max)
    {
        string wanted = Key(prefix);
        if (wanted.Length == 0 || max <= 0)
        {
            return [];
        }

        int Compare(int x, int y)
        {
            int byExact = (KeyOf(y).Length == wanted.Length).CompareTo(KeyOf(x).Length == wanted.Length);
            if (byExact != 0)
            {
                return byExact;
            }

            int byKind = (_aliasIndexes[x] >= 0).CompareTo(_aliasIndexes[y] >= 0);
            if (byKind != 0)
            {
                return byKind;
            }

            int byLength = KeyOf(x).Length.CompareTo(KeyOf(y).Length);
            return byLength != 0 ? byLength : x.CompareTo(y);
        }

        // A one-character prefix can match a large share of all titles: keep only the best
        // max in a heap whose top is the worst of them.
        var best = new PriorityQueue<int, int>(Comparer<int>.Create((x, y) => Compare(y, x)));
        for (int i = LowerBound(wanted); i < _documentIds.Length && KeyOf(i).StartsWith(wanted, StringComparison.Ordinal); i++)
        {
            // Entries with one key are adjacent, title first: keep only the first of each key.
            if (i > 0 && KeyOf(i).SequenceEqual(KeyOf(i - 1)))
            {
                continue;
            }

            if (best.Count < max)
            {
                best.Enqueue(i, i);
            }
            else if (Compare(i, best.Peek()) < 0)
            {
                best.DequeueEnqueue(i, i);
            }
        }

        int[] candidates = new int[best.Count];
        for (int k = candidates.Length - 1; k >= 0; k--)
        {
            candidates[k] = best.Dequeue();
        }

        var suggestions = new List<TitleSuggestion>(candidates.Length);
        foreach (int i in candidates)
        {
            SearchDocument document = _documents[_documentIds[i]];
            suggestions.Add(_aliasIndexes[i] < 0
                ? new TitleSuggestion(_documentIds[i], document.Title, false)
                : new TitleSuggestion(_documentIds[i], document.Aliases[_aliasIndexes[i]], true));
        }

        return suggestions;
    }

    private ReadOnlySpan<char> KeyOf(int entry)
    {
        ReadOnlySpan<int> starts = _keyStarts.Span;
        return _keyChars.Span[starts[entry]..starts[entry + 1]];
    }

    private int LowerBound(string key)
    {
        int low = 0;
        int high = _documentIds.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (KeyOf(middle).SequenceCompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
