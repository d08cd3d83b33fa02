using System.Text;

namespace WikiViewer.Text;

/// <summary>
/// Display conversion between Chinese scripts and regional standards with
/// OpenCC 1.4.2's dictionaries and opencc-js 1.4.2's semantics, character for
/// character (tests/opencc-reference checks that). Data/README.md lists the
/// configs and where they differ from C++ OpenCC.
/// </summary>
/// <remarks>
/// Not for keys or search; that is <see cref="ChineseScript.Fold(string)"/>,
/// which must not depend on phrase segmentation.
/// </remarks>
public sealed class OpenCcConverter
{
    private readonly Config[] _configs;

    private OpenCcConverter(string name, Config[] configs)
    {
        Name = name;
        _configs = configs;
    }

    /// <summary>Simplified → Traditional (OpenCC standard).</summary>
    public static OpenCcConverter S2T { get; } = Of(Config.S2T);

    /// <summary>Traditional (OpenCC standard) → Simplified.</summary>
    public static OpenCcConverter T2S { get; } = Of(Config.T2S);

    /// <summary>Simplified → Traditional, Taiwan standard characters.</summary>
    public static OpenCcConverter S2TW { get; } = Of(Config.S2TW);

    /// <summary>Simplified → Traditional, Taiwan standard, with Taiwanese phrases (软件 → 軟體).</summary>
    public static OpenCcConverter S2TWP { get; } = Of(Config.S2TWP);

    /// <summary>Traditional (Taiwan standard) → Simplified.</summary>
    public static OpenCcConverter TW2S { get; } = Of(Config.TW2S);

    /// <summary>Traditional (Taiwan standard) → Simplified, with Mainland phrases (軟體 → 软件).</summary>
    public static OpenCcConverter TW2SP { get; } = Of(Config.TW2SP);

    /// <summary>Simplified → Traditional, Hong Kong standard characters.</summary>
    public static OpenCcConverter S2HK { get; } = Of(Config.S2HK);

    /// <summary>Traditional (Hong Kong standard) → Simplified.</summary>
    public static OpenCcConverter HK2S { get; } = Of(Config.HK2S);

    /// <summary>Traditional (OpenCC standard) → Taiwan standard characters.</summary>
    public static OpenCcConverter T2TW { get; } = Of(Config.T2TW);

    /// <summary>Traditional (OpenCC standard) → Hong Kong standard characters.</summary>
    public static OpenCcConverter T2HK { get; } = Of(Config.T2HK);

    /// <summary>Taiwan standard characters → Traditional (OpenCC standard).</summary>
    public static OpenCcConverter TW2T { get; } = Of(Config.TW2T);

    /// <summary>Hong Kong standard characters → Traditional (OpenCC standard).</summary>
    public static OpenCcConverter HK2T { get; } = Of(Config.HK2T);

    // One region's words to another's: the mainland's (tw2sp), Taiwan's (s2twp), Hong Kong's (s2hk).
    // Declared after the configs it names: static fields initialize in order.
    private static readonly OpenCcConverter[] Regional = [TW2SP, S2TWP, S2HK];

    /// <summary>
    /// <paramref name="text"/> in the other regions' words (軟體工程 for 软件工程 and back), each
    /// spelling once and none equal to the text: what a name or a query may also be written as.
    /// Characters alone need no spelling: <see cref="ChineseScript.Fold(string)"/> meets them.
    /// </summary>
    public static IEnumerable<string> RegionalSpellings(string text) =>
        Regional.Select(converter => converter.Convert(text)).Where(spelling => spelling != text).Distinct(StringComparer.Ordinal);

    /// <summary>The OpenCC config name ("s2twp"), or the names of a chain joined by '+' ("hk2t+t2tw").</summary>
    public string Name { get; }

    /// <summary>
    /// Converts <paramref name="text"/>; returns the same instance when nothing
    /// changes. The first call of a config loads its tables (thread-safe, once).
    /// </summary>
    public string Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Config config in _configs)
        {
            text = config.Convert(text);
        }

        return text;
    }

    /// <summary>A converter that runs this one, then <paramref name="next"/>.</summary>
    public OpenCcConverter Then(OpenCcConverter next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new OpenCcConverter(Name + "+" + next.Name, [.. _configs, .. next._configs]);
    }

    public override string ToString() => Name;

    private static OpenCcConverter Of(Config config) => new(config.Name, [config]);

    /// <summary>
    /// One config of opencc-js's full preset (dist/esm-lib/preset/full.js):
    /// normalization over the whole text, then optional segmentation, then the
    /// conversion chain, each group converting each segment on its own.
    /// </summary>
    private sealed class Config
    {
        private const string Normalization = "CJK_Compatibility_Ideographs";
        private static readonly string[] SimplifiedPhrases = ["STPhrases", "STPhrases_GeneratedFromRegionalPhrases"];
        private static readonly string[] ToTraditional = [.. SimplifiedPhrases, "STCharacters"];
        private static readonly string[] ToSimplified = ["TSPhrases", "TSCharacters"];

        internal static readonly Config S2T = new("s2t", null, ToTraditional);
        internal static readonly Config T2S = new("t2s", null, ToSimplified);
        internal static readonly Config S2TW = new("s2tw", SimplifiedPhrases, ToTraditional, ["TWVariantsPhrases", "TWVariants"]);
        internal static readonly Config S2TWP = new("s2twp", SimplifiedPhrases, ToTraditional, ["TWPhrases", "TWVariantsPhrases", "TWVariants"]);
        internal static readonly Config TW2S = new("tw2s", ["TSPhrases"], ["TWVariantsRevPhrases", "TWVariantsRev"], ToSimplified);
        internal static readonly Config TW2SP = new("tw2sp", ["TSPhrases"], ["TWPhrasesRev", "TWVariantsRevPhrases", "TWVariantsRev"], ToSimplified);
        internal static readonly Config S2HK = new("s2hk", SimplifiedPhrases, ToTraditional, ["HKVariantsPhrases", "HKVariants"]);
        internal static readonly Config HK2S = new("hk2s", ["TSPhrases"], ["HKVariantsRevPhrases", "HKVariantsRev"], ToSimplified);
        internal static readonly Config T2TW = new("t2tw", null, ["TWVariantsPhrases", "TWVariants"]);
        internal static readonly Config T2HK = new("t2hk", null, ["HKVariantsPhrases", "HKVariants"]);
        internal static readonly Config TW2T = new("tw2t", null, ["TWVariantsRevPhrases", "TWVariantsRev"]);
        internal static readonly Config HK2T = new("hk2t", null, ["HKVariantsRevPhrases", "HKVariantsRev"]);

        private readonly Lazy<Tables> _tables;

        private Config(string name, string[]? segmentation, params string[][] chain)
        {
            Name = name;
            _tables = new Lazy<Tables>(() => new Tables(
                OpenCcTable.Get(Normalization),
                segmentation is null ? null : OpenCcTable.Get(segmentation),
                [.. chain.Select(OpenCcTable.Get)]));
        }

        internal string Name { get; }

        internal string Convert(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            Tables tables = _tables.Value;
            text = ConvertRanges(tables.Normalization, text, [text.Length]);
            if (tables.Segmentation is null)
            {
                foreach (OpenCcTable group in tables.Chain)
                {
                    text = ConvertRanges(group, text, [text.Length]);
                }

                return text;
            }

            List<int> ends = Segment(tables.Segmentation, text);
            foreach (OpenCcTable group in tables.Chain)
            {
                text = ConvertRanges(group, text, ends);
            }

            return text;
        }

        // opencc-js's Trie.segment: the longest key at each position is a
        // segment; a run of unmatched code points is one segment. Returns
        // where each segment ends.
        private static List<int> Segment(OpenCcTable table, string text)
        {
            var ends = new List<int>();
            IdeographicDescription? ids = null;
            int i = 0;
            while (i < text.Length)
            {
                int length = table.MayStartWith(text[i]) ? table.Match(text, i, text.Length, out _) : 0;
                if (length > 0)
                {
                    if (ends.Count == 0 ? i > 0 : ends[^1] < i)
                    {
                        ends.Add(i);  // the unmatched run before this key
                    }

                    i += length;
                    ends.Add(i);
                }
                else
                {
                    i += IdeographicDescription.UnmatchedLength(text, i, text.Length, ref ids);
                }
            }

            if (ends.Count == 0 || ends[^1] < text.Length)
            {
                ends.Add(text.Length);
            }

            return ends;
        }

        // opencc-js's Trie.convert over each segment separately (a key never
        // spans two). Rewrites `ends` in place to the segments' ends in the
        // result. Copies nothing until something actually changes.
        private static string ConvertRanges(OpenCcTable table, string text, IList<int> ends)
        {
            StringBuilder? sb = null;
            int copiedTo = 0;
            int start = 0;
            for (int s = 0; s < ends.Count; s++)
            {
                int end = ends[s];
                IdeographicDescription? ids = null;
                int i = start;
                while (i < end)
                {
                    string? value = null;
                    int length = table.MayStartWith(text[i]) ? table.Match(text, i, end, out value) : 0;
                    if (length == 0)
                    {
                        i += IdeographicDescription.UnmatchedLength(text, i, end, ref ids);
                        continue;
                    }

                    if (!text.AsSpan(i, length).SequenceEqual(value!))
                    {
                        sb ??= new StringBuilder(text.Length + 16);
                        sb.Append(text, copiedTo, i - copiedTo).Append(value);
                        copiedTo = i + length;
                    }

                    i += length;
                }

                // Where this segment ends in the result: what is built, plus
                // what is still to be copied unchanged.
                ends[s] = sb is null ? end : sb.Length + (end - copiedTo);
                start = end;
            }

            return sb is null ? text : sb.Append(text, copiedTo, text.Length - copiedTo).ToString();
        }

        private sealed record Tables(OpenCcTable Normalization, OpenCcTable? Segmentation, OpenCcTable[] Chain);
    }
}
