using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using WikiViewer.Store;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace WikiViewer.Tests.Infrastructure;

/// <summary>
/// Collects log lines so a test can assert what an operator would read: as an
/// <see cref="ILoggerProvider"/> for code given a logger, and as a Serilog sink
/// beside the app's console, each message rendered as the console renders it.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Console = new("{Message:lj}");

    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>The first entry that matches, waited for: a line logged on another thread may come after what the test awaited.</summary>
    public async Task<(LogLevel Level, string Category, string Message)> WaitForAsync(Func<(LogLevel Level, string Category, string Message), bool> match, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            foreach (var entry in _entries)
            {
                if (match(entry))
                {
                    return entry;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No such line was logged. The log:\n" + string.Join('\n', _entries.Select(e => e.Message)));
            }

            await Task.Delay(20);
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var message = new StringWriter();
        Console.Format(logEvent, message);
        string category = logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name } ? name : "";
        _entries.Enqueue(((LogLevel)(int)logEvent.Level, category, message.ToString()));
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
