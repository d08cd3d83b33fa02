using System.Text.RegularExpressions;

using WikiViewer.Search;
using WikiViewer.Rendering.Syntax;
using WikiViewer.Store;

namespace WikiViewer.Tests.Search;

/// <summary>
/// The seed articles as <see cref="SearchDocument"/>s, through a deliberately naive
/// Markdown-to-text extraction (the store's real extraction replaces it later).
/// </summary>
internal static partial class SeedCorpus
{
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WikiViewer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WikiViewer.sln not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<SearchDocument> Load()
    {
        string seeds = Path.Combine(RepositoryRoot(), "seeds");
        return [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(path => Parse(File.ReadAllText(path)))];
    }

    public static SearchDocument Parse(string markdown)
    {
        string[] lines = markdown.Replace("\r\n", "\n").Split('\n');
        var categories = CategoryLink().Matches(markdown).Select(match => match.Groups[1].Value).ToList();

        // The body ends where the category links start; the reference list follows them.
        int end = Array.FindIndex(lines, line => line.StartsWith("[Category:", StringComparison.Ordinal));
        string body = string.Join('\n', end < 0 ? lines : lines[..end]);
        body = InterlanguageLink().Replace(body, "");
        body = Link().Replace(body, "$1");
        body = body.Replace("{{-}}", "").Replace("\\[", "[").Replace("\\]", "]").Replace("\\#", "#").Replace("（）", "").Replace("()", "");

        string lead = body.Split("\n\n")[0];
        var bold = Bold().Matches(lead).Select(match => match.Groups[1].Value).ToList();
        body = body.Replace("**", "");

        var paragraphs = body.Split("\n\n")
            .Select(paragraph => Whitespace().Replace(paragraph.Replace("\n", " ").Trim().TrimStart('#', '-', ' '), " "))
            .Where(paragraph => paragraph.Length > 0);
        return new SearchDocument(bold[0], bold.Skip(1).ToList(), categories, string.Join('\n', paragraphs));
    }

    [GeneratedRegex(@"\[Category:([^\]]+)\]\([^)]*\)")]
    private static partial Regex CategoryLink();

    [GeneratedRegex(@"^\[[a-z\-]{2,12}:[^\]]*\]\([^)]*\)\s*$", RegexOptions.Multiline)]
    private static partial Regex InterlanguageLink();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)\s]*(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
