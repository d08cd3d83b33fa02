using WikiViewer.Storage;

namespace WikiViewer.Store;

/// <summary>
/// Per key, a list of article ids in title order, in place in a store file: what links to
/// each name (backlinks), or each category's members. Entry e's ids are
/// <c>ids[starts[e]..starts[e + 1]]</c>.
/// </summary>
internal sealed class IdLists
{
    private readonly ReadOnlyArray<int> _starts;

    public IdLists(KeyIndex keys, ReadOnlyArray<int> starts, ReadOnlyArray<int> ids)
    {
        if (starts.Length != keys.Count + 1 || starts[0] != 0 || starts[^1] != ids.Length)
        {
            throw new InvalidDataException($"id lists of {keys.Count} keys have {starts.Length} starts over {ids.Length} ids");
        }

        Keys = keys;
        _starts = starts;
        Ids = ids;
    }

    public KeyIndex Keys { get; }

    public ReadOnlyArray<int> Ids { get; }

    internal ReadOnlyArray<int> Starts => _starts;

    public int Count => Keys.Count;

    /// <summary>Where entry <paramref name="entry"/>'s ids lie in <see cref="Ids"/>.</summary>
    public (int Start, int Count) Run(int entry)
    {
        int start = _starts[entry];
        int end = _starts[entry + 1];
        return start <= end ? (start, end - start) : throw new InvalidDataException($"id list {entry} spans {start} to {end}");
    }

    /// <summary>The lists of <paramref name="lists"/>, keyed by their keys in that order.</summary>
    public static IdLists Of(IReadOnlyList<(string Key, IReadOnlyCollection<int> Ids)> lists)
    {
        var starts = new int[lists.Count + 1];
        for (int i = 0; i < lists.Count; i++)
        {
            starts[i + 1] = checked(starts[i] + lists[i].Ids.Count);
        }

        var ids = new int[starts[^1]];
        for (int i = 0; i < lists.Count; i++)
        {
            int at = starts[i];
            foreach (int id in lists[i].Ids)
            {
                ids[at++] = id;
            }
        }

        return new IdLists(KeyIndex.Of(StringTable.Of([.. lists.Select(l => l.Key)])), starts, ids);
    }
}
