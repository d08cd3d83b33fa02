using System.Diagnostics;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Store;
using WikiViewer.Titles;

namespace WikiViewer.Loading.Snapshots;

/// <summary>
/// The store's part of a snapshot: statistics, names, every article (its body as
/// Markdown until a reader has seen it, then as HTML), backlinks, categories and the
/// search index. <see cref="Read"/> builds the same store <see cref="Write"/> was given.
/// Article bodies and plain texts go to the content region, read in place through a
/// mapping (<see cref="MappedContent"/>); the sequential part holds where each one is.
/// </summary>
internal static class StoreSerializer
{
    public static void Write(SnapshotWriter snapshot, ContentWriter content, ArticleStore store)
    {
        var statistics = store.Statistics;
        snapshot.Write(statistics.Articles);
        snapshot.Write(statistics.Aliases);
        snapshot.Write(statistics.LinksResolved);
        snapshot.Write(statistics.LinksMissing);
        snapshot.Write(statistics.FilesSkipped);
        WriteNames(snapshot, store.Titles.TitlesByKey);
        WriteNames(snapshot, store.Titles.AliasesByKey);

        var ids = new Dictionary<Article, int>(store.Articles.Count, ReferenceEqualityComparer.Instance);
        snapshot.Write(store.Articles.Count);
        foreach (var article in store.Articles)
        {
            ids.Add(article, ids.Count);
            WriteArticle(snapshot, content, article);
        }

        snapshot.Write(store.LinksByKey.Count);
        foreach (var (key, articles) in store.LinksByKey)
        {
            snapshot.Write(key);
            snapshot.Write<int>([.. articles.Select(a => ids[a])]);
        }

        snapshot.Write(store.CategoriesByKey.Count);
        foreach (var (key, category) in store.CategoriesByKey)
        {
            snapshot.Write(key);
            snapshot.Write(category.Name);
            snapshot.Write<int>([.. category.Articles.Select(a => ids[a])]);
            WriteText(snapshot, category.Text);
        }

        SearchIndexSerializer.Write(snapshot, store.Search);
    }

    /// <summary>The store <see cref="Write"/> wrote; bodies not yet rendered then are rendered on first view.</summary>
    /// <param name="clock">Started when the start began reading: the store's load time.</param>
    public static ArticleStore Read(SnapshotReader snapshot, MappedContent content, string version, Stopwatch clock, ILogger logger, LoadProgress progress)
    {
        int[] counts = [snapshot.ReadInt32(), snapshot.ReadInt32(), snapshot.ReadInt32(), snapshot.ReadInt32(), snapshot.ReadInt32()];
        var titles = new TitleIndex(ReadNames(snapshot), ReadNames(snapshot));
        var bodies = new BodyRenderer(titles, logger);
        var articles = new Article[snapshot.ReadCount()];
        progress.BeginPhase("snapshot", articles.Length);
        for (int i = 0; i < articles.Length; i++)
        {
            articles[i] = ReadArticle(snapshot, content, bodies);
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
            categories[key] = new Category(snapshot.ReadString(), Members(), ReadText(snapshot, key, bodies));
        }

        var search = SearchIndexSerializer.Read(snapshot, ArticleStore.SearchDocuments(articles));
        var statistics = new LoadStatistics(counts[0], counts[1], counts[2], counts[3], counts[4], clock.Elapsed);
        return new ArticleStore(articles, linksTo, categories, titles, search, version, statistics);
    }

    // A category's text: 0 none, else a body as an article's (1 Markdown, 2 HTML).
    private static void WriteText(SnapshotWriter snapshot, ArticleBody? text)
    {
        if (text is null)
        {
            snapshot.Write((byte)0);
            return;
        }

        var body = text.Content(out bool isHtml);
        snapshot.Write(isHtml ? (byte)2 : (byte)1);
        snapshot.Write<byte>(body);
    }

    private static ArticleBody? ReadText(SnapshotReader snapshot, string key, BodyRenderer bodies) => snapshot.ReadByte() switch
    {
        0 => null,
        1 => new ArticleBody(snapshot.ReadArray<byte>(pinned: true), "Category:" + key, bodies),
        2 => new ArticleBody(snapshot.ReadArray<byte>()),
        var kind => throw new InvalidDataException($"a category text of unknown kind {kind}"),
    };

    private static void WriteNames(SnapshotWriter snapshot, IReadOnlyDictionary<string, string> names)
    {
        snapshot.Write(names.Count);
        foreach (var (key, title) in names)
        {
            snapshot.Write(key);
            snapshot.Write(title);
        }
    }

    private static Dictionary<string, string> ReadNames(SnapshotReader snapshot)
    {
        int count = snapshot.ReadCount(2 * sizeof(int));
        var names = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            names[snapshot.ReadString()] = snapshot.ReadString();
        }

        return names;
    }

    private static void WriteArticle(SnapshotWriter snapshot, ContentWriter content, Article article)
    {
        snapshot.Write(article.Title);
        snapshot.Write(article.Aliases);
        snapshot.Write(article.SourceFile);
        var body = article.Body.Content(out bool isHtml);
        snapshot.Write(isHtml ? (byte)1 : (byte)0);
        content.Write(snapshot, body);
        content.Write(snapshot, article.PlainText);
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

    private static Article ReadArticle(SnapshotReader snapshot, MappedContent content, BodyRenderer bodies)
    {
        string title = snapshot.ReadString();
        string[] aliases = snapshot.ReadStrings();
        string file = snapshot.ReadString();
        var body = snapshot.ReadByte() switch
        {
            0 => new ArticleBody(ReadItem(snapshot, content), isHtml: false, file, bodies),
            1 => new ArticleBody(ReadItem(snapshot, content), isHtml: true, file, bodies),
            var kind => throw new InvalidDataException($"an article body of unknown kind {kind}"),
        };
        var text = new MappedText(ReadItem(snapshot, content), file, bodies);
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

    // What ContentWriter wrote of an item: its offset in the region, its length, its checksum.
    private static MappedItem ReadItem(SnapshotReader snapshot, MappedContent content) =>
        content.Item(snapshot.ReadInt64(), snapshot.ReadInt32(), snapshot.ReadUInt64());
}
