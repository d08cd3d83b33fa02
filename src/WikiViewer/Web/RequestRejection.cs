using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WikiViewer.Web;

/// <summary>
/// Why a request was refused, in words the reader can act on. A refusal sets
/// only the status and this reason and writes no body, so the status-code pages
/// (<see cref="ErrorPages"/>) answer in the route's own form: the site's error
/// page for HTML routes, <c>{"error": reason}</c> for /api.
/// </summary>
public sealed record RequestRejection(string Reason)
{
    public static string? Of(HttpContext context) => context.Features.Get<RequestRejection>()?.Reason;
}

public static class RequestRejectionExtensions
{
    /// <summary>Refuses the request with <paramref name="statusCode"/> and a reason.</summary>
    public static void Reject(this HttpContext context, int statusCode, string reason)
    {
        context.Features.Set(new RequestRejection(reason));
        context.Response.StatusCode = statusCode;
    }

    /// <summary>A 400 that the error page explains with <paramref name="reason"/>.</summary>
    public static IActionResult BadRequestPage(this PageModel page, string reason)
    {
        page.HttpContext.Features.Set(new RequestRejection(reason));
        return new StatusCodeResult(StatusCodes.Status400BadRequest);
    }
}
