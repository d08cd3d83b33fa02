namespace WikiViewer.Web;

/// <summary>
/// The viewer is read-only: every URL answers GET and HEAD, anything else 405
/// with <c>Allow</c>. Without this a POST to a Razor Page fails antiforgery
/// validation (400) and reads as the client's mistake rather than "not here".
/// </summary>
public static class MethodFilter
{
    public const string Allowed = "GET, HEAD";

    /// <summary>For endpoints: MapMethods(pattern, ReadMethods, …) rather than MapGet, which refuses HEAD.</summary>
    public static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IApplicationBuilder UseMethodFilter(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || context.IsErrorReExecution())
            {
                return next(context);
            }

            context.Response.Headers.Allow = Allowed;
            context.Reject(StatusCodes.Status405MethodNotAllowed, $"{context.Request.Method} is not supported here: this site can only be read ({Allowed}).");
            return Task.CompletedTask;
        });
}
