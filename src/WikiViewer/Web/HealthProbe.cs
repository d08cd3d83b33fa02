namespace WikiViewer.Web;

/// <summary>
/// <c>WikiViewer healthcheck [--url URL]</c>: asks a running viewer's <c>/healthz</c> and
/// exits 0 when it is ready, 1 otherwise, with one line saying which. The container's
/// HEALTHCHECK runs it: the runtime image has no curl or wget, but it has the app.
/// </summary>
public static class HealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        string? url = args is ["--url", var given, ..] ? given : LocalUrl(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            Console.Error.WriteLine($"healthcheck: no http(s) address to ask (give --url http://127.0.0.1:8080, or set ASPNETCORE_URLS); got '{url}'");
            return 1;
        }

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync("/healthz");
            string body = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"healthcheck: {(int)response.StatusCode} {body.Trim()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"healthcheck: {baseAddress} did not answer ({e.Message})");
            return 1;
        }
    }

    /// <summary>The first of the addresses the server listens on, as a client on this machine reaches it.</summary>
    internal static string? LocalUrl(string? listenUrls)
    {
        string? first = listenUrls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return "http://127.0.0.1:5000"; // Kestrel's own default
        }

        // http://+:8080, http://*:8080 and http://0.0.0.0:8080 listen everywhere; ask loopback.
        return first.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://[::1]");
    }
}
