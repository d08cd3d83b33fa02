using Microsoft.AspNetCore.Diagnostics;

namespace WikiViewer.Web;

/// <summary>
/// Every error status gets a deliberate body: HTML routes the site's error page
/// (/error/{code}, same layout as the rest), /api a JSON <c>{"error": ...}</c>.
/// An exception outside Development is logged and answered as a plain 500,
/// never with its stack trace.
/// </summary>
public static class ErrorPages
{
    public static WebApplication UseWikiErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseWhen(IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteJsonError }));
        }

        // Outermost first: the /api branch below writes its JSON before this one
        // looks, so only HTML routes reach the error page.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseWhen(IsApi, api => api.UseStatusCodePages(context => WriteJsonError(context.HttpContext)));
        return app;
    }

    /// <summary>A request the status-code pages or the exception handler are answering again (for /error/{code}).</summary>
    public static bool IsErrorReExecution(this HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null;

    /// <summary>
    /// A request for the JSON API. A path test, not endpoint metadata, on purpose:
    /// the requests that most need a JSON error are those no /api route matched
    /// (/api/xyz has no endpoint; POST /api/search has routing's 405 endpoint),
    /// so only the URL says who is asking.
    /// </summary>
    public static bool IsApi(this HttpContext context) => context.Request.Path.StartsWithSegments(SearchApi.Prefix);

    private static Task WriteJsonError(HttpContext context)
    {
        int status = context.Response.StatusCode;
        string error = RequestRejection.Of(context) ?? status switch
        {
            StatusCodes.Status404NotFound => "No such API endpoint.",
            StatusCodes.Status405MethodNotAllowed => "This API only answers GET and HEAD.",
            >= 500 => "The server failed to answer; the error is logged.",
            _ => $"The request failed with HTTP {status}.",
        };
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
