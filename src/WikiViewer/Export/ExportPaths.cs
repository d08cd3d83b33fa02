using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WikiViewer.Export;

/// <summary>What a root-relative URL of the site becomes in a static export.</summary>
internal enum ExportKind
{
    /// <summary>An HTML page the server renders: home, article, category (or its redirect / not-found page).</summary>
    Page,

    /// <summary>A static file (stylesheet, script, image), copied as served.</summary>
    Asset,

    /// <summary>Needs the running server (search, /random, the script toggle, the APIs): points to offline.html.</summary>
    Offline,
}

/// <summary>A URL of the site and the file the export writes for it (a '/'-separated path relative to the export folder).</summary>
internal sealed record ExportTarget(ExportKind Kind, string Url, string File);

/// <summary>
/// The mapping from the server's URLs to the files of a static export, and the
/// relative links between those files. Pure functions: the exporter and its
/// tests share them.
/// </summary>
internal static partial class ExportPaths
{
    public const string Home = "index.html";
    public const string Offline = "offline.html";
    public const string Missing = "missing.html";

    // A file name component stays well under the usual 255-byte limit.
    private const int MaxNameBytes = 200;

    private static readonly HashSet<string> AssetExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".css", ".js", ".png", ".svg", ".ico", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".ttf", ".txt", ".map",
    };

    /// <summary>
    /// Classifies a root-relative URL as the site's pages write it (no fragment,
    /// HTML entities already decoded): <c>/</c>, <c>/?page=N</c>, <c>/wiki/…</c>,
    /// <c>/category/…</c>, a static file, or something that needs the server.
    /// </summary>
    public static ExportTarget Classify(string url)
    {
        int q = url.IndexOf('?');
        string path = q < 0 ? url : url[..q];
        string query = q < 0 ? "" : url[(q + 1)..];

        if (path == "/")
        {
            if (query.Length == 0)
            {
                return new ExportTarget(ExportKind.Page, "/", Home);
            }

            if (query.StartsWith("page=", StringComparison.Ordinal)
                && int.TryParse(query.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int page) && page >= 1)
            {
                return page == 1
                    ? new ExportTarget(ExportKind.Page, "/", Home)
                    : new ExportTarget(ExportKind.Page, url, $"index-{page}.html");
            }

            return OfflineTarget(url);
        }

        foreach (var (folder, key) in (ReadOnlySpan<(string, string)>)[("wiki", "title="), ("category", "name=")])
        {
            string prefix = "/" + folder;

            // A title with a "." or ".." segment is linked as /wiki/?title=… (WikiUrls); its file is named like any other.
            if (path == prefix + "/" && query.StartsWith(key, StringComparison.Ordinal) && !query.Contains('&')
                && Unescape(query[key.Length..]) is { Length: > 0 } queried)
            {
                return new ExportTarget(ExportKind.Page, url, folder + "/" + FileName(queried) + ".html");
            }

            if (path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                if (query.Length > 0)
                {
                    return OfflineTarget(url);
                }

                string name = path.Length <= prefix.Length + 1 ? "" : Unescape(path[(prefix.Length + 1)..]);
                return name.Length == 0
                    ? new ExportTarget(ExportKind.Page, "/", Home)
                    : new ExportTarget(ExportKind.Page, path, folder + "/" + FileName(name) + ".html");
            }
        }

        if (AssetExtensions.Contains(Path.GetExtension(path)) && SafeAssetPath(path) is { } file)
        {
            return new ExportTarget(ExportKind.Asset, path, file);
        }

        return OfflineTarget(url);
    }

    /// <summary>
    /// A title as a file name: as written (Chinese stays Chinese), except that
    /// '/', '%', characters that Windows, zip or a URL would trip over, control
    /// characters and a leading '.' are percent-escaped (UTF-8), so that two
    /// titles never share a file. Over-long names are cut and get a hash.
    /// </summary>
    public static string FileName(string title)
    {
        var name = new StringBuilder(title.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < title.Length;)
        {
            var status = Rune.DecodeFromUtf16(title.AsSpan(i), out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            bool escape = rune.Value < 0x20 || rune.Value == 0x7F || rune.Value is '/' or '\\' or '%' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '#'
                || (i == 0 && rune.Value == '.')
                || (i + consumed == title.Length && rune.Value is '.' or ' ');
            if (escape)
            {
                int length = rune.EncodeToUtf8(utf8);
                foreach (byte b in utf8[..length])
                {
                    name.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                name.Append(title, i, consumed);
            }

            i += consumed;
        }

        string result = name.ToString();
        if (Encoding.UTF8.GetByteCount(result) <= MaxNameBytes)
        {
            return result;
        }

        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(title)), 0, 6).ToLowerInvariant();
        int keep = 0, bytes = 0;
        while (keep < result.Length)
        {
            int step = char.IsHighSurrogate(result[keep]) && keep + 1 < result.Length ? 2 : 1;
            int size = Encoding.UTF8.GetByteCount(result.AsSpan(keep, step));
            if (bytes + size > MaxNameBytes - 20)
            {
                break;
            }

            bytes += size;
            keep += step;
        }

        // Do not cut a %XX escape in half.
        int percent = result.LastIndexOf('%', Math.Max(0, keep - 1), Math.Min(keep, 3));
        if (percent >= 0 && keep - percent < 3)
        {
            keep = percent;
        }

        return result[..keep] + "~" + hash;
    }

    /// <summary>
    /// The link from one exported file to another, relative to the first one's
    /// folder and percent-encoded per segment (a file name's own '%' becomes %25).
    /// </summary>
    public static string Relative(string fromFile, string toFile)
    {
        string[] from = fromFile.Split('/');
        string[] to = toFile.Split('/');
        int common = 0;
        while (common < from.Length - 1 && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        var link = new StringBuilder();
        for (int i = common; i < from.Length - 1; i++)
        {
            link.Append("../");
        }

        for (int i = common; i < to.Length; i++)
        {
            if (i > common)
            {
                link.Append('/');
            }

            link.Append(Uri.EscapeDataString(to[i]));
        }

        return link.ToString();
    }

    /// <summary>
    /// The site URLs a stylesheet served at <paramref name="stylesheetPath"/> names in
    /// <c>url(…)</c> (fonts, images), resolved against it: KaTeX's stylesheet names its
    /// fonts as <c>url(fonts/KaTeX_Main-Regular.woff2)</c>, which no page links to.
    /// Data URIs, other sites and fragments are left out; the stylesheet itself is
    /// copied as it is, so its relative URLs still hold in the export.
    /// </summary>
    public static IEnumerable<string> StylesheetUrls(string css, string stylesheetPath)
    {
        var baseUri = new Uri(new Uri("http://site/"), stylesheetPath);
        foreach (Match match in CssUrl().Matches(css))
        {
            string value = match.Groups["url"].Value.Trim();
            if (value.Length == 0 || value.StartsWith('#') || value.StartsWith("//", StringComparison.Ordinal)
                || value.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            var resolved = new Uri(baseUri, value);
            if (resolved.Host == "site")
            {
                yield return resolved.AbsolutePath;
            }
        }
    }

    [GeneratedRegex("""url\(\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)'|(?<url>[^)"'\s]*))\s*\)""", RegexOptions.CultureInvariant)]
    private static partial Regex CssUrl();

    private static ExportTarget OfflineTarget(string url) => new(ExportKind.Offline, url, Offline);

    private static string Unescape(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }

    // /css/site.css → css/site.css; no '..', no empty or hidden segments.
    private static string? SafeAssetPath(string path)
    {
        string[] segments = Unescape(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s.StartsWith('.') || s.Contains('\\') || s.Any(char.IsControl)))
        {
            return null;
        }

        return string.Join('/', segments);
    }
}
