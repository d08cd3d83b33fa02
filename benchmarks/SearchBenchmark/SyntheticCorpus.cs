using System.Text;

using WikiViewer.Search;

namespace SearchBenchmark;

/// <summary>
/// Deterministic Chinese-like articles: a 60,000-word vocabulary over 3,500 CJK characters,
/// both drawn with Zipf-like frequencies, in sentences of varying length with commas,
/// enumerations, quotations, years and Latin names; article lengths vary around
/// ~1,000 characters (about 3 KB of UTF-8).
/// </summary>
internal sealed class SyntheticCorpus
{
    private const int CharacterCount = 3_500;
    private const int VocabularySize = 60_000;
    private const int CategoryCount = 2_000;

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _wordCumulative;
    private readonly string[] _latinNames;
    private readonly string[] _categories;
    private readonly double[] _categoryCumulative;

    public SyntheticCorpus(int seed)
    {
        _random = new Random(seed);
        char[] characters = PickCharacters();
        double[] characterCumulative = ZipfCumulative(CharacterCount, 0.9);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _vocabulary = new string[VocabularySize];
        for (int i = 0; i < VocabularySize;)
        {
            int length = _random.NextDouble() switch { < 0.12 => 1, < 0.70 => 2, < 0.90 => 3, _ => 4 };
            var word = new StringBuilder(length);
            for (int k = 0; k < length; k++)
            {
                word.Append(characters[Sample(characterCumulative)]);
            }

            if (seen.Add(word.ToString()))
            {
                _vocabulary[i++] = word.ToString();
            }
        }

        // Common words are short: sort so that low ranks (frequent) get the shorter words, mostly.
        int[] order = [.. _vocabulary.Select(word => word.Length + _random.Next(3))];
        Array.Sort(order, _vocabulary);
        _wordCumulative = ZipfCumulative(VocabularySize, 1.05);

        string[] syllables = ["ka", "ri", "mo", "lin", "ber", "ton", "sa", "vel", "dor", "an", "ex", "qui", "mar", "zo", "ul", "ph", "st", "ne"];
        _latinNames = [.. Enumerable.Range(0, 4_000).Select(_ =>
        {
            string name = string.Concat(Enumerable.Range(0, _random.Next(2, 5)).Select(_ => syllables[_random.Next(syllables.Length)]));
            return char.ToUpperInvariant(name[0]) + name[1..];
        })];
        _categories = [.. Enumerable.Range(0, CategoryCount).Select(_ => Word() + Word())];
        _categoryCumulative = ZipfCumulative(CategoryCount, 1.0);
    }

    public long TotalTextChars { get; private set; }

    public List<SearchDocument> Generate(int count)
    {
        var documents = new List<SearchDocument>(count);
        var text = new StringBuilder(4096);
        for (int d = 0; d < count; d++)
        {
            text.Clear();
            int target = (int)Math.Clamp(Math.Exp(6.75 + (0.55 * Gaussian())), 120, 12_000);
            while (text.Length < target)
            {
                AppendParagraph(text);
            }

            string title = string.Concat(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Word()));
            string[] aliases = _random.Next(10) == 0 ? [Word() + Word()] : [];
            string[] categories = [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => _categories[Sample(_categoryCumulative)]).Distinct()];

            // Articles open with their title, as Wikipedia leads do.
            string body = title + "是" + text.ToString(0, text.Length - 1);
            documents.Add(new SearchDocument(title, aliases, categories, body));
            TotalTextChars += body.Length;
        }

        return documents;
    }

    private void AppendParagraph(StringBuilder text)
    {
        int sentences = _random.Next(2, 8);
        for (int s = 0; s < sentences; s++)
        {
            int words = _random.Next(5, 26);
            bool quoted = false;
            for (int w = 0; w < words; w++)
            {
                double roll = _random.NextDouble();
                if (roll < 0.015)
                {
                    text.Append(_random.Next(1800, 2025)).Append('年');
                }
                else if (roll < 0.025)
                {
                    text.Append('（').Append(_latinNames[_random.Next(_latinNames.Length)]).Append('）');
                }
                else if (roll < 0.03 && !quoted)
                {
                    text.Append('“');
                    quoted = true;
                }
                else
                {
                    text.Append(Word());
                }

                if (quoted && _random.Next(6) == 0)
                {
                    text.Append('”');
                    quoted = false;
                }

                if (w < words - 1)
                {
                    double punctuation = _random.NextDouble();
                    if (punctuation < 0.10)
                    {
                        text.Append('，');
                    }
                    else if (punctuation < 0.13)
                    {
                        text.Append('、');
                    }
                }
            }

            if (quoted)
            {
                text.Append('”');
            }

            text.Append(_random.Next(20) == 0 ? '；' : '。');
        }

        text.Append('\n');
    }

    private string Word() => _vocabulary[Sample(_wordCumulative)];

    private char[] PickCharacters()
    {
        var chosen = new HashSet<char>();
        while (chosen.Count < CharacterCount)
        {
            chosen.Add((char)_random.Next(0x4E00, 0x9FA6));
        }

        char[] characters = [.. chosen];
        _random.Shuffle(characters);
        return characters;
    }

    private int Sample(double[] cumulative)
    {
        int index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] ZipfCumulative(int count, double exponent)
    {
        double[] cumulative = new double[count];
        double sum = 0;
        for (int rank = 0; rank < count; rank++)
        {
            sum += 1 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }

        return cumulative;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
