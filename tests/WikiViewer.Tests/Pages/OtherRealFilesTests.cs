using WikiViewer.Tests.Infrastructure;
using WikiViewer.Titles;

namespace WikiViewer.Tests.Pages;

/// <summary>
/// The checks of the real sample over other real files of the same collection, kept
/// outside the project: set <c>WIKI_REAL_PAGES</c> to a folder in the collection's
/// layout (<c>Page/&lt;Title&gt;.md</c>) and run this test; without it the test does nothing.
/// Every file's problems are listed at once.
/// </summary>
public sealed class OtherRealFilesTests
{
    public const string Variable = "WIKI_REAL_PAGES";

    [Fact]
    public async Task Other_real_files_show_no_residue_inert_HTML_and_typeset_math()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } root)
        {
            return;
        }

        await using var app = new WikiApplication(root);
        await app.CreateReadyClientAsync();
        var problems = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "Page"), "*.md").Order(StringComparer.Ordinal))
        {
            string title = ConverterPaths.TitleOfFileName(Path.GetFileNameWithoutExtension(file));
            var (_, page) = await app.GetPageAsync(WikiUrls.Article(title));
            problems.AddRange(RenderedArticleChecks.All(page, await File.ReadAllTextAsync(file)).Select(p => $"{Path.GetFileName(file)}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
