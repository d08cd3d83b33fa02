namespace WikiViewer.Titles;

/// <summary>
/// Every name an article answers to — its title and the aliases from its lead —
/// under its folded <see cref="TitleKey"/>. A title always wins over another
/// article's alias; between two aliases the first file wins.
/// </summary>
public sealed class TitleIndex
{
    private readonly Dictionary<string, string> _titles;
    private readonly Dictionary<string, string> _aliases;

    public TitleIndex()
        : this(new(StringComparer.Ordinal), new(StringComparer.Ordinal))
    {
    }

    /// <summary>An index of names already folded: key → canonical title.</summary>
    internal TitleIndex(Dictionary<string, string> titles, Dictionary<string, string> aliases)
    {
        _titles = titles;
        _aliases = aliases;
    }

    public int TitleCount => _titles.Count;

    public int AliasCount => _aliases.Count;

    /// <summary>Adds a title; false when another article already has it (after folding).</summary>
    public bool TryAddTitle(string title) => _titles.TryAdd(TitleKey.Of(title), title);

    /// <summary>
    /// Adds an alias unless the name is already a title or another article's alias.
    /// Add every title first, so that no alias shadows a later title.
    /// </summary>
    public bool TryAddAlias(string alias, string title)
    {
        string key = TitleKey.Of(alias);
        return !_titles.ContainsKey(key) && _aliases.TryAdd(key, title);
    }

    /// <summary>The canonical title for a title, alias or variant spelling; null when none.</summary>
    public string? Resolve(string name) => Resolve(name, out _);

    /// <summary>
    /// The canonical title, and the key that pages linking here are filed under:
    /// the title's key when the name resolves, else the name's own.
    /// </summary>
    public string? Resolve(string name, out string key)
    {
        key = TitleKey.Of(name);
        if (_titles.TryGetValue(key, out var title))
        {
            return title;
        }

        if (_aliases.TryGetValue(key, out title))
        {
            key = TitleKey.Of(title);
            return title;
        }

        return null;
    }

    /// <summary>Every title, by its key.</summary>
    internal IReadOnlyDictionary<string, string> TitlesByKey => _titles;

    /// <summary>Every alias's canonical title, by the alias's key.</summary>
    internal IReadOnlyDictionary<string, string> AliasesByKey => _aliases;
}
