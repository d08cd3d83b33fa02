using System.Collections;
using WikiViewer.Storage;

namespace WikiViewer.Store;

/// <summary>
/// Every category of a store, in place in its store file: per category (an entry of
/// <see cref="Members"/>, keyed by the name's <c>TitleKey</c>) its name as first written,
/// its members and its own text, if any; and the categories in name order and by size.
/// </summary>
internal sealed class CategoryTable
{
    private readonly ArticleTable _articles;
    private readonly StringTable _names;
    private readonly ContentItems _texts;
    private readonly ReadOnlyArray<int> _byName;
    private readonly ReadOnlyArray<int> _largest;

    /// <param name="byName">The entries in name order (<see cref="ArticleStore.TitleOrder"/>).</param>
    /// <param name="largest">The entries with the most members, most first (home lists them).</param>
    public CategoryTable(ArticleTable articles, IdLists members, StringTable names, ContentItems texts, ReadOnlyArray<int> byName, ReadOnlyArray<int> largest)
    {
        if (names.Count != members.Count || texts.Count != members.Count || byName.Length != members.Count || largest.Length > members.Count)
        {
            throw new InvalidDataException($"a category table of {members.Count} entries has {names.Count} names, {texts.Count} texts, {byName.Length} in name order and {largest.Length} largest");
        }

        _articles = articles;
        Members = members;
        _names = names;
        _texts = texts;
        _byName = byName;
        _largest = largest;
    }

    public IdLists Members { get; }

    public StringTable Names => _names;

    public int Count => Members.Count;

    /// <summary>Every category, in name order.</summary>
    public IReadOnlyList<Category> ByName => new EntryList(this, _byName);

    /// <summary>The categories with the most articles, most first.</summary>
    public IReadOnlyList<Category> Largest => new EntryList(this, _largest);

    public Category? Find(string key) => Members.Keys.Find(key) is int entry and >= 0 ? this[entry] : null;

    public Category this[int entry]
    {
        get
        {
            string name = _names[entry];
            var (start, count) = Members.Run(entry);
            var text = _texts.Kind(entry) == ContentKind.None ? null : new ArticleBody(_texts, entry, "Category:" + name, _articles.Renderer);
            return new Category(name, ArticleList.Of(_articles, Members.Ids, start, count), text);
        }
    }

    private sealed class EntryList(CategoryTable table, ReadOnlyArray<int> entries) : IReadOnlyList<Category>
    {
        public int Count => entries.Length;

        public Category this[int index] => entries[index] is int entry && (uint)entry < (uint)table.Count
            ? table[entry]
            : throw new InvalidDataException($"a category list names entry {entries[index]} of {table.Count}");

        public IEnumerator<Category> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
