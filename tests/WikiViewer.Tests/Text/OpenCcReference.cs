using System.Diagnostics;
using System.Text;
using System.Text.Json;

using WikiViewer.Tests.Infrastructure;

namespace WikiViewer.Tests.Text;

/// <summary>
/// opencc-js 1.4.2 under node (tests/opencc-reference/convert.mjs): the
/// reference <see cref="WikiViewer.Text.OpenCcConverter"/> must agree with.
/// tools/install-test-deps.sh installs node and the package.
/// </summary>
public static class OpenCcReference
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "opencc-reference");

    /// <summary>The texts as opencc-js's <paramref name="config"/> converts them, in order.</summary>
    public static IReadOnlyList<string> Convert(string config, IReadOnlyList<string> texts)
    {
        // A missing reference must fail, not skip: a skipped differential test
        // looks exactly like a passing one in the totals.
        string modules = Path.Combine(Directory, "node_modules", "opencc-js", "package.json");
        if (!File.Exists(modules))
        {
            Assert.Fail($"{modules} is missing: run tools/install-test-deps.sh (npm ci --prefix tests/opencc-reference).");
        }

        var start = new ProcessStartInfo("node", ["convert.mjs"])
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"node could not be started ({e.Message}): run tools/install-test-deps.sh.");
            throw;
        }

        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(JsonSerializer.Serialize(new { config, texts }));
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill();
                Assert.Fail("node convert.mjs did not finish within 2 minutes.");
            }

            Assert.True(process.ExitCode == 0, $"node convert.mjs exited with {process.ExitCode}: {error.Result}");
            string[] converted = JsonSerializer.Deserialize<string[]>(output.Result)!;
            Assert.Equal(texts.Count, converted.Length);
            return converted;
        }
    }
}
