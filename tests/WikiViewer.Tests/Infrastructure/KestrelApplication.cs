using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace WikiViewer.Tests.Infrastructure;

/// <summary>
/// The app over the seeds behind real Kestrel on a loopback port: what a
/// client's bytes meet, request-line parsing and limits included (the in-memory
/// test server has neither).
/// </summary>
public sealed class KestrelApplication : IAsyncLifetime
{
    public WikiApplication App { get; } = new();

    /// <summary>A client that sends targets exactly as written and does not follow redirects.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string address = await App.StartOnLoopbackAsync();
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>
    /// Sends <paramref name="target"/> as the request line's target, byte for
    /// byte: no re-escaping of a bad <c>%ZZ</c>, no removal of <c>..</c> segments.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(string target, HttpMethod? method = null, Action<HttpRequestMessage>? configure = null)
    {
        var uri = new Uri(Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, uri);
        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    /// <summary>The status of a GET whose request line carries <paramref name="target"/> verbatim (any form), over a bare socket.</summary>
    public async Task<int> StatusOfRawRequestAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Client.BaseAddress!.Host, Client.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string statusLine = await reader.ReadLineAsync() ?? "";
        return int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
