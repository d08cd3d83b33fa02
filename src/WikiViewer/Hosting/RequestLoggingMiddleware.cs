using System.Diagnostics;

namespace WikiViewer.Hosting;

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
                logger.Log(
                    status >= 500 ? LogLevel.Error : status >= 400 ? LogLevel.Warning : LogLevel.Information,
                    "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method, context.Request.Path.Value, status, elapsed);
            }
        });
    }
}
