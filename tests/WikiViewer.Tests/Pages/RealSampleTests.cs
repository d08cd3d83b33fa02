using System.Net;
using System.Text.RegularExpressions;
using WikiViewer.Tests.Infrastructure;
using WikiViewer.Titles;

namespace WikiViewer.Tests.Pages;

/// <summary>
/// Every file of the real sample (tests/WikiViewer.Tests/RealSample: real converted
/// articles in the collection's layout, see its README) served as the collection is:
/// each at its file name's URL, each of its links to a file of the sample resolved.
/// </summary>
public sealed partial class RealSampleTests(RealSampleTests.Sample sample) : IClassFixture<RealSampleTests.Sample>
{
    public static string Root => Path.Combine(RepositoryPaths.Root, "tests", "WikiViewer.Tests", "RealSample");

    public static string[] FileNames =>
        [.. Directory.GetFiles(Path.Combine(Root, "Page")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files => [.. FileNames];

    [Fact]
    public void The_sample_is_all_there()
    {
        Assert.True(FileNames.Length >= 39, $"{FileNames.Length} files in {Root}");
        Assert.True(File.Exists(Path.Combine(Root, "README.md")), "the sample's README (source and licence)");
        Assert.Equal(FileNames.Length, sample.App.Store.Articles.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_file_answers_at_its_name_and_its_links_into_the_sample_resolve(string fileName)
    {
        string title = ConverterPaths.TitleOfFileName(Path.GetFileNameWithoutExtension(fileName));
        var (_, page) = await sample.App.GetPageAsync(WikiUrls.Article(title));
        Assert.Equal(title, page.QuerySelector("#firstHeading")!.TextContent);

        var anchors = page.QuerySelectorAll(".article-body a[href]").ToList();
        foreach (string target in PageLinks(File.ReadAllText(Path.Combine(Root, "Page", fileName))))
        {
            if (sample.TitleOf(target) is not { } linked)
            {
                continue; // not in the sample: red, as it should be
            }

            string url = WikiUrls.Article(linked);
            var links = anchors.Where(a => a.GetAttribute("href")!.Split('#')[0] == url).ToList();
            Assert.True(links.Count > 0, $"{fileName}: no link to {url} for ../Page/{target}.md");
            Assert.All(links, a => Assert.False(a.ClassList.Contains("new"), $"{fileName}: ../Page/{target}.md is red"));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public Task Each_file_shows_no_residue_inert_HTML_and_typeset_math(string fileName) => AssertClean(fileName);

    private async Task AssertClean(string fileName)
    {
        string title = ConverterPaths.TitleOfFileName(Path.GetFileNameWithoutExtension(fileName));
        var (_, page) = await sample.App.GetPageAsync(WikiUrls.Article(title));
        var problems = RenderedArticleChecks.All(page, File.ReadAllText(Path.Combine(Root, "Page", fileName)));
        Assert.True(problems.Count == 0, $"{fileName}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Math_of_the_sample_is_checked()
    {
        string[] withTeX = [.. FileNames.Where(f => MathOf(f).Any(RenderedArticleChecks.IsTeX))];
        Assert.Contains("-0.md", withTeX);
        Assert.Contains("色指數.md", withTeX);
        Assert.Contains("(R)-氨基丙醇脱氢酶.md", withTeX);
        Assert.Contains(FileNames, f => MathOf(f).Any(tex => !RenderedArticleChecks.IsTeX(tex)));

        IEnumerable<string> MathOf(string fileName) =>
            RenderedArticleChecks.Delimited(File.ReadAllText(Path.Combine(Root, "Page", fileName)));
    }

    [Fact]
    public void Links_between_sample_files_are_checked()
    {
        int checkedLinks = FileNames.Sum(f => PageLinks(File.ReadAllText(Path.Combine(Root, "Page", f))).Count(t => sample.TitleOf(t) is not null));
        Assert.True(checkedLinks >= 5, $"{checkedLinks} links between files of the sample");
    }

    [Theory]
    [InlineData("/wiki/+44", "+44")]
    [InlineData("/wiki/-0", "-0")]
    [InlineData("/wiki/!HERO", "!HERO")]
    [InlineData("/wiki/.ad", ".ad")]
    [InlineData("/wiki/'F'%20Debut", "'F' Debut")]
    [InlineData("/wiki/%22Q%22", "\"Q\"")]
    [InlineData("/wiki/(K)NoW%20NAME", "(K)NoW NAME")]
    [InlineData("/wiki/(2,4,6-三甲苯)金", "(2,4,6-三甲苯)金")]
    public async Task Titles_with_URL_punctuation_route_as_typed(string url, string title)
    {
        var (_, page) = await sample.App.GetPageAsync(url);
        Assert.Equal(title, page.QuerySelector("#firstHeading")!.TextContent);
    }

    /// <summary>The targets of a file's Markdown links to other files, as written (escaped), without <c>../Page/</c> and <c>.md</c>.</summary>
    private static IEnumerable<string> PageLinks(string markdown) =>
        PageLink().Matches(markdown).Select(m => m.Groups["target"].Value);

    [GeneratedRegex("""\]\(\.\./Page/(?<target>[^ ]+?)\.md(?:#[^ ]*)? "wikilink"\)""")]
    private static partial Regex PageLink();

    /// <summary>The app over the sample folder (its root: <c>Page/</c> and the README).</summary>
    public sealed class Sample : IAsyncLifetime
    {
        private readonly Dictionary<string, string> _titles = Directory.GetFiles(Path.Combine(Root, "Page"))
            .Select(f => ConverterPaths.TitleOfFileName(Path.GetFileNameWithoutExtension(f)))
            .ToDictionary(TitleKey.Of, t => t, StringComparer.Ordinal);

        public WikiApplication App { get; } = new(Root);

        /// <summary>The title of the sample file a link target names, or null when the sample has none.</summary>
        public string? TitleOf(string target) => _titles.GetValueOrDefault(TitleKey.Of(ConverterPaths.Unescape(target)));

        public async Task InitializeAsync() => await App.CreateReadyClientAsync();

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
