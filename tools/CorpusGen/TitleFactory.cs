namespace CorpusGen;

/// <summary>
/// Makes plausible zhwiki titles of each kind. Also used for red links, so
/// that a link to nowhere looks like any other link.
/// </summary>
internal sealed class TitleFactory(Lexicon lexicon)
{
    public const int MinLength = 2;
    public const int MaxLength = 12;

    private static readonly ZipfSampler s_surnames = new(Phrasebook.Surnames.Length, 1.0);
    private static readonly string[] s_weapons = ["战斗机", "轰炸机", "步枪", "坦克", "导弹", "火箭", "运输机", "机车"];
    private static readonly string[] s_taxa = ["属", "科", "鸟", "鱼", "兰", "树", "蛙", "蛇"];
    private static readonly string[] s_recurring = ["博览会", "锦标赛", "代表大会", "运动会", "电影节"];

    public static bool IsValid(string title) => title.Length is >= MinLength and <= MaxLength;

    /// <summary>The type word (县, 大学, 电影) that goes with the title, or "" when there is none.</summary>
    public (string Title, string TypeWord) Make(ArticleKind kind, Rng rng) => kind switch
    {
        ArticleKind.Person => (PersonName(rng), ""),
        ArticleKind.Place => Place(rng),
        ArticleKind.Organization => Organization(rng),
        ArticleKind.Concept => Concept(rng),
        ArticleKind.Event => Event(rng),
        ArticleKind.Work => (Work(rng), rng.Pick(KindProfile.Of(ArticleKind.Work).Suffixes)),
        _ => Thing(rng),
    };

    public string PersonName(Rng rng)
    {
        double roll = rng.NextDouble();
        if (roll < 0.70)
        {
            return ChineseName(rng);
        }
        if (roll < 0.92)
        {
            return ForeignName(rng);
        }
        return lexicon.DrawUncommon(WordClass.Person, rng, 20);
    }

    public string ChineseName(Rng rng)
    {
        string surname = Phrasebook.Surnames[s_surnames.Sample(rng)];
        return surname + GivenName(rng, rng.Chance(0.35) ? 1 : 2);
    }

    public static string GivenName(Rng rng, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = Phrasebook.GivenNameChars[rng.Next(Phrasebook.GivenNameChars.Length)];
        }
        return new string(chars);
    }

    public static string PlaceChars(Rng rng, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = Phrasebook.PlaceNameChars[rng.Next(Phrasebook.PlaceNameChars.Length)];
        }
        return new string(chars);
    }

    public string PlaceWord(Rng rng) => rng.Chance(0.5) ? rng.Pick(Phrasebook.Nations) : lexicon.Draw(WordClass.Place, rng);

    public static string Year(Rng rng)
    {
        // Mostly the twentieth century, as on zhwiki.
        double roll = rng.NextDouble();
        int year = roll < 0.7 ? rng.Between(1900, 2019) : roll < 0.9 ? rng.Between(1800, 1899) : rng.Between(600, 1799);
        return year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n < 10)
        {
            return digits[n].ToString();
        }
        string tens = n / 10 == 1 ? "十" : digits[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + digits[n % 10];
    }

    public static string LatinWord(Rng rng) => rng.Pick(Phrasebook.EnglishWords);

    private static string ForeignName(Rng rng)
    {
        string first = Transliteration(rng, rng.Between(1, 2), 0.5);
        string last = Transliteration(rng, rng.Between(1, 3), 0.6);
        return first + "·" + last;
    }

    private static string Transliteration(Rng rng, int syllables, double endingChance)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < syllables; i++)
        {
            text.Append(Phrasebook.TransliterationChars[rng.Next(Phrasebook.TransliterationChars.Length)]);
        }
        if (syllables == 1 || rng.Chance(endingChance))
        {
            text.Append(rng.Pick(Phrasebook.TransliterationEndings));
        }
        return text.ToString();
    }

    private (string, string) Place(Rng rng)
    {
        IReadOnlyList<string> suffixes = KindProfile.Of(ArticleKind.Place).Suffixes;
        string suffix = rng.Pick(suffixes);
        double roll = rng.NextDouble();
        if (roll < 0.45)
        {
            return (PlaceChars(rng, rng.Chance(0.8) ? 2 : 1) + suffix, suffix);
        }
        string word = lexicon.DrawUncommon(WordClass.Place, rng, 30);
        if (roll < 0.65)
        {
            return (word, "地");
        }
        if (roll < 0.85)
        {
            return (word + suffix, suffix);
        }
        return (word + PlaceChars(rng, 2) + suffix, suffix);
    }

    private (string, string) Organization(Rng rng)
    {
        string suffix = rng.Pick(KindProfile.Of(ArticleKind.Organization).Suffixes);
        double roll = rng.NextDouble();
        string title = roll switch
        {
            < 0.30 => PlaceWord(rng) + lexicon.DrawUncommon(WordClass.Noun, rng, 50) + suffix,
            < 0.55 => PlaceChars(rng, 2) + suffix,
            < 0.70 => PlaceWord(rng) + suffix,
            < 0.92 => lexicon.DrawUncommon(WordClass.Noun, rng, 50) + suffix,
            _ => Acronym(rng) + suffix,
        };
        return (title, suffix);
    }

    private (string, string) Concept(Rng rng)
    {
        double roll = rng.NextDouble();
        if (roll < 0.30)
        {
            return (lexicon.DrawUncommon(WordClass.Noun, rng, 200), "概念");
        }
        if (roll < 0.70)
        {
            string suffix = rng.Pick(KindProfile.Of(ArticleKind.Concept).Suffixes);
            return (lexicon.DrawUncommon(WordClass.Noun, rng, 30) + suffix, suffix);
        }
        if (roll < 0.85)
        {
            return (lexicon.Draw(WordClass.Adjective, rng) + lexicon.DrawUncommon(WordClass.Noun, rng, 30), "概念");
        }
        return (lexicon.DrawUncommon(WordClass.Noun, rng, 30) + lexicon.DrawUncommon(WordClass.Noun, rng, 30), "概念");
    }

    private (string, string) Event(Rng rng)
    {
        string suffix = rng.Pick(KindProfile.Of(ArticleKind.Event).Suffixes);
        double roll = rng.NextDouble();
        if (roll < 0.35)
        {
            return (Year(rng) + "年" + PlaceWord(rng) + suffix, suffix);
        }
        if (roll < 0.65)
        {
            return (PlaceWord(rng) + suffix, suffix);
        }
        if (roll < 0.80)
        {
            int n = rng.Between(1, 30);
            string number = rng.Chance(0.6) ? ChineseNumber(n) : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string recurring = rng.Pick(s_recurring);
            return ("第" + number + "届" + lexicon.DrawUncommon(WordClass.Noun, rng, 50) + recurring, recurring);
        }
        return (lexicon.DrawUncommon(WordClass.Noun, rng, 50) + suffix, suffix);
    }

    private string Work(Rng rng)
    {
        double roll = rng.NextDouble();
        if (roll < 0.30)
        {
            return lexicon.Draw(WordClass.Idiom, rng);
        }
        if (roll < 0.55)
        {
            string verse = rng.Pick(lexicon.Verses);
            int end = verse.IndexOfAny(['，', '。', '、', '；', '！', '？']);
            return verse[..Math.Min(end < 0 ? verse.Length : end, rng.Between(4, 7))];
        }
        if (roll < 0.80)
        {
            return lexicon.Draw(WordClass.Adjective, rng) + lexicon.DrawUncommon(WordClass.Noun, rng, 30);
        }
        if (roll < 0.90)
        {
            return lexicon.DrawUncommon(WordClass.Noun, rng, 30) + "之" + lexicon.DrawUncommon(WordClass.Noun, rng, 30);
        }
        // Latin titles, some with a space: the viewer must fold "_" and " ".
        return rng.Chance(0.6)
            ? LatinWord(rng) + " " + rng.Between(2, 9).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : LatinWord(rng);
    }

    private (string, string) Thing(Rng rng)
    {
        double roll = rng.NextDouble();
        if (roll < 0.25)
        {
            string weapon = rng.Pick(s_weapons);
            string model = Acronym(rng, 1, 2) + "-" + rng.Between(1, 120).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (model + weapon, weapon);
        }
        if (roll < 0.45)
        {
            return (PlaceChars(rng, 2) + "号", "船");
        }
        if (roll < 0.75)
        {
            string taxon = rng.Pick(s_taxa);
            string stem = rng.Chance(0.5) ? lexicon.Draw(WordClass.Adjective, rng) : lexicon.DrawUncommon(WordClass.Noun, rng, 100);
            return (stem + taxon, taxon == "属" || taxon == "科" ? "物种" : taxon);
        }
        if (roll < 0.90)
        {
            return (PlaceChars(rng, 2) + "级驱逐舰", "舰");
        }
        return (lexicon.DrawUncommon(WordClass.Noun, rng, 100) + "号列车", "列车");
    }

    private static string Acronym(Rng rng, int min = 2, int max = 4)
    {
        var chars = new char[rng.Between(min, max)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('A' + rng.Next(26));
        }
        return new string(chars);
    }
}
