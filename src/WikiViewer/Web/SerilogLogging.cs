using Serilog;
using Serilog.Events;
using Serilog.Filters;

namespace WikiViewer.Web;

public static class SerilogLogging
{
    // Requests Kestrel refuses itself (431 headers too large, 414, a NUL in the
    // path) never reach the request log; Kestrel names them at Debug, here.
    // The line says what was wrong; the parser's stack trace would say nothing more.
    private const string KestrelBadRequests = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    // A start that fails (the port is taken) throws out of app.Run, where
    // Program.cs says so in one line; the host's own error line would repeat it
    // with Kestrel's stack. Anything Program.cs does not catch still prints in full.
    private const string HostStart = "Microsoft.Extensions.Hosting.Internal.Host";

    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}";

    /// <summary>
    /// Serilog to the console as the only logging provider. Levels can be
    /// changed in the "Serilog" configuration section; the sink is set here so
    /// that the app logs even when started without its appsettings.json.
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .MinimumLevel.Override(KestrelBadRequests, LogEventLevel.Debug)
            .MinimumLevel.Override(HostStart, LogEventLevel.Fatal)
            .ReadFrom.Configuration(builder.Configuration)
            .WriteTo.Logger(rest => rest
                .Filter.ByExcluding(Matching.FromSource(KestrelBadRequests))
                .WriteTo.Console(outputTemplate: Template + "{Exception}"))
            .WriteTo.Logger(refused => refused
                .Filter.ByIncludingOnly(Matching.FromSource(KestrelBadRequests))
                .WriteTo.Console(outputTemplate: Template))
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        builder.Logging.AddFilter(KestrelBadRequests, LogLevel.Debug);
        return builder;
    }
}
