using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace WikiViewer.Web;

/// <summary>
/// Per-client limits on the expensive endpoints (/search, /api/*), from
/// <c>Wiki:RateLimit</c>. The default (120 requests per 10 s per client) is far
/// above what a reader typing into the search box sends; a request past the
/// limit is not queued but answered 429 at once, with <c>Retry-After</c>.
/// <c>PermitLimit=0</c> turns limiting off (benchmarks). The server's warm-up
/// (<see cref="ServingWarmUp"/>) is not limited.
/// </summary>
public static class RateLimiting
{
    public const string SearchPolicy = "search";

    public static IServiceCollection AddWikiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RateLimitOptions(
            Settings.Number(configuration, "Wiki:RateLimit:PermitLimit", 120, 0, "requests"),
            Settings.Number(configuration, "Wiki:RateLimit:WindowSeconds", 10, 1, "seconds"));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // No body here: the error pages answer in the route's form (HTML page or JSON).
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = options.WindowSeconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Reject(StatusCodes.Status429TooManyRequests, $"Too many requests from this client; retry after {options.WindowSeconds} s.");
                return ValueTask.CompletedTask;
            };
            // The server's own warm-up is not a client: counted, it spent loopback's budget before
            // the first reader came, and its searches were turned away.
            limiter.AddPolicy(SearchPolicy, context =>
                options.PermitLimit <= 0 || ServingWarmUp.IsWarmUp(context)
                    ? RateLimitPartition.GetNoLimiter("off")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.PermitLimit,
                            Window = TimeSpan.FromSeconds(options.WindowSeconds),
                            QueueLimit = 0,
                        }));
        });
        return services;
    }

    private sealed record RateLimitOptions(int PermitLimit, int WindowSeconds);
}
