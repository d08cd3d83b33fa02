using WikiViewer.Hosting;
using WikiViewer.Loading;

namespace WikiViewer.Pages;

public static class WikiEndpoints
{
    /// <summary>/random and /healthz (SPEC.md "URLs").</summary>
    public static IEndpointRouteBuilder MapWikiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/random", MethodFilter.ReadMethods, (ArticleStore store) =>
            Results.Redirect(store.Articles[Random.Shared.Next(store.Articles.Count)].Url));

        app.MapMethods("/healthz", MethodFilter.ReadMethods, (ArticleStore store) =>
            Results.Ok(new { status = "ready", articles = store.Articles.Count }));

        return app;
    }
}
