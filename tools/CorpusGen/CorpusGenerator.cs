namespace CorpusGen;

/// <summary>
/// Generates a deterministic zhwiki-like corpus in the seeds' Markdown format:
/// the same count and seed always give the same articles, byte for byte.
/// </summary>
public sealed class CorpusGenerator
{
    private readonly Lexicon _lexicon = Lexicon.Default;

    /// <summary>Articles in index order. Titles are planned up front (links need them); each text is made when enumerated.</summary>
    public IEnumerable<GeneratedArticle> Generate(int count, int seed)
    {
        CorpusPlan plan = CorpusPlan.Create(count, seed, _lexicon);
        for (int i = 0; i < count; i++)
        {
            yield return Article(plan, i);
        }
    }

    internal CorpusPlan Plan(int count, int seed) => CorpusPlan.Create(count, seed, _lexicon);

    internal static GeneratedArticle Article(CorpusPlan plan, int index)
    {
        PlannedArticle planned = plan.Article(index);
        return new GeneratedArticle(
            planned.FileName,
            planned.Title,
            planned.Aliases.Select(static a => a.Name).ToArray(),
            ArticleComposer.Compose(plan, index));
    }
}
