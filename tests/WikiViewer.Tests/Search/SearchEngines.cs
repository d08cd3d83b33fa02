using System.Collections.Concurrent;

using WikiViewer.Search;
using WikiViewer.Search.Lucene;

namespace WikiViewer.Tests.Search;

/// <summary>What the search tests ask of an engine: the hand-written one or the Lucene.Net one.</summary>
public interface ISearchEngine
{
    SearchResults Search(string? query, int offset, int limit);

    IReadOnlyList<TitleSuggestion> Suggest(string? prefix, int max);

    long SizeInBytes { get; }
}

/// <summary>
/// The engines the search tests run against. A test class is abstract with one nested
/// subclass per engine (<c>RankingTests+Current</c>, <c>RankingTests+Lucene</c>).
/// </summary>
public static class SearchEngines
{
    private static readonly ConcurrentDictionary<(string Engine, string Key), Lazy<ISearchEngine>> Shared = new();

    public static ISearchEngine Current(IReadOnlyList<SearchDocument> documents) => new CurrentEngine(SearchIndex.Build(documents));

    public static ISearchEngine Lucene(IReadOnlyList<SearchDocument> documents) => new LuceneEngine(documents);

    /// <summary>One engine per (engine, key) for the whole run, for corpora that several tests share.</summary>
    public static ISearchEngine Cached(string engine, string key, Func<ISearchEngine> build) =>
        Shared.GetOrAdd((engine, key), _ => new Lazy<ISearchEngine>(build)).Value;

    private sealed class CurrentEngine(SearchIndex index) : ISearchEngine
    {
        public SearchResults Search(string? query, int offset, int limit) => index.Search(query, offset, limit);

        public IReadOnlyList<TitleSuggestion> Suggest(string? prefix, int max) => index.Suggest(prefix, max);

        public long SizeInBytes => index.SizeInBytes;
    }

    /// <summary>This run's folder for Lucene indexes; folders of earlier runs that are no longer running are removed.</summary>
    private static readonly Lazy<string> TestFolders = new(static () =>
    {
        string root = Path.Combine(Path.GetTempPath(), "wikiviewer-lucene-tests");
        if (Directory.Exists(root))
        {
            foreach (string folder in Directory.EnumerateDirectories(root))
            {
                if (!int.TryParse(Path.GetFileName(folder), out int pid) || !Directory.Exists($"/proc/{pid}"))
                {
                    try
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                    catch (IOException)
                    {
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }
                }
            }
        }

        return Path.Combine(root, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    /// <summary>Built in a folder of its own under the temporary folder, removed when the test run ends.</summary>
    private sealed class LuceneEngine : ISearchEngine
    {
        private readonly LuceneSearchIndex _index;
        private readonly TitleSuggester _suggester;

        public LuceneEngine(IReadOnlyList<SearchDocument> documents)
        {
            string path = Path.Combine(TestFolders.Value, Guid.NewGuid().ToString("N"));
            _index = LuceneSearchIndex.Build(documents, path, new LuceneBuildOptions { RamBufferMegabytes = 16 });
            _suggester = TitleSuggester.Build(documents);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                _index.Dispose();
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (IOException)
                {
                }
            };
        }

        public SearchResults Search(string? query, int offset, int limit) => _index.Search(query, offset, limit);

        public IReadOnlyList<TitleSuggestion> Suggest(string? prefix, int max) => _suggester.Suggest(prefix, max);

        public long SizeInBytes => _index.SizeInBytes;
    }
}
