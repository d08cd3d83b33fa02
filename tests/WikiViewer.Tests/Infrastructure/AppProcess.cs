using System.Diagnostics;

namespace WikiViewer.Tests.Infrastructure;

/// <summary>
/// The built app as an operator starts it (<c>dotnet exec WikiViewer.dll</c>),
/// with its console output collected so a test can wait for a log line rather
/// than for a guessed amount of time.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private AppProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Every line written so far, in order.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <param name="environment">ASPNETCORE_ENVIRONMENT; null starts the app as a published app is started, without one.</param>
    public static AppProcess Start(string arguments, string? environment = "Production")
    {
        string app = Path.Combine(AppContext.BaseDirectory, "WikiViewer.dll");
        var start = new ProcessStartInfo("dotnet", $"exec \"{app}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        if (environment is not null)
        {
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        }
        var process = new Process { StartInfo = start };
        var running = new AppProcess(process);
        process.OutputDataReceived += (_, e) => running.Add(e.Data);
        process.ErrorDataReceived += (_, e) => running.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The first line, already written or still to come, that <paramref name="match"/> accepts.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan? limit = null)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _waiters.Add((match, found));
        }

        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        try
        {
            return await found.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app never logged {what}. Its output:\n{string.Join('\n', Lines.TakeLast(40))}");
        }
    }

    /// <summary>SIGTERM, as <c>docker stop</c> or systemd sends it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", $"-TERM {_process.Id}");
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(line);
            }
        }
    }
}
