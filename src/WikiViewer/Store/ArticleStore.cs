using System.Globalization;
using WikiViewer.Rendering;
using WikiViewer.Search;
using WikiViewer.Loading.Snapshots;
using WikiViewer.Loading;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Titles;

namespace WikiViewer.Store;

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
        var search = SearchIndex.Build(SearchDocuments(sorted), progress.Advance);
        var (links, categoryIndex) = filing.GetAwaiter().GetResult();
        return new ArticleStore(sorted, links, categoryIndex, titles, search);
    }

    private static SearchDocument[] SearchDocuments(Article[] articles) =>
        [.. articles.Select(static a => new SearchDocument(a.Title, a.Aliases, a.Categories, a.PlainText))];

    /// <summary>Everything the store holds, for <see cref="ReadFrom"/>: a restart on the same content need not load it again.</summary>
    internal void WriteTo(SnapshotWriter snapshot)
    {
        snapshot.Write(Statistics.Articles);
        snapshot.Write(Statistics.Aliases);
        snapshot.Write(Statistics.LinksResolved);
        snapshot.Write(Statistics.LinksMissing);
        snapshot.Write(Statistics.FilesSkipped);
        Titles.WriteTo(snapshot);

        var ids = new Dictionary<Article, int>(Articles.Count, ReferenceEqualityComparer.Instance);
        snapshot.Write(Articles.Count);
        foreach (var article in Articles)
        {
            ids.Add(article, ids.Count);
            WriteArticle(snapshot, article);
        }

        snapshot.Write(_linksTo.Count);
        foreach (var (key, articles) in _linksTo)
        {
            snapshot.Write(key);
            snapshot.Write<int>([.. articles.Select(a => ids[a])]);
        }

        snapshot.Write(_categories.Count);
        foreach (var (key, category) in _categories)
        {
            snapshot.Write(key);
            snapshot.Write(category.Name);
            snapshot.Write<int>([.. category.Articles.Select(a => ids[a])]);
        }

        Search.WriteTo(snapshot);
    }

    /// <summary>The store <see cref="WriteTo"/> wrote; bodies not yet rendered then are rendered on first view.</summary>
    internal static ArticleStore ReadFrom(SnapshotReader snapshot, string version, ILogger logger, LoadProgress progress)
    {
        var statistics = new LoadStatistics(snapshot.ReadInt32(), snapshot.ReadInt32(), snapshot.ReadInt32(), snapshot.ReadInt32(), snapshot.ReadInt32(), TimeSpan.Zero);
        var titles = TitleIndex.ReadFrom(snapshot);
        var bodies = new BodyRenderer(titles, logger);
        var articles = new Article[snapshot.ReadCount()];
        progress.BeginPhase("snapshot", articles.Length);
        for (int i = 0; i < articles.Length; i++)
        {
            articles[i] = ReadArticle(snapshot, bodies);
            progress.Advance();
        }

        Article[] Members() => [.. snapshot.ReadArray<int>().Select(id => (uint)id < (uint)articles.Length
            ? articles[id]
            : throw new InvalidDataException($"article {id} of {articles.Length}"))];

        int linked = snapshot.ReadCount();
        var linksTo = new Dictionary<string, Article[]>(linked, StringComparer.Ordinal);
        for (int i = 0; i < linked; i++)
        {
            linksTo[snapshot.ReadString()] = Members();
        }

        int categoryCount = snapshot.ReadCount();
        var categories = new Dictionary<string, Category>(categoryCount, StringComparer.Ordinal);
        for (int i = 0; i < categoryCount; i++)
        {
            string key = snapshot.ReadString();
            categories[key] = new Category(snapshot.ReadString(), Members());
        }

        var search = SearchIndex.ReadFrom(snapshot, SearchDocuments(articles));
        return new ArticleStore(articles, linksTo, categories, titles, search) { Version = version, Statistics = statistics };
    }

    private static void WriteArticle(SnapshotWriter snapshot, Article article)
    {
        snapshot.Write(article.Title);
        snapshot.Write(article.Aliases);
        snapshot.Write(article.SourceFile);
        article.Body.WriteTo(snapshot);
        snapshot.Write(article.PlainText);
        snapshot.Write(article.Toc.Count);
        foreach (var entry in article.Toc)
        {
            snapshot.Write(entry.Level);
            snapshot.Write(entry.Text);
            snapshot.Write(entry.Id);
        }

        snapshot.Write(article.Categories);
        snapshot.Write(article.Languages.Count);
        foreach (var language in article.Languages)
        {
            snapshot.Write(language.Language);
            snapshot.Write(language.LanguageName);
            snapshot.Write(language.Title);
            snapshot.Write(language.Url);
        }
    }

    private static Article ReadArticle(SnapshotReader snapshot, BodyRenderer bodies)
    {
        string title = snapshot.ReadString();
        string[] aliases = snapshot.ReadStrings();
        string file = snapshot.ReadString();
        var body = ArticleBody.ReadFrom(snapshot, file, bodies);
        string text = snapshot.ReadString();
        var toc = new TocEntry[snapshot.ReadCount(3 * sizeof(int))];
        for (int i = 0; i < toc.Length; i++)
        {
            toc[i] = new TocEntry(snapshot.ReadInt32(), snapshot.ReadString(), snapshot.ReadString());
        }

        string[] categories = snapshot.ReadStrings();
        var languages = new InterlanguageLink[snapshot.ReadCount(4 * sizeof(int))];
        for (int i = 0; i < languages.Length; i++)
        {
            languages[i] = new InterlanguageLink(snapshot.ReadString(), snapshot.ReadString(), snapshot.ReadString(), snapshot.ReadString());
        }

        return new Article(title, aliases, file, body, text, toc, categories, languages);
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
