using System.IO.Enumeration;
using System.Runtime.InteropServices;

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

    private readonly string _realPath;

    private ContentFolder(string path)
    {
        Path = path;
        _realPath = RealPath(path) ?? path;
    }

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

    /// <summary>
    /// Where a linked file leads when that is outside the folder (null for a file that
    /// is not a link, or whose target is inside): such a link would serve and index any
    /// file the process can read, /etc/hostname as well as another user's notes.
    /// </summary>
    public string? LinkTargetOutside(string file)
    {
        if (!File.GetAttributes(file).HasFlag(FileAttributes.ReparsePoint) || RealPath(file) is not { } target)
        {
            return null; // a dangling link fails when it is read, with its own reason
        }

        return target.StartsWith(_realPath + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null : target;
    }

    // Every link and ".." on the way resolved, as the kernel will when the file is
    // opened: a link through a linked directory is judged by where it really ends.
    // .NET resolves only the last component (ResolveLinkTarget), so libc's realpath.
    private static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) ?? new FileInfo(path)).FullName;
        }

        nint resolved = realpath(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Marshal.FreeHGlobal(resolved); // free(): realpath allocated it with malloc
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern nint realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, nint resolved);

    // Linked files are read (when they stay inside the folder), linked directories not entered: a link to a parent
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
