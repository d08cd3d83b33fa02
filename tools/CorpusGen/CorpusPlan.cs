using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CorpusGen;

/// <summary>A bold name in a lead other than the title, with the word that introduces it (又称, 全称, 字...).</summary>
internal readonly record struct Alias(string Marker, string Name);

internal sealed record PlannedArticle(int Index, string Title, ArticleKind Kind, string TypeWord, IReadOnlyList<Alias> Aliases, string FileName);

/// <summary>
/// Everything decided for the whole corpus before any article is written:
/// titles, aliases, red-link names, category pools and how popular each
/// article is as a link target. Articles are then independent of each other,
/// so they can be composed in parallel and in any order.
/// </summary>
internal sealed class CorpusPlan
{
    private const ulong PlanStream = 1;
    private const double DeliberateAliasClash = 0.003;

    private readonly PlannedArticle[] _articles;
    private readonly int[] _byPopularity;
    private readonly ZipfSampler _popularity;
    private readonly string[] _redLinks;
    private readonly ZipfSampler _redLinkPopularity;
    private readonly string[][] _categoryPools;
    private readonly ZipfSampler[] _categoryPopularity;
    private readonly string[] _sharedCategories;
    private readonly ZipfSampler _sharedCategoryPopularity;

    private CorpusPlan(int seed, Lexicon lexicon, PlannedArticle[] articles, int[] byPopularity, string[] redLinks, string[][] categoryPools, string[] sharedCategories)
    {
        Seed = seed;
        Lexicon = lexicon;
        Titles = new TitleFactory(lexicon);
        _articles = articles;
        _byPopularity = byPopularity;
        // Flatter than word frequencies: a few hubs, but most articles get some links.
        _popularity = new ZipfSampler(articles.Length, 0.9, 10);
        _redLinks = redLinks;
        _redLinkPopularity = new ZipfSampler(redLinks.Length, 1.0);
        _categoryPools = categoryPools;
        _categoryPopularity = categoryPools.Select(static p => new ZipfSampler(p.Length, 1.0)).ToArray();
        _sharedCategories = sharedCategories;
        _sharedCategoryPopularity = new ZipfSampler(sharedCategories.Length, 1.0);
    }

    public int Seed { get; }

    public int Count => _articles.Length;

    public Lexicon Lexicon { get; }

    public TitleFactory Titles { get; }

    public PlannedArticle Article(int index) => _articles[index];

    public static CorpusPlan Create(int count, int seed, Lexicon lexicon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Rng rng = Rng.For(seed, PlanStream, 0);
        var titles = new TitleFactory(lexicon);

        // Every name in use, titles and aliases and red links alike. Generated
        // names are Simplified fixed points of folding, so plain string
        // equality here is equality after Traditional/Simplified folding.
        var taken = new HashSet<string>(SeedNames.Reserved, StringComparer.Ordinal);
        taken.UnionWith(SeedNames.TargetsWithoutArticles);
        taken.UnionWith(SeedNames.TargetsWithArticles.Select(static t => t.Title));

        var kinds = new ArticleKind[count];
        var names = new string[count];
        var typeWords = new string[count];
        int seedArticles = Math.Min(count, SeedNames.TargetsWithArticles.Length);
        for (int j = 0; j < seedArticles; j++)
        {
            int index = (int)((long)j * count / SeedNames.TargetsWithArticles.Length);
            (names[index], kinds[index]) = SeedNames.TargetsWithArticles[j];
            typeWords[index] = DefaultTypeWord(kinds[index]);
        }
        for (int i = 0; i < count; i++)
        {
            if (names[i] is not null)
            {
                continue;
            }
            kinds[i] = DrawKind(rng);
            (names[i], typeWords[i]) = UniqueTitle(titles, kinds[i], rng, taken);
        }

        var articles = new PlannedArticle[count];
        for (int i = 0; i < count; i++)
        {
            IReadOnlyList<Alias> aliases = MakeAliases(titles, lexicon, kinds[i], names[i], names, rng, taken);
            articles[i] = new PlannedArticle(i, names[i], kinds[i], typeWords[i], aliases, FileName(seed, i, names[i]));
        }

        int[] byPopularity = Enumerable.Range(0, count).ToArray();
        Shuffle(byPopularity, rng);

        var redLinks = new string[Math.Max(40, count / 4)];
        for (int i = 0; i < redLinks.Length; i++)
        {
            redLinks[i] = UniqueTitle(titles, DrawKind(rng), rng, taken).Title;
        }

        string[][] pools = Enum.GetValues<ArticleKind>().Select(kind => CategoryPool(kind, titles, lexicon, rng)).ToArray();
        string[] shared = SharedCategories(lexicon, rng);
        return new CorpusPlan(seed, lexicon, articles, byPopularity, redLinks, pools, shared);
    }

    /// <summary>Another article, popular ones far more often; neighbours in index order stand in for a topic cluster.</summary>
    public PlannedArticle DrawLinkedArticle(Rng rng, int fromIndex)
    {
        if (_articles.Length > 1 && rng.Chance(0.3))
        {
            int offset = rng.Between(1, 40) * (rng.Chance(0.5) ? 1 : -1);
            return _articles[(((fromIndex + offset) % _articles.Length) + _articles.Length) % _articles.Length];
        }
        return _articles[_byPopularity[_popularity.Sample(rng)]];
    }

    public string DrawRedLink(Rng rng) => _redLinks[_redLinkPopularity.Sample(rng)];

    public string DrawCategory(ArticleKind kind, Rng rng) => _categoryPools[(int)kind][_categoryPopularity[(int)kind].Sample(rng)];

    public string DrawSharedCategory(Rng rng) => _sharedCategories[_sharedCategoryPopularity.Sample(rng)];

    private static ArticleKind DrawKind(Rng rng) => rng.NextDouble() switch
    {
        < 0.25 => ArticleKind.Person,
        < 0.43 => ArticleKind.Place,
        < 0.58 => ArticleKind.Organization,
        < 0.72 => ArticleKind.Concept,
        < 0.82 => ArticleKind.Event,
        < 0.92 => ArticleKind.Work,
        _ => ArticleKind.Thing,
    };

    private static string DefaultTypeWord(ArticleKind kind) => kind switch
    {
        ArticleKind.Place => "地",
        ArticleKind.Organization => "组织",
        ArticleKind.Concept => "概念",
        ArticleKind.Event => "事件",
        ArticleKind.Work => "书",
        ArticleKind.Thing => "物",
        _ => "",
    };

    private static (string Title, string TypeWord) UniqueTitle(TitleFactory titles, ArticleKind kind, Rng rng, HashSet<string> taken)
    {
        (string Title, string TypeWord) made = ("", "");
        for (int attempt = 0; attempt < 64; attempt++)
        {
            made = titles.Make(kind, rng);
            if (TitleFactory.IsValid(made.Title) && taken.Add(made.Title))
            {
                return made;
            }
        }
        // Practically unreachable; a numbered name keeps the loop bounded.
        for (int n = 2; ; n++)
        {
            string numbered = made.Title[..Math.Min(made.Title.Length, 8)] + n.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(numbered))
            {
                return (numbered, made.TypeWord);
            }
        }
    }

    private static IReadOnlyList<Alias> MakeAliases(TitleFactory titles, Lexicon lexicon, ArticleKind kind, string title, string[] allTitles, Rng rng, HashSet<string> taken)
    {
        double chance = kind switch
        {
            ArticleKind.Organization => 0.35,
            ArticleKind.Concept => 0.25,
            ArticleKind.Person => 0.20,
            ArticleKind.Place or ArticleKind.Event => 0.15,
            _ => 0.10,
        };
        if (!rng.Chance(chance))
        {
            return [];
        }

        var aliases = new List<Alias>();
        int wanted = rng.Chance(0.25) ? 2 : 1;
        for (int attempt = 0; attempt < 8 && aliases.Count < wanted; attempt++)
        {
            Alias candidate = kind switch
            {
                ArticleKind.Person => rng.NextDouble() switch
                {
                    < 0.4 => new Alias("字", TitleFactory.GivenName(rng, 2)),
                    < 0.7 => new Alias("号", TitleFactory.PlaceChars(rng, 2) + rng.Pick((string[])["居士", "山人", "先生", "道人", "主人"])),
                    _ => new Alias("原名", title[..1] + TitleFactory.GivenName(rng, 2)),
                },
                ArticleKind.Organization => rng.Chance(0.6)
                    ? new Alias("简称", Abbreviate(title, rng))
                    : new Alias("全称", titles.PlaceWord(rng) + title),
                ArticleKind.Place => new Alias(rng.Chance(0.5) ? "旧称" : "古称", TitleFactory.PlaceChars(rng, 2) + (title.Length > 2 ? title[^1..] : "")),
                ArticleKind.Concept => rng.Chance(0.7)
                    ? new Alias("又称", lexicon.DrawUncommon(WordClass.Noun, rng, 30) + rng.Pick(KindProfile.Of(ArticleKind.Concept).Suffixes))
                    : new Alias("音译", TransliteratedAlias(rng)),
                _ => new Alias(rng.Chance(0.7) ? "又称" : "原名", lexicon.DrawUncommon(WordClass.Noun, rng, 30) + lexicon.DrawUncommon(WordClass.Noun, rng, 30)),
            };
            if (TitleFactory.IsValid(candidate.Name) && taken.Add(candidate.Name))
            {
                aliases.Add(candidate);
            }
        }

        // zhwiki has aliases that are also another page's title; the viewer
        // must let the title win, so a few are made on purpose.
        if (allTitles.Length > 100 && rng.Chance(DeliberateAliasClash))
        {
            string other = allTitles[rng.Next(allTitles.Length)];
            if (other != title)
            {
                aliases.Add(new Alias("又称", other));
            }
        }
        return aliases;
    }

    private static string Abbreviate(string title, Rng rng)
    {
        // 北京大学 -> 北大: first character plus the first of the type word, or two leading characters.
        return title.Length >= 4 && rng.Chance(0.7) ? string.Concat(title.AsSpan(0, 1), title.AsSpan(title.Length - 2, 1)) : title[..Math.Min(3, title.Length)];
    }

    private static string TransliteratedAlias(Rng rng)
    {
        var text = new StringBuilder();
        int length = rng.Between(3, 6);
        for (int i = 0; i < length; i++)
        {
            text.Append(Phrasebook.TransliterationChars[rng.Next(Phrasebook.TransliterationChars.Length)]);
        }
        return text.ToString();
    }

    private static string[] CategoryPool(ArticleKind kind, TitleFactory titles, Lexicon lexicon, Rng rng)
    {
        IReadOnlyList<string> patterns = KindProfile.Of(kind).CategoryPatterns;
        var pool = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int attempt = 0; pool.Count < 50 && attempt < 500; attempt++)
        {
            string name = FillCategory(rng.Pick(patterns), titles, lexicon, rng);
            if (seen.Add(name))
            {
                pool.Add(name);
            }
        }
        return pool.ToArray();
    }

    private static string[] SharedCategories(Lexicon lexicon, Rng rng)
    {
        var pool = new List<string>(SeedNames.Categories);
        var seen = new HashSet<string>(pool, StringComparer.Ordinal);
        string[] patterns = ["{noun}", "{noun}{noun}", "{place}", "{place}文化", "{noun}史"];
        var titles = new TitleFactory(lexicon);
        for (int attempt = 0; pool.Count < 60 && attempt < 500; attempt++)
        {
            string name = FillCategory(rng.Pick(patterns), titles, lexicon, rng);
            if (seen.Add(name))
            {
                pool.Add(name);
            }
        }
        // Seed categories at random ranks rather than all at the top.
        string[] result = pool.ToArray();
        Shuffle(result, rng);
        return result;
    }

    private static string FillCategory(string pattern, TitleFactory titles, Lexicon lexicon, Rng rng)
    {
        var text = new StringBuilder(pattern);
        Replace(text, "{nation}", () => rng.Pick(Phrasebook.Nations));
        Replace(text, "{place}", () => titles.PlaceWord(rng));
        Replace(text, "{profession}", () => rng.Pick(Phrasebook.Professions));
        Replace(text, "{year}", () => rng.Between(1900, 2020).ToString(CultureInfo.InvariantCulture));
        Replace(text, "{decade}", () => (rng.Between(190, 201) * 10).ToString(CultureInfo.InvariantCulture));
        Replace(text, "{century}", () => rng.Between(17, 21).ToString(CultureInfo.InvariantCulture));
        Replace(text, "{noun}", () => lexicon.DrawUncommon(WordClass.Noun, rng, 50));
        return text.ToString();
    }

    private static void Replace(StringBuilder text, string placeholder, Func<string> value)
    {
        for (int at = text.ToString().IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = text.ToString().IndexOf(placeholder, StringComparison.Ordinal))
        {
            text.Remove(at, placeholder.Length).Insert(at, value());
        }
    }

    private static void Shuffle<T>(T[] items, Rng rng)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string FileName(int seed, int index, string title)
    {
        // Opaque like the seeds' names, but reproducible from the arguments.
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{index}\n{title}"));
        return $"{index:D6}_{Convert.ToHexStringLower(hash, 0, 8)}.txt";
    }
}
