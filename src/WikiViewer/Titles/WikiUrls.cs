namespace WikiViewer.Titles;

/// <summary>The viewer's URLs (SPEC.md "URLs"), built in one place.</summary>
public static class WikiUrls
{
    public static string Article(string title, string? fragment = null) =>
        "/wiki/" + EscapePath(title) + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment.Replace(' ', '_')));

    public static string Category(string name) => "/category/" + EscapePath(name);

    /// <summary>The page on zh.wikipedia.org that the article was converted from.</summary>
    public static string Original(string title) => "https://zh.wikipedia.org/wiki/" + EscapePath(title.Replace(' ', '_'));

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);

    // Titles may contain '/' (zh.wikipedia has such pages): keep it a path
    // separator, which the {**title} route captures, instead of %2F, which
    // Kestrel leaves undecoded.
    private static string EscapePath(string title) => Uri.EscapeDataString(title).Replace("%2F", "/");
}
