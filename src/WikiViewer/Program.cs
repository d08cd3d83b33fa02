using WikiViewer.Export;
using WikiViewer.Loading;
using WikiViewer.Web;

if (args is ["export", ..])
{
    return await StaticExport.RunAsync(args[1..]);
}

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(args[1..]);
}

try
{
    // Content root beside the binary: a published app started from any directory finds its settings and assets.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddWikiLogging();
    builder.AddRequestTargetLimits();
    builder.Services.AddProxySupport(builder.Configuration);
    builder.Services.AddWikiStore(builder.Configuration);
    builder.Services.AddWikiPages();
    builder.Services.AddWikiRateLimiting(builder.Configuration);
    builder.Services.AddPageCaching(builder.Configuration);
    builder.Services.AddServingWarmUp(builder.Configuration);

    // No UseRouting: WebApplication matches the endpoint before the first
    // middleware, so each step below can read the route's metadata (its policies).
    var app = builder.Build();
    app.UseProxySupport();
    app.UseWikiRequestLogging();
    app.UseSecurityHeaders();
    app.UseWikiErrorPages();
    app.UseMethodFilter();
    app.UseRequestTargetValidation();
    app.UseStoreReadiness();
    app.UseRateLimiter();
    app.UsePageCaching();
    app.UseCachedStaticFiles();
    app.MapRazorPages().CacheOutput(PageCaching.Pages);
    app.MapWikiEndpoints();
    app.MapSearchApi();

    app.Run();
    return Environment.ExitCode;
}
catch (WikiContentException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Another server (or a second copy) holds the port: say which, not how Kestrel found out.
    Console.Error.WriteLine(e.Message);
    return 1;
}

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
