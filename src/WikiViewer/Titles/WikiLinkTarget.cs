using WikiViewer.Rendering.Trailer;

namespace WikiViewer.Titles;

/// <summary>What a link in a converted article points at.</summary>
internal enum WikiLinkKind
{
    /// <summary>An article title: <c>../Page/X.md</c> or <c>zh.wikipedia.org/wiki/X</c>.</summary>
    Article,
    /// <summary><c>zh.wikipedia.org/wiki/Category:X</c> or <c>../Category/X.md</c>.</summary>
    Category,
    /// <summary><c>zh.wikipedia.org/wiki/uk:X</c>: the same subject on another language's Wikipedia.</summary>
    Interlanguage,
    /// <summary>Another namespace of zh.wikipedia (File:, Template:, Help: …) that no dump carries.</summary>
    OtherNamespace,
}

/// <summary>
/// A parsed wiki link target. The converter wrote article links two ways
/// (<c>../Page/X.md</c> when the page was in the dump, a zh.wikipedia URL when it
/// was not); SPEC.md says both resolve against the local store the same way.
/// </summary>
internal sealed record WikiLinkTarget(WikiLinkKind Kind, string Name, string? Fragment, string? Prefix = null)
{
    private static readonly string[] WikiHosts =
    [
        "https://zh.wikipedia.org/wiki/", "http://zh.wikipedia.org/wiki/",
        "https://zh.m.wikipedia.org/wiki/", "http://zh.m.wikipedia.org/wiki/",
    ];

    private static readonly HashSet<string> CategoryPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Category", "分类", "分類",
    };

    // Namespaces and interwiki prefixes that are not languages and not articles.
    private static readonly HashSet<string> OtherPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "File", "Image", "文件", "檔案", "图像", "Template", "模板", "Wikipedia", "WP", "维基百科", "維基百科",
        "Help", "帮助", "幫助", "Portal", "主题", "主題", "Special", "特殊", "User", "用户", "用戶", "Talk",
        "讨论", "討論", "MediaWiki", "Module", "模块", "模塊", "Draft", "草稿", "Media",
        "wikt", "wiktionary", "commons", "s", "wikisource", "b", "wikibooks", "q", "wikiquote", "n",
        "wikinews", "v", "wikiversity", "voy", "wikivoyage", "species", "m", "meta", "mw", "d", "wikidata",
    };

    public static WikiLinkTarget? Parse(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        string path;
        bool isCategoryFile = false;
        if (ConverterPaths.TrySplit(url, out isCategoryFile, out string name))
        {
            path = name;
        }
        else if (WikiHostLength(url) is > 0 and int hostLength)
        {
            path = url[hostLength..];
        }
        else
        {
            return null;
        }

        // Escaped as the converter wrote it (\( \) \_ %E5…); '_' becomes a space below.
        path = ConverterPaths.BackslashUnescape(path);
        path = ConverterPaths.PercentUnescape(path);
        string? fragment = null;
        int hash = path.IndexOf('#');
        if (hash >= 0)
        {
            fragment = path[(hash + 1)..];
            path = path[..hash];
            if (fragment.Length == 0)
            {
                fragment = null;
            }
        }

        path = path.Replace('_', ' ').Trim();
        if (isCategoryFile)
        {
            return path.Length == 0 ? null : new WikiLinkTarget(WikiLinkKind.Category, path, fragment, ConverterPaths.CategoryFolder);
        }

        int colon = path.IndexOf(':');
        if (colon > 0)
        {
            string prefix = path[..colon].Trim();
            string rest = path[(colon + 1)..].Trim();
            if (CategoryPrefixes.Contains(prefix))
            {
                return new WikiLinkTarget(WikiLinkKind.Category, rest, fragment, prefix);
            }

            if (OtherPrefixes.Contains(prefix))
            {
                return new WikiLinkTarget(WikiLinkKind.OtherNamespace, path, fragment, prefix);
            }

            if (Languages.IsLanguageCode(prefix))
            {
                return new WikiLinkTarget(WikiLinkKind.Interlanguage, rest, fragment, prefix.ToLowerInvariant());
            }
        }

        return path.Length == 0 && fragment is null ? null : new WikiLinkTarget(WikiLinkKind.Article, path, fragment);
    }

    private static int WikiHostLength(string url)
    {
        foreach (string host in WikiHosts)
        {
            if (url.StartsWith(host, StringComparison.OrdinalIgnoreCase))
            {
                return host.Length;
            }
        }

        return 0;
    }
}
