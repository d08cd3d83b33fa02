using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.Logging;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Store;

namespace WikiViewer.Tests.Hosting;

/// <summary>
/// SPEC.md "Bad input", over real Kestrel: every malformed request gets a
/// deliberate status and a page that says what was wrong, in the site's layout,
/// never a 500, a stack trace or a file from outside the store.
/// </summary>
public sealed class BadInputTests(KestrelApplication server) : IClassFixture<KestrelApplication>
{
    private const string Article = "/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE";

    public static TheoryData<string, string> MalformedPages => new()
    {
        { "/wiki/%ZZ", "invalid percent-encoding" },
        { "/wiki/x?from=%ZZ", "invalid percent-encoding" },
        { "/wiki/%E5%9B%BD%", "invalid percent-encoding" },
        { "/wiki/%C3%28", "not as UTF-8" },
        { "/wiki/%ED%A0%80", "not as UTF-8" },
        { "/wiki/a%01b", "control characters" },
        { "/wiki/a%0Ab", "control characters" },
        { "/wiki/a%7F", "control characters" },
        { "/wiki/a%C2%85b", "control characters" },
        { "/category/%ZZ", "invalid percent-encoding" },
        { "/category/a%1Fb", "control characters" },
        { "/%ZZ", "invalid percent-encoding" },
        { "/search?q=%ZZ", "invalid percent-encoding" },
        { "/search?q=%C3%28", "not as UTF-8" },
        { "/search?q=a%00b", "control characters" },
        { "/search?q=a%09b", "control characters" },
        { "/search?q=a&limit=-1", "limit must be a whole number" },
        { "/search?q=a&limit=100000", "limit must be a whole number" },
        { "/search?q=a&limit=ten", "limit must be a whole number" },
        { "/search?q=a&offset=-5", "offset must be a whole number" },
        { "/search?q=a&offset=1e3", "offset must be a whole number" },
        { "/?page=-1", "page must be a whole number" },
        { "/?page=abc", "page must be a whole number" },
        { "/?page=100000", "page must be a whole number" },
        { "/?page=%ZZ", "invalid percent-encoding" },
        { "/wiki/" + new string('a', 5_000), "at most 512" },
        { "/category/" + string.Concat(Enumerable.Repeat("%E5%9B%BD", 600)), "at most 512" },
        { "/search?q=" + new string('a', 10_000), "at most 4096" },
        { "/search?q=" + new string('a', 300), "at most 200" },
    };

    public static TheoryData<string> MalformedApiCalls =>
    [
        "/api/search?q=%ZZ",
        "/api/search?q=a%00",
        "/api/search?q=a&limit=-1",
        "/api/search?q=a&limit=100000",
        "/api/search?q=a&offset=-5",
        "/api/search?q=a&offset=x",
        "/api/search?q=" + new string('a', 10_000),
        "/api/suggest?q=%C3%28",
        "/api/suggest?q=" + new string('a', 201),
    ];

    [Theory]
    [MemberData(nameof(MalformedPages))]
    public async Task Malformed_page_requests_answer_400_with_the_error_page_saying_why(string target, string reason)
    {
        var response = await server.SendAsync(target);
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertFriendlyErrorPage(page, "请求无效");
        Assert.Contains(reason, page.QuerySelector(".detail")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(MalformedApiCalls))]
    public async Task Malformed_api_calls_answer_400_with_a_json_error(string target)
    {
        var response = await server.SendAsync(target);
        string body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
        AssertNoStackTrace(body);
    }

    [Theory]
    [InlineData("/wiki/100%25", HttpStatusCode.NotFound)]
    [InlineData("/wiki/a%2Fb", HttpStatusCode.NotFound)]
    [InlineData("/wiki/%e5%9b%bd%e9%99%85%e6%b4%be", HttpStatusCode.OK)]
    [InlineData("/search?q=a+b&fulltext=1", HttpStatusCode.OK)]
    [InlineData("/search?q=%E5%9B%BD%E9%99%85%2B%26&fulltext=1", HttpStatusCode.OK)]
    [InlineData("/api/suggest?q=%E5%9B%BD", HttpStatusCode.OK)]
    public async Task Well_formed_escapes_are_not_refused(string target, HttpStatusCode expected)
    {
        var response = await server.SendAsync(target);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/..%2F..%2Fappsettings.json")]
    [InlineData("/css/..%2F..%2FWikiViewer.dll")]
    [InlineData("/css/../../appsettings.json")]
    [InlineData("/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/wiki/..%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/wiki/../../../../etc/passwd")]
    [InlineData("/category/..%2F..%2Fseeds%2F000_c0227119ef9a63d1.txt")]
    [InlineData("/seeds/000_c0227119ef9a63d1.txt")]
    [InlineData("/appsettings.json")]
    [InlineData("/WikiViewer.dll")]
    public async Task Traversal_never_serves_a_file_from_outside_the_store(string target)
    {
        var response = await server.SendAsync(target);
        string body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{target}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("root:x:0:0", body);
        Assert.DoesNotContain("\"Serilog\"", body);
        Assert.DoesNotContain("This program cannot be run in DOS mode", body);
        Assert.DoesNotContain("wikilink", body);
        AssertNoStackTrace(body);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("POST", Article)]
    [InlineData("PUT", Article)]
    [InlineData("DELETE", Article)]
    [InlineData("PATCH", "/category/%E5%85%B1%E4%BA%A7%E4%B8%BB%E4%B9%89")]
    [InlineData("POST", "/search?q=a")]
    [InlineData("OPTIONS", "/")]
    [InlineData("PROPFIND", "/wiki/x")]
    [InlineData("POST", "/error/404")]
    [InlineData("POST", "/css/site.css")]
    public async Task Unsupported_methods_answer_405_with_allow_and_the_error_page(string method, string target)
    {
        var response = await server.SendAsync(target, new HttpMethod(method), r => r.Content = new StringContent("title=x"));
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
        AssertFriendlyErrorPage(page, "不支持此请求方法");
    }

    [Theory]
    [InlineData("POST", "/api/search?q=a")]
    [InlineData("DELETE", "/api/suggest?q=a")]
    public async Task Unsupported_methods_on_the_api_answer_405_in_json(string method, string target)
    {
        var response = await server.SendAsync(target, new HttpMethod(method));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", json.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Article)]
    [InlineData("/search?q=a&fulltext=1")]
    [InlineData("/css/site.css")]
    [InlineData("/healthz")]
    [InlineData("/api/search?q=a")]
    [InlineData("/api/suggest?q=a")]
    [InlineData("/opensearch.xml")]
    public async Task Head_answers_like_get_without_a_body(string target)
    {
        var get = await server.SendAsync(target);
        var head = await server.SendAsync(target, HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    // A request line may name the target in absolute form, as sent to a proxy.
    [Theory]
    [InlineData("http://localhost/wiki/%ZZ", 400)]
    [InlineData("http://localhost/search?q=%C3%28", 400)]
    [InlineData("http://localhost/wiki/%E5%9B%BD%E9%99%85%E6%B4%BE", 200)]
    public async Task Absolute_form_targets_are_judged_like_origin_form(string target, int expected)
    {
        Assert.Equal(expected, await server.StatusOfRawRequestAsync(target));
    }

    [Theory]
    [InlineData("/error/500")]
    [InlineData("/error/429")]
    [InlineData("/error/999")]
    public async Task The_error_page_asked_for_directly_is_a_404(string target)
    {
        var response = await server.SendAsync(target);
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertFriendlyErrorPage(page, "找不到页面");
    }

    [Fact]
    public async Task Unknown_api_path_is_a_json_404()
    {
        var response = await server.SendAsync("/api/nothing-here");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(json.RootElement.TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData("/wiki/%ZZ", null)]
    [InlineData("/search?q=a&limit=-1", null)]
    [InlineData(Article, "DELETE")]
    [InlineData("/api/search?q=%00", null)]
    [InlineData("/no/such/page", null)]
    public async Task Refusals_carry_the_security_headers(string target, string? method)
    {
        var response = await server.SendAsync(target, method is null ? null : new HttpMethod(method));

        Assert.True((int)response.StatusCode >= 400);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_request_line_past_64_KB_is_refused_by_kestrel_with_414_and_logged()
    {
        var response = await server.SendAsync("/wiki/" + new string('a', 70_000));
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        AssertNoStackTrace(body);
        Assert.Contains(server.App.Logs.Entries, e => e.Category.EndsWith("Kestrel.BadRequests") && e.Message.Contains("Request line too long"));
    }

    [Fact]
    public async Task Huge_headers_are_refused_with_431_and_logged()
    {
        var response = await server.SendAsync("/", configure: r => r.Headers.Add("X-Padding", new string('a', 40_000)));
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        AssertNoStackTrace(body);
        Assert.Contains(server.App.Logs.Entries, e => e.Category.EndsWith("Kestrel.BadRequests") && e.Message.Contains("Request headers too long"));
    }

    // Kestrel refuses a NUL in the target while parsing the request line, before
    // any application code runs: a 400, but with Kestrel's empty body.
    [Fact]
    public async Task A_nul_in_the_path_is_refused_by_kestrel_with_400()
    {
        var response = await server.SendAsync("/wiki/a%00b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoStackTrace(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_line_break_in_the_path_cannot_forge_a_log_line()
    {
        await server.SendAsync("/wiki/x%0A%5B00:00:00%20ERR%5D%20forged");

        var line = Assert.Single(server.App.Logs.Entries, e => e.Category == WikiViewer.Web.Logging.RequestLogCategory && e.Message.Contains("forged"));
        Assert.DoesNotContain('\n', line.Message);
        Assert.Contains(@"/wiki/x\u000A[00:00:00 ERR] forged responded 400", line.Message);
        Assert.Equal(LogLevel.Warning, line.Level);
    }

    [Fact]
    public async Task A_very_long_path_is_logged_shortened()
    {
        await server.SendAsync("/wiki/" + new string('z', 5_000));

        var line = Assert.Single(server.App.Logs.Entries, e => e.Category == WikiViewer.Web.Logging.RequestLogCategory && e.Message.Contains("zzzz"));
        Assert.True(line.Message.Length < 500, line.Message.Length.ToString());
        Assert.Contains("…(+", line.Message);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        AssertNoStackTrace(body);
        return WikiApplication.Parse(body);
    }

    private static void AssertFriendlyErrorPage(IDocument page, string heading)
    {
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("header.site-header form.search-form"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href^='/css/site.css']"));
        Assert.NotNull(page.QuerySelector("footer.site-footer"));
    }

    private static void AssertNoStackTrace(string body)
    {
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(".cs:line", body);
    }
}
