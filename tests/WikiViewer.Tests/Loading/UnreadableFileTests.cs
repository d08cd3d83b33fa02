using Microsoft.Extensions.Logging;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Loading;

/// <summary>A folder where some files cannot be read: each is logged with its path and skipped, the rest serve.</summary>
public sealed class UnreadableFileTests
{
    [Fact]
    public async Task Files_that_cannot_be_opened_are_gone_when_read_or_are_not_regular_files_are_logged_and_skipped()
    {
        using var corpus = new TempCorpus().AddSeeds().Add("locked.txt", "**上锁条目**是一个测试。\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(corpus.Path, "locked.txt"), UnixFileMode.None);
        }

        // A link to itself: listed like any file, but opening it fails (ELOOP) even for root.
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "loop.txt"), "loop.txt");

        // Listed, but the file behind the name is gone when the loader reads it:
        // what a file deleted between the folder listing and the read looks like.
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "gone.txt"), Path.Combine(corpus.Path, "deleted-meanwhile.txt"));

        // Not regular files: reading a FIFO blocks until someone writes, reading /dev/zero never ends.
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(corpus.Path, "fifo.txt")))
        {
            await mkfifo.WaitForExitAsync();
        }

        File.CreateSymbolicLink(Path.Combine(corpus.Path, "zero.txt"), "/dev/zero");

        await using var app = new WikiApplication(corpus.Path);
        var client = await app.CreateReadyClientAsync();
        var warnings = app.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();

        Assert.Contains(warnings, m => m.StartsWith("Skipped loop.txt: ", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.StartsWith("Skipped gone.txt: ", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.StartsWith("Skipped fifo.txt: empty file", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.StartsWith("Skipped zero.txt: a link to '/dev/zero', outside the content folder", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/wiki/" + Uri.EscapeDataString("国际派"))).StatusCode);
        if (Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
        {
            // Root reads through file permissions: the 000 file is an ordinary article then.
            Assert.NotNull(app.Store.Find("上锁条目"));
            Assert.Matches(@"; 4 files skipped$", app.Logs.Entries.Single(e => e.Message.StartsWith("Loaded ", StringComparison.Ordinal)).Message);
        }
        else
        {
            Assert.Null(app.Store.Find("上锁条目"));
            Assert.Contains(warnings, m => m.StartsWith("Skipped locked.txt: ", StringComparison.Ordinal));
            Assert.Matches(@"; 5 files skipped$", app.Logs.Entries.Single(e => e.Message.StartsWith("Loaded ", StringComparison.Ordinal)).Message);
        }
    }

    [Fact]
    public async Task Links_that_lead_outside_the_folder_are_logged_and_skipped_while_links_inside_serve()
    {
        using var outside = new TempCorpus().Add("secret.md", "**机密条目**是文件夹外的一份笔记。\n");
        using var corpus = new TempCorpus().AddSeeds().Add("real.md", "**真实条目**是文件夹内的一个条目。\n");
        Directory.CreateDirectory(Path.Combine(corpus.Path, "sub"));
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "secret.md"), Path.Combine(outside.Path, "secret.md"));
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "hostname.md"), "/etc/hostname");

        // Through a linked directory that the walk does not enter, a file link can still point out.
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "elsewhere"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "sub", "via-dir.md"), Path.Combine(corpus.Path, "elsewhere", "secret.md"));

        // A link that stays inside (relative, through "..") is an article like any other.
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "sub", "alias.md"), "../real.md");

        await using var app = new WikiApplication(corpus.Path);
        var client = await app.CreateReadyClientAsync();
        var warnings = app.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();

        Assert.Contains(warnings, m => m == $"Skipped secret.md: a link to '{Path.Combine(outside.Path, "secret.md")}', outside the content folder");
        Assert.Contains(warnings, m => m.StartsWith("Skipped hostname.md: a link to '/etc/hostname', outside the content folder", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.StartsWith($"Skipped {Path.Combine("sub", "via-dir.md")}: a link to '", StringComparison.Ordinal));
        Assert.Null(app.Store.Find("机密条目"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/wiki/" + Uri.EscapeDataString("机密条目"))).StatusCode);
        Assert.DoesNotContain("机密条目", await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("机密")));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/wiki/" + Uri.EscapeDataString("真实条目"))).StatusCode);
        Assert.DoesNotContain(warnings, m => m.Contains("alias.md", StringComparison.Ordinal) && m.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Linked_directories_are_not_entered_so_a_link_loop_cannot_make_the_load_endless()
    {
        using var corpus = new TempCorpus();
        string articles = Directory.CreateDirectory(Path.Combine(corpus.Path, "articles")).FullName;
        foreach (string seed in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(articles, Path.GetFileName(seed)));
        }

        Directory.CreateSymbolicLink(Path.Combine(articles, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(corpus.Path, "again"), corpus.Path);
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "linked.txt"), Path.Combine(articles, "000_c0227119ef9a63d1.txt"));

        await using var app = new WikiApplication(corpus.Path);
        await app.CreateReadyClientAsync();

        Assert.Equal(3, app.Store.Articles.Count);
        var skipped = Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("Skipped ", StringComparison.Ordinal));
        Assert.StartsWith("Skipped linked.txt: another file already has the title", skipped.Message);
    }
}
