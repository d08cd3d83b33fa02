using WikiViewer.Loading;

namespace WikiViewer.Web;

/// <summary>
/// Until the store is loaded every request answers 503 with the load's
/// progress, so a load balancer sends no traffic yet (/healthz is the readiness
/// probe) and a reader sees why the page is not there. Static files too: the
/// gate runs before them (Program.cs), and a page's stylesheet is no use
/// without the page.
/// </summary>
public static class ReadinessMiddleware
{
    /// <summary>
    /// Marks routes whose clients are programs (the probe, the API): while the
    /// store loads they get the progress as JSON rather than a line of text.
    /// </summary>
    public static TBuilder AnswerLoadingAsJson<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(LoadingAsJson.Instance);

    public static IApplicationBuilder UseStoreReadiness(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var loader = context.RequestServices.GetRequiredService<ArticleStoreLoader>();
            if (loader.Ready.IsCompletedSuccessfully)
            {
                await next(context);
                return;
            }

            var progress = loader.Progress;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            if (WantsJson(context))
            {
                await context.Response.WriteAsJsonAsync(new { status = "loading", phase = progress.Phase, done = progress.Done, total = progress.Total });
                return;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"WikiViewer 正在加载条目（{progress.Phase}：{progress.Done}/{progress.Total}），请稍后刷新。\n");
        });

    // The endpoint is known here: WebApplication runs routing before the first
    // middleware when Program.cs does not call UseRouting itself. A URL under
    // /api that no route matches has no endpoint, yet its client is a program
    // all the same: the path answers for it, as it does for ErrorPages.
    private static bool WantsJson(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<LoadingAsJson>() is not null || ErrorPages.IsApi(context);

    private sealed class LoadingAsJson
    {
        public static readonly LoadingAsJson Instance = new();
    }
}
