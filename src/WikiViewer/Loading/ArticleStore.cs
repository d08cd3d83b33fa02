using System.Globalization;
using WikiViewer.Search;

namespace WikiViewer.Loading;

/// <summary>
/// The in-memory page store: every article, rendered, with the indexes the
/// pages need (names, categories, what links where). Immutable once built.
/// </summary>
public sealed class ArticleStore
{
    /// <summary>zh.wikipedia orders titles by pinyin; ICU's zh collation does the same.</summary>
    public static readonly StringComparer TitleOrder = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    private readonly Dictionary<string, Article> _byTitle;
    private readonly Dictionary<string, Article[]> _linksTo;
    private readonly Dictionary<string, Category> _categories;

    private ArticleStore(Article[] articles, Dictionary<string, Article[]> linksTo, Dictionary<string, Category> categories, TitleIndex titles, SearchIndex search)
    {
        Articles = articles;
        Titles = titles;
        _byTitle = articles.ToDictionary(a => a.Title, StringComparer.Ordinal);
        _linksTo = linksTo;
        _categories = categories;
        Categories = categories.Values.OrderBy(c => c.Name, TitleOrder).ToArray();
        Search = search;
    }

    /// <summary>Every article, in title order.</summary>
    public IReadOnlyList<Article> Articles { get; }

    public IReadOnlyList<Category> Categories { get; }

    public TitleIndex Titles { get; }

    /// <summary>Full-text index over <see cref="Articles"/>: a hit's document id is the article's index there.</summary>
    public SearchIndex Search { get; }

    /// <summary>Changes when the served content or the code that rendered it changes; the pages' ETag.</summary>
    public string Version { get; internal set; } = "";

    public LoadStatistics Statistics { get; internal set; } = new(0, 0, 0, 0, 0, TimeSpan.Zero);

    /// <param name="linkKeys">Per article, the distinct <see cref="TitleKey"/>s of its link targets.</param>
    internal static ArticleStore Create(Article[] articles, IReadOnlyList<string>[] linkKeys, TitleIndex titles, LoadProgress progress)
    {
        var order = InTitleOrder(articles);
        var sorted = order.Select(i => articles[i]).ToArray();

        // Filing backlinks and categories runs on one core; the search index
        // beside it takes what is left, so the load waits for the longer of the two.
        progress.BeginPhase("index", sorted.Length);
        var filing = Task.Run(() => FileLinksAndCategories(articles, order, linkKeys));
        var search = SearchIndex.Build(sorted.Select(a => new SearchDocument(a.Title, a.Aliases, a.Categories, a.PlainText)).ToArray());
        var (links, categoryIndex) = filing.GetAwaiter().GetResult();
        return new ArticleStore(sorted, links, categoryIndex, titles, search);
    }

    private static (Dictionary<string, Article[]> LinksTo, Dictionary<string, Category> Categories) FileLinksAndCategories(
        Article[] articles, int[] order, IReadOnlyList<string>[] linkKeys)
    {
        var linksTo = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var categories = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var categoryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (int i in order)
        {
            var article = articles[i];
            foreach (string key in linkKeys[i])
            {
                Add(linksTo, key, article);
            }

            foreach (string name in article.Categories)
            {
                string key = TitleKey.Of(name);
                categoryNames.TryAdd(key, name);
                if (!categories.TryGetValue(key, out var members) || !ReferenceEquals(members[^1], article))
                {
                    Add(categories, key, article);
                }
            }
        }

        return (linksTo.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            categories.ToDictionary(p => p.Key, p => new Category(categoryNames[p.Key], p.Value.ToArray()), StringComparer.Ordinal));
    }

    // ICU compares two Chinese titles in about a microsecond; a sort makes
    // n log n comparisons (1.7 million at 100,000 titles) on one core. Sort keys
    // are made once per title, in parallel, and compare as bytes, in the same order.
    private static int[] InTitleOrder(Article[] articles)
    {
        var compareInfo = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
        var keys = new SortKey[articles.Length];
        Parallel.For(0, articles.Length, CpuBound.OneThreadPerCore, i => keys[i] = compareInfo.GetSortKey(articles[i].Title));
        var order = Enumerable.Range(0, articles.Length).ToArray();
        Array.Sort(order, (a, b) => SortKey.Compare(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    /// <summary>The article with exactly this title.</summary>
    public Article? Get(string title) => _byTitle.GetValueOrDefault(title);

    /// <summary>The article a title, alias or variant spelling names.</summary>
    public Article? Find(string name) => Titles.Resolve(name) is { } title ? Get(title) : null;

    /// <summary>Articles whose text links to this name (title or missing target), in title order.</summary>
    public IReadOnlyList<Article> LinksTo(string name) =>
        _linksTo.TryGetValue(TitleKey.Of(name), out var articles) ? articles : [];

    public Category? FindCategory(string name) => _categories.GetValueOrDefault(TitleKey.Of(name));

    private static void Add(Dictionary<string, List<Article>> index, string key, Article article)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(article);
    }
}
