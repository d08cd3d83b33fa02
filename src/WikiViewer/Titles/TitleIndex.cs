using WikiViewer.Storage;

namespace WikiViewer.Titles;

/// <summary>
/// Every name an article answers to — its title and the aliases from its lead —
/// under its folded <see cref="TitleKey"/>, and each article's title by its id (its
/// place in title order). Immutable, and held as tables a store file keeps in place
/// (<see cref="StringTable"/>, <see cref="KeyIndex"/>), so a million names cost no heap.
/// <see cref="Builder"/> collects the names; a title always wins over another
/// article's alias, and between two aliases the first one added wins.
/// </summary>
public sealed class TitleIndex
{
    private readonly StringTable _titles;
    private readonly KeyIndex _titleKeys;
    private readonly KeyIndex _aliasKeys;
    private readonly ReadOnlyArray<int> _aliasTargets;

    /// <param name="titles">Each article's title, by id.</param>
    /// <param name="titleKeys">Each title's key, by id: entry number and id are one.</param>
    /// <param name="aliasKeys">Each alias's key.</param>
    /// <param name="aliasTargets">Per alias entry, the id of the article it names.</param>
    internal TitleIndex(StringTable titles, KeyIndex titleKeys, KeyIndex aliasKeys, ReadOnlyArray<int> aliasTargets)
    {
        if (titleKeys.Count != titles.Count || aliasTargets.Length != aliasKeys.Count)
        {
            throw new InvalidDataException($"a title index of {titles.Count} titles has {titleKeys.Count} title keys, and {aliasTargets.Length} targets for {aliasKeys.Count} aliases");
        }

        _titles = titles;
        _titleKeys = titleKeys;
        _aliasKeys = aliasKeys;
        _aliasTargets = aliasTargets;
    }

    /// <summary>An index of these titles alone, their ids in this order.</summary>
    public static TitleIndex Of(params IEnumerable<string> titles)
    {
        var builder = new Builder();
        foreach (string title in titles)
        {
            builder.TryAddTitle(title);
        }

        return builder.Build();
    }

    public int TitleCount => _titles.Count;

    public int AliasCount => _aliasKeys.Count;

    internal StringTable Titles => _titles;

    internal KeyIndex TitleKeys => _titleKeys;

    internal KeyIndex AliasKeys => _aliasKeys;

    internal ReadOnlyArray<int> AliasTargets => _aliasTargets;

    /// <summary>The title of article <paramref name="id"/>.</summary>
    public string Title(int id) => _titles[id];

    /// <summary>The canonical title for a title, alias or variant spelling; null when none.</summary>
    public string? Resolve(string name) => Resolve(name, out _);

    /// <summary>
    /// The canonical title, and the key that pages linking here are filed under:
    /// the title's key when the name resolves, else the name's own.
    /// </summary>
    public string? Resolve(string name, out string key)
    {
        key = TitleKey.Of(name);
        int id = FindKey(key);
        if (id < 0)
        {
            return null;
        }

        string title = _titles[id];
        key = TitleKey.Of(title);
        return title;
    }

    /// <summary>The id of the article a title, alias or variant spelling names; -1 when none.</summary>
    public int Find(string name) => FindKey(TitleKey.Of(name));

    private int FindKey(string key)
    {
        int id = _titleKeys.Find(key);
        if (id >= 0)
        {
            return id;
        }

        int alias = _aliasKeys.Find(key);
        if (alias < 0)
        {
            return -1;
        }

        id = _aliasTargets[alias];
        return (uint)id < (uint)_titles.Count ? id : throw new InvalidDataException($"alias {alias} names article {id} of {_titles.Count}");
    }

    /// <summary>Collects the names of a load, in any order; <see cref="Build"/> gives the index with the ids the load chose.</summary>
    public sealed class Builder
    {
        private readonly List<string> _titles = [];
        private readonly Dictionary<string, int> _titleKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _aliasKeys = new(StringComparer.Ordinal);

        public int TitleCount => _titles.Count;

        public int AliasCount => _aliasKeys.Count;

        /// <summary>Adds a title; false when another article already has it (after folding).</summary>
        public bool TryAddTitle(string title)
        {
            if (!_titleKeys.TryAdd(TitleKey.Of(title), _titles.Count))
            {
                return false;
            }

            _titles.Add(title);
            return true;
        }

        /// <summary>
        /// Adds an alias of an added title unless the name is already a title or another
        /// article's alias. Add every title first, so that no alias shadows a later title.
        /// </summary>
        public bool TryAddAlias(string alias, string title)
        {
            string key = TitleKey.Of(alias);
            return !_titleKeys.ContainsKey(key)
                && _titleKeys.TryGetValue(TitleKey.Of(title), out int target)
                && _aliasKeys.TryAdd(key, target);
        }

        /// <summary>The index, the titles given ids in the order they were added.</summary>
        public TitleIndex Build() => Build([.. Enumerable.Range(0, _titles.Count)]);

        /// <summary>The index, title <paramref name="order"/>[i] (in the order they were added) given id i.</summary>
        public TitleIndex Build(int[] order)
        {
            if (order.Length != _titles.Count)
            {
                throw new ArgumentException($"an order of {order.Length} for {_titles.Count} titles", nameof(order));
            }

            int[] idOf = new int[order.Length];
            for (int id = 0; id < order.Length; id++)
            {
                idOf[order[id]] = id;
            }

            string[] titles = [.. order.Select(added => _titles[added])];
            var aliasKeys = StringTable.Of([.. _aliasKeys.Keys]);
            int[] targets = [.. _aliasKeys.Values.Select(added => idOf[added])];
            return new TitleIndex(
                StringTable.Of(titles), KeyIndex.Of(StringTable.Of([.. titles.Select(TitleKey.Of)])), KeyIndex.Of(aliasKeys), targets);
        }
    }
}
