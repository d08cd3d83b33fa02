using System.Diagnostics;
using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Loading;

/// <summary>The published program, as an operator starts it, refusing a folder it cannot serve.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Missing_folder_stops_startup_with_one_line_naming_it()
    {
        string missing = Path.Combine(Path.GetTempPath(), "wikiviewer-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await RunAsync($"--Wiki:ContentPath={missing}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, line);
        Assert.Contains("does not exist", line);
    }

    [Fact]
    public async Task Folder_without_articles_stops_startup_with_one_line_naming_it()
    {
        using var corpus = new TempCorpus().Add("readme.json", "{}");

        var (exitCode, output) = await RunAsync($"--Wiki:ContentPath={corpus.Path}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(corpus.Path, line);
    }

    [Fact]
    public async Task Folder_whose_files_all_fail_stops_the_app_with_an_error_naming_it()
    {
        using var corpus = new TempCorpus().Add("empty.txt", "");

        var (exitCode, output) = await RunAsync($"--Wiki:ContentPath={corpus.Path} --urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("empty.txt", output);
        Assert.Contains($"no article in '{corpus.Path}' could be loaded", output);
    }

    [Fact]
    public async Task Snapshot_path_that_is_a_folder_stops_startup_with_one_line_naming_it()
    {
        using var folder = new TempCorpus();

        var (exitCode, output) = await RunAsync($"--Wiki:SnapshotPath={folder.Path}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Wiki:SnapshotPath: '{folder.Path}' is a folder", line);
    }

    [Theory]
    [InlineData("--Wiki:StoreReadOnly=true", "Wiki:StoreReadOnly: there is no store file to serve; set Wiki:SnapshotPath")]
    [InlineData("--Wiki:StoreReadOnly=yes --Wiki:SnapshotPath=/tmp/x.wikiviewer", "Wiki:StoreReadOnly: 'yes' is neither true nor false.")]
    public async Task A_read_only_store_without_a_file_or_with_a_bad_value_stops_startup_with_one_line(string arguments, string message)
    {
        var (exitCode, output) = await RunAsync(arguments);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);
    }

    [Fact]
    public async Task A_replica_without_a_whole_store_file_stops_and_says_why()
    {
        using var folder = new TempCorpus();
        string store = Path.Combine(folder.Path, "none.wikiviewer");

        var (exitCode, output) = await RunAsync($"--Wiki:SnapshotPath={store} --Wiki:StoreReadOnly=true --urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains($"Wiki:StoreReadOnly: there is no whole store file at '{store}' to serve", output);
        Assert.Contains($"No store at {store}", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task Port_already_in_use_stops_startup_with_a_line_naming_the_address_and_no_stack_trace()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        string address = $"http://127.0.0.1:{((System.Net.IPEndPoint)holder.LocalEndpoint).Port}";

        var (exitCode, output) = await RunAsync($"--urls={address}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"{address}: address already in use", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string arguments)
    {
        string app = Path.Combine(AppContext.BaseDirectory, "WikiViewer.dll");
        var start = new ProcessStartInfo("dotnet", $"exec \"{app}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
