using System.Collections.Concurrent;

namespace WikiViewer.Search;

/// <summary>
/// Keeps the answers of queries that were costly to compute, for the next time
/// they are asked. Most queries are quick and are computed every time: keeping
/// every distinct answer cost more in memory and collections than it saved. The
/// common phrases whose every part is frequent are slow, and they are also the
/// ones people ask again and again (docs/benchmarks.md, "Search: answers of
/// costly queries kept").
/// <para>
/// Bounded by two generations of <c>capacity</c> entries: when the current one
/// is full it becomes the previous one and the old previous one is dropped; a
/// hit in the previous generation moves the answer to the current one. So an
/// answer in use stays, one not asked for two generations goes, and no entry
/// carries a timestamp or a lock. (MemoryCache, which the output cache uses,
/// compacts in the background once full and keeps options and timestamps per
/// entry; this bound is exact when Offer returns, which its tests rely on.)
/// </para>
/// </summary>
internal sealed class SearchResultCache(int capacity, TimeSpan costly)
{
    public static readonly TimeSpan DefaultCostly = TimeSpan.FromMilliseconds(0.5);
    public const int DefaultCapacity = 2048;

    private readonly record struct Key(string Query, int Offset, int Limit);

    private readonly Lock _turnover = new();
    private ConcurrentDictionary<Key, SearchResults> _current = new();
    private ConcurrentDictionary<Key, SearchResults> _previous = new();

    public SearchResultCache()
        : this(DefaultCapacity, DefaultCostly)
    {
    }

    /// <summary>Answers held now, over both generations.</summary>
    public int Count => _current.Count + _previous.Count;

    public bool TryGet(string query, int offset, int limit, out SearchResults results)
    {
        var key = new Key(query, offset, limit);
        if (_current.TryGetValue(key, out results!))
        {
            return true;
        }

        if (_previous.TryGetValue(key, out results!))
        {
            Keep(key, results);
            return true;
        }

        return false;
    }

    /// <summary>Keeps <paramref name="results"/> if computing them took at least the costly threshold.</summary>
    public void Offer(string query, int offset, int limit, SearchResults results, TimeSpan took)
    {
        if (took >= costly)
        {
            Keep(new Key(query, offset, limit), results);
        }
    }

    private void Keep(Key key, SearchResults results)
    {
        var current = _current;
        current[key] = results;
        if (current.Count > capacity)
        {
            lock (_turnover)
            {
                // Another thread may have turned the generation over already.
                if (ReferenceEquals(current, _current))
                {
                    _previous = current;
                    _current = new ConcurrentDictionary<Key, SearchResults>();
                }
            }
        }
    }
}
