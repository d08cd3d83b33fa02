using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;

namespace WikiViewer.Benchmarks;

/// <summary>The whole startup load of a folder: read, names, render, store indexes and the search index.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private Corpus _corpus = null!;
    private ContentFolder _folder = null!;

    [Params(2000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = new Corpus(Articles);
        _folder = ContentFolder.Open(_corpus.Path);
    }

    [GlobalCleanup]
    public void Cleanup() => _corpus.Dispose();

    [Benchmark]
    public int Load()
    {
        var store = new ArticleLoader(NullLogger.Instance).Load(_folder, new LoadProgress(), StoreLocation.Configured(null));
        int count = store.Articles.Count;
        store.Close();
        return count;
    }
}
