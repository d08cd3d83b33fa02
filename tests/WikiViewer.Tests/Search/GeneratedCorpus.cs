using System.Text;

using WikiViewer.Search;

namespace WikiViewer.Tests.Search;

/// <summary>
/// A deterministic corpus of Chinese-like articles: words of one to three characters drawn
/// from a 400-character alphabet with skewed frequencies, in sentences and paragraphs,
/// with some Latin words and years. Planted text uses <see cref="PlantedAlphabet"/>, which
/// the generator never produces, so where it occurs is known exactly.
/// </summary>
internal static class GeneratedCorpus
{
    public const string PlantedAlphabet = "鑫淼焱垚犇骉麤靐齉龘爨癵畾猋";

    private static readonly char[] Alphabet = [.. Enumerable.Range(0, 400).Select(static i => (char)(0x4E00 + 3 + (i * 37)))];

    public static List<SearchDocument> Create(int count, int seed)
    {
        var random = new Random(seed);
        string[] vocabulary = [.. Enumerable.Range(0, 3000).Select(_ => Word(random))];
        string[] latin = ["alpha", "Beta", "GAMMA", "delta", "MIM", "x", "1931", "2001", "Notes"];
        var documents = new List<SearchDocument>(count);
        for (int d = 0; d < count; d++)
        {
            string title = string.Concat(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(vocabulary, random)));
            var text = new StringBuilder();
            int paragraphs = random.Next(1, 5);
            for (int p = 0; p < paragraphs; p++)
            {
                int sentences = random.Next(2, 6);
                for (int s = 0; s < sentences; s++)
                {
                    int words = random.Next(4, 14);
                    for (int w = 0; w < words; w++)
                    {
                        text.Append(random.Next(40) == 0 ? ' ' + latin[random.Next(latin.Length)] + ' ' : Pick(vocabulary, random));
                        if (w < words - 1 && random.Next(6) == 0)
                        {
                            text.Append(random.Next(3) == 0 ? '、' : '，');
                        }
                    }

                    text.Append('。');
                }

                text.Append('\n');
            }

            string[] categories = random.Next(3) == 0 ? [Pick(vocabulary, random) + Pick(vocabulary, random)] : [];
            string[] aliases = random.Next(10) == 0 ? [Pick(vocabulary, random) + Pick(vocabulary, random)] : [];
            documents.Add(new SearchDocument(title, aliases, categories, text.ToString().TrimEnd('\n')));
        }

        return documents;
    }

    /// <summary>Replaces the text of a document, keeping its other fields.</summary>
    public static void SetText(List<SearchDocument> documents, int id, string text) => documents[id] = documents[id] with { Body = DocumentText.Of(text) };

    private static string Word(Random random)
    {
        int length = random.Next(10) < 6 ? 2 : random.Next(2) == 0 ? 1 : 3;
        return string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[Skewed(random, Alphabet.Length)]));
    }

    private static string Pick(string[] vocabulary, Random random) => vocabulary[Skewed(random, vocabulary.Length)];

    /// <summary>Low indexes far more often than high ones, roughly like word frequencies.</summary>
    private static int Skewed(Random random, int count) => (int)(Math.Pow(random.NextDouble(), 2.5) * count);
}
