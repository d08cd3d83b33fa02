using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using WikiViewer.Loading;
using WikiViewer.Search;

namespace WikiViewer.Benchmarks;

/// <summary>Full-text queries (first page of 20, as /api/search) over the store of a 10,000-article generated corpus.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private SearchIndex _index = null!;

    // Common and rare 2-4 character words of the corpus, a name, a phrase of two words, a miss.
    [Params("中国", "经济", "出版社", "历史学家", "苏联", "马克思主义", "国家 经济", "鑫淼焱")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        using var corpus = new Corpus(10_000);
        _index = new ArticleLoader(NullLogger.Instance).Load(ContentFolder.Open(corpus.Path), new LoadProgress(), StoreLocation.Configured(null)).Search;
    }

    [Benchmark]
    public int Search() => _index.Search(Query, 0, 20).Total;
}
