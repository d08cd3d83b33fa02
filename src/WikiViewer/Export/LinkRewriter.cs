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
    /// <param name="redLinksTo">
    /// Where red links (<c>&lt;a class="new"&gt;</c>: a title not in the store) lead, or
    /// null to follow them to the server's page for that title like any other link.
    /// </param>
    /// <param name="linked">Called with every site URL the page links to (red links excepted when redirected).</param>
    public static string Rewrite(string html, string file, string? redLinksTo, Action<ExportTarget> linked) =>
        Tag().Replace(html, tag =>
        {
            bool red = redLinksTo is not null && tag.Groups["name"].Value.Equals("a", StringComparison.OrdinalIgnoreCase) && IsRedLink(tag.Value);
            return UrlAttribute().Replace(tag.Value, match =>
            {
                string value = match.Groups["value"].Value;
                if (!value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal))
                {
                    return match.Value;
                }

                // The fragment stays as written (it is already attribute-encoded); the URL is decoded first.
                int hash = value.IndexOf('#');
                string fragment = hash < 0 ? "" : value[hash..];
                ExportTarget target;
                if (red)
                {
                    target = new ExportTarget(ExportKind.Offline, value, redLinksTo!);
                    fragment = "";
                }
                else
                {
                    target = ExportPaths.Classify(WebUtility.HtmlDecode(hash < 0 ? value : value[..hash]));
                    linked(target);
                }

                return $"{match.Groups["attribute"].Value}=\"{ExportPaths.Relative(file, target.File)}{fragment}\"";
            });
        });

    private static bool IsRedLink(string tag) =>
        ClassAttribute().Match(tag) is { Success: true } match
        && match.Groups["value"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("new", StringComparer.Ordinal);

    [GeneratedRegex("""<(?<name>[a-zA-Z][a-zA-Z0-9]*)\s[^>]*>""", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex("""(?<=\s)(?<attribute>href|src|action)="(?<value>[^"]*)" """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex UrlAttribute();

    [GeneratedRegex("""\sclass="(?<value>[^"]*)" """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ClassAttribute();
}
