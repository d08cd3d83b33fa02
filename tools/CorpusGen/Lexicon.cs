using System.Collections.Frozen;
using System.Reflection;

namespace CorpusGen;

/// <summary>Grammatical roles the sentence templates ask for, mapped from jieba's part-of-speech tags.</summary>
internal enum WordClass
{
    Noun,
    Place,
    Person,
    Organization,
    Verb,
    Adjective,
    Adverb,
    Numeral,
    Time,
    Idiom,
    Pronoun,
    Conjunction,
    Preposition,
    Direction,
    Function,
}

/// <summary>
/// The committed vocabulary (data/words.tsv, s2t.tsv, verses.txt), loaded once
/// from the assembly's embedded resources. Words keep jieba's frequency order,
/// and each class is sampled by rank with a Zipf law, so the generated text
/// has the frequency shape of real text rather than of a handful of seeds.
/// </summary>
internal sealed class Lexicon
{
    public const double ZipfExponent = 1.05;

    private static readonly Lazy<Lexicon> s_default = new(Load);

    // jieba's tags are noisy at the top of the list (东西 as a place, 主任 as
    // an adjective); these read wrongly in the roles the templates give them.
    private static readonly FrozenSet<string> s_misfits = FrozenSet.ToFrozenSet(
    [
        "东西", "城市", "平原", "外国", "爱国", "石首", "石首市", "副", "女", "总", "主", "主任", "涓", "明", "全", "重",
        "下来", "下去", "过来", "当", "清", "目", "节", "夜",
    ], StringComparer.Ordinal);

    private readonly string[][] _byClass;
    private readonly ZipfSampler[] _samplers;
    private readonly FrozenDictionary<char, char> _toTraditional;

    private Lexicon(string[][] byClass, FrozenDictionary<char, char> toTraditional, string[] verses, FrozenSet<string> allWords)
    {
        _byClass = byClass;
        _samplers = byClass.Select(static (words, i) => new ZipfSampler(Math.Max(1, words.Length), ZipfExponent, HeadOffset((WordClass)i))).ToArray();
        _toTraditional = toTraditional;
        Verses = verses;
        AllWords = allWords;
        MaxWordLength = allWords.Max(static w => w.Length);
    }

    public static Lexicon Default => s_default.Value;

    public IReadOnlyList<string> Verses { get; }

    public FrozenSet<string> AllWords { get; }

    public int MaxWordLength { get; }

    public IReadOnlyList<string> Words(WordClass wordClass) => _byClass[(int)wordClass];

    public string Draw(WordClass wordClass, Rng rng)
    {
        string[] words = _byClass[(int)wordClass];
        return words[_samplers[(int)wordClass].Sample(rng)];
    }

    /// <summary>
    /// A Zipf draw that skips the most frequent ranks: topic words of an article
    /// should be ordinary content words, not 人 or 时候.
    /// </summary>
    public string DrawUncommon(WordClass wordClass, Rng rng, int minRank)
    {
        string[] words = _byClass[(int)wordClass];
        ZipfSampler sampler = _samplers[(int)wordClass];
        int floor = Math.Min(minRank, words.Length - 1);
        for (int attempt = 0; attempt < 16; attempt++)
        {
            int rank = sampler.Sample(rng);
            if (rank >= floor)
            {
                return words[rank];
            }
        }
        return words[floor + rng.Next(words.Length - floor)];
    }

    /// <summary>Traditional spelling by one-to-one character pairs; returns the input when nothing changes.</summary>
    public string ToTraditional(string simplified)
    {
        char[]? buffer = null;
        for (int i = 0; i < simplified.Length; i++)
        {
            if (_toTraditional.TryGetValue(simplified[i], out char traditional))
            {
                buffer ??= simplified.ToCharArray();
                buffer[i] = traditional;
            }
        }
        return buffer is null ? simplified : new string(buffer);
    }

    private static Lexicon Load()
    {
        var byClass = new List<string>[Enum.GetValues<WordClass>().Length];
        for (int i = 0; i < byClass.Length; i++)
        {
            byClass[i] = [];
        }
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in ReadLines("words.tsv"))
        {
            string[] fields = line.Split('\t');
            all.Add(fields[0]);
            WordClass wordClass = ClassOf(fields[2]);
            if (FitsRole(fields[0], wordClass))
            {
                byClass[(int)wordClass].Add(fields[0]);
            }
        }

        var toTraditional = new Dictionary<char, char>();
        foreach (string line in ReadLines("s2t.tsv"))
        {
            toTraditional[line[0]] = line[2];
        }

        return new Lexicon(
            byClass.Select(static l => l.ToArray()).ToArray(),
            toTraditional.ToFrozenDictionary(),
            ReadLines("verses.txt").ToArray(),
            all.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Function words keep a steep Zipf head (的, 在, 和 are in nearly every
    /// article, as in real text). Content words get Mandelbrot's offset: with a
    /// pure 1/r law the top noun would be a tenth of all nouns and 国家 would be
    /// in four articles of five.
    /// </summary>
    private static double HeadOffset(WordClass wordClass) => wordClass switch
    {
        WordClass.Noun or WordClass.Place or WordClass.Organization or WordClass.Person or WordClass.Idiom or WordClass.Time => 20,
        WordClass.Verb or WordClass.Adjective => 5,
        _ => 0,
    };

    /// <summary>
    /// Single characters make poor stand-alone nouns, places and times in
    /// generated prose (时, 南, 当), and two-character "names" are mostly
    /// mis-tagged words (明白), so those roles take longer words only.
    /// </summary>
    private static bool FitsRole(string word, WordClass wordClass) => !s_misfits.Contains(word) && wordClass switch
    {
        WordClass.Noun or WordClass.Place or WordClass.Organization or WordClass.Time or WordClass.Idiom => word.Length >= 2,
        WordClass.Person => word.Length >= 3,
        _ => true,
    };

    private static WordClass ClassOf(string tag) => tag switch
    {
        "n" or "nz" or "vn" or "an" or "j" => WordClass.Noun,
        "ns" => WordClass.Place,
        "nr" or "nrt" or "nrfg" => WordClass.Person,
        "nt" => WordClass.Organization,
        "v" or "vd" or "vi" or "vq" => WordClass.Verb,
        "a" or "ad" or "z" or "b" => WordClass.Adjective,
        "d" => WordClass.Adverb,
        "m" or "mq" => WordClass.Numeral,
        "t" => WordClass.Time,
        "i" or "l" => WordClass.Idiom,
        "r" => WordClass.Pronoun,
        "c" => WordClass.Conjunction,
        "p" => WordClass.Preposition,
        "f" => WordClass.Direction,
        _ => WordClass.Function,
    };

    private static IEnumerable<string> ReadLines(string name)
    {
        string resource = "CorpusGen.data." + name;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
