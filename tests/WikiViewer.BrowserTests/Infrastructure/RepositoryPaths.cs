namespace WikiViewer.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>Where the README's screenshots live; the tests rewrite them on every run.</summary>
    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WikiViewer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with WikiViewer.sln) is not above " + AppContext.BaseDirectory);
    }
}
