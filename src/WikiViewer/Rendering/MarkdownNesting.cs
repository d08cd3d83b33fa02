using System.Buffers;

namespace WikiViewer.Rendering;

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

    public static int Depth(string markdown)
    {
        int deepest = 0, brackets = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
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
                    case '\\':
                        i++;
                        break;
                    case '[':
                        deepest = Math.Max(deepest, ++brackets);
                        break;
                    case ']' when brackets > 0:
                        brackets--;
                        break;
                }
            }
        }

        return deepest;
    }

    private static readonly SearchValues<char> Brackets = SearchValues.Create("\\[]");

    private static int Next(ReadOnlySpan<char> line, int start)
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
    private static int BlockDepth(ReadOnlySpan<char> line)
    {
        int depth = 0, indent = 0, i = 0;
        while (i < line.Length)
        {
            int columns = 0;
            for (; i < line.Length && line[i] is ' ' or '\t'; i++)
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
            if (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
        }

        return depth == 0 ? 0 : depth + (indent / 2);
    }

    private static int MarkerLength(ReadOnlySpan<char> rest)
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
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        int end = rest[0] is '-' or '+' or '*' ? 1
            : digits > 0 && digits < rest.Length && rest[digits] is '.' or ')' ? digits + 1
            : 0;
        return end > 0 && (end == rest.Length || rest[end] is ' ' or '\t') ? end : 0;
    }
}
