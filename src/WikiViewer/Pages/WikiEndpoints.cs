using WikiViewer.Loading;

namespace WikiViewer.Pages;

public static class WikiEndpoints
{
    /// <summary>/random and /healthz (SPEC.md "URLs").</summary>
    public static IEndpointRouteBuilder MapWikiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/random", (ArticleStore store) =>
            Results.Redirect(store.Articles[Random.Shared.Next(store.Articles.Count)].Url));

        app.MapGet("/healthz", (ArticleStore store) =>
            Results.Ok(new { status = "ready", articles = store.Articles.Count }));

        return app;
    }
}
