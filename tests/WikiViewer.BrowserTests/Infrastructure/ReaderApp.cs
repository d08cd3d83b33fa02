using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using WikiViewer.Loading;

namespace WikiViewer.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real port (Kestrel, not the in-memory TestServer), so a
/// browser can load it: same pipeline, headers and static files as production.
/// </summary>
public sealed class ReaderApp(string contentPath) : WebApplicationFactory<Program>
{
    private readonly ConcurrentQueue<string> _log = new();

    /// <summary>Warnings and errors the app logged, for a failure message.</summary>
    public IEnumerable<string> Log => _log;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Wiki:ContentPath", contentPath);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(new QueueSink(_log)));
    }

    /// <summary>Starts Kestrel on a free port and waits until the articles are loaded; returns the base URL.</summary>
    public async Task<Uri> StartAsync()
    {
        UseKestrel(0);
        StartServer();

        var loader = Services.GetRequiredService<ArticleStoreLoader>();
        try
        {
            await loader.Ready;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"The app did not load the corpus in {contentPath}: {e.Message}\n" + string.Join('\n', _log), e);
        }

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        string address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reports no listening address.");
        return new Uri(address.Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
    }

    // A sink in the app's Serilog pipeline, beside its console.
    private sealed class QueueSink(ConcurrentQueue<string> log) : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Level >= LogEventLevel.Warning)
            {
                string category = logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name } ? name : "";
                log.Enqueue($"{logEvent.Level} {category}: {logEvent.RenderMessage()} {logEvent.Exception}");
            }
        }
    }
}
