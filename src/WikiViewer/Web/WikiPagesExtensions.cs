using System.Text.Encodings.Web;
using Microsoft.AspNetCore.OutputCaching;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace WikiViewer.Web;

public static class WikiPagesExtensions
{
    /// <summary>
    /// Razor Pages that write Chinese as text, not as &amp;#x…; entities (fewer bytes,
    /// and readable source). Program.cs caches every page's output
    /// (<see cref="PageCaching.Pages"/>); the search page opts out here.
    /// </summary>
    public static IServiceCollection AddWikiPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";

            // Results are computed per request, as /api/search's are (SearchApi
            // says why). The attribute's policy applies after the route's
            // CacheOutput(PageCaching.Pages), so it has the last word.
            options.Conventions.AddPageApplicationModelConvention("/Search", page =>
                page.EndpointMetadata.Add(new OutputCacheAttribute { NoStore = true }));

            // An article in a variant, as zh.wikipedia's /zh-tw/{title} (VariantLinks).
            options.Conventions.AddPageRoute("/Wiki", $"{{{ScriptVariants.RouteKey}:{VariantRouteConstraint.Name}}}/{{**title}}");

            // The home page reads ?page= and ?order=; its entries are keyed by them.
            options.Conventions.AddPageApplicationModelConvention("/Index", page =>
                page.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PageCaching.Home }));

            // A category and the pages linking to a title are paged (?page=) as home is: a whole
            // dump has categories of tens of thousands and titles linked from hundreds of thousands.
            foreach (string list in (ReadOnlySpan<string>)["/Category", "/Backlinks"])
            {
                options.Conventions.AddPageApplicationModelConvention(list, page =>
                    page.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PageCaching.PagedList }));
            }
        });
        services.Configure<RouteOptions>(options => options.ConstraintMap[VariantRouteConstraint.Name] = typeof(VariantRouteConstraint));
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}

/// <summary>A route segment that is exactly a variant's code (<c>zh-tw</c>, not <c>ZH-TW</c>: a regex constraint would ignore case).</summary>
internal sealed class VariantRouteConstraint : IRouteConstraint
{
    public const string Name = "variant";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        ScriptVariant.Parse(values.TryGetValue(routeKey, out var value) ? value as string : null) is not null;
}
