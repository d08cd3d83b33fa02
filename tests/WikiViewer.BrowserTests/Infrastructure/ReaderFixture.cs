namespace WikiViewer.BrowserTests.Infrastructure;

/// <summary>
/// One app over the journey corpus and one headless chromium, shared by every
/// browser test; each test gets a fresh browser context (no cookies, no history).
/// </summary>
public sealed class ReaderFixture : IAsyncLifetime
{
    // Known to work as root in a container: no sandbox, no GPU, nothing that
    // phones home; Playwright adds --headless and a fresh --user-data-dir.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "wikiviewer-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ReaderApp? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        // Fail first on what the machine lacks, with what to install.
        SystemRequirements.RequireChineseFont();
        string chromium = SystemRequirements.Chromium();

        WriteCorpus();
        _app = new ReaderApp(_corpus);
        BaseUrl = await _app.StartAsync();

        // The first render of each page compiles its view; a busy CI machine can take seconds.
        SetDefaultExpectTimeout(15_000);
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Launching {chromium} through Playwright failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// A fresh browser context and page: desktop or phone, light or dark, with or without
    /// JavaScript. <paramref name="locale"/> is also the Accept-Language the browser sends:
    /// plain <c>zh</c> asks for no variant, so pages show their text as written; a
    /// regional one (<c>zh-TW</c>) chooses that region's variant, as for a real reader.
    /// </summary>
    public async Task<ReaderSession> OpenAsync(
        Device device = Device.Desktop, ColorScheme colorScheme = ColorScheme.Light, bool javaScript = true, string locale = "zh")
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = locale,
            ColorScheme = colorScheme,
            ReducedMotion = ReducedMotion.Reduce,
            JavaScriptEnabled = javaScript,
        };
        if (device == Device.Phone)
        {
            options.ViewportSize = new ViewportSize { Width = 360, Height = 740 };
            options.DeviceScaleFactor = 2;
            options.IsMobile = true;
            options.HasTouch = true;
        }
        else
        {
            options.ViewportSize = new ViewportSize { Width = 1280, Height = 800 };
        }

        var context = await Browser.NewContextAsync(options);
        return new ReaderSession(context, await context.NewPageAsync(), BaseUrl);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_corpus, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing dispose would hide the tests' results.
        }
    }

    // The seeds, plus articles named like the seeds' link targets (马克思主义,
    // 共产主义, 卡尔·马克思) so that some links resolve and others stay red, and
    // one in regional vocabulary (马克思主义者互联网档案馆) for the variants.
    private void WriteCorpus()
    {
        Directory.CreateDirectory(_corpus);
        foreach (string file in Directory.GetFiles(RepositoryPaths.Seeds).Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"))))
        {
            File.Copy(file, Path.Combine(_corpus, Path.GetFileName(file)));
        }
    }
}

public enum Device
{
    Desktop,
    Phone,
}

[CollectionDefinition(Name)]
public sealed class ReaderCollection : ICollectionFixture<ReaderFixture>
{
    public const string Name = "Reader in a browser";
}
