using System.Text;

namespace WikiViewer.Text;

/// <summary>
/// Display conversion for the 简体/繁體 toggle, after OpenCC's s2t and t2s:
/// maximum forward matching over a phrase dictionary, then character by
/// character, always taking the first candidate.
/// </summary>
/// <remarks>
/// Not for keys or search; that is <see cref="ChineseScript.Fold(string)"/>,
/// which must not depend on phrase segmentation.
/// </remarks>
public static class ChineseConverter
{
    /// <summary>Simplified → Traditional (STPhrases, then STCharacters).</summary>
    public static string ToTraditional(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ToTraditionalTable.Instance.Convert(text);
    }

    /// <summary>
    /// Traditional → Simplified (TSPhrases, then OpenCC's TSCharacters). Not the
    /// folding table of <see cref="ChineseScript.Fold(string)"/>: its Unihan
    /// additions map rare characters to later CJK extensions that few fonts show.
    /// </summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ToSimplifiedTable.Instance.Convert(text);
    }

    // One holder per direction: the CLR type initializer loads each table
    // lazily, once and thread-safely, and STPhrases (1 MB) is only read when
    // someone actually asks for Traditional.
    private static class ToTraditionalTable
    {
        internal static readonly PhraseConverter Instance = new(
            PhraseConverter.ReadTable("STPhrases.txt"),
            PhraseConverter.ReadTable("STCharacters.txt"));
    }

    private static class ToSimplifiedTable
    {
        internal static readonly PhraseConverter Instance = new(
            PhraseConverter.ReadTable("TSPhrases.txt"),
            PhraseConverter.ReadTable("TSCharactersOpenCC.txt"));
    }

    private sealed class PhraseConverter
    {
        // Bit 0 of Starts[u]: some character entry starts with UTF-16 unit u.
        // Bit n (n >= 2): some phrase of n UTF-16 units starts with u. Phrases
        // have at least two code points, so bit 1 is never a phrase length.
        // Most units have no bits set and are copied without hashing anything.
        private const uint CharacterBit = 1;

        private readonly uint[] _starts = new uint[0x10000];
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _characterLookup;

        internal PhraseConverter(
            Dictionary<string, string> phrases,
            Dictionary<string, string> characters)
        {
            _phraseLookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
            _characterLookup = characters.GetAlternateLookup<ReadOnlySpan<char>>();

            foreach (string key in phrases.Keys)
            {
                if (key.Length is < 2 or > 31)
                {
                    throw new InvalidDataException($"Phrase '{key}' must be 2 to 31 UTF-16 units long.");
                }

                _starts[key[0]] |= 1u << key.Length;
            }

            foreach (string key in characters.Keys)
            {
                _starts[key[0]] |= CharacterBit;
            }
        }

        internal string Convert(string text)
        {
            StringBuilder? sb = null;
            int copiedTo = 0;
            int i = 0;
            while (i < text.Length)
            {
                uint starts = _starts[text[i]];
                int consumed = 0;
                string? replacement = null;

                // Longest phrase first: the highest length bit that still fits.
                for (uint lengths = starts & ~CharacterBit & MaskUpTo(text.Length - i); lengths != 0;)
                {
                    int length = 31 - System.Numerics.BitOperations.LeadingZeroCount(lengths);
                    lengths &= ~(1u << length);
                    if (_phraseLookup.TryGetValue(text.AsSpan(i, length), out replacement))
                    {
                        consumed = length;
                        break;
                    }
                }

                if (consumed == 0)
                {
                    int unit = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                    consumed = unit;
                    if ((starts & CharacterBit) != 0)
                    {
                        _characterLookup.TryGetValue(text.AsSpan(i, unit), out replacement);
                    }
                }

                if (replacement is not null && !text.AsSpan(i, consumed).SequenceEqual(replacement))
                {
                    sb ??= new StringBuilder(text.Length + 16);
                    sb.Append(text, copiedTo, i - copiedTo).Append(replacement);
                    copiedTo = i + consumed;
                }

                i += consumed;
            }

            return sb is null ? text : sb.Append(text, copiedTo, text.Length - copiedTo).ToString();
        }

        // Bits 0..n set, so phrases longer than the rest of the text are skipped.
        private static uint MaskUpTo(int n) => n >= 31 ? uint.MaxValue : (2u << n) - 1;

        // OpenCC's text format: key, a tab, candidates separated by spaces;
        // the first candidate is the conversion.
        internal static Dictionary<string, string> ReadTable(string fileName)
        {
            string resourceName = "WikiViewer.Text.Data." + fileName;
            using Stream stream = typeof(ChineseConverter).Assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);

            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            int lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                int tab = line.IndexOf('\t');
                if (tab <= 0 || tab == line.Length - 1)
                {
                    throw new InvalidDataException($"{resourceName}:{lineNumber}: expected key, tab, candidates.");
                }

                int end = line.IndexOf(' ', tab + 1);
                table[line[..tab]] = end < 0 ? line[(tab + 1)..] : line[(tab + 1)..end];
            }

            return table;
        }
    }
}
