using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

using SearchBenchmark;

using WikiViewer.Search;

// Usage: SearchBenchmark [--articles N] [--queries N] [--seed N]
int articles = Option(args, "--articles", 10_000);
int queryCount = Option(args, "--queries", 500);
int seed = Option(args, "--seed", 20240601);

Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine($"Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");

var generation = Stopwatch.StartNew();
var corpus = new SyntheticCorpus(seed);
List<SearchDocument> documents = corpus.Generate(articles);
Console.WriteLine($"Corpus: {articles:N0} articles, {corpus.TotalTextChars:N0} text chars (avg {corpus.TotalTextChars / Math.Max(1, articles):N0}), generated in {generation.Elapsed.TotalSeconds:F1} s");

long before = SettledMemory();
TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var build = Stopwatch.StartNew();
SearchIndex index = SearchIndex.Build(documents);
build.Stop();
TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
long after = SettledMemory();

// CPU time alongside wall time: on a shared machine the wall time says little by itself.
Console.WriteLine($"Build: {build.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU (load average before: {LoadAverage()})");
Console.WriteLine($"Memory: managed heap grew {Mb(after - before)} MB; index arrays {Mb(index.SizeInBytes)} MB, of which postings {Mb(index.PostingsBytes)} MB; {index.TermCount:N0} terms; "
    + $"process peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} MB (corpus included)");

var random = new Random(seed + 1);
string[] singles = [.. Enumerable.Range(0, queryCount).Select(_ => QueryFrom(documents, random, random.Next(2, 5)))];
string[] pairs = [.. Enumerable.Range(0, Math.Max(1, queryCount / 2)).Select(_ => QueryFrom(documents, random, 2) + " " + QueryFrom(documents, random, random.Next(2, 4)))];
string[] prefixes = [.. Enumerable.Range(0, queryCount).Select(_ => documents[random.Next(documents.Count)].Title[..1])];

Measure("2-4 char phrases  ", singles, query => index.Search(query, 0, 20).Total);
Measure("two-term queries  ", pairs, query => index.Search(query, 0, 20).Total);
Measure("suggest (1 char)  ", prefixes, prefix => index.Suggest(prefix, 10).Count);
GC.KeepAlive(index);

static void Measure(string label, string[] queries, Func<string, int> run)
{
    foreach (string query in queries)
    {
        run(query); // warm-up: JIT, caches
    }

    double[] milliseconds = new double[queries.Length];
    long totalHits = 0;
    var wall = Stopwatch.StartNew();
    for (int i = 0; i < queries.Length; i++)
    {
        long start = Stopwatch.GetTimestamp();
        totalHits += run(queries[i]);
        milliseconds[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    wall.Stop();
    Array.Sort(milliseconds);
    Console.WriteLine($"{label}: {queries.Length} queries, median {Percentile(milliseconds, 0.5):F3} ms, p99 {Percentile(milliseconds, 0.99):F3} ms, max {milliseconds[^1]:F3} ms, "
        + $"{queries.Length / wall.Elapsed.TotalSeconds:N0} queries/s single-threaded, avg total {totalHits / queries.Length:N0}");
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

/// <summary>A run of 2–4 consecutive CJK characters from a random article (search-box style query).</summary>
static string QueryFrom(List<SearchDocument> documents, Random random, int length)
{
    while (true)
    {
        string text = documents[random.Next(documents.Count)].Text;
        int start = random.Next(Math.Max(1, text.Length - length));
        if (start + length <= text.Length && text.AsSpan(start, length).ToString().All(static c => c is >= '\u4E00' and <= '\u9FFF'))
        {
            return text.Substring(start, length);
        }
    }
}

static long SettledMemory()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

static int Option(string[] args, string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out int value) && value > 0 ? value : fallback;
}
