using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace WikiViewer.BrowserTests.Infrastructure;

/// <summary>One reader's browser tab; collects script errors and CSP violations the page raises.</summary>
public sealed class ReaderSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();

    public ReaderSession(IBrowserContext context, IPage page, Uri baseUrl)
    {
        BaseUrl = baseUrl;
        Context = context;
        Page = page;
        page.PageError += (_, error) => _problems.Enqueue("script error: " + error);
        page.Console += (_, message) =>
        {
            // The CSP forbids inline script and style: a violation means a feature silently does not work.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _problems.Enqueue("CSP: " + message.Text);
            }
        };
    }

    /// <summary>The app's address, ending in '/'.</summary>
    public Uri BaseUrl { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static string Wiki(string title) => "/wiki/" + Uri.EscapeDataString(title);

    /// <summary>An article's address in a variant, as a shared link writes it: <c>/zh-tw/{title}</c>.</summary>
    public static string InVariant(string code, string title) => "/" + code + "/" + Uri.EscapeDataString(title);

    /// <summary>The header's variant menu (a disclosure: its summary names the current variant).</summary>
    public ILocator VariantMenu => Page.Locator("header details.variant-switch");

    /// <summary>
    /// Opens the variant menu and chooses <paramref name="label"/> (简体, 臺灣正體…), as a
    /// reader does with the mouse. The caller waits for the page it leads to.
    /// </summary>
    public async Task ChooseVariantAsync(string label)
    {
        await VariantMenu.Locator("summary").ClickAsync();
        var item = VariantMenu.GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
        await Expect(item).ToBeVisibleAsync();
        await item.ClickAsync();
    }

    /// <summary>The <c>variant</c> cookie's value in this browser, or null when none was set.</summary>
    public async Task<string?> VariantCookieAsync() =>
        (await Context.CookiesAsync()).FirstOrDefault(c => c.Name == "variant")?.Value;

    /// <summary>Opens a path and returns the response, failing on an unexpected status.</summary>
    public async Task<IResponse> GotoAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == expectedStatus, $"GET {path}: expected {expectedStatus}, got {response.Status}.");
        return response;
    }

    /// <summary>
    /// Waits until the address bar shows this path (any query or fragment).
    /// Expect polls the URL, so a navigation that commits before the wait starts
    /// is not missed, as it can be with WaitForURLAsync.
    /// </summary>
    public Task WaitForPathAsync(string path) =>
        Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(BaseUrl + path.TrimStart('/')) + @"(?:[?#].*)?$"));

    /// <summary>Saves what the reader sees to docs/screenshots/{name}, for the README.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Screenshots, name),
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
    }

    /// <summary>True when the page is wider than the viewport, i.e. the reader would have to scroll sideways.</summary>
    public Task<bool> ScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    public void AssertNoScriptProblems() => Assert.True(_problems.IsEmpty, string.Join('\n', _problems));

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
