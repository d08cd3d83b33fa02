using WikiViewer.Export;
using WikiViewer.Hosting;
using WikiViewer.Loading;
using WikiViewer.Pages;
using WikiViewer.Search;
using WikiViewer.Web;

if (args is ["export", ..])
{
    return await StaticExport.RunAsync(args[1..]);
}

try
{
    // Content root beside the binary: a published app started from any directory finds its settings and assets.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddWikiLogging();
    builder.AddRequestTargetLimits();
    builder.Services.AddWikiStore(builder.Configuration);
    builder.Services.AddWikiPages();
    builder.Services.AddWikiRateLimiting(builder.Configuration);
    builder.Services.AddPageCaching(builder.Configuration);

    var app = builder.Build();
    app.UseWikiRequestLogging();
    app.UseSecurityHeaders();
    app.UseWikiErrorPages();
    app.UseMethodFilter();
    app.UseRequestTargetValidation();
    app.UseStoreReadiness();
    app.UseRateLimiter();
    app.UsePageCaching();
    app.UseCachedStaticFiles();
    app.MapRazorPages();
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
