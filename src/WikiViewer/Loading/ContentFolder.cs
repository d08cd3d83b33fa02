using System.IO.Enumeration;

namespace WikiViewer.Loading;

/// <summary>The folder of article files (<c>Wiki:ContentPath</c>).</summary>
public sealed class ContentFolder
{
    private static readonly EnumerationOptions Enumeration = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    private ContentFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>
    /// The configured folder, or the seeds that ship beside the app. A folder that
    /// is missing or holds no article file is a configuration error: one clear line.
    /// </summary>
    public static ContentFolder Open(string? configuredPath)
    {
        string path = string.IsNullOrWhiteSpace(configuredPath)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "seeds")
            : System.IO.Path.GetFullPath(configuredPath);
        if (!Directory.Exists(path))
        {
            throw new WikiContentException($"Wiki:ContentPath: the article folder '{path}' does not exist.");
        }

        var folder = new ContentFolder(path);
        if (!folder.EnumerateFiles().Any())
        {
            throw new WikiContentException($"Wiki:ContentPath: the article folder '{path}' holds no article (*.txt or *.md files).");
        }

        return folder;
    }

    /// <summary>Article files in a stable order (by path), so that the first of two same-named files always wins.</summary>
    public IReadOnlyList<string> ListFiles()
    {
        var files = EnumerateFiles().ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    // Linked files are read, linked directories not entered: a link to a parent
    // (or two links to each other) would make the walk endless.
    private IEnumerable<string> EnumerateFiles() =>
        new FileSystemEnumerable<string>(Path, (ref FileSystemEntry entry) => entry.ToFullPath(), Enumeration)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        }.Where(IsArticleFile);

    private static bool IsArticleFile(string file) =>
        file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The article folder cannot be served; the message is the one line the user sees.</summary>
public sealed class WikiContentException(string message) : Exception(message);
