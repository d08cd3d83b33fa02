using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using WikiViewer.Loading;

namespace WikiViewer.Web;

/// <summary>
/// Serving under a public address, behind a reverse proxy or not: the <see cref="PublicOrigin"/>
/// absolute URLs are built from, and, opt-in, with <c>Wiki:ForwardedHeaders:KnownProxies</c> (addresses)
/// or <c>Wiki:ForwardedHeaders:KnownNetworks</c> (CIDR ranges) set, <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> from those peers become the client's address (each client its own
/// rate-limit bucket) and scheme (HSTS and a Secure cookie when it was https). Without
/// them the headers are ignored: any client could send them.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PublicOrigin.From(configuration));
        var section = configuration.GetSection("Wiki:ForwardedHeaders");
        var proxies = ValuesOf(section.GetSection("KnownProxies"));
        var networks = ValuesOf(section.GetSection("KnownNetworks"));
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return services;
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (string proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new WikiContentException($"Wiki:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (string network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new WikiContentException($"Wiki:ForwardedHeaders:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
            }
        });

        // The proxy's public host name is what browsers see; localhost is not excluded behind it.
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.ExcludedHosts.Clear();
        });
        services.AddSingleton(new ProxyMarker());
        return services;
    }

    /// <summary>First in the pipeline, so that logging, rate limits and cookies see the client, not the proxy.</summary>
    public static WebApplication UseProxySupport(this WebApplication app)
    {
        if (app.Services.GetService<ProxyMarker>() is null)
        {
            return app;
        }

        // Options are built here, not on the first request: a bad address is one clear line at startup.
        _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        app.UseForwardedHeaders();
        app.UseHsts(); // sent only on requests whose (original) scheme is https
        return app;
    }

    // "a,b" on the command line or in the environment, or an array in appsettings.json.
    private static string[] ValuesOf(IConfigurationSection section) =>
        section.GetChildren().Any()
            ? [.. section.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0)]
            : (section.Value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class ProxyMarker;
}
