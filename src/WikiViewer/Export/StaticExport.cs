using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace WikiViewer.Export;

/// <summary>
/// <c>WikiViewer export --out DIR [app options]</c>: writes the whole store as a
/// static HTML site. The same rendering by construction: it starts this very
/// program (same host, same pipeline, same options) on a loopback port, waits
/// until the store is ready, then crawls it from <c>/</c> over HTTP — every home
/// page, article, category, redirect and not-found page the site links to, and
/// the stylesheets and scripts — and writes each page with its root-relative
/// links made relative to the file (the layout is in README.md, "Static export").
/// Red links lead to one <c>missing.html</c>, or with <c>--missing-pages</c> to the
/// server's own page for each missing title (backlinks and full-text hits: many
/// more pages, which a ZIM's full-text index would then also return as results;
/// docs/benchmarks.md, "Export: missing-title pages optional").
/// </summary>
public static class StaticExport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the export; <paramref name="args"/> are the arguments after <c>export</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out string? error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("usage: WikiViewer export --out DIR [--missing-pages] [--concurrency N] [--Wiki:ContentPath=DIR] [other app options]");
            return 2;
        }

        try
        {
            return await new Exporter(options).RunAsync();
        }
        catch (ExportException e)
        {
            Console.Error.WriteLine("export: " + e.Message);
            return 1;
        }
    }

    private static bool TryParse(string[] args, out ExportOptions options, out string? error)
    {
        string? output = null;
        bool missingPages = false;
        int concurrency = Math.Max(4, Environment.ProcessorCount * 4);
        var appArguments = new List<string>();
        options = null!;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--out" or "--concurrency")
            {
                if (i + 1 >= args.Length)
                {
                    error = $"export: {arg} needs a value.";
                    return false;
                }

                string value = args[++i];
                if (arg == "--out")
                {
                    output = value;
                }
                else if (!int.TryParse(value, out concurrency) || concurrency is < 1 or > 256)
                {
                    error = "export: --concurrency must be a whole number from 1 to 256.";
                    return false;
                }
            }
            else if (arg == "--missing-pages")
            {
                missingPages = true;
            }
            else if (arg.StartsWith("--out=", StringComparison.Ordinal))
            {
                output = arg["--out=".Length..];
            }
            else
            {
                appArguments.Add(arg);
            }
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            error = "export: --out DIR is required.";
            return false;
        }

        options = new ExportOptions(Path.GetFullPath(output), missingPages, concurrency, appArguments);
        return true;
    }

    private sealed record ExportOptions(string Output, bool MissingPages, int Concurrency, IReadOnlyList<string> AppArguments);

    private sealed class ExportException(string message) : Exception(message);

    private sealed class Exporter(ExportOptions options)
    {
        private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<bool>> _folders = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _failures = new();
        private readonly Channel<ExportTarget> _queue = Channel.CreateUnbounded<ExportTarget>();
        private int _pending;
        private int _pages;
        private int _redirects;
        private int _notFound;
        private int _assets;
        private long _bytes;

        public async Task<int> RunAsync()
        {
            PrepareOutput();
            var clock = Stopwatch.StartNew();
            using var app = ChildApp.Start(options.AppArguments);
            using var http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                MaxConnectionsPerServer = options.Concurrency,
                UseCookies = false,
            })
            {
                BaseAddress = app.BaseAddress,
                Timeout = TimeSpan.FromMinutes(2),
            };

            await app.WaitUntilReadyAsync(http);
            var loaded = clock.Elapsed;
            Console.WriteLine($"export: the app is ready at {app.BaseAddress} after {loaded.TotalSeconds:0.0} s; crawling with {options.Concurrency} connections");

            using (var progress = new Timer(_ => Console.WriteLine($"export: {Volatile.Read(ref _pages)} pages written, {Volatile.Read(ref _pending)} queued"), null, 5000, 5000))
            {
                Enqueue(ExportPaths.Classify("/"));
                var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(() => WorkAsync(http))).ToArray();
                await Task.WhenAll(workers);
            }

            WriteStaticPage(ExportPaths.Offline, "需要 WikiViewer 服务器",
                "这是 WikiViewer 的静态导出：条目、分类和首页都可以离线阅读，但搜索、随机条目和简繁转换需要运行中的 WikiViewer 服务器。",
                "This is a static export of WikiViewer: search, random article and script conversion need the WikiViewer server.");
            if (!options.MissingPages)
            {
                WriteStaticPage(ExportPaths.Missing, "本馆藏中没有这个条目",
                    "红色链接指向的条目不在这份离线副本中；它可能存在于中文维基百科。",
                    "A red link names an article that is not in this offline copy; it may exist on the Chinese Wikipedia.");
            }

            app.Stop();
            Console.WriteLine(
                $"export: wrote {_pages} pages ({_redirects} redirects, {_notFound} not-found pages) and {_assets} assets, " +
                $"{_bytes / (1024.0 * 1024.0):0.0} MB, to {options.Output} in {clock.Elapsed.TotalSeconds:0.0} s " +
                $"(store ready after {loaded.TotalSeconds:0.0} s); {_failures.Count} failed");
            foreach (string failure in _failures.Take(20))
            {
                Console.Error.WriteLine("export: failed: " + failure);
            }

            return _failures.IsEmpty ? 0 : 1;
        }

        private void PrepareOutput()
        {
            if (File.Exists(options.Output))
            {
                throw new ExportException($"--out '{options.Output}' is a file.");
            }

            if (Directory.Exists(options.Output) && Directory.EnumerateFileSystemEntries(options.Output).Any())
            {
                throw new ExportException($"--out '{options.Output}' is not empty; export into a new or empty folder.");
            }

            Directory.CreateDirectory(options.Output);
        }

        private void Enqueue(ExportTarget target)
        {
            if (target.Kind != ExportKind.Offline && _seen.TryAdd(target.File, 0))
            {
                Interlocked.Increment(ref _pending);
                _queue.Writer.TryWrite(target);
            }
        }

        private async Task WorkAsync(HttpClient http)
        {
            await foreach (var target in _queue.Reader.ReadAllAsync())
            {
                try
                {
                    await ExportAsync(http, target);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or UnauthorizedAccessException)
                {
                    _failures.Enqueue($"{target.Url}: {e.Message}");
                }
                finally
                {
                    if (Interlocked.Decrement(ref _pending) == 0)
                    {
                        _queue.Writer.TryComplete();
                    }
                }
            }
        }

        private async Task ExportAsync(HttpClient http, ExportTarget target)
        {
            using var response = await http.GetAsync(target.Url, HttpCompletionOption.ResponseHeadersRead);
            int status = (int)response.StatusCode;
            if (target.Kind == ExportKind.Asset)
            {
                if (status != 200)
                {
                    _failures.Enqueue($"{target.Url}: {status}");
                    return;
                }

                byte[] bytes = await response.Content.ReadAsByteArrayAsync();
                await WriteAsync(target.File, bytes);
                if (target.File.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
                {
                    // Fonts and images a stylesheet names are assets no page links to.
                    foreach (string url in ExportPaths.StylesheetUrls(Utf8.GetString(bytes), target.Url))
                    {
                        Enqueue(ExportPaths.Classify(url));
                    }
                }

                Interlocked.Increment(ref _assets);
                return;
            }

            if (status is 301 or 302 or 307 or 308 && response.Headers.Location is { } location)
            {
                // A variant spelling or alias: a page that sends the browser on, as the server does.
                string url = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                var destination = ExportPaths.Classify(url);
                Enqueue(destination);
                string link = WebUtility.HtmlEncode(ExportPaths.Relative(target.File, destination.File));
                await WriteAsync(target.File, Utf8.GetBytes(
                    $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url={link}\">" +
                    $"<link rel=\"canonical\" href=\"{link}\"><title>{WebUtility.HtmlEncode(Uri.UnescapeDataString(url))}</title></head>" +
                    $"<body><p><a href=\"{link}\">{WebUtility.HtmlEncode(Uri.UnescapeDataString(url))}</a></p></body></html>\n"));
                Interlocked.Increment(ref _redirects);
                Interlocked.Increment(ref _pages);
                return;
            }

            // 404: a title or category that is not in the store; the server's page says so,
            // lists the pages that link to it and (for titles) full-text hits. Export it as is.
            if (status is not (200 or 404))
            {
                _failures.Enqueue($"{target.Url}: {status}");
                return;
            }

            string html = await response.Content.ReadAsStringAsync();
            string rewritten = LinkRewriter.Rewrite(html, target.File, options.MissingPages ? null : ExportPaths.Missing, Enqueue);
            await WriteAsync(target.File, Utf8.GetBytes(rewritten));
            if (status == 404)
            {
                Interlocked.Increment(ref _notFound);
            }

            Interlocked.Increment(ref _pages);
        }

        private async Task WriteAsync(string file, byte[] bytes)
        {
            string path = Path.Combine(options.Output, file.Replace('/', Path.DirectorySeparatorChar));
            string? folder = Path.GetDirectoryName(path);
            if (folder is not null)
            {
                // Every writer to a folder waits until it exists, not only the first one.
                _ = _folders.GetOrAdd(folder, f => new Lazy<bool>(() => Directory.CreateDirectory(f).Exists)).Value;
            }

            await File.WriteAllBytesAsync(path, bytes);
            Interlocked.Add(ref _bytes, bytes.Length);
        }

        // offline.html: the search box, /random and the script toggle need the server, their links land there.
        // missing.html: where red links lead unless --missing-pages.
        private void WriteStaticPage(string file, string heading, string text, string english)
        {
            string css = File.Exists(Path.Combine(options.Output, "css", "site.css")) ? "<link rel=\"stylesheet\" href=\"css/site.css\">" : "";
            File.WriteAllText(Path.Combine(options.Output, file), $$"""
                <!DOCTYPE html>
                <html lang="zh">
                <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>{{heading}} - WikiViewer</title>
                    {{css}}
                </head>
                <body>
                    <main id="content" class="page">
                        <h1>{{heading}}</h1>
                        <p>{{text}}</p>
                        <p lang="en">{{english}}</p>
                        <p><a href="index.html">返回首页</a></p>
                    </main>
                </body>
                </html>

                """, Utf8);
        }
    }

    /// <summary>This program, started again as a plain server on a free loopback port.</summary>
    private sealed class ChildApp : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lastLines = new();

        private ChildApp(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static ChildApp Start(IReadOnlyList<string> appArguments)
        {
            int port = FreeLoopbackPort();
            string host = Environment.ProcessPath ?? throw new ExportException("cannot tell which program is running.");
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // `dotnet WikiViewer.dll export` runs under the muxer; the apphost runs itself.
            if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add("exec");
                start.ArgumentList.Add(typeof(StaticExport).Assembly.Location);
            }

            foreach (string argument in appArguments)
            {
                start.ArgumentList.Add(argument);
            }

            // Last, so they win: loopback only, no rate limit on the crawl, no line per request.
            start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
            start.ArgumentList.Add("--Wiki:RateLimit:PermitLimit=0");
            start.ArgumentList.Add("--Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Error");

            var process = Process.Start(start) ?? throw new ExportException("could not start the app.");
            var app = new ChildApp(process, new Uri($"http://127.0.0.1:{port}/"));
            process.OutputDataReceived += (_, e) => app.Echo(e.Data);
            process.ErrorDataReceived += (_, e) => app.Echo(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return app;
        }

        public async Task WaitUntilReadyAsync(HttpClient http)
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    await _process.WaitForExitAsync();
                    throw new ExportException($"the app stopped (exit code {_process.ExitCode}) before it was ready:\n  " + string.Join("\n  ", _lastLines));
                }

                try
                {
                    using var response = await http.GetAsync("/healthz");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }
        }

        public void Stop()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }

        public void Dispose()
        {
            Stop();
            _process.Dispose();
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        // The load summary, warnings and errors go to the console; the last lines are kept for a failed start.
        private void Echo(string? line)
        {
            if (line is null)
            {
                return;
            }

            _lastLines.Enqueue(line);
            while (_lastLines.Count > 30 && _lastLines.TryDequeue(out _))
            {
            }

            if (line.Contains("] HTTP ", StringComparison.Ordinal))
            {
                return;
            }

            if (line.Contains(" WRN]", StringComparison.Ordinal) || line.Contains(" ERR]", StringComparison.Ordinal)
                || line.Contains(" FTL]", StringComparison.Ordinal) || line.Contains("] Load", StringComparison.Ordinal))
            {
                Console.WriteLine("app: " + line);
            }
        }
    }
}
