namespace WikiViewer.Tests.Infrastructure;

/// <summary>A folder of article files written by a test, deleted afterwards.</summary>
public sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wikiviewer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TempCorpus Add(string fileName, string markdown)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), markdown);
        return this;
    }

    public TempCorpus AddBytes(string fileName, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, fileName), bytes);
        return this;
    }

    /// <summary>Copies the repository's seed articles into the corpus.</summary>
    public TempCorpus AddSeeds()
    {
        foreach (string file in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing dispose would hide the test's real result.
        }
    }
}

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => System.IO.Path.Combine(Root, "seeds");

    public static string Seed(string fileName) => File.ReadAllText(System.IO.Path.Combine(Seeds, fileName));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WikiViewer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with WikiViewer.sln) is not above " + AppContext.BaseDirectory);
    }
}
