using System.Globalization;
using WikiViewer.Search;
using WikiViewer.Text;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// The in-memory page store: every article, rendered, with the indexes the
/// pages need (names, categories, what links where). Built complete by the
/// loader and immutable from then on.
/// </summary>
public sealed class ArticleStore
{
    /// <summary>zh.wikipedia orders titles by pinyin; ICU's zh collation does the same.</summary>
    public static readonly StringComparer TitleOrder = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    private readonly Dictionary<string, Article> _byTitle;
    private readonly Dictionary<string, Article[]> _linksTo;
    private readonly Dictionary<string, Category> _categories;

    /// <param name="articles">Every article, in title order (<see cref="TitleOrder"/>).</param>
    /// <param name="linksTo">Per <see cref="TitleKey"/>, the articles that link to that name, in title order.</param>
    /// <param name="categories">Per <see cref="TitleKey"/> of a category's name, the category.</param>
    /// <param name="search">The full-text index over <paramref name="articles"/>, in that order.</param>
    /// <param name="version">What the store was loaded from; the pages' ETag.</param>
    internal ArticleStore(
        Article[] articles,
        Dictionary<string, Article[]> linksTo,
        Dictionary<string, Category> categories,
        TitleIndex titles,
        SearchIndex search,
        string version,
        LoadStatistics statistics)
    {
        Articles = articles;
        Titles = titles;
        _byTitle = articles.ToDictionary(a => a.Title, StringComparer.Ordinal);
        _linksTo = linksTo;
        _categories = categories;
        Categories = categories.Values.OrderBy(c => c.Name, TitleOrder).ToArray();
        Search = search;
        Version = version;
        Statistics = statistics;
    }

    /// <summary>Every article, in title order.</summary>
    public IReadOnlyList<Article> Articles { get; }

    public IReadOnlyList<Category> Categories { get; }

    public TitleIndex Titles { get; }

    /// <summary>Full-text index over <see cref="Articles"/>: a hit's document id is the article's index there.</summary>
    public SearchIndex Search { get; }

    /// <summary>Changes when the served content or the code that rendered it changes; the pages' ETag.</summary>
    public string Version { get; }

    public LoadStatistics Statistics { get; }

    /// <summary>The backlink table as built, by name key.</summary>
    internal IReadOnlyDictionary<string, Article[]> LinksByKey => _linksTo;

    /// <summary>The categories as built, by name key.</summary>
    internal IReadOnlyDictionary<string, Category> CategoriesByKey => _categories;

    /// <summary>The article with exactly this title.</summary>
    public Article? Get(string title) => _byTitle.GetValueOrDefault(title);

    /// <summary>The article a title, alias or variant spelling names.</summary>
    public Article? Find(string name) => Titles.Resolve(name) is { } title ? Get(title) : null;

    /// <summary>
    /// The article a name names in another region's words (軟體工程 for 软件工程), as MediaWiki's
    /// findVariantLink; null when none does. Not part of <see cref="Find"/>: a link resolves by
    /// folding alone, and a page found this way is reached by a temporary redirect.
    /// </summary>
    public Article? FindInOtherRegionsWords(string name) =>
        OpenCcConverter.RegionalSpellings(name).Select(Find).FirstOrDefault(article => article is not null);

    /// <summary>Articles whose text links to this name (title or missing target), in title order.</summary>
    public IReadOnlyList<Article> LinksTo(string name) =>
        _linksTo.TryGetValue(TitleKey.Of(name), out var articles) ? articles : [];

    public Category? FindCategory(string name) => _categories.GetValueOrDefault(TitleKey.Of(name));

    /// <summary>What the search index holds of each article, in the order of <paramref name="articles"/>.</summary>
    internal static SearchDocument[] SearchDocuments(IReadOnlyList<Article> articles) =>
        [.. articles.Select(static a => new SearchDocument(a.Title, a.Aliases, a.Categories, a.Text))];
}
