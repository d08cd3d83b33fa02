using System.Text;

namespace WikiViewer.Titles;

/// <summary>
/// How the converter (chinapedia/mediawiki-to-gfm) writes a title into a file name
/// (<c>Page/&lt;Title&gt;.md</c>) and into a link to that file (<c>../Page/X.md</c>,
/// <c>../Category/X.md</c>), and back. Shared by the loader (file names) and by every
/// rendering rule that meets such a link (Markdown links, raw HTML <c>&lt;a href&gt;</c>).
/// </summary>
public static class ConverterPaths
{
    /// <summary>The folder of articles in the converted collection.</summary>
    public const string PageFolder = "Page";

    /// <summary>The folder of category pages' own text in the converted collection.</summary>
    public const string CategoryFolder = "Category";

    /// <summary>The start of a link to an article file, relative to another one.</summary>
    public const string PageLinkPrefix = "../" + PageFolder + "/";

    /// <summary>The start of a link to a category file, relative to an article file.</summary>
    public const string CategoryLinkPrefix = "../" + CategoryFolder + "/";

    /// <summary>
    /// The title a file name (without its extension) stands for: <c>_</c> is a space,
    /// every other character is kept (<c>.ac</c>, <c>"Q"</c>, <c>$10 (SMAP單曲)</c>, <c>+44</c>).
    /// </summary>
    public static string TitleOfFileName(string fileStem) => TitleKey.WithoutControls(fileStem).Replace('_', ' ');

    /// <summary>
    /// The name a link target spells: Markdown backslash escapes undone (<c>\(</c>, <c>\)</c>,
    /// <c>\_</c>; a Markdown link's URL has had them undone already, a raw HTML <c>href</c>
    /// has not), then percent-escapes (<c>%E5%BE%B7</c>; a malformed one is kept as
    /// text), then <c>_</c> made a space. <c>Yellow_\(木村KAELA單曲\)</c> → <c>Yellow (木村KAELA單曲)</c>.
    /// </summary>
    public static string Unescape(string target) => PercentUnescape(BackslashUnescape(target)).Replace('_', ' ');

    /// <summary>
    /// What a converter link names: <c>../Page/X.md</c> an article, <c>../Category/X.md</c>
    /// a category; <paramref name="name"/> is the rest, without <c>.md</c>, still escaped
    /// (a fragment, <c>#…</c>, may end it: the converter writes <c>X#节.md</c>). False for any other URL.
    /// </summary>
    public static bool TrySplit(string url, out bool isCategory, out string name)
    {
        isCategory = url.StartsWith(CategoryLinkPrefix, StringComparison.Ordinal);
        if (!isCategory && !url.StartsWith(PageLinkPrefix, StringComparison.Ordinal))
        {
            name = "";
            return false;
        }

        // The converter puts a section after the title and .md after that (X#历史.md); a
        // link written by hand may put it after .md (X.md#历史).
        name = url[(isCategory ? CategoryLinkPrefix : PageLinkPrefix).Length..];
        int hash = name.IndexOf('#');
        if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }
        else if (hash >= 0 && name.AsSpan(0, hash).EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..(hash - 3)] + name[hash..];
        }

        return true;
    }

    /// <summary>CommonMark's backslash escapes: a backslash before ASCII punctuation stands for that character.</summary>
    public static string BackslashUnescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var unescaped = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] is > ' ' and < '\u007f')
            {
                i++;
            }

            unescaped.Append(text[i]);
        }

        return unescaped.ToString();
    }

    // Targets arrive both raw (德國) and percent-encoded (%E5%BE%B7); a malformed
    // escape is kept as text rather than failing the whole article.
    internal static string PercentUnescape(string path)
    {
        if (!path.Contains('%'))
        {
            return path;
        }

        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }
}
