using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

using Microsoft.Extensions.Logging.Abstractions;

using WikiViewer.Loading;
using WikiViewer.Storage;
using WikiViewer.Search;
using WikiViewer.Store;

// The search engine at scale, on one corpus folder (docs/benchmarks.md, "Search engine:
// hand-written, not Lucene.Net"):
//   SearchScale --corpus DIR [--index-dir DIR] [--queries N] [--duration S] [--workers N] [--seed N]
// The articles are loaded by the app's own loader (ArticleLoader.Load, into a temporary
// store) and made into SearchDocuments as StoreWriter does; then the index is
// built with the loader's parallel options, its memory and size taken, written and read back
// as a store file does, and distinct 2–4 character queries cut from the corpus text run by N
// concurrent workers for S seconds.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string corpus = Text(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
string indexDir = Text(args, "--index-dir") ?? Path.Combine(Path.GetTempPath(), "wikiviewer-bench", $"search-{Path.GetFileName(Path.GetFullPath(corpus).TrimEnd('/'))}");
int queryCount = Number(args, "--queries", 400_000);
int warmup = Number(args, "--warmup", 5_000);
double duration = Number(args, "--duration", 20);
int workers = Number(args, "--workers", 32);
int seed = Number(args, "--seed", 42);

Console.WriteLine($"corpus {corpus}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");

// 1. The documents, as the app makes them.
var clock = Stopwatch.StartNew();
SearchDocument[] documents;
{
    // Loaded into a temporary store file, as the app loads a folder without Wiki:SnapshotPath.
    var store = new ArticleLoader(NullLogger.Instance).Load(ContentFolder.Open(corpus), new LoadProgress(), StoreLocation.Configured(null));
    documents = [.. store.Articles.Select(a => new SearchDocument(a.Title, a.Aliases, a.Categories, a.PlainText))];
}

double loadSeconds = clock.Elapsed.TotalSeconds;
long textChars = documents.Sum(static d => (long)(d.Text?.Length ?? 0));
string[] queries = Queries(documents, queryCount + warmup, seed);
Settle();
Memory baseline = Memory.Now();
Console.WriteLine($"documents: {documents.Length:N0} ({textChars:N0} text chars) loaded in {loadSeconds:F1} s; {queries.Length:N0} distinct queries; baseline {baseline}");

// VmHWM from here on is the build's peak (Linux resets it on "5" to clear_refs).
File.WriteAllText("/proc/self/clear_refs", "5");

// VmHWM counts file-backed pages too: the anonymous part's peak is sampled every 50 ms.
long peakAnon = 0;
using var sampler = new Timer(_ =>
{
    long anon = Memory.Status("RssAnon");
    long seen;
    while (anon > (seen = Interlocked.Read(ref peakAnon)) && Interlocked.CompareExchange(ref peakAnon, anon, seen) != seen)
    {
    }
}, null, 0, 50);
var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }; // the loader's CpuBound.OneThreadPerCore
TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
clock.Restart();
SearchIndex current = SearchIndex.Build(documents, null, parallel);

double buildSeconds = clock.Elapsed.TotalSeconds;
double buildCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
long peak = Memory.Status("VmHWM");
sampler.Change(Timeout.Infinite, Timeout.Infinite);
Settle();
Memory built = Memory.Now();

// What a later start reads: the store file's part.
Directory.CreateDirectory(Path.GetDirectoryName(indexDir)!);
string file = indexDir + ".store";
clock.Restart();
using (var stream = File.Create(file))
{
    var writer = new SectionFileWriter(stream, "SearchScale"u8);
    SearchIndexSections.Write(writer, current);
    writer.Finish();
}

double writeSeconds = clock.Elapsed.TotalSeconds;
long indexBytes = new FileInfo(file).Length;
clock.Restart();
var sections = SectionFile.Open(file, "SearchScale"u8)!;
current = SearchIndexSections.Read(sections, documents, what => Console.WriteLine($"damaged: {what}"));

double reopenSeconds = clock.Elapsed.TotalSeconds;
string sizeNote = $"SizeInBytes {current.SizeInBytes / 1e6:F0} MB, serialized {indexBytes / 1e6:F0} MB (written in {writeSeconds:F1} s)";
File.Delete(file);
SearchIndex index = current;
Func<string, ValueTask<SearchResults>> search = query => index.SearchAsync(query, 0, 20);

Settle();
Memory opened = Memory.Now();
Console.WriteLine($"build {buildSeconds:F1} s ({buildCpu:F1} s CPU), peak {peak / 1024.0:F0} MB (anonymous {Interlocked.Read(ref peakAnon) / 1024.0:F0} MB, sampled); {sizeNote}; reopened in {reopenSeconds:F2} s");
Console.WriteLine($"after build {built}; reopened {opened}");

// 2. Distinct queries: a warm-up on the first ones, then each of the rest once, by N workers at a time.
await Run(queries[..warmup], search, workers, TimeSpan.FromSeconds(Math.Min(5, duration)));
Console.WriteLine($"load average before the query run: {File.ReadAllText("/proc/loadavg").Trim()}");
var run = await Run(queries[warmup..], search, workers, TimeSpan.FromSeconds(duration));
Memory after = Memory.Now();
Console.WriteLine($"queries: {run.Count:N0} in {run.Seconds:F1} s{(run.Wrapped ? " (wrapped around: some repeated)" : "")}, {run.Count / run.Seconds:F0} q/s, p50 {run.P50:F2} ms, p99 {run.P99:F2} ms, mean hits total {run.MeanTotal:F0}");
Console.WriteLine($"after queries {after}");
// engine-own: anonymous memory after the build (collected) beyond the documents' baseline;
// RssAnon and RSS "after" are taken after the query run, uncollected.
Console.WriteLine();
Console.WriteLine("| articles | build s | build CPU s | peak MB | engine-own MB | index MB | reopen s | q/s | p50 ms | p99 ms | RssAnon after MB | RSS after MB |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| {documents.Length:N0} | {buildSeconds:F1} | {buildCpu:F1} | {peak / 1024.0:N0} | {(built.AnonKb - baseline.AnonKb) / 1024.0:N0} | {indexBytes / 1e6:N0} | {reopenSeconds:F2} | {run.Count / run.Seconds:N0} | {run.P50:F2} | {run.P99:F2} | {after.AnonKb / 1024.0:N0} | {after.RssKb / 1024.0:N0} |");
GC.KeepAlive(documents);
return;

static async Task<RunResult> Run(string[] queries, Func<string, ValueTask<SearchResults>> search, int workers, TimeSpan duration)
{
    int next = -1;
    bool wrapped = false;
    long totals = 0;
    var latencies = new List<double>[workers];
    long deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    long start = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        var mine = latencies[w] = new List<double>(1 << 16);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            int i = Interlocked.Increment(ref next);
            if (i >= queries.Length)
            {
                wrapped = true;
            }

            long before = Stopwatch.GetTimestamp();
            SearchResults results = await search(queries[i % queries.Length]);
            mine.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            Interlocked.Add(ref totals, results.Total);
        }
    })));
    double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
    double[] all = [.. latencies.SelectMany(static l => l)];
    Array.Sort(all);
    return new RunResult(all.Length, seconds, Percentile(all, 0.50), Percentile(all, 0.99), wrapped, all.Length == 0 ? 0 : (double)totals / all.Length);
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

// Distinct runs of 2–4 CJK characters cut from the text of random documents, as benchmarks/load's lists.
static string[] Queries(SearchDocument[] documents, int count, int seed)
{
    var random = new Random(seed);
    var seen = new HashSet<string>(StringComparer.Ordinal);
    var queries = new List<string>(count);
    for (int attempt = 0; queries.Count < count && attempt < count * 20; attempt++)
    {
        string? text = documents[random.Next(documents.Length)].Text;
        if (string.IsNullOrEmpty(text))
        {
            continue;
        }

        int length = random.Next(2, 5);
        int start = random.Next(Math.Max(1, text.Length - length));
        if (start + length <= text.Length && text.AsSpan(start, length).ContainsAnyExceptInRange('\u4E00', '\u9FFF') == false && seen.Add(text.Substring(start, length)))
        {
            queries.Add(text.Substring(start, length));
        }
    }

    return [.. queries];
}

static void Settle()
{
    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
}

static string? Text(string[] args, string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static int Number(string[] args, string name, int fallback) => Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

internal readonly record struct RunResult(int Count, double Seconds, double P50, double P99, bool Wrapped, double MeanTotal);

/// <summary>The process's memory from /proc/self/status, and the managed heap.</summary>
internal readonly record struct Memory(long RssKb, long AnonKb, long FileKb, long HeapBytes)
{
    public static Memory Now() => new(Status("VmRSS"), Status("RssAnon"), Status("RssFile"), GC.GetTotalMemory(false));

    public static long Status(string key)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public override string ToString() => $"RSS {RssKb / 1024:N0} MB (anon {AnonKb / 1024:N0}, file {FileKb / 1024:N0}), heap {HeapBytes / 1048576:N0} MB";
}
