using System.Globalization;
using System.Text;

namespace CorpusGen;

/// <summary>
/// Writes one article in the dump's Markdown: a lead with the bold title and
/// aliases, sections of generated Chinese prose with wiki links, and the
/// conversion residue the viewer has to hide ({{-}}, empty （）, \[1\], the
/// reference list after the categories).
/// </summary>
internal sealed class ArticleComposer
{
    private const ulong ArticleStream = 2;
    private const char Space = PandocLayout.BreakableSpace;

    // A link's text runs on into the following words up to one of these, as in
    // [中国共产党内部早期的一个派系](../Page/中国共产党.md "wikilink").
    private static readonly System.Buffers.SearchValues<char> AbsorbStops = System.Buffers.SearchValues.Create("，。、；：！？“”‘’（）《》\\[*\u0001");

    private static readonly string[] s_seedTargets =
    [
        .. SeedNames.TargetsWithArticles.Select(static t => t.Title),
        .. SeedNames.TargetsWithoutArticles,
        .. SeedNames.SeedTitles,
    ];

    // Relative frequency of each clause shape in Clause(); fixed words of a
    // frequent shape (被, 据) would otherwise be in nearly every article.
    private static readonly int[] s_clauseWeights = [10, 14, 8, 8, 10, 5, 6, 4, 6, 1, 3, 3, 2, 5, 5, 5, 5];
    private static readonly int s_clauseWeightTotal = s_clauseWeights.Sum();
    private static readonly ZipfSampler s_ownWordRank = new(64, 1.0);

    private static readonly string[] s_directions = ["上", "中", "下", "后", "内", "前", "期间", "之间", "以来"];
    private static readonly string[] s_interlanguageCodes = ["en", "ja", "de", "fr", "ru", "uk", "ko", "es", "it"];

    private readonly CorpusPlan _plan;
    private readonly PlannedArticle _article;
    private readonly KindProfile _profile;
    private readonly Lexicon _lexicon;
    private readonly Rng _rng;
    private readonly bool _wrap;
    private readonly string _pronoun;
    private readonly string[] _names;
    private readonly string[] _ownWords;
    private readonly List<string> _blocks = [];
    private readonly List<Piece> _pieces = [];
    private readonly List<string> _categories = [];
    private int _citations;

    private ArticleComposer(CorpusPlan plan, int index)
    {
        _plan = plan;
        _article = plan.Article(index);
        _profile = KindProfile.Of(_article.Kind);
        _lexicon = plan.Lexicon;
        _rng = Rng.For(plan.Seed, ArticleStream, index);
        _wrap = _rng.Chance(0.6);
        _pronoun = _rng.Chance(0.8) ? "他" : "她";
        _names = [_article.Title, .. _article.Aliases.Select(static a => a.Name)];
        _ownWords = PickOwnWords();
    }

    public static string Compose(CorpusPlan plan, int index) => new ArticleComposer(plan, index).Compose();

    private string Compose()
    {
        _blocks.Add(Lead());

        double size = _rng.NextDouble();
        int sections = size < 0.2 ? 0 : size < 0.8 ? _rng.Between(2, 5) : _rng.Between(5, 9);
        List<string> headings = PickHeadings(sections);
        for (int s = 0; s < headings.Count; s++)
        {
            _blocks.Add("## " + headings[s]);
            Section(longer: size >= 0.8);
        }
        Tail();
        return string.Join("\n\n", _blocks);
    }

    // ---- lead -------------------------------------------------------------

    private string Lead()
    {
        string title = _article.Title;
        switch (_article.Kind)
        {
            case ArticleKind.Person:
                Text("**" + title + "**" + LifeSpan());
                Aliases();
                Text("，");
                PlaceMention();
                Text("人，");
                NationMention();
                Text(_rng.Pick(Phrasebook.Professions));
                if (_rng.Chance(0.4))
                {
                    Text("，曾任");
                    LinkOrText(_plan.Titles.PlaceWord(_rng) + _lexicon.DrawUncommon(WordClass.Noun, _rng, 50));
                    Text(_lexicon.Draw(WordClass.Noun, _rng));
                }
                break;
            case ArticleKind.Work:
                Text("《**" + title + "**》");
                EmptyParentheses(0.3);
                Aliases();
                Text("是一部" + TitleFactory.Year(_rng) + "年的");
                NationMention();
                Text(_article.TypeWord + "，由");
                LinkOrText(_plan.Titles.PersonName(_rng));
                Text(_rng.Pick((string[])["创作", "执导", "编写", "主演", "制作"]));
                break;
            case ArticleKind.Event:
                Text("**" + title + "**");
                EmptyParentheses(0.2);
                Aliases();
                Text("是" + EventDate() + "发生于");
                PlaceMention();
                Text("的一场" + (_article.TypeWord.Length > 0 ? _article.TypeWord : "事件"));
                break;
            default:
                Text("**" + title + "**");
                EmptyParentheses(0.5);
                Aliases();
                Text(_article.Aliases.Count > 0 || _rng.Chance(0.5) ? "，是" : "是");
                LeadDescription();
                break;
        }
        Text("。");
        int more = _rng.Geometric(0.5, 0, 4);
        for (int i = 0; i < more; i++)
        {
            Sentence();
        }
        return Paragraph();
    }

    private void LeadDescription()
    {
        string type = _article.TypeWord switch
        {
            "地" => "一个" + _rng.Pick((string[])["地区", "城市", "省份", "地方", "区域"]),
            "" or "概念" => _rng.Pick((string[])["一个", "一种"]) + _lexicon.Draw(WordClass.Noun, _rng),
            _ => "一个" + _article.TypeWord,
        };
        switch (_article.Kind)
        {
            case ArticleKind.Place:
                Text("位于");
                PlaceMention();
                Text(_rng.Pick((string[])["东", "西", "南", "北", "中"]) + "部的" + type);
                if (_rng.Chance(0.5))
                {
                    Text("，面积" + _rng.Between(3, 9000).ToString(CultureInfo.InvariantCulture) + "平方公里，人口约" + _rng.Between(1, 900).ToString(CultureInfo.InvariantCulture) + "万");
                }
                break;
            case ArticleKind.Organization:
                NationMention();
                Text("的" + type + "，成立于" + TitleFactory.Year(_rng) + "年，总部位于");
                PlaceMention();
                break;
            case ArticleKind.Thing:
                bool living = _article.TypeWord is "物种" or "鸟" or "鱼" or "兰" or "树" or "蛙" or "蛇";
                NationMention();
                Text(_rng.Pick(living ? (string[])["发现", "记录", "培育"] : ["研制", "建造", "设计"]) + "的" + _article.TypeWord switch
                {
                    "船" or "舰" => "一艘" + _article.TypeWord,
                    "列车" => "一列列车",
                    _ => "一种" + _article.TypeWord,
                });
                break;
            default:
                NounPhrase(allowTitle: false);
                Text(_rng.Pick((string[])["中的", "的", "领域的"]) + type);
                break;
        }
    }

    private string LifeSpan()
    {
        int born = int.Parse(TitleFactory.Year(_rng), CultureInfo.InvariantCulture);
        born = Math.Min(born, 1995);
        _categories.Add(born.ToString(CultureInfo.InvariantCulture) + "年出生");
        int died = born + _rng.Between(30, 95);
        bool full = _rng.Chance(0.4);
        string Day(int year) => full ? $"{year}年{_rng.Between(1, 12)}月{_rng.Between(1, 28)}日" : $"{year}年";
        if (died > 2024)
        {
            return "（" + Day(born) + "－）";
        }
        _categories.Add(died.ToString(CultureInfo.InvariantCulture) + "年逝世");
        return "（" + Day(born) + "－" + Day(died) + "）";
    }

    private void Aliases()
    {
        foreach (Alias alias in _article.Aliases)
        {
            Text("，" + alias.Marker + "**" + alias.Name + "**");
            if (alias.Marker == "音译")
            {
                // As in the seed: （，时指国际工人协会，代称无产阶级国际主义）
                Text("（，" + _rng.Pick((string[])["时指", "意为", "源自"]));
                NounPhrase(allowLink: false);
                Text("）");
            }
            else
            {
                EmptyParentheses(0.4);
            }
        }
    }

    // ---- body -------------------------------------------------------------

    private List<string> PickHeadings(int count)
    {
        var headings = new List<string>();
        if (count == 0)
        {
            return headings;
        }
        if (_rng.Chance(0.5))
        {
            headings.Add(_rng.Pick(_profile.OpeningHeadings));
        }
        for (int attempt = 0; headings.Count < count && attempt < count * 4; attempt++)
        {
            string heading = _rng.Pick(_profile.Headings);
            if (!headings.Contains(heading))
            {
                headings.Add(heading);
            }
        }
        return headings;
    }

    private void Section(bool longer)
    {
        int paragraphs = _rng.Geometric(0.6, longer ? 2 : 1, 7);
        for (int p = 0; p < paragraphs; p++)
        {
            _blocks.Add(BodyParagraph());
        }
        if (_rng.Chance(0.12))
        {
            int subsections = _rng.Between(2, 3);
            for (int s = 0; s < subsections; s++)
            {
                _blocks.Add("### " + (_rng.Chance(0.3) ? (_rng.Between(185, 201) * 10).ToString(CultureInfo.InvariantCulture) + "年代" : _rng.Pick(Phrasebook.SubsectionHeadings)));
                int count = _rng.Between(1, 2);
                for (int p = 0; p < count; p++)
                {
                    _blocks.Add(BodyParagraph());
                }
            }
        }
        if (_rng.Chance(0.06))
        {
            _blocks.Add(LinkList(_rng.Between(3, 7)));
        }
        if (_rng.Chance(0.03))
        {
            _blocks.Add("{{-}}");
        }
    }

    private string BodyParagraph()
    {
        int sentences = _rng.Geometric(0.7, 1, 9);
        for (int i = 0; i < sentences; i++)
        {
            Sentence();
            if (i + 1 < sentences && _rng.Chance(0.02))
            {
                Text(Space.ToString()); // the seed has "”。 列宁还鉴于"
            }
        }
        return Paragraph();
    }

    private void Sentence()
    {
        Clause();
        if (_rng.Chance(0.25))
        {
            Text("，");
            Clause();
        }
        bool citeInside = _rng.Chance(0.04);
        if (citeInside)
        {
            Citations();
        }
        Text(_rng.Chance(0.005) ? "！" : "。");
        if (!citeInside && _rng.Chance(0.10))
        {
            Citations();
        }
    }

    private void Clause()
    {
        int pick = _rng.Next(s_clauseWeightTotal);
        int shape = 0;
        while (pick >= s_clauseWeights[shape])
        {
            pick -= s_clauseWeights[shape];
            shape++;
        }
        switch (shape)
        {
            case 0:
                Subject(); Text("是"); NounPhrase(); Text("的" + _rng.Pick((string[])["", "一个", "一种", "主要", "重要"])); Noun();
                break;
            case 1:
                Subject(); VerbPhrase(); NounPhrase();
                break;
            case 2:
                Text(Date() + "，"); Subject(); VerbPhrase(); NounPhrase();
                break;
            case 3:
                Text(_lexicon.Draw(WordClass.Preposition, _rng)); NounPhrase(); Text(_rng.Pick(s_directions) + "，"); Subject(); VerbPhrase(); NounPhrase();
                break;
            case 4:
                NounPhrase(); VerbPhrase(); NounPhrase(); Text("，" + _lexicon.Draw(WordClass.Conjunction, _rng)); VerbPhrase(); NounPhrase();
                break;
            case 5:
                Subject(); Text("于" + Date()); VerbPhrase(); NounPhrase();
                break;
            case 6:
                NounPhrase(); Text("和"); NounPhrase(); Text(_lexicon.Draw(WordClass.Adverb, _rng)); VerbPhrase();
                break;
            case 7:
                Subject(); Text("被"); NounPhrase(); Text(_lexicon.Draw(WordClass.Verb, _rng) + "为“"); Noun(); Text("”");
                break;
            case 8:
                Subject(); Text("的"); Noun(); Text(_lexicon.Draw(WordClass.Adverb, _rng) + _lexicon.Draw(WordClass.Adjective, _rng));
                break;
            case 9:
                LinkOrText(_plan.Titles.PersonName(_rng)); Text(_rng.Pick((string[])["曾写道", "有诗云", "评价道", "写道"]) + "：“" + _rng.Pick(_lexicon.Verses).TrimEnd('。') + "”");
                break;
            case 10:
                Subject(); Text(_rng.Pick((string[])["共有", "拥有", "包括", "约有"]) + Number() + _rng.Pick(Phrasebook.MeasureWords)); Noun();
                break;
            case 11:
                Text(_lexicon.Draw(WordClass.Idiom, _rng) + "，"); Subject(); VerbPhrase(); NounPhrase();
                break;
            case 12:
                Text("据《"); Noun(); Text(_lexicon.DrawUncommon(WordClass.Noun, _rng, 20) + "》" + _lexicon.Draw(WordClass.Verb, _rng) + "，"); NounPhrase(); Text(_lexicon.Draw(WordClass.Adverb, _rng)); VerbPhrase(); NounPhrase();
                break;
            case 13:
                Text(_lexicon.Draw(WordClass.Time, _rng) + "，"); NounPhrase(); VerbPhrase(); NounPhrase();
                break;
            case 14:
                Text("在" + Date() + "，"); NounPhrase(); Text("在"); PlaceMention(); VerbPhrase(); NounPhrase();
                break;
            case 15:
                Subject(); Text("与"); NounPhrase(); Text("的"); Noun(); Text(_lexicon.Draw(WordClass.Adverb, _rng)); VerbPhrase(); NounPhrase();
                break;
            default:
                Text(_lexicon.Draw(WordClass.Pronoun, _rng)); Text(_lexicon.Draw(WordClass.Adverb, _rng)); VerbPhrase(); NounPhrase(); Text("，"); NounPhrase(); VerbPhrase(); Noun();
                break;
        }
    }

    private void Subject()
    {
        double roll = _rng.NextDouble();
        if (roll < 0.30)
        {
            Text(_article.Kind == ArticleKind.Work ? "《" + Name() + "》" : Name());
        }
        else if (roll < 0.45)
        {
            Text(_article.Kind switch
            {
                ArticleKind.Person => _rng.Chance(0.85) ? _pronoun : "其",
                ArticleKind.Place when _article.TypeWord == "地" => "该地",
                ArticleKind.Concept when _article.TypeWord == "概念" => "这一概念",
                _ => "该" + _article.TypeWord,
            });
        }
        else
        {
            NounPhrase();
        }
    }

    private void NounPhrase(bool allowLink = true, bool allowTitle = true)
    {
        double roll = _rng.NextDouble();
        if (allowLink && roll < 0.17)
        {
            WikiLink();
            return;
        }
        if (roll < 0.27 && allowTitle)
        {
            Text(Name());
        }
        else if (roll < 0.45)
        {
            Text(OwnWord());
        }
        else if (roll < 0.57)
        {
            Text(_lexicon.Draw(WordClass.Adjective, _rng) + "的");
            Noun();
        }
        else if (roll < 0.68)
        {
            Noun();
            Noun();
        }
        else if (roll < 0.75)
        {
            Text(_lexicon.Draw(WordClass.Place, _rng));
            Noun();
        }
        else if (roll < 0.78)
        {
            Text(_lexicon.Draw(WordClass.Organization, _rng));
        }
        else if (roll < 0.82)
        {
            Text(_rng.Chance(0.5) ? _lexicon.Draw(WordClass.Person, _rng) : _plan.Titles.ChineseName(_rng));
        }
        else
        {
            Noun();
        }

        double residue = _rng.NextDouble();
        if (residue < 0.025)
        {
            Text("（）"); // a {{lang}} template the conversion dropped
        }
        else if (residue < 0.04)
        {
            Text("（" + LatinPhrase(_rng.Between(1, 4)) + "）");
        }
    }

    private void Noun() => Text(_rng.Chance(0.45) ? OwnWord() : _lexicon.Draw(WordClass.Noun, _rng));

    private void VerbPhrase()
    {
        if (_rng.Chance(0.35))
        {
            Text(_lexicon.Draw(WordClass.Adverb, _rng));
        }
        Text(_lexicon.Draw(WordClass.Verb, _rng));
        double roll = _rng.NextDouble();
        if (roll < 0.2)
        {
            Text("了");
        }
        else if (roll < 0.24)
        {
            Text("过");
        }
        else if (roll < 0.28)
        {
            Text("着");
        }
    }

    /// <summary>The title, now and then an alias: real articles keep naming their subject.</summary>
    private string Name() => _names.Length > 1 && _rng.Chance(0.2) ? _names[1 + _rng.Next(_names.Length - 1)] : _names[0];

    /// <summary>
    /// A word of this article's own vocabulary. Each article draws its few
    /// dozen content words once and keeps reusing them, as real articles do;
    /// that makes terms bursty (frequent in few articles) instead of spread
    /// thinly over all of them, which is what document frequencies look like.
    /// </summary>
    private string OwnWord()
    {
        int rank;
        do
        {
            rank = s_ownWordRank.Sample(_rng);
        }
        while (rank >= _ownWords.Length);
        return _ownWords[rank];
    }

    private string[] PickOwnWords()
    {
        int count = _rng.Between(15, 50);
        var words = new string[count];
        for (int i = 0; i < count; i++)
        {
            words[i] = i % 8 == 7 ? _lexicon.DrawUncommon(WordClass.Place, _rng, 20) : _lexicon.DrawUncommon(WordClass.Noun, _rng, 30);
        }
        return words;
    }

    private string Date()
    {
        string year = TitleFactory.Year(_rng) + "年";
        double roll = _rng.NextDouble();
        return roll switch
        {
            < 0.5 => year,
            < 0.8 => year + _rng.Between(1, 12).ToString(CultureInfo.InvariantCulture) + "月",
            _ => year + _rng.Between(1, 12).ToString(CultureInfo.InvariantCulture) + "月" + _rng.Between(1, 28).ToString(CultureInfo.InvariantCulture) + "日",
        };
    }

    /// <summary>A date in the year the title names (1927年汉口会议), if it names one.</summary>
    private string EventDate()
    {
        string date = Date();
        int yearEnd = _article.Title.IndexOf('年', StringComparison.Ordinal);
        if (yearEnd > 0 && _article.Title.AsSpan(0, yearEnd).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            date = _article.Title[..yearEnd] + date[date.IndexOf('年', StringComparison.Ordinal)..];
        }
        return date;
    }

    private string Number() => _rng.Chance(0.6)
        ? _rng.Between(2, _rng.Chance(0.5) ? 50 : 5000).ToString(CultureInfo.InvariantCulture)
        : TitleFactory.ChineseNumber(_rng.Between(2, 99));

    private string LatinPhrase(int words)
    {
        var phrase = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            if (i > 0)
            {
                phrase.Append(Space);
            }
            phrase.Append(TitleFactory.LatinWord(_rng));
        }
        return phrase.ToString();
    }

    private void Citations()
    {
        int count = _rng.Chance(0.2) ? 2 : 1;
        for (int i = 0; i < count; i++)
        {
            _citations++;
            Text("\\[" + _citations.ToString(CultureInfo.InvariantCulture) + "\\]");
        }
    }

    private void EmptyParentheses(double probability)
    {
        if (_rng.Chance(probability))
        {
            Text("（）");
        }
    }

    // ---- links --------------------------------------------------------------

    private void WikiLink()
    {
        string target;
        string? display = null;
        double roll = _rng.NextDouble();
        if (roll < 0.55)
        {
            PlannedArticle other = _plan.DrawLinkedArticle(_rng, _article.Index);
            target = other.Aliases.Count > 0 && _rng.Chance(0.15) ? other.Aliases[0].Name : other.Title;
        }
        else if (roll < 0.67)
        {
            target = _rng.Pick(s_seedTargets);
        }
        else if (roll < 0.87)
        {
            target = _plan.DrawRedLink(_rng);
        }
        else
        {
            target = _rng.Pick(Phrasebook.Nations);
        }

        if (_rng.Chance(0.08))
        {
            // zhwiki links are written in either script: [德國](.../德國) for 德国.
            string traditional = _lexicon.ToTraditional(target);
            if (_rng.Chance(0.7))
            {
                display = traditional;
            }
            target = traditional;
        }
        if (_rng.Chance(0.05))
        {
            display = _lexicon.DrawUncommon(WordClass.Noun, _rng, 100); // a piped link
        }
        AddLink(target, display ?? target, _rng.Chance(0.2) ? _rng.Between(1, 3) : 0);
    }

    private void LinkOrText(string name)
    {
        if (_rng.Chance(0.5))
        {
            AddLink(name, name, 0);
        }
        else
        {
            Text(name);
        }
    }

    private void PlaceMention()
    {
        if (_rng.Chance(0.6))
        {
            WikiLinkTo(_plan.Titles.PlaceWord(_rng));
        }
        else
        {
            Text(_plan.Titles.PlaceWord(_rng));
        }
    }

    private void NationMention()
    {
        string nation = _rng.Pick(Phrasebook.Nations);
        if (_rng.Chance(0.5))
        {
            WikiLinkTo(nation);
        }
        else
        {
            Text(nation);
        }
    }

    private void WikiLinkTo(string target)
    {
        if (_rng.Chance(0.08))
        {
            target = _lexicon.ToTraditional(target);
        }
        AddLink(target, target, 0);
    }

    private void AddLink(string target, string display, int absorb) =>
        _pieces.Add(new Piece(display.Replace(' ', Space), target, _rng.Chance(0.35), absorb));

    private static string Destination(string target, bool onlineForm)
    {
        string page = target.Replace(' ', '_');
        return onlineForm ? "https://zh.wikipedia.org/wiki/" + page : "../Page/" + page + ".md";
    }

    private static string WikiLinkMarkup(string text, string target, bool onlineForm) =>
        "[" + text + "](" + Destination(target, onlineForm) + " \"wikilink\")";

    private string LinkList(int items)
    {
        var lines = new List<string>();
        for (int i = 0; i < items; i++)
        {
            var item = new StringBuilder();
            int links = _rng.Chance(0.1) ? 2 : 1;
            for (int l = 0; l < links; l++)
            {
                string target = _rng.Chance(0.15) ? _plan.DrawRedLink(_rng) : _plan.DrawLinkedArticle(_rng, _article.Index).Title;
                if (_rng.Chance(0.05))
                {
                    target = _lexicon.ToTraditional(target);
                }
                item.Append(WikiLinkMarkup(target.Replace(' ', Space), target, onlineForm: false));
            }
            lines.Add(PandocLayout.ListItem(item.ToString(), _wrap));
        }
        return string.Join("\n", lines);
    }

    // ---- paragraph assembly -----------------------------------------------------

    private void Text(string text) => _pieces.Add(new Piece(text, null, false, 0));

    private string Paragraph()
    {
        var output = new StringBuilder();
        for (int i = 0; i < _pieces.Count; i++)
        {
            Piece piece = _pieces[i];
            if (piece.Target is null)
            {
                output.Append(piece.Text);
                continue;
            }
            // Absorb whole words (pieces), never half of one, up to a punctuation mark.
            string text = piece.Text;
            int absorb = piece.Absorb;
            for (int j = i + 1; absorb > 0 && j < _pieces.Count && _pieces[j].Target is null; j++, absorb--)
            {
                string next = _pieces[j].Text;
                int stop = next.AsSpan().IndexOfAny(AbsorbStops);
                int take = stop < 0 ? next.Length : stop;
                text += next[..take];
                _pieces[j] = _pieces[j] with { Text = next[take..] };
                if (stop >= 0)
                {
                    break;
                }
            }
            output.Append(WikiLinkMarkup(text, piece.Target, piece.OnlineForm));
        }
        _pieces.Clear();
        return PandocLayout.Block(output.ToString(), _wrap);
    }

    // ---- end matter -------------------------------------------------------------

    private void Tail()
    {
        if (_citations > 0 || _rng.Chance(0.5))
        {
            _blocks.Add("## 参考文献"); // empty: the references landed at the end of the file
        }
        if (_rng.Chance(0.45))
        {
            _blocks.Add("## 参见");
            _blocks.Add(LinkList(_rng.Between(2, 5)));
        }
        if (_rng.Chance(0.2))
        {
            _blocks.Add("## 外部链接");
            int count = _rng.Between(1, 3);
            var lines = new List<string>();
            for (int i = 0; i < count; i++)
            {
                lines.Add(PandocLayout.ListItem("[" + LatinPhrase(_rng.Between(2, 6)) + Space + "at" + Space + _rng.Pick(Phrasebook.WebSites) + "](" + ExternalUrl() + ")", _wrap));
            }
            _blocks.Add(string.Join("\n", lines));
        }
        if (_rng.Chance(0.3))
        {
            _blocks.Add("{{-}}");
        }
        if (_rng.Chance(0.25))
        {
            _blocks.Add(Interlanguage());
        }
        _blocks.Add(CategoryLinks());
        if (_citations > 0)
        {
            var entries = new List<string>();
            for (int n = 1; n <= _citations; n++)
            {
                entries.Add(PandocLayout.NumberedItem(n, Reference(), _wrap));
            }
            _blocks.Add(string.Join("\n", entries));
        }
    }

    private string Interlanguage()
    {
        int count = _rng.Chance(0.75) ? 1 : _rng.Between(2, 4);
        var links = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string code = _rng.Pick(s_interlanguageCodes);
            if (!used.Add(code))
            {
                continue;
            }
            string title = code switch
            {
                "ja" => _article.Title,
                "ru" => ForeignPhrase(Phrasebook.RussianWords),
                "uk" => ForeignPhrase(Phrasebook.UkrainianWords),
                "de" => ForeignPhrase(Phrasebook.GermanWords),
                "fr" => ForeignPhrase(Phrasebook.FrenchWords),
                "ko" => ForeignPhrase(Phrasebook.KoreanWords),
                _ => ForeignPhrase(Phrasebook.EnglishWords),
            };
            string section = _rng.Chance(0.2) ? "#" + ForeignPhrase(code is "ru" or "uk" ? Phrasebook.UkrainianWords : Phrasebook.EnglishWords) : "";
            string text = (code + ":" + title + section.Replace("#", "\\#")).Replace(' ', Space);
            string url = "https://zh.wikipedia.org/wiki/" + (code + ":" + title + section).Replace(' ', '_');
            links.Add("[" + text + "](" + url + " \"wikilink\")");
        }
        return PandocLayout.Block(string.Join(Space, links), _wrap);
    }

    private string ForeignPhrase(string[] words)
    {
        int count = _rng.Between(1, 3);
        var phrase = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                phrase.Append(' ');
            }
            phrase.Append(_rng.Pick(words));
        }
        return phrase.ToString();
    }

    private string CategoryLinks()
    {
        var names = new List<string>(_categories);
        int count = _rng.Geometric(0.45, 1, 4);
        for (int i = 0; i < count; i++)
        {
            names.Add(_plan.DrawCategory(_article.Kind, _rng));
        }
        if (_rng.Chance(0.25))
        {
            names.Add(_plan.DrawSharedCategory(_rng));
        }
        var links = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!seen.Add(name))
            {
                continue;
            }
            // The seed has Category:共產國際: category names come in both scripts too.
            string written = _rng.Chance(0.03) ? _lexicon.ToTraditional(name) : name;
            links.Add("[Category:" + written + "](https://zh.wikipedia.org/wiki/Category:" + written + " \"wikilink\")");
        }
        return PandocLayout.Block(string.Join(Space, links), _wrap);
    }

    private string Reference()
    {
        double roll = _rng.NextDouble();
        if (roll < 0.35)
        {
            return "";
        }
        if (roll < 0.60)
        {
            return "[" + LatinPhrase(_rng.Between(2, 7)) + "](" + ExternalUrl() + ")";
        }
        if (roll < 0.75)
        {
            string author = _rng.Pick(Phrasebook.EnglishWords)[..1] + "." + Space + _rng.Pick(Phrasebook.EnglishWords);
            return author + ":" + Space + LatinPhrase(_rng.Between(2, 5)) + "," + Space + "[" + LatinPhrase(_rng.Between(2, 6)) + "](" + ExternalUrl() + ")";
        }
        string book = _plan.Titles.ChineseName(_rng) + "：《" + _lexicon.DrawUncommon(WordClass.Noun, _rng, 50) + _lexicon.DrawUncommon(WordClass.Noun, _rng, 50) + "》，"
            + (_rng.Chance(0.7) ? _rng.Pick(Phrasebook.Publishers) : _rng.Pick(Phrasebook.Newspapers)) + "，" + _rng.Between(1950, 2023).ToString(CultureInfo.InvariantCulture) + "年";
        return _rng.Chance(0.5) ? "[" + book + "](" + ExternalUrl() + ")" : book;
    }

    private string ExternalUrl()
    {
        string site = _rng.Pick(Phrasebook.WebSites);
        string path = "/" + _rng.Pick(Phrasebook.WebPathWords) + "/" + _rng.Between(1995, 2023).ToString(CultureInfo.InvariantCulture)
            + "/" + _rng.Between(1, 99999).ToString(CultureInfo.InvariantCulture) + (_rng.Chance(0.5) ? ".htm" : ".html");
        string url = (_rng.Chance(0.7) ? "http://" : "https://") + site + path;
        if (_rng.Chance(0.2))
        {
            long stamp = 20000101000000L + (_rng.Between(0, 23) * 10000000000L) + (_rng.Between(1, 12) * 100000000L) + (_rng.Between(1, 28) * 1000000L);
            url = "https://web.archive.org/web/" + stamp.ToString(CultureInfo.InvariantCulture) + "/" + url;
        }
        return url;
    }

    private readonly record struct Piece(string Text, string? Target, bool OnlineForm, int Absorb);
}
