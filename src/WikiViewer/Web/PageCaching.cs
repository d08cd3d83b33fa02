using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using WikiViewer.Loading;
using WikiViewer.Store;

namespace WikiViewer.Web;

/// <summary>
/// The serving path's caches, each within a budget in bytes. The store never
/// changes while the app runs, so a page is produced at most twice while the
/// output cache holds it: a request renders it (Razor over the body's HTML,
/// which <see cref="RenderCache"/> keeps, <c>Wiki:RenderCacheMegabytes</c>) and
/// compresses it; from its second request in a while, the output cache keeps
/// those bytes (<c>Wiki:PageCacheMegabytes</c>) and later requests are a lookup.
/// A page asked for once is not kept (<see cref="SecondRequestFilter"/>).
/// Conditional GETs answer 304 from the store's version without touching the cache.
/// </summary>
public static class PageCaching
{
    private static readonly string[] CompressedTypes =
    [
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "application/json",
        "application/x-suggestions+json", "application/opensearchdescription+xml", "image/svg+xml",
    ];

    /// <summary>
    /// The output-cache policy routes attach with <c>.CacheOutput(PageCaching.Pages)</c>:
    /// kept 12 hours, one entry per encoding and display variant. A page with a query
    /// string is answered without the cache. Routes computed per request or not
    /// cacheable at all say so with <c>.DisableOutputCache()</c> where they are mapped.
    /// </summary>
    public const string Pages = "pages";

    /// <summary>The home page's policy: <see cref="Pages"/>, keyed also by the two query keys it reads.</summary>
    public const string Home = "home";

    private static readonly string[] HomeQueryKeys = ["page", "order", ScriptVariants.QueryKey];

    /// <summary>
    /// A paged list's policy (a category, the pages that link to a title): <see cref="Pages"/>,
    /// keyed also by its page and the name or title given by query.
    /// </summary>
    public const string PagedList = "paged-list";

    private static readonly string[] PagedListQueryKeys = ["page", "name", "title", ScriptVariants.QueryKey];

    // asp-append-version's fingerprint.
    private static readonly string[] StaticFileQueryKeys = ["v"];

    /// <summary>The default of <c>Wiki:RenderCacheMegabytes</c>, the budget of <see cref="RenderCache"/>.</summary>
    public const long DefaultRenderCacheMegabytes = 128;

    public static IServiceCollection AddPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        // What pages compute on view (bodies, their variants), for pages the output cache
        // no longer holds and for the other encodings and variants of one that it does.
        long renderMegabytes = Settings.Number(configuration, "Wiki:RenderCacheMegabytes", DefaultRenderCacheMegabytes, 0L, "megabytes");
        services.AddSingleton(_ => new RenderCache(renderMegabytes * 1024 * 1024));

        long megabytes = Settings.Number(configuration, "Wiki:PageCacheMegabytes", 256L, 0L, "megabytes");
        services.AddSingleton<KeptFromSecondRequest>();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = megabytes * 1024 * 1024;
            options.AddPolicy(Pages, policy => Bounded(policy, [ScriptVariants.QueryKey]));
            options.AddPolicy(Home, policy => Bounded(policy, HomeQueryKeys));
            options.AddPolicy(PagedList, policy => Bounded(policy, PagedListQueryKeys));

            // Static files are served by middleware, not by an endpoint, so no
            // route can carry their policy: the base policy covers what reached
            // no endpoint, and the cache keeps each asset compressed once.
            // (An unmatched URL is a 404, which the cache never stores.)
            options.AddBasePolicy(policy => Bounded(policy.With(static context => context.HttpContext.GetEndpoint() is null), StaticFileQueryKeys));
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

    /// <summary>
    /// Entries keyed only by what changes the response, each from a bounded set: the query
    /// keys the route reads, the encoding the compression step will choose (br, gzip or
    /// none) and the display variant the cookie parses to. Keyed by the raw query, header
    /// and cookie, a client could add entries without end (each new <c>?pad=…</c> or
    /// cookie value was one): a request carrying any other query key is answered, not cached.
    /// And the store's version, which changes when a changed folder's store replaces it.
    /// </summary>
    private static OutputCachePolicyBuilder Bounded(OutputCachePolicyBuilder policy, string[] queryKeys) => policy
        .With(context => HasOnlyQueryKeys(context.HttpContext.Request.Query, queryKeys))
        .Expire(TimeSpan.FromHours(12))
        .SetVaryByHost(false) // no page names its host; keyed by it, each Host header a client sent was an entry
        .SetVaryByQuery(queryKeys)
        .VaryByValue(static context => new KeyValuePair<string, string>("encoding", EncodingOf(context)))
        .VaryByValue(static context => new KeyValuePair<string, string>(ScriptVariants.CookieName, ScriptVariants.Of(context).Code))
        // A store loaded again from a changed folder replaces the one the pages were made from.
        .VaryByValue(static context => new KeyValuePair<string, string>("store", context.RequestServices.GetRequiredService<ArticleStoreLoader>().Store.Version))
        .AddPolicy<KeptFromSecondRequest>();

    private static bool HasOnlyQueryKeys(IQueryCollection query, string[] allowed)
    {
        foreach (var (key, _) in query)
        {
            if (Array.IndexOf(allowed, key) < 0)
            {
                return false;
            }
        }

        return true;
    }

    // The response compression step's own choice for this request, so the key matches the bytes stored.
    private static string EncodingOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? "identity";

    /// <summary>
    /// Keeps the route's answers out of the output cache. ASP.NET Core offers
    /// <c>CacheOutput</c> but no named opposite; this is <c>CacheOutput(p =&gt; p.NoCache())</c>.
    /// </summary>
    public static TBuilder DisableOutputCache<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.CacheOutput(static policy => policy.NoCache());

    /// <summary>
    /// Marks routes whose answer is not a function of the store, the URL and the
    /// variant (a random pick, the health probe, a cookie being set): no ETag, and
    /// never a 304. Routes that are computed per request but still depend only on
    /// those (search) keep their ETag.
    /// </summary>
    public static TBuilder WithoutETag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(NoETag.Instance);

    // One weak ETag per store and display variant: the store is immutable, so a
    // page the client has is current until the app restarts on other content.
    private static Task AnswerNotModified(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // The endpoint is known here: WebApplication runs routing before the
        // first middleware when Program.cs does not call UseRouting itself.
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<NoETag>() is not null)
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

        string etag = $"W/\"{loader.Store.Version}-{ScriptVariants.Of(context).Code}\"";
        if (request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            return Task.CompletedTask;
        }

        context.Response.OnStarting(() =>
        {
            // A 200 without an endpoint is a static file: it carries its own ETag and Cache-Control.
            if (context.Response.StatusCode == StatusCodes.Status200OK && context.GetEndpoint() is not null)
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.CacheControl = "no-cache";
                // A shared cache must not give one reader's variant to another.
                context.Response.Headers.Append(HeaderNames.Vary, "Cookie, Accept-Language");
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private sealed class NoETag
    {
        public static readonly NoETag Instance = new();
    }

    /// <summary>
    /// Lets the output cache keep a response only when the same URL, variant and encoding
    /// were asked for recently (<see cref="SecondRequestFilter"/>). Runs after the policy's
    /// own rules, which allow storing; a lookup is always allowed.
    /// </summary>
    private sealed class KeptFromSecondRequest : IOutputCachePolicy
    {
        private readonly SecondRequestFilter _askedBefore = new(SecondRequestFilter.CacheWindow);

        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.AllowCacheStorage)
            {
                HttpContext http = context.HttpContext;
                string key = string.Concat(http.Request.Path.Value, http.Request.QueryString.Value, "\n", ScriptVariants.Of(http).Code, "\n", EncodingOf(http));
                context.AllowCacheStorage = _askedBefore.SeenBefore(key);
            }

            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
