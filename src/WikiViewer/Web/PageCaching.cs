using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using WikiViewer.Loading;

namespace WikiViewer.Web;

/// <summary>
/// The serving path's caches. The store never changes while the app runs, so
/// every page is produced once: the first request renders it (Razor over the
/// article HTML rendered at load), compresses it, and the output cache keeps
/// those bytes; later requests are a lookup. Conditional GETs answer 304 from
/// the store's version without touching the cache.
/// </summary>
public static class PageCaching
{
    private static readonly string[] CompressedTypes =
    [
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "application/json",
        "application/x-suggestions+json", "application/opensearchdescription+xml", "image/svg+xml",
    ];

    private static readonly HashSet<string> Uncached = new(StringComparer.OrdinalIgnoreCase) { "/random", "/healthz", "/variant" };

    // Answered afresh each time (they still get ETags): a search costs ~0.15 ms,
    // and keeping every distinct query's answer cost more than it saved. 100,000
    // articles, distinct queries, 2 cores: 6,100-6,800/s, p99 16-20 ms with them
    // cached; 8,200-8,400/s, p99 11.9 ms without (the cache's entries churned the GC).
    private static readonly HashSet<string> ComputedPerRequest = new(StringComparer.OrdinalIgnoreCase) { "/search", "/api/search", "/api/suggest" };

    private static bool IsOutputCached(string path) => !Uncached.Contains(path) && !ComputedPerRequest.Contains(path);

    public static IServiceCollection AddPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        long megabytes = configuration.GetValue("Wiki:PageCacheMegabytes", 256L);
        services.AddOutputCache(options =>
        {
            options.SizeLimit = megabytes * 1024 * 1024;
            options.AddBasePolicy(policy => policy
                .With(static context => IsOutputCached(context.HttpContext.Request.Path.Value ?? ""))
                .Expire(TimeSpan.FromHours(12))
                .SetVaryByQuery("*")
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                .VaryByValue(context => new KeyValuePair<string, string>(ScriptVariants.CookieName, context.Request.Cookies[ScriptVariants.CookieName] ?? "")));
        });

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = CompressedTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

        // Compressed once per page and encoding (the output cache keeps the
        // result), so spend the CPU on a smaller page.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Conditional GET, then the output cache, then compression (so the cache holds compressed bytes).</summary>
    public static IApplicationBuilder UsePageCaching(this IApplicationBuilder app)
    {
        app.Use(AnswerNotModified);
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// Static assets: fingerprinted URLs (<c>?v=</c> from asp-append-version) never change, so
    /// browsers may keep them for a year; others are revalidated daily.
    /// </summary>
    public static IApplicationBuilder UseCachedStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=86400",
        });

    // One weak ETag per store and display variant: the store is immutable, so a
    // page the client has is current until the app restarts on other content.
    private static Task AnswerNotModified(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) || Uncached.Contains(request.Path.Value ?? ""))
        {
            return next(context);
        }

        // The loader, not the request's store: an error page re-executed through
        // here must not depend on what just failed.
        var loader = context.RequestServices.GetRequiredService<ArticleStoreLoader>();
        if (!loader.Ready.IsCompletedSuccessfully)
        {
            return next(context);
        }

        string etag = $"W/\"{loader.Store.Version}-{request.Cookies[ScriptVariants.CookieName] ?? "source"}\"";
        if (request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            return Task.CompletedTask;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK && !context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js"))
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
