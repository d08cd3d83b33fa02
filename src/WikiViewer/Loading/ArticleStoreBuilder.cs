using System.Globalization;
using WikiViewer.Search;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Loading;

/// <summary>The last step of a load: the analysed articles put in title order and indexed, as one <see cref="ArticleStore"/>.</summary>
internal static class ArticleStoreBuilder
{
    /// <param name="linkKeys">Per article, the distinct <see cref="TitleKey"/>s of its link targets.</param>
    /// <param name="categoryTexts">The categories' own text (the collection's <c>Category/</c>), by the name its file gives.</param>
    /// <param name="statistics">Asked once the store is built, so that its elapsed time covers the indexing.</param>
    public static ArticleStore Build(Article[] articles, IReadOnlyList<string>[] linkKeys, IReadOnlyList<(string Name, ArticleBody Text)> categoryTexts,
        TitleIndex titles, LoadProgress progress, string version, Func<LoadStatistics> statistics)
    {
        var order = InTitleOrder(articles);
        var sorted = order.Select(i => articles[i]).ToArray();

        // Filing backlinks and categories runs on one core; the search index
        // beside it takes what is left, so the load waits for the longer of the two.
        progress.BeginPhase("index", sorted.Length);
        var filing = Task.Run(() => FileLinksAndCategories(articles, order, linkKeys, categoryTexts));
        var search = SearchIndex.Build(ArticleStore.SearchDocuments(sorted), progress.Advance, CpuBound.OneThreadPerCore);
        var (links, categoryIndex) = filing.GetAwaiter().GetResult();
        return new ArticleStore(sorted, links, categoryIndex, titles, search, version, statistics());
    }

    private static (Dictionary<string, Article[]> LinksTo, Dictionary<string, Category> Categories) FileLinksAndCategories(
        Article[] articles, int[] order, IReadOnlyList<string>[] linkKeys, IReadOnlyList<(string Name, ArticleBody Text)> categoryTexts)
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

        // A category with a text but no member is still a page, as on zh.wikipedia; of two
        // texts for one name (after folding) the first file's is kept.
        var texts = new Dictionary<string, ArticleBody>(StringComparer.Ordinal);
        foreach (var (name, text) in categoryTexts)
        {
            string key = TitleKey.Of(name);
            categoryNames.TryAdd(key, name);
            texts.TryAdd(key, text);
        }

        var filed = categories.ToDictionary(
            p => p.Key, p => new Category(categoryNames[p.Key], p.Value.ToArray(), texts.GetValueOrDefault(p.Key)), StringComparer.Ordinal);
        foreach (var (key, text) in texts)
        {
            filed.TryAdd(key, new Category(categoryNames[key], [], text));
        }

        return (linksTo.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), filed);
    }

    // An ICU comparison of two Chinese titles is slow, and a sort makes n log n of
    // them on one core. Sort keys are made once per title, in parallel, and compare
    // as bytes, in the same order (docs/benchmarks.md, "Load: titles sorted by ICU sort keys").
    internal static int[] InTitleOrder(Article[] articles)
    {
        var compareInfo = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
        var keys = new SortKey[articles.Length];
        Parallel.For(0, articles.Length, CpuBound.OneThreadPerCore, i => keys[i] = compareInfo.GetSortKey(articles[i].Title));
        var order = Enumerable.Range(0, articles.Length).ToArray();
        Array.Sort(order, (a, b) => SortKey.Compare(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    private static void Add(Dictionary<string, List<Article>> index, string key, Article article)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(article);
    }
}
