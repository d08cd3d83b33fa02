using System.Text.RegularExpressions;

namespace WikiViewer.Titles;

/// <summary>Wikipedia language editions: which link prefixes are languages, and their names.</summary>
internal static partial class Languages
{
    // Names as zh.wikipedia's sidebar shows them (autonyms) for the editions that
    // interlanguage links point at most; other codes show the code itself.
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["ja"] = "日本語", ["ko"] = "한국어", ["de"] = "Deutsch", ["fr"] = "Français",
        ["es"] = "Español", ["ru"] = "Русский", ["it"] = "Italiano", ["pt"] = "Português", ["nl"] = "Nederlands",
        ["pl"] = "Polski", ["sv"] = "Svenska", ["uk"] = "Українська", ["vi"] = "Tiếng Việt", ["ar"] = "العربية",
        ["fa"] = "فارسی", ["he"] = "עברית", ["tr"] = "Türkçe", ["id"] = "Bahasa Indonesia", ["ms"] = "Bahasa Melayu",
        ["th"] = "ไทย", ["hi"] = "हिन्दी", ["cs"] = "Čeština", ["fi"] = "Suomi", ["no"] = "Norsk bokmål",
        ["da"] = "Dansk", ["hu"] = "Magyar", ["ro"] = "Română", ["el"] = "Ελληνικά", ["bg"] = "Български",
        ["sr"] = "Српски / srpski", ["hr"] = "Hrvatski", ["sk"] = "Slovenčina", ["sl"] = "Slovenščina",
        ["lt"] = "Lietuvių", ["lv"] = "Latviešu", ["et"] = "Eesti", ["ca"] = "Català", ["eu"] = "Euskara",
        ["gl"] = "Galego", ["eo"] = "Esperanto", ["la"] = "Latina", ["simple"] = "Simple English",
        ["mn"] = "Монгол", ["bo"] = "བོད་ཡིག", ["ug"] = "ئۇيغۇرچە", ["yue"] = "粵語", ["zh-yue"] = "粵語",
        ["wuu"] = "吴语", ["lzh"] = "文言", ["zh-classical"] = "文言", ["gan"] = "贛語", ["hak"] = "客家語",
        ["nan"] = "閩南語 / Bân-lâm-gú", ["zh-min-nan"] = "閩南語 / Bân-lâm-gú", ["cdo"] = "閩東語",
        ["be"] = "Беларуская", ["ka"] = "ქართული", ["hy"] = "Հայերեն", ["az"] = "Azərbaycanca",
        ["kk"] = "Қазақша", ["uz"] = "Oʻzbekcha", ["ta"] = "தமிழ்", ["bn"] = "বাংলা", ["ur"] = "اردو",
        ["sq"] = "Shqip", ["mk"] = "Македонски", ["bs"] = "Bosanski", ["is"] = "Íslenska", ["ga"] = "Gaeilge",
        ["cy"] = "Cymraeg", ["af"] = "Afrikaans", ["sw"] = "Kiswahili", ["tl"] = "Tagalog",
    };

    public static bool IsLanguageCode(string prefix) =>
        Names.ContainsKey(prefix) || LanguageCodePattern().IsMatch(prefix);

    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>The page on that language's Wikipedia.</summary>
    public static string ArticleUrl(string code, string title, string? fragment)
    {
        string url = $"https://{code}.wikipedia.org/wiki/{Uri.EscapeDataString(title.Replace(' ', '_'))}";
        return fragment is null ? url : url + "#" + Uri.EscapeDataString(fragment.Replace(' ', '_'));
    }

    // ISO 639 codes and Wikipedia's compound codes (zh-min-nan, be-x-old).
    [GeneratedRegex("^[a-z]{2,3}(-[a-z]{2,8})*$")]
    private static partial Regex LanguageCodePattern();
}
