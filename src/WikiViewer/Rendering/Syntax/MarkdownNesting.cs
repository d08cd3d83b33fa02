using System.Buffers;

namespace WikiViewer.Rendering.Syntax;

/// <summary>
/// How deeply a Markdown text nests (quotes, list items, brackets), measured
/// with one pass over the text instead of a parse. Markdig refuses to render
/// past 128 levels and parses deep nesting in quadratic time (a file of 5,000
/// ever-deeper quotes takes minutes), so the loader refuses such a file before
/// Markdig sees it. No real article comes near <see cref="Limit"/>.
/// </summary>
internal static class MarkdownNesting
{
    public const int Limit = 100;

    /// <summary>The depth of a text held as UTF-8: every character it counts is ASCII.</summary>
    public static int Depth(ReadOnlySpan<byte> utf8)
    {
        int deepest = 0, brackets = 0;
        while (!utf8.IsEmpty)
        {
            // Lines end as Markdig ends them (\n, \r, \r\n); blank means its whitespace only.
            int end = utf8.IndexOfAny((byte)'\n', (byte)'\r');
            end = end < 0 ? utf8.Length : end;
            var line = utf8[..end];
            utf8 = utf8[Math.Min(utf8.Length, utf8[end..].StartsWith("\r\n"u8) ? end + 2 : end + 1)..];
            if (line.IndexOfAnyExcept(MarkdownWhitespace) < 0)
            {
                brackets = 0;
                continue;
            }

            deepest = Math.Max(deepest, BlockDepth(line));

            // Most of a line is text: jump from one of the three characters to the next.
            for (int i = line.IndexOfAny(Brackets); i >= 0 && i < line.Length; i = Next(line, i + 1))
            {
                switch (line[i])
                {
                    case (byte)'\\':
                        i++;
                        break;
                    case (byte)'[':
                        deepest = Math.Max(deepest, ++brackets);
                        break;
                    case (byte)']' when brackets > 0:
                        brackets--;
                        break;
                }
            }
        }

        return deepest;
    }

    private static readonly SearchValues<byte> Brackets = SearchValues.Create("\\[]"u8);
    private static readonly SearchValues<byte> MarkdownWhitespace = SearchValues.Create(" \t\v\f"u8);

    private static int Next(ReadOnlySpan<byte> line, int start)
    {
        if (start >= line.Length)
        {
            return -1;
        }

        int next = line[start..].IndexOfAny(Brackets);
        return next < 0 ? -1 : start + next;
    }

    // Container markers at the line's start (> - + * 1. 1)), plus the
    // indentation that nests list items under one another (two columns a level).
    private static int BlockDepth(ReadOnlySpan<byte> line)
    {
        int depth = 0, indent = 0, i = 0;
        while (i < line.Length)
        {
            int columns = 0;
            for (; i < line.Length && line[i] is (byte)' ' or (byte)'\t'; i++)
            {
                columns += line[i] == '\t' ? 4 : 1;
            }

            int marker = MarkerLength(line[i..]);
            if (marker == 0)
            {
                break;
            }

            depth++;
            indent += columns;
            i += marker;

            // The space that ends a marker belongs to it, not to the next level's indentation.
            if (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }
        }

        return depth == 0 ? 0 : depth + (indent / 2);
    }

    private static int MarkerLength(ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty)
        {
            return 0;
        }

        if (rest[0] == '>')
        {
            return 1;
        }

        int digits = 0;
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit((char)rest[digits]))
        {
            digits++;
        }

        int end = rest[0] is (byte)'-' or (byte)'+' or (byte)'*' ? 1
            : digits > 0 && digits < rest.Length && rest[digits] is (byte)'.' or (byte)')' ? digits + 1
            : 0;
        return end > 0 && (end == rest.Length || rest[end] is (byte)' ' or (byte)'\t') ? end : 0;
    }
}
