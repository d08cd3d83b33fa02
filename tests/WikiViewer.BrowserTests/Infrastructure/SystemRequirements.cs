using System.Diagnostics;

namespace WikiViewer.BrowserTests.Infrastructure;

/// <summary>What the machine must have for the browser tests: Debian's chromium and a font with Han glyphs.</summary>
public static class SystemRequirements
{
    private const string Install = "Install them with tools/install-test-deps.sh (apt-get install chromium fonts-wqy-microhei).";

    /// <summary>
    /// The chromium on PATH, as `which chromium` finds it. Playwright's own
    /// browser download is never used: it cannot be fetched here.
    /// </summary>
    public static string Chromium()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No `chromium` on PATH: the browser tests drive Debian's chromium. " + Install);
    }

    /// <summary>
    /// Without a CJK font every Han character renders as a box: the text
    /// assertions would still pass, but every screenshot would be useless.
    /// </summary>
    public static void RequireChineseFont()
    {
        string fonts;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            fonts = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run `fc-list` to look for a Chinese font ({e.Message}). " + Install, e);
        }

        if (string.IsNullOrWhiteSpace(fonts))
        {
            throw new InvalidOperationException("`fc-list :lang=zh` finds no font with Chinese glyphs: screenshots would show boxes. " + Install);
        }
    }
}
