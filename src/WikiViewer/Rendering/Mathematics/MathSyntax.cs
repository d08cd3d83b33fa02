namespace WikiViewer.Rendering.Mathematics;

/// <summary>
/// Tells pandoc's math, <c>\( TeX \)</c> and <c>\[ TeX \]</c>, from parentheses and
/// brackets it escaped in plain text: <c>\(R\)-2-羟基…</c> (a chemical name),
/// <c>\(计算机科学\)</c>, <c>\[1\]</c> (a reference marker).
/// </summary>
/// <remarks>
/// The rule, from the converted collection:
/// <list type="number">
/// <item>pandoc writes a formula on one line (it never wraps inside math), so the
/// closing <c>\)</c> or <c>\]</c> is on the opening's line;</item>
/// <item>the content is TeX when it has a TeX command (<c>\frac</c>, <c>\rightleftharpoons</c>),
/// or one of <c>^ _ { } = &lt; &gt;</c> unescaped (pandoc escapes them in text, not in
/// math), or a <c>+</c> between two operands (<c>n+1</c>);</item>
/// <item>it is not TeX when it holds Markdown or HTML that pandoc wrote around
/// escaped brackets: a link <c>](</c>, an autolink or tag <c>&lt;http</c>, <c>&lt;span</c>.</item>
/// </list>
/// So letters, digits, CJK and punctuation alone stay text: <c>\(R\)</c>, <c>\(2R,3S\)</c>,
/// <c>\(+\)</c>, <c>\(song\)</c>. The price: a formula that is a lone variable,
/// <c>\(x\)</c>, reads "(x)", as it did before.
/// </remarks>
internal static class MathSyntax
{
    /// <summary>Formulas longer than this stay text: no scan runs to the end of a huge paragraph.</summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// Reads <c>\(…\)</c> or <c>\[…\]</c> at the start of <paramref name="text"/> when it holds TeX:
    /// <paramref name="tex"/> is the formula (trimmed), <paramref name="length"/> the characters
    /// read, delimiters included.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> text, out string tex, out int length)
    {
        tex = "";
        length = 0;
        if (text.Length < 4 || text[0] != '\\' || text[1] is not ('(' or '['))
        {
            return false;
        }

        char close = text[1] == '(' ? ')' : ']';
        int limit = System.Math.Min(text.Length, MaxLength + 4);
        for (int i = 2; i < limit; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r')
            {
                return false;
            }

            if (c != '\\' || i + 1 >= text.Length)
            {
                continue;
            }

            if (text[i + 1] == close)
            {
                var content = text[2..i].Trim();
                if (!IsTex(content))
                {
                    return false;
                }

                tex = content.ToString();
                length = i + 2;
                return true;
            }

            // "\\", "\{", "\)" in "\(\(x\)\)"…: the escaped character is not a delimiter.
            i++;
        }

        return false;
    }

    /// <summary>Whether what stands between <c>\(</c> and <c>\)</c> (or the brackets) is TeX, not text.</summary>
    public static bool IsTex(ReadOnlySpan<char> content)
    {
        content = content.Trim();
        if (content.IsEmpty || HoldsMarkup(content))
        {
            return false;
        }

        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            bool escaped = i > 0 && content[i - 1] == '\\';
            switch (c)
            {
                case '\\' when i + 1 < content.Length && char.IsAsciiLetter(content[i + 1]):
                    return true;
                case '^' or '_' or '{' or '}' or '=' or '<' or '>' when !escaped:
                    return true;
                case '+' when !escaped && IsOperand(content, i, -1) && IsOperand(content, i, +1):
                    return true;
            }
        }

        return false;
    }

    // An operand beside an operator at i, across spaces: a letter, digit or bracket.
    private static bool IsOperand(ReadOnlySpan<char> content, int i, int step)
    {
        for (int j = i + step; j >= 0 && j < content.Length; j += step)
        {
            char c = content[j];
            if (c == ' ')
            {
                continue;
            }

            return char.IsAsciiLetterOrDigit(c) || (step < 0 ? c is ')' or ']' : c is '(' or '[');
        }

        return false;
    }

    private static bool HoldsMarkup(ReadOnlySpan<char> content)
    {
        if (content.Contains("](", StringComparison.Ordinal) || content.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        // An HTML tag or autolink: "<span ", "</span>", "<http:". TeX's "a<b" has no such shape.
        for (int i = content.IndexOf('<'); i >= 0 && i + 1 < content.Length; i = NextLessThan(content, i))
        {
            if (content[i + 1] == '/')
            {
                return true;
            }

            int j = i + 1;
            while (j < content.Length && char.IsAsciiLetter(content[j]))
            {
                j++;
            }

            if (j - i > 1 && j < content.Length && content[j] is ' ' or '>' or ':' or '/')
            {
                return true;
            }
        }

        return false;
    }

    private static int NextLessThan(ReadOnlySpan<char> content, int i)
    {
        int next = content[(i + 1)..].IndexOf('<');
        return next < 0 ? -1 : i + 1 + next;
    }
}
