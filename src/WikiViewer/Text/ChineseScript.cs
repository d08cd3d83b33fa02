using System.Globalization;
using System.Text;

namespace WikiViewer.Text;

/// <summary>
/// Folds Traditional Chinese to Simplified, character by character, after NFC
/// normalization. The one folding used for titles, links and search, so that
/// 德國 and 德国 meet on the same key.
/// </summary>
/// <remarks>
/// Character-level on purpose: a key must not depend on how a phrase
/// dictionary segments its neighbours. Display conversion, which may use
/// phrases, lives in <see cref="OpenCcConverter"/>.
/// </remarks>
public static class ChineseScript
{
    /// <summary>
    /// Returns <paramref name="text"/> in NFC with every Traditional character
    /// replaced by its Simplified form. Returns the same instance when nothing
    /// changes. Lone surrogates become U+FFFD, as they would on the way to UTF-8,
    /// and so does U+FFFE, which the BCL's normalizer rejects.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        int first = FoldTable.IndexOfAttention(text);
        if (first < 0)
        {
            return text;
        }

        // Normalize before mapping: composing can produce a character that maps
        // (a CJK compatibility ideograph becomes its unified, maybe Traditional,
        // twin), and the BCL's normalizer throws on what ReplaceInvalid removes.
        // Text whose only surprises are Traditional characters skips all that.
        string s = text;
        if (FoldTable.MayNeedNormalization(text, first))
        {
            s = ReplaceInvalid(text, first);
            if (!s.IsNormalized(NormalizationForm.FormC))
            {
                s = s.Normalize(NormalizationForm.FormC);
                first = 0;
            }
        }

        int firstChange = FoldTable.IndexOfChange(s, first);
        return firstChange < 0 ? s : FoldTable.Map(s, firstChange);
    }

    /// <summary>
    /// Folds one code point, for tokenizers that fold while streaming. Expects
    /// NFC input like the rest of the pipeline; only CJK compatibility
    /// ideographs, whose NFC form is a single code point, are also folded
    /// through that form so that streaming agrees with <see cref="Fold(string)"/>.
    /// </summary>
    public static Rune Fold(Rune rune) => FoldTable.Fold(rune);

    /// <summary>
    /// True when <paramref name="text"/> has more Traditional-only characters
    /// than Simplified-only ones, by OpenCC's character tables: Traditional-only
    /// is a key of TSCharacters that is neither a key of STCharacters nor a
    /// TSCharacters value (乾 is both), Simplified-only the mirror image. For
    /// choosing a conversion chain (t2tw rather than s2twp for Traditional
    /// text), not for folding.
    /// </summary>
    public static bool LooksTraditional(string text) => TraditionalLean(text) > 0;

    /// <summary>
    /// The evidence <see cref="LooksTraditional"/> weighs: Traditional-only characters minus
    /// Simplified-only ones. Above 0 the text reads as Traditional, below 0 as Simplified;
    /// 0 (a run of shared characters, or none) says nothing either way.
    /// </summary>
    public static int TraditionalLean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScriptEvidence.Score(text);
    }

    /// <summary>
    /// True when <see cref="Fold(string)"/> maps <paramref name="text"/> one UTF-16 unit at a
    /// time through <see cref="FoldChar"/>: no surrogates, nothing NFC could change.
    /// </summary>
    internal static bool FoldsCharByChar(ReadOnlySpan<char> text) => FoldTable.FoldsCharByChar(text);

    /// <summary>The folded form of one BMP unit, as <see cref="Fold(string)"/> gives it in text that <see cref="FoldsCharByChar"/>.</summary>
    internal static char FoldChar(char c) => FoldTable.FoldChar(c);

    /// <summary>Lone surrogates and U+FFFE, which make normalization throw, as U+FFFD (same length).</summary>
    internal static string ReplaceInvalid(string text) => ReplaceInvalid(text, 0);

    private static string ReplaceInvalid(string text, int start)
    {
        int bad = IndexOfInvalid(text, start);
        if (bad < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, bad), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (int i = state.bad; i < span.Length; i++)
            {
                if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(span[i]) || span[i] == '\uFFFE')
                {
                    span[i] = '\uFFFD';
                }
            }
        });
    }

    private static int IndexOfInvalid(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\uFFFE')
            {
                return i;
            }

            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    // +1 for a Traditional-only code point, -1 for a Simplified-only one.
    // A nested class: the tables load on first use, once, thread-safely.
    private static class ScriptEvidence
    {
        private static readonly Dictionary<int, sbyte> Evidence = Build();

        internal static int Score(string text)
        {
            int score = 0;
            foreach (Rune rune in text.EnumerateRunes())
            {
                if (Evidence.TryGetValue(rune.Value, out sbyte s))
                {
                    score += s;
                }
            }

            return score;
        }

        private static Dictionary<int, sbyte> Build()
        {
            Dictionary<string, string> ts = OpenCcTable.Dictionary("TSCharacters");
            Dictionary<string, string> st = OpenCcTable.Dictionary("STCharacters");
            var traditionalTargets = new HashSet<string>(st.Values, StringComparer.Ordinal);
            var simplifiedTargets = new HashSet<string>(ts.Values, StringComparer.Ordinal);

            var evidence = new Dictionary<int, sbyte>();
            foreach (string key in ts.Keys)
            {
                if (!st.ContainsKey(key) && !simplifiedTargets.Contains(key))
                {
                    evidence[char.ConvertToUtf32(key, 0)] = 1;
                }
            }

            foreach (string key in st.Keys)
            {
                if (!ts.ContainsKey(key) && !traditionalTargets.Contains(key))
                {
                    evidence[char.ConvertToUtf32(key, 0)] = -1;
                }
            }

            return evidence;
        }
    }

    /// <summary>
    /// The FoldCharacters table as flat arrays. A nested class so that the CLR's
    /// type initializer gives lazy, thread-safe, once-only loading for free.
    /// </summary>
    private static class FoldTable
    {
        private const string ResourceName = "WikiViewer.Text.Data.FoldCharacters.txt";

        // What Fold must do with a BMP code unit. Only Check may change under NFC.
        private const byte Pass = 0;       // unmapped: copy on sight
        private const byte MapsBmp = 1;    // folds to Bmp[c]
        private const byte MapsOther = 2;  // folds to Other[c], outside the BMP
        private const byte Check = 3;      // surrogate, or NFC might change it; Other may have a mapping

        private static readonly byte[] Kind = new byte[0x10000];

        // Bmp[c] is the folded form where Kind is MapsBmp, else c itself, so
        // that Pass and MapsBmp units copy through the same lookup.
        private static readonly char[] Bmp = new char[0x10000];

        // Mappings for code points outside the BMP, to code points outside it,
        // or from Check units (CJK compatibility ideographs, U+FFFE).
        private static readonly Dictionary<int, Rune> Other = [];

        static FoldTable()
        {
            for (int c = 0; c < Bmp.Length; c++)
            {
                Bmp[c] = (char)c;
            }

            ClassifyNormalization();
            Load();
            AddCompatibilityIdeographs();

            // Fold(string) turns U+FFFE into U+FFFD before normalizing; agree.
            Add(new Rune(0xFFFE), Rune.ReplacementChar);
        }

        internal static int IndexOfAttention(string text)
        {
            byte[] kind = Kind;
            for (int i = 0; i < text.Length; i++)
            {
                if (kind[text[i]] != Pass)
                {
                    return i;
                }
            }

            return -1;
        }

        internal static bool FoldsCharByChar(ReadOnlySpan<char> text)
        {
            byte[] kind = Kind;
            foreach (char c in text)
            {
                if (kind[c] > MapsBmp)
                {
                    return false;
                }
            }

            return true;
        }

        internal static char FoldChar(char c) => Bmp[c];

        internal static bool MayNeedNormalization(string text, int start)
        {
            byte[] kind = Kind;
            for (int i = start; i < text.Length; i++)
            {
                if (kind[text[i]] == Check)
                {
                    return true;
                }
            }

            return false;
        }

        // Index of the first code point that folds to something else. The text
        // is NFC and well-formed here, so no Check unit has a mapping left:
        // compatibility ideographs have become unified ones, U+FFFE is gone.
        internal static int IndexOfChange(string text, int start)
        {
            byte[] kind = Kind;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (kind[c] is MapsBmp or MapsOther)
                {
                    return i;
                }

                if (char.IsHighSurrogate(c))
                {
                    if (Other.ContainsKey(char.ConvertToUtf32(c, text[i + 1])))
                    {
                        return i;
                    }

                    i++;
                }
            }

            return -1;
        }

        internal static Rune Fold(Rune rune)
        {
            if (!rune.IsBmp)
            {
                return Other.TryGetValue(rune.Value, out Rune folded) ? folded : rune;
            }

            return Kind[rune.Value] switch
            {
                Pass => rune,
                MapsBmp => new Rune(Bmp[rune.Value]),
                _ => Other.TryGetValue(rune.Value, out Rune folded) ? folded : rune,
            };
        }

        internal static string Map(string text, int start)
        {
            // One code point maps to one, but not always to the same number
            // of UTF-16 units, so measure first and allocate exactly once.
            byte[] kind = Kind;
            int length = text.Length;
            for (int i = start; i < text.Length; i++)
            {
                if (kind[text[i]] > MapsBmp)
                {
                    Rune r = Rune.GetRuneAt(text, i);
                    i += r.Utf16SequenceLength - 1;
                    length += Fold(r).Utf16SequenceLength - r.Utf16SequenceLength;
                }
            }

            return string.Create(length, (text, start), static (span, state) =>
            {
                (string source, int from) = state;
                byte[] kind = Kind;
                char[] bmp = Bmp;
                source.AsSpan(0, from).CopyTo(span);
                int o = from;
                for (int i = from; i < source.Length; i++)
                {
                    char c = source[i];
                    if (kind[c] <= MapsBmp)
                    {
                        span[o++] = bmp[c];
                    }
                    else
                    {
                        Rune r = Rune.GetRuneAt(source, i);
                        i += r.Utf16SequenceLength - 1;
                        o += Fold(r).EncodeToUtf16(span[o..]);
                    }
                }
            });
        }

        private static void Load()
        {
            using Stream stream = typeof(ChineseScript).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);

            int lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                int tab = line.IndexOf('\t');
                if (tab < 0
                    || !TryGetSingleRune(line.AsSpan(0, tab), out Rune from)
                    || !TryGetSingleRune(line.AsSpan(tab + 1), out Rune to))
                {
                    throw new InvalidDataException($"{ResourceName}:{lineNumber}: expected one code point, a tab and one code point.");
                }

                Add(from, to);
            }
        }

        // NFC turns most CJK compatibility ideographs into a unified ideograph.
        // Fold(string) only ever sees the unified one; folding the compatibility
        // code point to the same place keeps Fold(Rune) consistent with it on
        // text that was never normalized.
        private static void AddCompatibilityIdeographs()
        {
            AddCompatibilityRange(0xF900, 0xFAFF);
            AddCompatibilityRange(0x2F800, 0x2FA1F);
        }

        private static void AddCompatibilityRange(int first, int last)
        {
            for (int cp = first; cp <= last; cp++)
            {
                var rune = new Rune(cp);
                if (TryGetSingleRune(rune.ToString().Normalize(NormalizationForm.FormC), out Rune composed)
                    && composed != rune)
                {
                    Add(rune, Fold(composed));
                }
            }
        }

        private static bool TryGetSingleRune(ReadOnlySpan<char> s, out Rune rune) =>
            Rune.DecodeFromUtf16(s, out rune, out int used) == System.Buffers.OperationStatus.Done
            && used == s.Length;

        private static void Add(Rune from, Rune to)
        {
            if (!from.IsBmp || Kind[from.Value] == Check)
            {
                Other[from.Value] = to;
            }
            else if (to.IsBmp)
            {
                Bmp[from.Value] = (char)to.Value;
                Kind[from.Value] = MapsBmp;
            }
            else
            {
                Other[from.Value] = to;
                Kind[from.Value] = MapsOther;
            }
        }

        // A string made only of characters with NFC_Quick_Check=Yes and
        // canonical combining class 0 is already NFC (UAX #15), so Fold may copy
        // them on sight; everything else is Check. Neither property is exposed
        // by the BCL. In Unicode 15 every character with ccc != 0 is a mark,
        // every NFC_QC=Maybe character is a mark or a Hangul medial/final jamo,
        // and an NFC_QC=No character is not NFC on its own, which the running
        // normalizer can tell us. A wrong Check merely costs an IsNormalized call.
        private static void ClassifyNormalization()
        {
            const char Separator = '\u0001';  // a starter nothing composes with
            var candidates = new StringBuilder(2 * 0x10000);
            for (int c = 0; c < Kind.Length; c++)
            {
                Kind[c] = Check;
                char ch = (char)c;
                if (IsKnownStable(ch))
                {
                    Kind[c] = Pass;
                }
                else if (MayBeStable(ch))
                {
                    candidates.Append(ch).Append(Separator);
                }
            }

            // One normalizer call for all candidates instead of one per
            // character: separators keep them from interacting, so each comes
            // back unchanged exactly when it is NFC on its own.
            string before = candidates.ToString();
            string after = before.Normalize(NormalizationForm.FormC);
            int a = 0;
            for (int b = 0; b < before.Length; b += 2)
            {
                int end = after.IndexOf(Separator, a);
                if (end == a + 1 && after[a] == before[b])
                {
                    Kind[before[b]] = Pass;
                }

                a = end + 1;
            }
        }

        // Checked against Unicode 15.0's UCD; covers the bulk of Chinese text
        // and keeps the normalizer's work at start-up small.
        private static bool IsKnownStable(char c) =>
            c is <= '\u02FF' or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7A3');

        private static bool MayBeStable(char c) =>
            !char.IsSurrogate(c)
            && c != '\uFFFE'  // the normalizer rejects it
            && c is not ((>= '\u1161' and <= '\u1175') or (>= '\u11A8' and <= '\u11C2'))
            && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark
                or UnicodeCategory.OtherNotAssigned);
    }
}
