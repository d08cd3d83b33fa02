using System.Text;

using WikiViewer.Text;

namespace WikiViewer.Search;

/// <summary>
/// Cuts the passage of a document that shows the most query terms, about
/// <see cref="TargetLength"/> characters, starting and ending at sentence, clause or word
/// boundaries where there are any nearby, with … where text was cut off. The result is
/// HTML-escaped; the only markup is &lt;mark&gt; around matched text.
/// </summary>
internal static class SnippetBuilder
{
    public const int TargetLength = 150;
    private const int MaxLeadingContext = 40;
    private const int MinSentenceLead = 30;
    private const int MaxSentenceLead = 70;
    private const int MinClauseLead = 20;
    private const int MaxMatches = 4096;

    private readonly record struct Match(int Start, int End, int Term);

    // A paragraph's units, reused by the thread: a query builds a snippet per hit,
    // and a fresh, growing list per tokenized paragraph was garbage.
    [ThreadStatic]
    private static List<TextUnit>? t_units;

    [ThreadStatic]
    private static char[]? t_normalized;

    /// <summary>The snippet of a text, a string or read in place (a store's mapped text), not copied into a string first.</summary>
    public static string Build(ReadOnlySpan<char> text, IReadOnlyList<QueryTerm> terms)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        List<Match> matches = FindMatches(text, terms);
        (int spanStart, int spanEnd) = BestSpan(matches, terms.Count, out _);
        int ws = ChooseStart(text, spanStart, spanEnd);
        int we = ChooseEnd(text, ws, spanEnd);
        return Render(text, ws, we, matches);
    }

    // Paragraph by paragraph (no match crosses a line), and only until some
    // window holds every term: folding and tokenizing each hit's whole article
    // was most of a query's time (docs/benchmarks.md, "Search: snippets scan
    // paragraph by paragraph").
    private static List<Match> FindMatches(ReadOnlySpan<char> text, IReadOnlyList<QueryTerm> terms)
    {
        var matches = new List<Match>();
        if (terms.Count == 0)
        {
            return matches;
        }

        var seen = new bool[terms.Count];
        int termsSeen = 0;
        var units = t_units ??= [];
        for (int start = 0; start < text.Length && matches.Count < MaxMatches;)
        {
            int newline = text[start..].IndexOf('\n');
            int end = newline < 0 ? text.Length : start + newline;
            int before = matches.Count;
            if (MayHoldATerm(text[start..end], terms))
            {
                MatchParagraph(text, start, end, terms, units, matches);
            }

            for (int m = before; m < matches.Count; m++)
            {
                if (!seen[matches[m].Term])
                {
                    seen[matches[m].Term] = true;
                    termsSeen++;
                }
            }

            if (termsSeen == terms.Count && matches.Count > before && HasWindowWithAllTerms(matches, terms.Count))
            {
                break;
            }

            start = end + 1;
        }

        return matches;
    }

    private static void MatchParagraph(ReadOnlySpan<char> text, int start, int end, IReadOnlyList<QueryTerm> terms, List<TextUnit> units, List<Match> matches)
    {
        if (end == start)
        {
            return;
        }

        string paragraph = text[start..end].ToString();
        char[] buffer = t_normalized ??= new char[1024];
        ReadOnlySpan<char> normalized = TextAnalyzer.NormalizeInto(paragraph, ref buffer);
        t_normalized = buffer;
        int[]? originalOffsets = null;
        if (normalized.Length != paragraph.Length)
        {
            normalized = TextAnalyzer.NormalizeWithOffsets(paragraph, out originalOffsets);
        }

        // Tokenize only a paragraph that holds every unit of some term.
        if (!AnyTermMayOccur(normalized, terms))
        {
            return;
        }

        units.Clear();
        var tokenizer = new UnitTokenizer(normalized);
        while (tokenizer.MoveNext(out TextUnit unit))
        {
            units.Add(unit);
        }

        for (int i = 0; i < units.Count && matches.Count < MaxMatches; i++)
        {
            for (int t = 0; t < terms.Count; t++)
            {
                QueryUnit[] wanted = terms[t].Units;
                if (MatchesAt(normalized, units, i, wanted))
                {
                    int first = units[i].Start;
                    int last = units[i + wanted.Length - 1].End;
                    matches.Add(originalOffsets is null
                        ? new Match(start + first, start + last, t)
                        : new Match(start + originalOffsets[first], start + Math.Max(originalOffsets[first] + 1, originalOffsets[last]), t));
                }
            }
        }
    }

    // Folding every paragraph before the one that matches was most of a
    // snippet's cost; most can be passed over by a vectorized scan of the raw text.
    private static bool MayHoldATerm(ReadOnlySpan<char> paragraph, IReadOnlyList<QueryTerm> terms)
    {
        for (int t = 0; t < terms.Count; t++)
        {
            bool all = true;
            foreach (string sources in terms[t].UnitSources)
            {
                if (paragraph.IndexOfAny(sources) < 0)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return !ChineseScript.FoldsCharByChar(paragraph);
    }

    private static bool AnyTermMayOccur(ReadOnlySpan<char> normalized, IReadOnlyList<QueryTerm> terms)
    {
        for (int t = 0; t < terms.Count; t++)
        {
            bool all = true;
            foreach (string unit in terms[t].UnitTexts)
            {
                all &= normalized.Contains(unit.AsSpan(), StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWindowWithAllTerms(List<Match> matches, int termCount)
    {
        BestSpan(matches, termCount, out int distinct);
        return distinct == termCount;
    }

    /// <summary>The same test the index makes: equal units, no break between them, CJK runs unbroken where the query's are.</summary>
    private static bool MatchesAt(ReadOnlySpan<char> normalized, List<TextUnit> units, int index, QueryUnit[] wanted)
    {
        if (index + wanted.Length > units.Count)
        {
            return false;
        }

        for (int k = 0; k < wanted.Length; k++)
        {
            TextUnit unit = units[index + k];
            QueryUnit query = wanted[k];
            if (k > 0 && unit.AfterBreak)
            {
                return false;
            }

            if (query.Word is not null)
            {
                if (unit.Kind != UnitKind.Word || !TextAnalyzer.WordKey(normalized, unit).SequenceEqual(query.Word))
                {
                    return false;
                }
            }
            else if (unit.Kind != UnitKind.Cjk || unit.CodePoint != query.CodePoint
                || (k > 0 && query.JoinedToPrevious && !unit.JoinedToPrevious))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The stretch of at most <see cref="TargetLength"/> characters with the most distinct terms, then the most matches.</summary>
    private static (int Start, int End) BestSpan(List<Match> matches, int termCount, out int bestDistinct)
    {
        bestDistinct = 0;
        if (matches.Count == 0)
        {
            return (0, 0);
        }

        int[] perTerm = new int[termCount];
        int distinct = 0;
        int bestFirst = 0;
        int bestLast = 0;
        int bestCount = 0;
        int j = 0;
        for (int i = 0; i < matches.Count; i++)
        {
            while (j < matches.Count && (j == i || matches[j].End - matches[i].Start <= TargetLength))
            {
                if (perTerm[matches[j].Term]++ == 0)
                {
                    distinct++;
                }

                j++;
            }

            if (distinct > bestDistinct || (distinct == bestDistinct && j - i > bestCount))
            {
                (bestFirst, bestLast, bestDistinct, bestCount) = (i, j, distinct, j - i);
            }

            if (--perTerm[matches[i].Term] == 0)
            {
                distinct--;
            }
        }

        int start = matches[bestFirst].Start;
        int end = start;
        for (int k = bestFirst; k < bestLast; k++)
        {
            end = Math.Max(end, matches[k].End);
        }

        return (start, Math.Min(end, start + TargetLength));
    }

    private static int ChooseStart(ReadOnlySpan<char> text, int spanStart, int spanEnd)
    {
        int room = TargetLength - (spanEnd - spanStart);
        int lead = Math.Min(room / 3, MaxLeadingContext);
        int tail = room - lead;
        if (spanEnd + tail > text.Length)
        {
            // Little text after the match: spend the room before it.
            lead = room - (text.Length - spanEnd);
        }

        lead = Math.Max(0, lead);

        // Prefer the start of the sentence that holds the match: reach back as far as the room
        // allows (up to MaxSentenceLead), and at least MinSentenceLead even if that pushes
        // later matches out of the window.
        int sentenceLow = Math.Max(0, Math.Min(spanStart - MinSentenceLead, Math.Max(spanStart - MaxSentenceLead, spanEnd - TargetLength)));
        for (int k = spanStart; k >= sentenceLow; k--)
        {
            if (IsSentenceStart(text, k))
            {
                return SkipSpace(text, k, spanStart);
            }
        }

        // Then the earliest clause start in reach (most context), then the earliest word boundary.
        int clauseLow = Math.Max(0, spanStart - Math.Max(lead, MinClauseLead));
        for (int k = clauseLow; k <= spanStart; k++)
        {
            if (IsClauseStart(text, k))
            {
                return SkipSpace(text, k, spanStart);
            }
        }

        for (int k = Math.Max(0, spanStart - lead); k <= spanStart; k++)
        {
            if (IsWordBoundary(text, k))
            {
                return SkipSpace(text, k, spanStart);
            }
        }

        return spanStart;
    }

    private static int ChooseEnd(ReadOnlySpan<char> text, int ws, int spanEnd)
    {
        int limit = Math.Min(text.Length, ws + TargetLength);
        int end = limit;
        if (limit < text.Length)
        {
            int low = Math.Min(limit, Math.Max(spanEnd, ws + (TargetLength * 2 / 3)));
            end = FindEnd(text, low, limit);
        }

        while (end > ws && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int FindEnd(ReadOnlySpan<char> text, int low, int limit)
    {
        for (int k = low; k <= limit; k++)
        {
            if (text[k] == '\n')
            {
                return k;
            }
        }

        for (int k = limit; k > low; k--)
        {
            if (IsSentenceEnd(text[k - 1]))
            {
                return k;
            }
        }

        for (int k = limit; k > low; k--)
        {
            if (IsClauseEnd(text[k - 1]))
            {
                return k - 1; // "…" reads better than "，…"
            }
        }

        for (int k = limit; k >= low; k--)
        {
            if (IsWordBoundary(text, k))
            {
                return k;
            }
        }

        return limit;
    }

    private static string Render(ReadOnlySpan<char> text, int ws, int we, List<Match> matches)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (Match match in matches)
        {
            int start = Math.Max(match.Start, ws);
            int end = Math.Min(match.End, we);
            if (start >= end)
            {
                continue;
            }

            if (ranges.Count > 0 && start <= ranges[^1].End)
            {
                ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, end));
            }
            else
            {
                ranges.Add((start, end));
            }
        }

        var html = new StringBuilder((we - ws) + 32);
        if (ws > 0 && text[ws - 1] != '\n')
        {
            html.Append('…');
        }

        int next = 0;
        for (int i = ws; i < we; i++)
        {
            if (next < ranges.Count && i == ranges[next].Start)
            {
                html.Append("<mark>");
            }

            AppendEscaped(html, text, ref i);
            if (next < ranges.Count && i + 1 == ranges[next].End)
            {
                html.Append("</mark>");
                next++;
            }
        }

        if (we < text.Length && !IsOnlySpaceUntilParagraphEnd(text, we))
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text, ref int i)
    {
        char c = text[i];
        switch (c)
        {
            case '&': html.Append("&amp;"); return;
            case '<': html.Append("&lt;"); return;
            case '>': html.Append("&gt;"); return;
            case '"': html.Append("&quot;"); return;
            case '\'': html.Append("&#39;"); return;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            html.Append(c).Append(text[i + 1]);
            i++;
        }
        else if (char.IsSurrogate(c))
        {
            html.Append('\uFFFD');
        }
        else if (char.IsControl(c))
        {
            html.Append(' ');
        }
        else
        {
            html.Append(c);
        }
    }

    private static bool IsOnlySpaceUntilParagraphEnd(ReadOnlySpan<char> text, int from)
    {
        for (int k = from; k < text.Length && text[k] != '\n'; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int k, int spanStart)
    {
        while (k < spanStart && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        return k;
    }

    private static bool IsSentenceStart(ReadOnlySpan<char> text, int k)
    {
        if (k == 0)
        {
            return true;
        }

        char previous = text[k - 1];
        return previous == '\n' || IsSentenceEnd(previous) || (previous == ' ' && k >= 2 && text[k - 2] == '.');
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '…';

    private static bool IsClauseStart(ReadOnlySpan<char> text, int k) =>
        k > 0 && (IsClauseEnd(text[k - 1]) || char.IsWhiteSpace(text[k - 1]) || IsOpeningBracket(text[k]));

    private static bool IsOpeningBracket(char c) => c is '《' or '（' or '“' or '「' or '『' or '(' or '[' or '"' or '【';

    private static bool IsClauseEnd(char c) => c is '，' or '、' or ',' or '：' or ':';

    /// <summary>Not inside a word of letters or digits, and not between the halves of a surrogate pair.</summary>
    private static bool IsWordBoundary(ReadOnlySpan<char> text, int k)
    {
        if (k <= 0 || k >= text.Length)
        {
            return true;
        }

        char before = text[k - 1];
        char after = text[k];
        if (char.IsHighSurrogate(before) && char.IsLowSurrogate(after))
        {
            return false;
        }

        return !(IsLatinWordChar(before) && IsLatinWordChar(after));
    }

    private static bool IsLatinWordChar(char c) => char.IsLetterOrDigit(c) && !TextAnalyzer.IsCjk(c);
}
