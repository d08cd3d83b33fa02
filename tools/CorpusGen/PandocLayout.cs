using System.Text;

namespace CorpusGen;

/// <summary>
/// Lays out a block the way pandoc's Markdown writer did for the dump. Two
/// seeds were written with line wrapping at 72 columns (a line breaks only at
/// a space, so long Chinese runs stay on one line, and list continuations are
/// indented four spaces), one without; articles come in both styles.
/// </summary>
internal static class PandocLayout
{
    /// <summary>Marks a space where pandoc may break a line. Spaces inside a link destination are not breakable.</summary>
    public const char BreakableSpace = '\u0001';

    private const int Columns = 72;
    private const string ContinuationIndent = "    ";

    public static string Block(string text, bool wrap) => Lay("", text, "", wrap);

    public static string ListItem(string text, bool wrap) => Lay("  - ", text, ContinuationIndent, wrap);

    public static string NumberedItem(int number, string text, bool wrap)
    {
        string marker = number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
        if (text.Length == 0)
        {
            return marker; // pandoc leaves an empty reference as a bare "1."
        }
        return Lay(marker.PadRight(Math.Max(4, marker.Length + 1)), text, ContinuationIndent, wrap);
    }

    private static string Lay(string prefix, string text, string indent, bool wrap)
    {
        if (!wrap)
        {
            return prefix + text.Replace(BreakableSpace, ' ');
        }
        var output = new StringBuilder(prefix.Length + text.Length + 8);
        output.Append(prefix);
        int column = Width(prefix);
        bool first = true;
        foreach (string chunk in text.Split(BreakableSpace))
        {
            int width = Width(chunk);
            if (first)
            {
                output.Append(chunk);
                column += width;
                first = false;
            }
            else if (column + 1 + width > Columns)
            {
                output.Append('\n').Append(indent).Append(chunk);
                column = indent.Length + width;
            }
            else
            {
                output.Append(' ').Append(chunk);
                column += 1 + width;
            }
        }
        return output.ToString();
    }

    private static int Width(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
