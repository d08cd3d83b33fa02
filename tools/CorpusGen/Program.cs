using System.Diagnostics;
using System.Globalization;
using System.Text;

using CorpusGen;

// Thin command line over CorpusGenerator; see README.md.
const string Usage = "usage: CorpusGen --articles N [--out DIR] [--seed 42] [--stats]";

int? articles = null;
string? outDir = null;
int seed = 42;
bool stats = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--articles" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n):
            articles = n;
            i++;
            break;
        case "--out" when i + 1 < args.Length:
            outDir = args[++i];
            break;
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int s):
            seed = s;
            i++;
            break;
        case "--stats":
            stats = true;
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"unexpected argument '{args[i]}'");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
// File names carry a six-digit index.
if (articles is not (>= 1 and <= 999_999) || (outDir is null && !stats))
{
    Console.Error.WriteLine(Usage);
    Console.Error.WriteLine("--articles must be 1..999999, and --out or --stats is needed.");
    return 2;
}

var clock = Stopwatch.StartNew();
var generator = new CorpusGenerator();
CorpusPlan plan = generator.Plan(articles.Value, seed);
if (outDir is not null)
{
    Directory.CreateDirectory(outDir);
}
CorpusStatistics? statistics = stats ? new CorpusStatistics(plan.Lexicon) : null;
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
long bytes = 0;

// Each article depends only on the plan and its index, so the order in which
// threads finish cannot change any file.
Parallel.For(0, articles.Value, index =>
{
    GeneratedArticle article = CorpusGenerator.Article(plan, index);
    byte[] content = utf8.GetBytes(article.Text);
    Interlocked.Add(ref bytes, content.Length);
    if (outDir is not null)
    {
        File.WriteAllBytes(Path.Combine(outDir, article.FileName), content);
    }
    statistics?.Add(article.Text);
});

Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{articles} articles, {bytes / 1048576.0:F1} MB{(outDir is null ? "" : " written to " + outDir)} in {clock.Elapsed.TotalSeconds:F1} s (seed {seed})"));
statistics?.Write(Console.Out);
return 0;
