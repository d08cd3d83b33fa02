using WikiViewer.Web;
using WikiViewer.Loading;
using WikiViewer.Store;

namespace WikiViewer.Web;

public static class WikiEndpoints
{
    /// <summary>/random, /healthz (SPEC.md "URLs") and /variant, the script toggle without JavaScript.</summary>
    public static IEndpointRouteBuilder MapWikiEndpoints(this IEndpointRouteBuilder app)
    {
        // A random pick, the store's health, a cookie being set: answers that are
        // not a function of the store and the URL, so neither cached nor validated.
        var live = app.MapGroup("").DisableOutputCache().WithoutETag();

        live.MapMethods("/random", MethodFilter.ReadMethods, (HttpContext context, ArticleStore store) =>
        {
            string url = store.Articles[Random.Shared.Next(store.Articles.Count)].Url;
            return Results.Redirect(ScriptVariants.InUrl(context) is { } variant ? VariantLinks.Href(url, variant) : url);
        });

        // Ready once the serving paths are warmed up too (ServingWarmUp); the store is loaded by then.
        live.MapMethods("/healthz", MethodFilter.ReadMethods, (ArticleStore store, ServingWarmUp warmUp) =>
            warmUp.Done.IsCompleted
                ? Results.Ok(new { status = "ready", articles = store.Articles.Count })
                : Results.Json(new { status = "loading", phase = "warm-up", done = warmUp.Sent, total = warmUp.Total }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .AnswerLoadingAsJson();

        live.MapMethods("/variant", MethodFilter.ReadMethods, SetVariant);

        return app;
    }

    /// <summary>
    /// <c>/variant?set=zh-tw&amp;return=/zh-tw/…</c>: remembers the reader's variant
    /// (any code of <see cref="ScriptVariant.All"/>, zh for as written) and goes to the
    /// page. The header's variant menu points here; wwwroot/js/variant.js sets the same
    /// cookie without the round trip. As written is remembered too (<c>zh</c>): without a
    /// cookie the browser's Accept-Language would choose again.
    /// </summary>
    private static IResult SetVariant(HttpContext context, string? set, string? @return)
    {
        if (ScriptVariant.Parse(set) is not { } variant)
        {
            return Results.BadRequest($"set must be one of {string.Join(", ", ScriptVariant.All)}.");
        }

        string target = string.IsNullOrEmpty(@return) ? "/" : @return;
        if (!IsLocalPath(target))
        {
            return Results.BadRequest("return must be a path on this site.");
        }

        var cookies = context.Response.Cookies;
        var options = new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        };
        cookies.Append(ScriptVariants.CookieName, variant.Code, options);

        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(AsciiOnly(target));
    }

    // A Location header must be ASCII (Kestrel refuses anything else): a decoded
    // "/wiki/头发" goes back out as "/wiki/%E5%A4%B4%E5%8F%91".
    private static string AsciiOnly(string path)
    {
        if (path.All(char.IsAscii))
        {
            return path;
        }

        var ascii = new System.Text.StringBuilder(path.Length * 3);
        int start = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || char.IsAscii(path[i]))
            {
                if (i > start)
                {
                    ascii.Append(Uri.EscapeDataString(path[start..i]));
                }

                if (i < path.Length)
                {
                    ascii.Append(path[i]);
                }

                start = i + 1;
            }
        }

        return ascii.ToString();
    }

    // Only a path on this site: "//host" and "/\host" are other sites to a
    // browser (an open redirect), and control characters never belong in a URL.
    private static bool IsLocalPath(string path) =>
        path.Length <= 2048 &&
        path[0] == '/' &&
        (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) &&
        !path.Any(char.IsControl);
}
