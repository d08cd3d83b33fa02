using System.Collections.Concurrent;
using WikiViewer.BrowserTests.Infrastructure;
using static WikiViewer.BrowserTests.Infrastructure.ReaderSession;

namespace WikiViewer.BrowserTests;

/// <summary>
/// Math typeset by KaTeX in the browser under the real Content-Security-Policy,
/// and pages without math that do not fetch KaTeX. The math article runs in an app
/// of its own so that the journey corpus (and its counts) stays as it is.
/// </summary>
[Collection(ReaderCollection.Name)]
public sealed class MathTypesettingTests(ReaderFixture reader)
{
    // Cut from Page/-0.md, Page/(R)-氨基丙醇脱氢酶.md and Page/色指數.md of the converted collection.
    private const string Article = """
        **负零**是带符号的零中的一个，在[IEEE 754](../Page/IEEE_754.md "wikilink")浮点数中有正零与负零之分。

        ## 运算

          - \(\frac{x}{+0} = +\infty\) (x\>0)
          - \(\frac{x}{-0} = -\infty\) (x\>0)
          - \((-0) \cdot (-0) = +0\)
          - \(x + (-0) = x\)

        化学反应：[\(R\)-氨基丙醇](../Page/\(R\)-氨基丙醇.md "wikilink") + NAD<sup>+</sup> \(\rightleftharpoons\) 氨基丙酮 + NADH

        在UBV測光系統，色餘寫成：

        \[E_{B-V} = (B-V)_{\text{Observed}} - (B-V)_{\text{Intrinsic}}\]
        """;

    [Fact]
    public async Task An_article_with_tex_is_typeset_by_katex_with_its_fonts_and_nothing_blocked()
    {
        string corpus = Path.Combine(Path.GetTempPath(), "wikiviewer-browser-tests", "math-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "negative-zero.txt"), Article);
        await using var app = new ReaderApp(corpus);
        try
        {
            var baseUrl = await app.StartAsync();
            await using var session = await reader.OpenAsync();
            var page = session.Page;
            var failed = new ConcurrentQueue<string>();
            var fonts = new ConcurrentQueue<string>();
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    failed.Enqueue($"{response.Status} {response.Url}");
                }
                else if (response.Url.EndsWith(".woff2", StringComparison.Ordinal))
                {
                    fonts.Enqueue(response.Url);
                }
            };

            await session.GotoAsync(new Uri(baseUrl, Wiki("负零")).ToString());

            var body = page.Locator(".article-body");
            await Expect(body.Locator(".math.typeset")).ToHaveCountAsync(6);
            await Expect(body.Locator(".math.inline .katex")).ToHaveCountAsync(5);
            await Expect(body.Locator(".math.display .katex-display")).ToHaveCountAsync(1);

            // What the reader sees is typeset, not TeX source; the chemical name stays text.
            string seen = await body.InnerTextAsync();
            Assert.DoesNotContain(@"\frac", seen);
            Assert.DoesNotContain(@"\rightleftharpoons", seen);
            Assert.DoesNotContain(@"\text", seen);
            Assert.Contains("(R)-氨基丙醇", seen);
            Assert.Contains("∞", seen);

            // KaTeX's own fonts, from this server: a fraction is drawn with KaTeX_Main.
            await Expect(page.Locator(".katex .mfrac").First).ToBeVisibleAsync();
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.fonts.ready.then(() => document.fonts.check('16px KaTeX_Main'))"),
                "KaTeX_Main did not load");
            Assert.Contains(fonts, url => url.Contains("/lib/katex/fonts/KaTeX_Main-Regular.woff2", StringComparison.Ordinal));
            Assert.True(failed.IsEmpty, string.Join('\n', failed));
            session.AssertNoScriptProblems();
        }
        finally
        {
            try
            {
                Directory.Delete(corpus, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    [Fact]
    public async Task A_page_without_math_does_not_fetch_katex()
    {
        await using var session = await reader.OpenAsync();
        var page = session.Page;
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);

        await session.GotoAsync(Wiki("卡尔·马克思"));
        await Expect(page.Locator(".article-body")).ToContainTextAsync("特里尔");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains(requests, url => url.Contains("/js/math.js", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, url => url.Contains("/lib/katex/", StringComparison.Ordinal));
        await Expect(page.Locator(".math")).ToHaveCountAsync(0);
        session.AssertNoScriptProblems();
    }
}
