using System.Globalization;
using System.Text;
using Serilog;
using Serilog.Events;
using Serilog.Filters;

namespace WikiViewer.Web;

/// <summary>
/// Serilog to the console, as the only logging provider, and its request log:
/// one line per request with method, path, status and time.
/// </summary>
public static class Logging
{
    // Requests Kestrel refuses itself (431 headers too large, 414, a NUL in the
    // path) never reach the request log; Kestrel names them at Debug, here.
    // The line says what was wrong; the parser's stack trace would say nothing more.
    private const string KestrelBadRequests = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    // A start that fails (the port is taken) throws out of app.Run, where
    // Program.cs says so in one line; the host's own error line would repeat it
    // with Kestrel's stack. Anything Program.cs does not catch still prints in full.
    private const string HostStart = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>The request log's category: its level is <c>Serilog:MinimumLevel:Override:</c> this.</summary>
    public const string RequestLogCategory = "Serilog.AspNetCore.RequestLoggingMiddleware";

    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}";

    // Lines wait here for the console writer; past this many (a burst the
    // console cannot keep up with) new ones are dropped rather than slowing requests.
    private const int ConsoleBuffer = 10_000;

    /// <summary>
    /// Levels come from the "Serilog" configuration section over the defaults
    /// set here; the sink is set here too, so that the app logs the same when
    /// started without its appsettings.json. The console is written by a
    /// background thread; the logger is disposed with the host, which writes
    /// out whatever is still queued.
    /// </summary>
    public static WebApplicationBuilder AddWikiLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
                .MinimumLevel.Override("System", LogEventLevel.Warning)
                .MinimumLevel.Override(KestrelBadRequests, LogEventLevel.Debug)
                .MinimumLevel.Override(HostStart, LogEventLevel.Fatal)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .WriteTo.Async(
                    console =>
                    {
                        console.Logger(rest => rest
                            .Filter.ByExcluding(Matching.FromSource(KestrelBadRequests))
                            .WriteTo.Console(outputTemplate: Template + "{Exception}"));
                        console.Logger(refused => refused
                            .Filter.ByIncludingOnly(Matching.FromSource(KestrelBadRequests))
                            .WriteTo.Console(outputTemplate: Template));
                    },
                    bufferSize: ConsoleBuffer),
            // Each app its own logger, disposed (and its queue written out) with
            // the app: the static Log.Logger would be shared by every app in a process.
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// The request log (Serilog.AspNetCore's): <c>HTTP GET /path responded 200 in 1.2 ms</c>,
    /// at Error for a 5xx other than 503, Warning for a 4xx, else Information.
    /// </summary>
    public static WebApplication UseWikiRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) => ServingWarmUp.IsWarmUp(context) && exception is null
                ? LogEventLevel.Debug
                : LevelOf(exception is null ? context.Response.StatusCode : StatusCodes.Status500InternalServerError);
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(LoggedPath(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        return app;
    }

    // 503 is the readiness gate's deliberate "still loading", not a failure.
    internal static LogEventLevel LevelOf(int status) =>
        status >= 500 && status != StatusCodes.Status503ServiceUnavailable ? LogEventLevel.Error
            : status >= 400 ? LogEventLevel.Warning : LogEventLevel.Information;

    private const int MaxLoggedPath = 300;

    // The path is what the client sent, decoded: a %0A in it must not start a
    // forged log line, and a 5,000-character path need not fill the log.
    internal static string LoggedPath(string? path)
    {
        path ??= "";
        if (path.Length <= MaxLoggedPath && !path.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !path.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
        {
            return path;
        }

        var text = new StringBuilder(Math.Min(path.Length, MaxLoggedPath + 16));
        foreach (char c in path.AsSpan(0, Math.Min(path.Length, MaxLoggedPath)))
        {
            if (char.IsControl(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return path.Length > MaxLoggedPath ? text.Append(CultureInfo.InvariantCulture, $"…(+{path.Length - MaxLoggedPath})").ToString() : text.ToString();
    }
}
