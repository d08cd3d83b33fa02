using System.Text;
using WikiViewer.Text;

namespace WikiViewer.Titles;

/// <summary>
/// The key under which a title, alias or link target is looked up: the way
/// zh.wikipedia treats 德國 and 德国, <c>A_B</c> and <c>A B</c>, <c>mIM</c> and <c>MIM</c>
/// (first letter) as the same page.
/// </summary>
public static class TitleKey
{
    public static string Of(string name)
    {
        var text = new StringBuilder(name.Length);
        bool pendingSpace = false;
        foreach (char c in name)
        {
            if (c == '_' || char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue; // as WithoutControls drops it from the title
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        if (text.Length > 0 && char.IsLower(text[0]))
        {
            text[0] = char.ToUpperInvariant(text[0]);
        }

        return ChineseScript.Fold(text.ToString());
    }

    /// <summary>A title as written, with runs of white space and <c>_</c> made one space, and no control characters.</summary>
    public static string Tidy(string name) =>
        string.Join(' ', WithoutControls(name).Split([' ', '_', '\t', '\n', '\r', '\u3000', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The name without control characters (C0, DEL, C1): MediaWiki refuses them in titles,
    /// and a URL holding one is refused (400) before it reaches a page. Those that are white
    /// space (tab, line breaks, U+0085) become a space, for <see cref="Tidy"/> to fold.
    /// </summary>
    public static string WithoutControls(string name)
    {
        if (!name.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !name.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
        {
            return name;
        }

        var kept = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (!char.IsControl(c))
            {
                kept.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                kept.Append(' ');
            }
        }

        return kept.ToString();
    }
}
