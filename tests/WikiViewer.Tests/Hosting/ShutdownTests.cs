using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Hosting;

/// <summary>Stopping the app (SIGTERM, as docker stop and systemd send it) finishes what it is serving, then exits 0.</summary>
public sealed partial class ShutdownTests
{
    [Fact]
    public async Task Sigterm_drains_an_in_flight_response_and_exits_0()
    {
        // A page far larger than the socket buffers between server and client
        // (loopback send buffers top out at 4 MB), read by a client that waits:
        // the server is still writing it when the signal arrives.
        using var corpus = new TempCorpus().AddSeeds().Add("big.txt", BigArticle(out string lastParagraph));
        using var app = AppProcess.Start($"--Wiki:ContentPath={corpus.Path} --urls=http://127.0.0.1:0");
        string listening = await app.WaitForLineAsync(l => l.Contains("Now listening on: "), "its address");
        await app.WaitForLineAsync(l => l.Contains("Loaded 4 articles"), "the end of the load");
        using var client = SlowReader(new Uri(Address().Match(listening).Value));

        using var response = await client.GetAsync("/wiki/" + Uri.EscapeDataString("大页面"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        app.Terminate();
        await app.WaitForLineAsync(l => l.Contains("Application is shutting down"), "that it is shutting down");
        bool servedBeforeShutdown = app.Lines.Any(l => l.Contains("responded 200") && l.Contains("/wiki/大页面"));
        string page = await new StreamReader(body, Encoding.UTF8).ReadToEndAsync();
        int exitCode = await app.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(servedBeforeShutdown, "the page was written out before the signal: the test proved nothing");
        Assert.Contains(lastParagraph, page);
        Assert.EndsWith("</html>", page.TrimEnd());
        Assert.Equal(0, exitCode);
        var lines = app.Lines.ToList();
        Assert.True(
            lines.FindIndex(l => l.Contains("/wiki/大页面 responded 200")) > lines.FindIndex(l => l.Contains("Application is shutting down")),
            "the request finished after shutdown began");
    }

    private static string BigArticle(out string lastParagraph)
    {
        const string Characters = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经";
        var random = new Random(7);
        var text = new StringBuilder("**大页面**是一个很大的测试条目。\n\n");
        lastParagraph = "";
        for (int bytes = 0; bytes < 16 * 1024 * 1024; bytes += Encoding.UTF8.GetByteCount(lastParagraph))
        {
            lastParagraph = new string(Enumerable.Range(0, 600).Select(_ => Characters[random.Next(Characters.Length)]).ToArray()) + "。";
            text.Append(lastParagraph).Append("\n\n");
        }

        return text.ToString();
    }

    // A small receive buffer: the client's side holds kilobytes, not megabytes, of the page.
    private static HttpClient SlowReader(Uri address) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = address };

    [GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+")]
    private static partial Regex Address();
}
