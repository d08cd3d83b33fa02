using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using WikiViewer.Text;

namespace WikiViewer.Search;

internal enum UnitKind : byte
{
    Cjk,
    Word,
}

/// <summary>
/// One unit of normalized text: a CJK character or a run of letters/digits.
/// Every unit takes one position. <see cref="JoinedToPrevious"/> is true for a CJK
/// character that continues a CJK run (the pair forms a bigram);
/// <see cref="AdjacentToPrevious"/> is true when nothing but a run joiner separates it
/// from the previous unit (a query splits terms where this is false). <see cref="AfterBreak"/>
/// is true when punctuation, a line break or another non-space character separates it from
/// the previous unit: positions then skip one, so that no phrase matches across it
/// (1933年 does not match "1933，年"), while plain spaces keep "MIM 思想" a phrase.
/// </summary>
internal readonly record struct TextUnit(UnitKind Kind, int CodePoint, int Start, int Length, bool JoinedToPrevious, bool AdjacentToPrevious, bool AfterBreak)
{
    public int End => Start + Length;

    public int PositionIncrement => AfterBreak ? 2 : 1;
}

/// <summary>A term as the index stores it, with its position, for tests and diagnostics.</summary>
internal readonly record struct AnalyzedToken(string Text, int Position);

/// <summary>
/// The one analyzer for documents and queries: sanitize, fold Traditional to Simplified
/// (<see cref="ChineseScript.Fold"/>), full-width to half-width, lower case; then CJK runs
/// become single characters plus overlapping bigrams, other letter/digit runs become words.
/// </summary>
internal static class TextAnalyzer
{
    /// <summary>Longer words are indexed by their first characters; queries are cut the same way.</summary>
    public const int MaxWordLength = 64;

    private const int CodePointBits = 21;

    /// <summary>
    /// Returns the text in the form the tokenizer reads. Character-by-character mappings
    /// keep the length of the folded text, so offsets into it equal offsets into the input
    /// whenever <see cref="ChineseScript.Fold"/> kept the length (see <see cref="NormalizeWithOffsets"/>).
    /// </summary>
    public static string Normalize(string? text)
    {
        char[] buffer = [];
        return new string(NormalizeInto(text, ref buffer));
    }

    /// <summary>
    /// <see cref="Normalize"/> into a reusable buffer (grown when needed): the index build
    /// normalizes every document and should not allocate a string for each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<char> NormalizeInto(string? text, ref char[] buffer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        // Nearly all text folds one unit at a time: then it is folded straight into the
        // buffer, not into a folded copy first (the index build's size again in garbage).
        bool charByChar = ChineseScript.FoldsCharByChar(text);
        string folded = charByChar ? text : ChineseScript.Fold(text);
        if (buffer.Length < folded.Length)
        {
            buffer = GC.AllocateUninitializedArray<char>(Math.Max(folded.Length, buffer.Length * 2));
        }

        Span<char> destination = buffer.AsSpan(0, folded.Length);
        if (charByChar)
        {
            for (int i = 0; i < text.Length; i++)
            {
                destination[i] = NormalizeChar(ChineseScript.FoldChar(text[i]));
            }

            return destination;
        }

        for (int i = 0; i < folded.Length; i++)
        {
            destination[i] = NormalizeChar(folded[i]);
        }

        return destination;
    }

    /// <summary>
    /// Like <see cref="Normalize"/>, and gives for each normalized index the index in
    /// <paramref name="text"/> it came from (null when they are the same). Snippets need it
    /// to mark the original text.
    /// </summary>
    public static string NormalizeWithOffsets(string text, out int[]? originalOffsets)
    {
        originalOffsets = null;
        string normalized = Normalize(text);
        if (normalized.Length == text.Length)
        {
            return normalized;
        }

        // Folding changed the length (NFC composition, or a supplementary character folded to
        // a BMP one): fold code point by code point so that every piece has a known origin.
        string sanitized = ChineseScript.ReplaceInvalid(text);
        var builder = new StringBuilder(sanitized.Length);
        var offsets = new List<int>(sanitized.Length + 1);
        for (int i = 0; i < sanitized.Length;)
        {
            int width = char.IsHighSurrogate(sanitized[i]) && i + 1 < sanitized.Length ? 2 : 1;
            string piece = Normalize(sanitized.Substring(i, width));
            builder.Append(piece);
            for (int k = 0; k < piece.Length; k++)
            {
                offsets.Add(i);
            }

            i += width;
        }

        offsets.Add(sanitized.Length);
        originalOffsets = [.. offsets];
        return builder.ToString();
    }

    public static char NormalizeChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }
        else if (c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF'))
        {
            return c; // CJK and kana have no case; asking the culture data per character is slow
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>
    /// The characters that normalize to <paramref name="normalized"/> (itself among them) in
    /// text that <see cref="ChineseScript.FoldsCharByChar"/>: 国 from 國, a from A and ａ.
    /// </summary>
    public static string SourcesOf(char normalized) =>
        NormalizationSources.Extra.TryGetValue(normalized, out string? extra) ? normalized + extra : normalized.ToString();

    public static bool IsCjk(int codePoint)
    {
        return codePoint switch
        {
            0x3005 or 0x3007 => true,            // 々 〇 (二〇〇一年)
            >= 0x3040 and <= 0x30FF => codePoint != 0x30FB, // kana, not the katakana middle dot
            >= 0x3100 and <= 0x312F => true,     // bopomofo
            >= 0x3400 and <= 0x4DBF => true,     // extension A
            >= 0x4E00 and <= 0x9FFF => true,     // unified ideographs
            >= 0xAC00 and <= 0xD7AF => true,     // hangul syllables
            >= 0xF900 and <= 0xFAFF => true,     // compatibility ideographs
            >= 0x20000 and <= 0x323AF => true,   // extensions B–H, compatibility supplement
            _ => false,
        };
    }

    /// <summary>Middle dots inside transliterated names (卡尔·马克思) do not break the CJK run.</summary>
    public static bool IsCjkJoiner(int codePoint) => codePoint is 0x00B7 or 0x30FB or 0x2027 or 0xFF65 or 0x2022;

    public static bool IsWordCodePoint(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint is (>= 'a' and <= 'z') or (>= '0' and <= '9') or (>= 'A' and <= 'Z');
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    public static int ReadCodePoint(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>
    /// Index key of a single CJK character, which the index keeps with document frequencies
    /// only. Below 2^21, so never equal to a bigram key.
    /// </summary>
    public static long UnigramKey(int codePoint) => codePoint;

    public static bool IsUnigramKey(long key) => key < (1L << CodePointBits);

    /// <summary>
    /// Index key of a CJK character that touches a word of letters or digits (年 in 1933年,
    /// 股 in A股), kept with positions: a query term mixing scripts is matched as a phrase, and
    /// its lone CJK characters can only stand at such edges. Bigram keys stay below 2^39.
    /// </summary>
    public static long EdgeKey(int codePoint) => (1L << 39) | (uint)codePoint;

    public static long BigramKey(int first, int second) => ((long)first << CodePointBits) | (uint)second;

    /// <summary>The part of a word unit that the index keys on.</summary>
    public static ReadOnlySpan<char> WordKey(ReadOnlySpan<char> normalized, in TextUnit unit)
    {
        return normalized.Slice(unit.Start, Math.Min(unit.Length, MaxWordLength));
    }

    /// <summary>
    /// The units of a name, as one string, for "is this query exactly the title" checks:
    /// punctuation, spacing, case and script do not matter.
    /// </summary>
    public static string NameKey(string? name)
    {
        string normalized = Normalize(name);
        var builder = new StringBuilder(normalized.Length + 8);
        var tokenizer = new UnitTokenizer(normalized);
        while (tokenizer.MoveNext(out TextUnit unit))
        {
            builder.Append(unit.Kind == UnitKind.Word ? WordKey(normalized, unit) : normalized.AsSpan(unit.Start, unit.Length));
            builder.Append('\u0001');
        }

        return builder.ToString();
    }

    /// <summary>All index terms of a text with their positions, in emission order.</summary>
    public static IReadOnlyList<AnalyzedToken> Tokenize(string? text)
    {
        string normalized = Normalize(text);
        var tokens = new List<AnalyzedToken>();
        var tokenizer = new UnitTokenizer(normalized);
        int position = -1;
        TextUnit previous = default;
        while (tokenizer.MoveNext(out TextUnit unit))
        {
            position += tokens.Count == 0 ? 1 : unit.PositionIncrement;
            if (unit.Kind == UnitKind.Cjk)
            {
                if (unit.JoinedToPrevious)
                {
                    tokens.Add(new AnalyzedToken(string.Concat(normalized.AsSpan(previous.Start, previous.Length), normalized.AsSpan(unit.Start, unit.Length)), position - 1));
                }

                tokens.Add(new AnalyzedToken(normalized.Substring(unit.Start, unit.Length), position));
            }
            else
            {
                tokens.Add(new AnalyzedToken(WordKey(normalized, unit).ToString(), position));
            }

            previous = unit;
        }

        return tokens;
    }

    /// <summary>The inverse of char-by-char normalization, built on first use (a pass over the BMP).</summary>
    private static class NormalizationSources
    {
        public static readonly Dictionary<char, string> Extra = Build();

        private static Dictionary<char, string> Build()
        {
            var sources = new Dictionary<char, StringBuilder>();
            for (int c = 0; c <= char.MaxValue; c++)
            {
                if (char.IsSurrogate((char)c))
                {
                    continue;
                }

                char normalized = NormalizeChar(ChineseScript.FoldChar((char)c));
                if (normalized != c)
                {
                    if (!sources.TryGetValue(normalized, out StringBuilder? builder))
                    {
                        sources[normalized] = builder = new StringBuilder(2);
                    }

                    builder.Append((char)c);
                }
            }

            return sources.ToDictionary(static pair => pair.Key, static pair => pair.Value.ToString());
        }
    }
}

/// <summary>Splits normalized text into <see cref="TextUnit"/>s without allocating.</summary>
internal ref struct UnitTokenizer
{
    private readonly ReadOnlySpan<char> _text;
    private int _index;
    private int _previousEnd;
    private bool _inCjkRun;
    private bool _sawBreak;

    public UnitTokenizer(ReadOnlySpan<char> normalizedText)
    {
        _text = normalizedText;
        _index = 0;
        _previousEnd = -1;
        _inCjkRun = false;
        _sawBreak = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext(out TextUnit unit)
    {
        ReadOnlySpan<char> text = _text;
        while (_index < text.Length)
        {
            int start = _index;
            int codePoint = TextAnalyzer.ReadCodePoint(text, start, out int width);
            if (TextAnalyzer.IsCjk(codePoint))
            {
                bool adjacent = _previousEnd == start;
                unit = new TextUnit(UnitKind.Cjk, codePoint, start, width, _inCjkRun && adjacent, adjacent, _sawBreak);
                _sawBreak = false;
                _index = start + width;
                _previousEnd = _index;
                _inCjkRun = true;
                return true;
            }

            if (TextAnalyzer.IsWordCodePoint(codePoint))
            {
                int end = start + width;
                while (end < text.Length)
                {
                    int next = TextAnalyzer.ReadCodePoint(text, end, out int nextWidth);
                    if (TextAnalyzer.IsCjk(next) || !TextAnalyzer.IsWordCodePoint(next))
                    {
                        break;
                    }

                    end += nextWidth;
                }

                unit = new TextUnit(UnitKind.Word, 0, start, end - start, false, _previousEnd == start, _sawBreak);
                _sawBreak = false;
                _index = end;
                _previousEnd = end;
                _inCjkRun = false;
                return true;
            }

            if (_inCjkRun && _previousEnd == start && TextAnalyzer.IsCjkJoiner(codePoint)
                && start + width < text.Length && TextAnalyzer.IsCjk(TextAnalyzer.ReadCodePoint(text, start + width, out _)))
            {
                _index = start + width;
                _previousEnd = _index;
                continue;
            }

            _inCjkRun = false;
            _sawBreak |= _previousEnd >= 0 && !IsSpace(codePoint);
            _index = start + width;
        }

        unit = default;
        return false;
    }

    private static bool IsSpace(int codePoint) =>
        codePoint is ' ' or '\t' || (codePoint > 0x7F && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.SpaceSeparator);
}
