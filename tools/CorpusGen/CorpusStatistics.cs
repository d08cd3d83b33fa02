using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CorpusGen;

/// <summary>
/// Document frequencies of the generated corpus, to show that search terms
/// spread like in real text: a few function words everywhere, most words in
/// few articles. Words are found by forward maximum matching against the
/// generator's vocabulary; bigrams are adjacent Han characters (what a
/// bigram index for Chinese would see). Only running text counts: link
/// destinations, category and interlanguage lines are left out.
/// </summary>
internal sealed partial class CorpusStatistics
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly int _maxWordLength;
    private readonly Dictionary<string, int> _wordFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _bigramFrequency = [];
    private readonly List<int> _sizes = [];
    private readonly Lock _lock = new();
    private long _bytes;

    public CorpusStatistics(Lexicon lexicon)
    {
        _vocabulary = lexicon.AllWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxWordLength = lexicon.MaxWordLength;
    }

    /// <summary>Safe to call from several threads: the text is analysed outside the lock.</summary>
    public void Add(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var bigrams = new HashSet<int>();
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("[Category:", StringComparison.Ordinal) || InterlanguageLine().IsMatch(line))
            {
                continue;
            }
            string visible = LinkDestination().Replace(line, "]");
            Collect(visible, words, bigrams);
        }
        int size = Encoding.UTF8.GetByteCount(text);
        lock (_lock)
        {
            _sizes.Add(size);
            _bytes += size;
            foreach (string word in words)
            {
                _wordFrequency[word] = _wordFrequency.GetValueOrDefault(word) + 1;
            }
            foreach (int bigram in bigrams)
            {
                _bigramFrequency[bigram] = _bigramFrequency.GetValueOrDefault(bigram) + 1;
            }
        }
    }

    public void Write(TextWriter output)
    {
        int documents = _sizes.Count;
        int[] sizes = _sizes.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles: {documents}, {_bytes / 1048576.0:F1} MB, size mean {_bytes / Math.Max(1, documents)} B, median {Percentile(sizes, 0.5)} B, p90 {Percentile(sizes, 0.9)} B, max {sizes.LastOrDefault()} B"));
        output.WriteLine();
        WriteTable(output, "words (forward maximum matching against the vocabulary)", _wordFrequency.Select(static p => (p.Key, p.Value)), documents);
        output.WriteLine();
        WriteTable(output, "Han character bigrams", _bigramFrequency.Select(static p => (Bigram(p.Key), p.Value)), documents);
    }

    private static void WriteTable(TextWriter output, string heading, IEnumerable<(string Term, int Df)> terms, int documents)
    {
        (string Term, int Df)[] sorted = terms.OrderByDescending(static t => t.Df).ThenBy(static t => t.Term, StringComparer.Ordinal).ToArray();
        int[] dfs = sorted.Select(static t => t.Df).Reverse().ToArray();
        int AtLeast(double share) => sorted.Count(t => t.Df >= share * documents);
        output.WriteLine(heading + ":");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  distinct {sorted.Length}; in >=50% of articles {AtLeast(0.5)}, >=10% {AtLeast(0.1)}, >=1% {AtLeast(0.01)}, >=0.1% {AtLeast(0.001)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  df median {Percentile(dfs, 0.5)}, p90 {Percentile(dfs, 0.9)}, p99 {Percentile(dfs, 0.99)}, p99.9 {Percentile(dfs, 0.999)}"));
        output.Write("  top:");
        foreach ((string term, int df) in sorted.Take(30))
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $" {term} {100.0 * df / documents:F0}%"));
        }
        output.WriteLine();
        // A few terms from the middle of the ranking: what a typical query word hits.
        output.Write("  ranks 1000/3000/10000:");
        foreach (int rank in (int[])[1000, 3000, 10000])
        {
            if (rank < sorted.Length)
            {
                output.Write(string.Create(CultureInfo.InvariantCulture, $" {sorted[rank].Term} df {sorted[rank].Df}"));
            }
        }
        output.WriteLine();
    }

    private void Collect(string line, HashSet<string> words, HashSet<int> bigrams)
    {
        ReadOnlySpan<char> span = line;
        int i = 0;
        while (i < span.Length)
        {
            if (!IsHan(span[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < span.Length && IsHan(span[i]))
            {
                i++;
            }
            ReadOnlySpan<char> run = span[start..i];
            for (int k = 0; k + 1 < run.Length; k++)
            {
                bigrams.Add((run[k] << 16) | run[k + 1]);
            }
            Segment(run, words);
        }
    }

    private void Segment(ReadOnlySpan<char> run, HashSet<string> words)
    {
        int at = 0;
        while (at < run.Length)
        {
            int length = Math.Min(_maxWordLength, run.Length - at);
            for (; length >= 1; length--)
            {
                if (_vocabulary.TryGetValue(run.Slice(at, length), out string? word))
                {
                    words.Add(word);
                    break;
                }
            }
            at += Math.Max(1, length);
        }
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static string Bigram(int key) => new([(char)(key >> 16), (char)(key & 0xFFFF)]);

    private static int Percentile(int[] sortedAscending, double p) =>
        sortedAscending.Length == 0 ? 0 : sortedAscending[Math.Min(sortedAscending.Length - 1, (int)(p * sortedAscending.Length))];

    [GeneratedRegex(@"^\[[a-z]{2,3}:")]
    private static partial Regex InterlanguageLine();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkDestination();
}
