using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace WikiViewer.Web;

/// <summary>One structured line per request (Serilog.AspNetCore's request logging is not restorable here).</summary>
public static class RequestLoggingMiddleware
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("WikiViewer.Requests");
        return app.Use(async (context, next) =>
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                int status = context.Response.StatusCode;
                // 503 is the readiness gate's deliberate "still loading", not a failure.
                logger.Log(
                    status >= 500 && status != StatusCodes.Status503ServiceUnavailable ? LogLevel.Error
                        : status >= 400 ? LogLevel.Warning : LogLevel.Information,
                    "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method, LoggedPath(context.Request.Path.Value), status, elapsed);
            }
        });
    }

    private const int MaxLoggedPath = 300;

    // The path is what the client sent, decoded: a %0A in it must not start a
    // forged log line, and a 5,000-character path need not fill the log.
    internal static string LoggedPath(string? path)
    {
        path ??= "";
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
