using BenchmarkDotNet.Attributes;
using Markdig;
using WikiViewer.Loading;
using WikiViewer.Rendering;
using WikiViewer.Titles;

namespace WikiViewer.Benchmarks;

/// <summary>One article through the wiki Markdown pipeline, as the load renders each, links resolved against a 10,000-title store.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private MarkdownPipeline _pipeline = null!;
    private string _seed = "";
    private string _generated = "";

    [GlobalSetup]
    public void Setup()
    {
        var names = new TitleIndex.Builder();
        var articles = new CorpusGen.CorpusGenerator().Generate(10_000, 42).ToArray();
        foreach (var article in articles)
        {
            names.TryAddTitle(article.Title);
        }

        string seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
        _seed = File.ReadAllText(Directory.GetFiles(seeds, "000_*.txt").Single());
        names.TryAddTitle(LeadReader.Read(_seed, "000").Title);
        var titles = names.Build();

        // A generated article of about the corpus's mean size (3.9 KB), with sections and links.
        _generated = articles.Select(a => a.Text).Where(t => t.Contains("\n## ", StringComparison.Ordinal)).OrderBy(t => Math.Abs(t.Length - 1350)).First();
        _pipeline = WikiMarkdown.CreatePipeline(titles);
    }

    [Benchmark]
    public int RenderSeed000() => ArticleRenderer.Render(_seed, _pipeline).HtmlUtf8.Length;

    [Benchmark]
    public int RenderGenerated() => ArticleRenderer.Render(_generated, _pipeline).HtmlUtf8.Length;
}
