using System.Net;
using System.Text.RegularExpressions;

namespace WikiViewer.Export;

/// <summary>
/// Rewrites the root-relative links of a served page (<c>href</c>, <c>src</c>,
/// <c>action</c>: Razor writes them double-quoted) into links relative to the
/// exported file, and reports which site URLs the page links to.
/// </summary>
internal static partial class LinkRewriter
{
    /// <param name="html">The page as the server sent it.</param>
    /// <param name="file">The exported file the page is written to.</param>
    /// <param name="linked">Called with every site URL the page links to.</param>
    public static string Rewrite(string html, string file, Action<ExportTarget> linked) =>
        UrlAttribute().Replace(html, match =>
        {
            string value = match.Groups["value"].Value;
            if (!value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal))
            {
                return match.Value;
            }

            // The fragment stays as written (it is already attribute-encoded); the URL is decoded first.
            int hash = value.IndexOf('#');
            string url = WebUtility.HtmlDecode(hash < 0 ? value : value[..hash]);
            string fragment = hash < 0 ? "" : value[hash..];
            var target = ExportPaths.Classify(url);
            linked(target);
            string relative = ExportPaths.Relative(file, target.File);
            return $"{match.Groups["name"].Value}=\"{relative}{fragment}\"";
        });

    [GeneratedRegex("""(?<=\s)(?<name>href|src|action)="(?<value>[^"]*)" """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex UrlAttribute();
}
