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
/// phrases, lives in <see cref="ChineseConverter"/>.
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
        string s = ReplaceInvalid(text, first);
        if (!s.IsNormalized(NormalizationForm.FormC))
        {
            s = s.Normalize(NormalizationForm.FormC);
            first = 0;
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

    /// <summary>
    /// The TSCharacters table as flat arrays. A nested class so that the CLR's
    /// type initializer gives lazy, thread-safe, once-only loading for free.
    /// </summary>
    private static class FoldTable
    {
        private const string ResourceName = "WikiViewer.Text.Data.TSCharacters.txt";

        // What Fold must do with a BMP code unit.
        private const byte Pass = 0;       // NFC-stable and unmapped: copy on sight
        private const byte Check = 1;      // surrogate, or NFC might change it
        private const byte MapsBmp = 2;    // folds to Bmp[c]
        private const byte MapsOther = 3;  // folds to Other[c], outside the BMP

        private static readonly byte[] Kind = new byte[0x10000];

        // Simplified form of each BMP character where Kind is MapsBmp.
        private static readonly char[] Bmp = new char[0x10000];

        // Every mapping whose source or target is outside the BMP.
        private static readonly Dictionary<int, Rune> Other = [];

        static FoldTable()
        {
            for (int c = 0; c < Kind.Length; c++)
            {
                Bmp[c] = (char)c;
                Kind[c] = IsNfcStable(c) ? Pass : Check;
            }

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

        // Index of the first code point that folds to something else; text is
        // NFC and well-formed here.
        internal static int IndexOfChange(string text, int start)
        {
            byte[] kind = Kind;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (kind[c] >= MapsBmp)
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
                MapsBmp => new Rune(Bmp[rune.Value]),
                MapsOther => Other[rune.Value],
                _ => rune,
            };
        }

        internal static string Map(string text, int start)
        {
            // One code point maps to one, but not always to the same number
            // of UTF-16 units, so measure first and allocate exactly once.
            int length = start;
            for (int i = start; i < text.Length;)
            {
                Rune r = Rune.GetRuneAt(text, i);
                i += r.Utf16SequenceLength;
                length += Fold(r).Utf16SequenceLength;
            }

            return string.Create(length, (text, start), static (span, state) =>
            {
                (string source, int from) = state;
                source.AsSpan(0, from).CopyTo(span);
                int o = from;
                for (int i = from; i < source.Length;)
                {
                    Rune r = Rune.GetRuneAt(source, i);
                    i += r.Utf16SequenceLength;
                    o += Fold(r).EncodeToUtf16(span[o..]);
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
            if (!from.IsBmp)
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

        // Ranges in which every code point is assigned, has NFC_Quick_Check=Yes
        // and canonical combining class 0, so a string made only of them is
        // already NFC (UAX #15 quick check). Checked against Unicode 15.0's
        // DerivedNormalizationProps.txt and UnicodeData.txt; normalization
        // stability keeps it true for later versions. Anything else merely
        // costs a real IsNormalized call.
        private static bool IsNfcStable(int c) => c switch
        {
            <= 0x02FF => true,                    // ASCII, Latin-1, Latin Extended-A/B, IPA, modifiers
            >= 0x2002 and <= 0x2064 => true,      // General Punctuation (not the 2000/2001 singletons)
            >= 0x3000 and <= 0x3029 => true,      // CJK Symbols and Punctuation, before the tone marks
            >= 0x3030 and <= 0x303F => true,
            >= 0x3041 and <= 0x3096 => true,      // Hiragana
            >= 0x309B and <= 0x30FF => true,      // Katakana (not the combining voicing marks)
            >= 0x3400 and <= 0x4DBF => true,      // CJK Extension A
            >= 0x4E00 and <= 0x9FFF => true,      // CJK Unified Ideographs
            >= 0xAC00 and <= 0xD7A3 => true,      // Hangul syllables
            >= 0xFF01 and <= 0xFFBE => true,      // Fullwidth and halfwidth forms
            >= 0xFFE0 and <= 0xFFE6 => true,
            _ => false,
        };
    }
}
