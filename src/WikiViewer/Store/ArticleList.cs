using System.Collections;
using WikiViewer.Storage;

namespace WikiViewer.Store;

/// <summary>
/// Articles by id, made when asked for: every article, or a run of a store's id lists
/// (ids in title order), less at most one id (an article among the pages that link to it).
/// </summary>
internal sealed class ArticleList : IReadOnlyList<Article>
{
    private readonly ArticleTable _table;
    private readonly ReadOnlyArray<int> _ids;
    private readonly int _start;

    // The index in the run left out, or -1.
    private readonly int _skipped;

    private ArticleList(ArticleTable table, ReadOnlyArray<int> ids, int start, int count, int skipped = -1)
    {
        _table = table;
        _ids = ids;
        _start = start;
        _skipped = skipped;
        Count = count - (skipped >= 0 ? 1 : 0);
    }

    public int Count { get; }

    public Article this[int index] => _table[Id(index)];

    private int Id(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"a list of {Count} articles");
        }

        if (_ids.Length == 0)
        {
            return index;
        }

        int id = _ids[_start + (_skipped >= 0 && index >= _skipped ? index + 1 : index)];
        return (uint)id < (uint)_table.Count ? id : throw new InvalidDataException($"a list names article {id} of {_table.Count}");
    }

    /// <summary>The title of article <paramref name="index"/>, without making the article: what a list of links needs.</summary>
    public string Title(int index) => _table.Titles.Title(Id(index));

    /// <summary>Every article, in title order.</summary>
    public static ArticleList All(ArticleTable table) => new(table, default, 0, table.Count);

    /// <summary>The articles <paramref name="ids"/>[start..start+count] names, less <paramref name="without"/> if it is among them.</summary>
    public static ArticleList Of(ArticleTable table, ReadOnlyArray<int> ids, int start, int count, int without = -1)
    {
        if (start < 0 || count < 0 || start > ids.Length - count)
        {
            throw new InvalidDataException($"{count} ids at {start} do not lie in a table of {ids.Length}");
        }

        if (count == 0)
        {
            return new(table, default, 0, 0);
        }

        // Ids in a run are in title order, ascending.
        int skipped = without < 0 ? -1 : ids.Span.Slice(start, count).BinarySearch(without);
        return new(table, ids, start, count, Math.Max(skipped, -1));
    }

    public IEnumerator<Article> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
