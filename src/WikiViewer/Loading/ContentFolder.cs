using System.IO.Enumeration;
using System.Runtime.InteropServices;
using WikiViewer.Titles;

namespace WikiViewer.Loading;

/// <summary>How a folder's files are laid out, and so what each file is.</summary>
public enum ContentLayout
{
    /// <summary>Any folder of articles (the seeds, a test's corpus): every file is an article titled by its lead.</summary>
    Flat,

    /// <summary>
    /// The converted collection's root (chinapedia/wikipedia.zh): <c>Page/</c> holds the articles,
    /// <c>Category/</c> the categories' text; other folders (<c>MediaWiki/</c>, <c>Script/</c>,
    /// <c>Portal/</c> …) hold no article.
    /// </summary>
    Collection,

    /// <summary>The collection's <c>Page/</c> folder itself: every file is an article titled by its name.</summary>
    PageFolder,
}

/// <summary>What a file of the folder is.</summary>
public enum ContentFileKind
{
    /// <summary>An article whose title is its lead's first bold phrase (the <see cref="ContentLayout.Flat"/> rule).</summary>
    Article,

    /// <summary>An article of the collection's <c>Page/</c> folder: its file name is its title.</summary>
    NamedArticle,

    /// <summary>The text of the category its file name names (<c>Category/&lt;Name&gt;.md</c>).</summary>
    CategoryText,
}

/// <summary>A file to load: what it is, and the title or category name its path gives (for an <see cref="ContentFileKind.Article"/>, its stem).</summary>
public readonly record struct ContentFile(ContentFileKind Kind, string Name);

/// <summary>The files a load reads, in a stable order, and per folder the files it leaves alone.</summary>
public sealed record ContentListing(IReadOnlyList<string> Files, IReadOnlyDictionary<string, int> SkippedByFolder);

/// <summary>The folder of article files (<c>Wiki:ContentPath</c>).</summary>
public sealed class ContentFolder
{
    // Hidden files are read: in the collection a title may begin with '.' (.NET基金會, .ac).
    // Hidden folders (.git, .github) are not entered (ShouldRecursePredicate).
    private static readonly EnumerationOptions Enumeration = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
        AttributesToSkip = FileAttributes.System,
    };

    private readonly string _realPath;

    private ContentFolder(string path)
    {
        Path = path;
        _realPath = RealPath(path) ?? path;
        Layout = LayoutOf(path);
    }

    public string Path { get; }

    /// <summary>Whether this is the converted collection (or its <c>Page/</c> folder) or any folder of articles.</summary>
    public ContentLayout Layout { get; }

    /// <summary>The collection is known by its <c>Page/</c> folder.</summary>
    private static ContentLayout LayoutOf(string path)
    {
        string name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path));
        if (name == ConverterPaths.PageFolder)
        {
            return ContentLayout.PageFolder;
        }

        return Directory.Exists(System.IO.Path.Combine(path, ConverterPaths.PageFolder)) ? ContentLayout.Collection : ContentLayout.Flat;
    }

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
        if (!folder.EnumerateFiles().Any(file => folder.IsLoaded(file)))
        {
            throw new WikiContentException($"Wiki:ContentPath: the article folder '{path}' holds no article (*.txt or *.md files).");
        }

        return folder;
    }

    /// <summary>The files to load (articles, categories' text) in a stable order (by path), so that the first of two same-named files always wins.</summary>
    public IReadOnlyList<string> ListFiles() => List().Files;

    /// <summary>The files to load, and how many files each folder that holds no article has (none but in the collection's layout).</summary>
    public ContentListing List()
    {
        var files = new List<string>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string file in EnumerateFiles())
        {
            if (IsLoaded(file))
            {
                files.Add(file);
            }
            else
            {
                string folder = TopFolder(file) is { } top ? top + "/" : "./";
                skipped[folder] = skipped.GetValueOrDefault(folder) + 1;
            }
        }

        files.Sort(StringComparer.Ordinal);
        return new ContentListing(files, skipped);
    }

    /// <summary>
    /// What a listed file is: under the collection's <c>Page/</c> an article named by its path
    /// there (<c>_</c> a space, every other character kept; a title with <c>/</c> is a subfolder),
    /// under its <c>Category/</c> a category's text; in any other folder an article titled by its lead.
    /// </summary>
    public ContentFile Classify(string file)
    {
        string stem = System.IO.Path.GetFileNameWithoutExtension(file);
        if (Layout == ContentLayout.Flat)
        {
            return new ContentFile(ContentFileKind.Article, stem);
        }

        string relative = System.IO.Path.GetRelativePath(Path, file).Replace(System.IO.Path.DirectorySeparatorChar, '/');
        var kind = ContentFileKind.NamedArticle;
        if (Layout == ContentLayout.Collection)
        {
            kind = relative.StartsWith(ConverterPaths.CategoryFolder + "/", StringComparison.Ordinal) ? ContentFileKind.CategoryText : ContentFileKind.NamedArticle;
            relative = relative[(relative.IndexOf('/') + 1)..];
        }

        string name = ConverterPaths.TitleOfFileName(relative[..^System.IO.Path.GetExtension(relative).Length]);

        // A file named ".md" names nothing: its lead names it, as in any folder.
        return name.Trim().Length == 0 && kind == ContentFileKind.NamedArticle ? new ContentFile(ContentFileKind.Article, stem) : new ContentFile(kind, name);
    }

    /// <summary>In the collection's layout, only <c>Page/</c> and <c>Category/</c> are read; in any other folder, every article file.</summary>
    private bool IsLoaded(string file) =>
        Layout != ContentLayout.Collection || TopFolder(file) is ConverterPaths.PageFolder or ConverterPaths.CategoryFolder;

    // The first folder of a file's path below the content folder; null for a file directly in it.
    private string? TopFolder(string file)
    {
        var relative = file.AsSpan(Path.Length).TrimStart(System.IO.Path.DirectorySeparatorChar);
        int separator = relative.IndexOf(System.IO.Path.DirectorySeparatorChar);
        return separator < 0 ? null : relative[..separator].ToString();
    }

    /// <summary>
    /// Where a linked file leads when that is outside the folder (null when its target is
    /// inside): such a link would serve and index any file the process can read,
    /// /etc/hostname as well as another user's notes. Asked only of files that are links.
    /// </summary>
    public string? LinkTargetOutside(string linkedFile)
    {
        if (RealPath(linkedFile) is not { } target)
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
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !entry.FileName.StartsWith('.'),
        }.Where(IsArticleFile);

    private static bool IsArticleFile(string file) =>
        file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The article folder cannot be served; the message is the one line the user sees.</summary>
public sealed class WikiContentException(string message) : Exception(message);
