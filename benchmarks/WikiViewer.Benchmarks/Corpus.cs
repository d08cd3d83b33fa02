using CorpusGen;

namespace WikiViewer.Benchmarks;

/// <summary>A generated corpus (tools/CorpusGen) written to a temp folder for the length of a benchmark.</summary>
internal sealed class Corpus : IDisposable
{
    public Corpus(int articles, int seed = 42)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wikiviewer-benchmarks", $"{articles}-{seed}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        Articles = new CorpusGenerator().Generate(articles, seed).ToArray();
        foreach (var article in Articles)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, article.FileName), article.Text);
        }
    }

    public string Path { get; }

    public IReadOnlyList<GeneratedArticle> Articles { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
