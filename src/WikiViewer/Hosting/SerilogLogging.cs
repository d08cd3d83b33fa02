using Serilog;

namespace WikiViewer.Hosting;

public static class SerilogLogging
{
    /// <summary>Serilog as the only logging provider, configured from the "Serilog" section.</summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
