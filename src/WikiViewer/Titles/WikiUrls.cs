namespace WikiViewer.Titles;

/// <summary>The viewer's URLs (SPEC.md "URLs"), built in one place.</summary>
public static class WikiUrls
{
    public static string Article(string title, string? fragment = null) =>
        (HasDotSegment(title) ? "/wiki/?title=" + Uri.EscapeDataString(title) : "/wiki/" + EscapePath(title))
        + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment.Replace(' ', '_')));

    public static string Category(string name) =>
        HasDotSegment(name) ? "/category/?name=" + Uri.EscapeDataString(name) : "/category/" + EscapePath(name);

    /// <summary>Every page that links to a name, paged (MediaWiki's Special:WhatLinksHere).</summary>
    public static string Backlinks(string title) =>
        HasDotSegment(title) ? "/backlinks/?title=" + Uri.EscapeDataString(title) : "/backlinks/" + EscapePath(title);

    /// <summary>
    /// Whether a title has a <c>.</c> or <c>..</c> segment between its slashes (<c>..</c>,
    /// <c>a/../b</c>). Every client removes such segments from a path before it sends it
    /// (RFC 3986; the WHATWG URL standard also when they are written <c>%2E</c>), so these
    /// titles travel in the query instead: <c>/wiki/?title=..</c>, as MediaWiki's
    /// <c>index.php?title=</c>. zh.wikipedia itself has no such title (MediaWiki refuses them).
    /// </summary>
    public static bool HasDotSegment(string title)
    {
        foreach (var segment in title.AsSpan().Split('/'))
        {
            if (title.AsSpan(segment) is "." or "..")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The page on zh.wikipedia.org that the article was converted from.</summary>
    public static string Original(string title) => "https://zh.wikipedia.org/wiki/" + EscapePath(title.Replace(' ', '_'));

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);

    // Titles may contain '/' (zh.wikipedia has such pages): keep it a path
    // separator, which the {**title} route captures, instead of %2F, which
    // Kestrel leaves undecoded.
    private static string EscapePath(string title) => Uri.EscapeDataString(title).Replace("%2F", "/");
}
