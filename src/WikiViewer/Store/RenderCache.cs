using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Caching.Memory;

namespace WikiViewer.Store;

/// <summary>One thing a page computed from the store on view: what it is, of which article or category.</summary>
/// <param name="Kind">What is kept: <see cref="RenderCache.Body"/>, <see cref="RenderCache.CategoryText"/>, or a kind the web layer names (a display variant's code).</param>
/// <param name="Name">The article's title or the category's name. A name, not the object: a store read in place may make its articles afresh for each request.</param>
/// <param name="Store">Which store it is of: a store loaded again from a changed folder replaces one, and its article of the same name may differ.</param>
public readonly record struct RenderKey(string Kind, string Name, object? Store = null)
{
    /// <summary>The key of what is kept of <paramref name="article"/> as <paramref name="kind"/>.</summary>
    public static RenderKey For(string kind, Article article) => new(kind, article.Title, article.Body.Store);
}

/// <summary>
/// What pages compute from the store when they are viewed (each body's HTML, its
/// conversions into display variants) kept within one budget in bytes,
/// <c>Wiki:RenderCacheMegabytes</c>. Kept for the store's lifetime, every body a reader
/// ever opened would stay in the heap: at a million articles, browsing alone would fill
/// the machine (docs/benchmarks.md, "Pages: what is rendered on view kept within a budget").
/// </summary>
/// <remarks>
/// A <see cref="MemoryCache"/> with a size limit, as the output cache's store is: an entry
/// that would take the cache past the budget is not kept, and the cache removes, in the
/// background, what was read least recently until a twentieth of the budget is free.
/// Readers who ask for the same thing at once wait for one computation and share its result.
/// A result is kept from its second computation on (<see cref="SecondRequestFilter"/>): what
/// is read once would only push out what is read again.
/// </remarks>
public sealed class RenderCache : IDisposable
{
    /// <summary>An article's body HTML, UTF-8.</summary>
    public const string Body = "body";

    /// <summary>A category's own text as HTML, UTF-8.</summary>
    public const string CategoryText = "category";

    // What an entry costs beyond what it holds: the cache's entry and its slot, the boxed key, the array's header.
    private const long EntryOverhead = 256;

    private readonly MemoryCache _kept;
    private readonly ConcurrentDictionary<RenderKey, object> _computing = new();
    private readonly SecondRequestFilter _computedBefore = new(SecondRequestFilter.CacheWindow);

    /// <param name="budget">Bytes the kept results may take; 0 keeps nothing.</param>
    public RenderCache(long budget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        Budget = budget;
        _kept = new MemoryCache(new MemoryCacheOptions { SizeLimit = budget, TrackStatistics = true });
    }

    public long Budget { get; }

    /// <summary>Bytes the kept results take now, by the sizes they were kept with; never more than <see cref="Budget"/>.</summary>
    public long Size => _kept.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>How many results are kept now.</summary>
    public int Count => _kept.Count;

    /// <summary>Whether this result is kept now.</summary>
    public bool Holds(RenderKey key) => _kept.TryGetValue(key, out _);

    /// <summary>The article's body HTML as UTF-8, rendered when it is not kept.</summary>
    public byte[] BodyHtml(Article article) =>
        GetOrAdd(RenderKey.For(Body, article), article.Body, static body => body.HtmlUtf8, static html => html.Length);

    /// <summary>The category's own text as HTML, UTF-8; null when it has none.</summary>
    public byte[]? TextHtml(Category category) =>
        category.Text is { } text ? GetOrAdd(new RenderKey(CategoryText, category.Name, text.Store), text, static body => body.HtmlUtf8, static html => html.Length) : null;

    /// <summary>
    /// The result kept under <paramref name="key"/>, or <paramref name="create"/>'s, kept if the
    /// budget allows. A key always names the same kind of result.
    /// </summary>
    /// <param name="bytesOf">What the result takes in memory, roughly.</param>
    public T GetOrAdd<TState, T>(RenderKey key, TState state, Func<TState, T> create, Func<T, long> bytesOf)
        where T : class =>
        _kept.TryGetValue(key, out object? kept) ? (T)kept! : Compute(key, state, create, bytesOf);

    public void Dispose() => _kept.Dispose();

    // The first reader computes; those who come meanwhile wait for it. One who comes just after
    // it finished finds the result kept (it is kept before the computation is let go).
    private T Compute<TState, T>(RenderKey key, TState state, Func<TState, T> create, Func<T, long> bytesOf)
        where T : class
    {
        var mine = new Lazy<T>(() => _kept.TryGetValue(key, out object? kept) ? (T)kept! : Keep(key, create(state), bytesOf));
        var computing = (Lazy<T>)_computing.GetOrAdd(key, mine);
        try
        {
            return computing.Value;
        }
        finally
        {
            if (computing == mine)
            {
                _computing.TryRemove(new KeyValuePair<RenderKey, object>(key, mine));
            }
        }
    }

    private T Keep<T>(RenderKey key, T value, Func<T, long> bytesOf)
    {
        if (!_computedBefore.SeenBefore(Hash(key)))
        {
            return value;
        }

        // Past the budget, MemoryCache does not keep it and starts its compaction.
        using var entry = _kept.CreateEntry(key);
        entry.Value = value;
        entry.Size = bytesOf(value) + EntryOverhead;
        return value;
    }

    private static ulong Hash(RenderKey key) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key.Name.AsSpan()), (long)(uint)key.Kind.GetHashCode() ^ ((long)RuntimeHelpers.GetHashCode(key.Store) << 32));
}
