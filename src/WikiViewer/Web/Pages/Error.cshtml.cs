using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WikiViewer.Web.Pages;

/// <summary>The friendly page behind every error status: what went wrong, in words, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>Set before any handler runs.</summary>
    public ErrorView Error { get; private set; } = null!;

    // Runs for every method, not only those with an On{Method} handler: the page
    // answers a refused PUT or DELETE (405) as it answers a GET. Asked for
    // directly (/error/500), it is no page: a visitor cannot fake server errors.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        int code = HttpContext.IsErrorReExecution() && int.TryParse(RouteData.Values["code"]?.ToString(), out int value) ? value : 404;
        int status = Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        Error = ErrorView.From(status, RequestRejection.Of(HttpContext));
    }

    // Without a handler Razor Pages answers OPTIONS itself with an empty 200.
    public void OnOptions()
    {
    }
}
