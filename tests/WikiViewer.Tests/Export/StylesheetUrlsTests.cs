using WikiViewer.Export;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Export;

/// <summary>The fonts and images a stylesheet names, which the export copies though no page links to them.</summary>
public sealed class StylesheetUrlsTests
{
    [Fact]
    public void KaTeX_fonts_resolve_against_the_stylesheet()
    {
        const string css = """
            @font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2")}
            @font-face{font-family:KaTeX_Main;src:url("fonts/KaTeX_Main-Bold.woff2") format("woff2")}
            .a{background:url( '../img/a.png' )}
            """;

        Assert.Equal(
            ["/lib/katex/fonts/KaTeX_AMS-Regular.woff2", "/lib/katex/fonts/KaTeX_Main-Bold.woff2", "/lib/img/a.png"],
            ExportPaths.StylesheetUrls(css, "/lib/katex/katex.min.css"));
    }

    [Fact]
    public void Data_uris_other_sites_and_fragments_are_left_out()
    {
        const string css = """
            .a{background:url(data:image/png;base64,AAAA)}
            .b{background:url(https://example.org/x.png)}
            .c{background:url(//example.org/y.png)}
            .d{filter:url(#shadow)}
            .e{background:url(/img/site.svg)}
            """;

        Assert.Equal(["/img/site.svg"], ExportPaths.StylesheetUrls(css, "/css/site.css"));
    }

    [Fact]
    public void The_vendored_katex_stylesheet_names_only_shipped_fonts()
    {
        string katex = Path.Combine(RepositoryPaths.Root, "src", "WikiViewer", "wwwroot", "lib", "katex");
        var urls = ExportPaths.StylesheetUrls(File.ReadAllText(Path.Combine(katex, "katex.min.css")), "/lib/katex/katex.min.css").ToList();

        Assert.NotEmpty(urls);
        foreach (string url in urls)
        {
            Assert.EndsWith(".woff2", url);
            Assert.True(File.Exists(Path.Combine(katex, url["/lib/katex/".Length..])), url);
            Assert.Equal(ExportKind.Asset, ExportPaths.Classify(url).Kind);
        }
    }
}
