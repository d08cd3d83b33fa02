using System.Globalization;
using WikiViewer.Search;
using WikiViewer.Storage;
using WikiViewer.Text;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// The page store: every article, with the indexes the pages need (names, categories,
/// what links where) and the search index, read in place from one store file
/// (<see cref="StoreFile"/>). Immutable; opening it reads the file's directory, and
/// serving touches only what is read.
/// </summary>
public sealed class ArticleStore
{
    /// <summary>zh.wikipedia orders titles by pinyin; ICU's zh collation does the same.</summary>
    public static readonly StringComparer TitleOrder = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    private readonly ArticleTable _articles;
    private readonly IdLists _links;
    private readonly CategoryTable _categories;
    private readonly SectionFile _file;

    internal ArticleStore(ArticleTable articles, IdLists links, CategoryTable categories, SearchIndex search, string version, LoadStatistics statistics, SectionFile file)
    {
        _articles = articles;
        _links = links;
        _categories = categories;
        _file = file;
        Articles = ArticleList.All(articles);
        Search = search;
        Version = version;
        Statistics = statistics;
    }

    /// <summary>Every article, in title order; an article's <see cref="Article.Id"/> is its index here.</summary>
    public IReadOnlyList<Article> Articles { get; }

    /// <summary>Every category, in name order.</summary>
    public IReadOnlyList<Category> Categories => _categories.ByName;

    /// <summary>The categories with the most articles, most first (home lists the first of them).</summary>
    public IReadOnlyList<Category> LargestCategories => _categories.Largest;

    public TitleIndex Titles => _articles.Titles;

    /// <summary>Full-text index over <see cref="Articles"/>: a hit's document id is the article's id.</summary>
    public SearchIndex Search { get; }

    /// <summary>Changes when the served content or the code that rendered it changes; the pages' ETag.</summary>
    public string Version { get; }

    public LoadStatistics Statistics { get; }

    /// <summary>The article with exactly this title.</summary>
    public Article? Get(string title) =>
        Titles.TitleKeys.Find(TitleKey.Of(title)) is int id and >= 0 && Titles.Titles.Span(id).SequenceEqual(title) ? _articles[id] : null;

    /// <summary>The article a title, alias or variant spelling names.</summary>
    public Article? Find(string name) => Titles.Find(name) is int id and >= 0 ? _articles[id] : null;

    /// <summary>
    /// The article a name names in another region's words (軟體工程 for 软件工程), as MediaWiki's
    /// findVariantLink; null when none does. Not part of <see cref="Find"/>: a link resolves by
    /// folding alone, and a page found this way is reached by a temporary redirect.
    /// </summary>
    public Article? FindInOtherRegionsWords(string name) =>
        OpenCcConverter.RegionalSpellings(name).Select(Find).FirstOrDefault(article => article is not null);

    /// <summary>Articles whose text links to this name (title or missing target), in title order.</summary>
    /// <param name="without">An article left out, when it is among them (an article that links to itself).</param>
    public IReadOnlyList<Article> LinksTo(string name, Article? without = null)
    {
        int entry = _links.Keys.Find(TitleKey.Of(name));
        if (entry < 0)
        {
            return [];
        }

        var (start, count) = _links.Run(entry);
        return ArticleList.Of(_articles, _links.Ids, start, count, without?.Id ?? -1);
    }

    public Category? FindCategory(string name) => _categories.Find(TitleKey.Of(name));

    /// <summary>Unmaps the store's file; nothing may read the store afterwards (its owner closes it when the app stops).</summary>
    internal void Close() => _file.Dispose();

    /// <summary>
    /// Gives the store file's pages back from the process's resident set (they stay in the page
    /// cache, and what is read next is mapped again): for a pass that read much of the store once.
    /// </summary>
    public void ReleaseResidentPages() => _file.File.Release(0, _file.File.Length);

    /// <summary>
    /// Maps the articles' plain texts into the process, which searches read all over for their
    /// snippets, and checks those no search has read yet against their checksums; returns their
    /// bytes and how many are intact. They stay file-backed, pages the OS may drop.
    /// </summary>
    internal (long Bytes, int Intact) MapTexts() => (_articles.MapTexts(), _articles.CheckTexts());

    /// <summary>The store file's length in bytes; 0 for a store held in memory.</summary>
    internal long FileLength => _file.File.IsInMemory ? 0 : _file.File.Length;

    /// <summary>Has the OS read the whole store file into its page cache, in the background (<see cref="MappedFile.ReadAhead"/>).</summary>
    internal void ReadAhead() => _file.File.ReadAhead();
}
