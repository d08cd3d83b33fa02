using System.Globalization;
using WikiViewer.Search;
using WikiViewer.Storage;
using WikiViewer.Titles;

namespace WikiViewer.Store;

/// <summary>
/// The store on disk: one <see cref="SectionFile"/> that the viewer reads in place, so
/// that opening it is reading its directory and serving touches only what is read — what
/// a ZIM file is to kiwix-serve, written by the viewer itself from the folder.
/// <code>
/// content              the articles' bodies (UTF-8 Markdown, or HTML for a file the pipeline failed on),
///                      their plain texts (UTF-16) and the categories' texts; page-aligned, each item checked when first read
/// articles/bodies      per article, where its body lies (<see cref="ContentRef"/>)
/// articles/texts       per article, where its plain text lies
/// articles/records     per article, packed: source file, aliases, categories, contents, interlanguage links;
///   articles/record-starts  where each starts (int64)
/// titles/…             the titles by id (chars, starts) and their keys (chars, starts, slots)
/// aliases/…            the aliases' keys and the id each names
/// links/…              per link target's key, the ids of the articles that link to it
/// categories/…         per category's key, its members, its name, its text; the categories in name order and by size
/// search/…             the search index (<see cref="SearchIndexSections"/>)
/// </code>
/// The properties name the store's <see cref="ArticleStore.Version"/> and the load's counts.
/// Everything but the content is checked against its checksum when the store opens.
/// </summary>
internal static class StoreFile
{
    public const int Format = 5;

    /// <summary>How many categories the store keeps ranked by size.</summary>
    public const int LargestCategories = 60;

    public static ReadOnlySpan<byte> Magic => "WikiViewer store, format 6\n"u8;

    public const string Content = "content";

    public static void WriteStrings(SectionFileWriter file, string prefix, StringTable strings)
    {
        file.Write($"{prefix}/chars", strings.Chars);
        file.Write($"{prefix}/starts", strings.Starts);
    }

    public static void WriteKeys(SectionFileWriter file, string prefix, KeyIndex keys)
    {
        WriteStrings(file, $"{prefix}/keys", keys.Keys);
        file.Write($"{prefix}/slots", keys.Slots);
    }

    public static void WriteIdLists(SectionFileWriter file, string prefix, IdLists lists)
    {
        WriteKeys(file, prefix, lists.Keys);
        file.Write($"{prefix}/starts", lists.Starts);
        file.Write($"{prefix}/ids", lists.Ids);
    }

    public static void WriteTitles(SectionFileWriter file, TitleIndex titles)
    {
        WriteStrings(file, "titles", titles.Titles);
        WriteKeys(file, "titles", titles.TitleKeys);
        WriteKeys(file, "aliases", titles.AliasKeys);
        file.Write("aliases/targets", titles.AliasTargets);
    }

    public static void WriteStatistics(SectionFileWriter file, string version, LoadStatistics statistics)
    {
        file.Property("version", version);
        file.Property("articles", Invariant(statistics.Articles));
        file.Property("aliases", Invariant(statistics.Aliases));
        file.Property("links-resolved", Invariant(statistics.LinksResolved));
        file.Property("links-missing", Invariant(statistics.LinksMissing));
        file.Property("files-skipped", Invariant(statistics.FilesSkipped));
    }

    /// <summary>The store's <see cref="ArticleStore.Version"/>, as the file names it.</summary>
    public static string Version(SectionFile file) => file.Properties.GetValueOrDefault("version") ?? throw new InvalidDataException("it names no version");

    /// <summary>The store in <paramref name="file"/>, which it keeps open (disposing the store closes it).</summary>
    /// <param name="contentRoot">The content folder: an item whose copy in the file is damaged is served from its source file there.</param>
    /// <param name="elapsed">How long the start took until now: the store's load time.</param>
    /// <param name="keepWhenDamaged">A file shared read-only is left in place when found damaged, for its writer to replace.</param>
    public static ArticleStore Open(SectionFile file, string contentRoot, ILogger logger, Func<TimeSpan> elapsed, bool keepWhenDamaged = false)
    {
        var titles = new TitleIndex(
            Strings(file, "titles"), Keys(file, "titles"), Keys(file, "aliases"), file.Array<int>("aliases/targets"));
        var renderer = new BodyRenderer(titles, logger);
        var (start, length) = file.Range(Content);
        var region = new ContentRegion(file.File, start, length, contentRoot, logger, keepWhenDamaged);
        var articles = new ArticleTable(
            titles, file.Array<long>("articles/record-starts"), file.Array<byte>("articles/records"),
            new ContentItems(region, file.Array<ContentRef>("articles/bodies")), new ContentItems(region, file.Array<ContentRef>("articles/texts")), renderer);
        var categories = new CategoryTable(
            articles, IdLists(file, "categories"), Strings(file, "categories/names"), new ContentItems(region, file.Array<ContentRef>("categories/texts")),
            file.Array<int>("categories/by-name"), file.Array<int>("categories/largest"));
        var search = SearchIndexSections.Read(file, articles.SearchDocuments, region.Damaged);
        var statistics = new LoadStatistics(
            Count(file, "articles"), Count(file, "aliases"), Count(file, "links-resolved"), Count(file, "links-missing"), Count(file, "files-skipped"), elapsed());
        if (statistics.Articles != titles.TitleCount)
        {
            throw new InvalidDataException($"it counts {statistics.Articles} articles and holds {titles.TitleCount}");
        }

        return new ArticleStore(articles, IdLists(file, "links"), categories, search, Version(file), statistics, file);
    }

    private static StringTable Strings(SectionFile file, string prefix) => new(file.Array<char>($"{prefix}/chars"), file.Array<int>($"{prefix}/starts"));

    private static KeyIndex Keys(SectionFile file, string prefix) => new(Strings(file, $"{prefix}/keys"), file.Array<int>($"{prefix}/slots"));

    private static IdLists IdLists(SectionFile file, string prefix) => new(Keys(file, prefix), file.Array<int>($"{prefix}/starts"), file.Array<int>($"{prefix}/ids"));

    private static int Count(SectionFile file, string name) =>
        int.TryParse(file.Properties.GetValueOrDefault(name), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            ? count
            : throw new InvalidDataException($"its count of {name} is missing");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
