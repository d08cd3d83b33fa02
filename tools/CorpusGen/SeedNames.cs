namespace CorpusGen;

/// <summary>
/// Names taken from the three seed articles, so that a generated corpus and
/// the seeds link into each other the way a real dump does.
/// </summary>
internal static class SeedNames
{
    /// <summary>Seed titles and their aliases: linked to, never generated, so the seeds stay unique when folders are merged.</summary>
    public static readonly string[] Reserved =
    [
        "无产阶级国际主义", "国际社会主义", "英特纳雄耐尔", "国际派", "共产国际派", "毛主义国际主义运动",
    ];

    public static readonly string[] SeedTitles = ["无产阶级国际主义", "国际派", "毛主义国际主义运动"];

    /// <summary>
    /// Seed link targets that get a generated article (spread through the
    /// corpus), with the kind of article each is. Links to them resolve, in
    /// Simplified and in Traditional spelling (苏联, 蘇聯).
    /// </summary>
    public static readonly (string Title, ArticleKind Kind)[] TargetsWithArticles =
    [
        ("马克思主义", ArticleKind.Concept), ("共产国际", ArticleKind.Organization), ("毛泽东", ArticleKind.Person),
        ("苏联", ArticleKind.Place), ("共产主义", ArticleKind.Concept), ("资本主义", ArticleKind.Concept),
        ("中国共产党", ArticleKind.Organization), ("美国", ArticleKind.Place), ("德国", ArticleKind.Place),
        ("日本", ArticleKind.Place), ("法国", ArticleKind.Place), ("英国", ArticleKind.Place),
        ("莫斯科", ArticleKind.Place), ("延安", ArticleKind.Place), ("长征", ArticleKind.Event),
        ("邓小平", ArticleKind.Person), ("孙中山", ArticleKind.Person), ("帝国主义", ArticleKind.Concept),
        ("无产阶级", ArticleKind.Concept), ("资产阶级", ArticleKind.Concept), ("卡尔·马克思", ArticleKind.Person),
        ("中华人民共和国", ArticleKind.Place), ("第三世界", ArticleKind.Concept), ("社会学", ArticleKind.Concept),
        ("资本论", ArticleKind.Work), ("中国国民党", ArticleKind.Organization), ("抗日战争", ArticleKind.Event),
        ("遵义会议", ArticleKind.Event), ("王明", ArticleKind.Person), ("博古", ArticleKind.Person),
        ("张闻天", ArticleKind.Person), ("意大利", ArticleKind.Place), ("加拿大", ArticleKind.Place),
        ("托洛茨基主义", ArticleKind.Concept), ("毛泽东思想", ArticleKind.Concept), ("四人帮", ArticleKind.Organization),
    ];

    /// <summary>Seed link targets that stay red links in every generated corpus.</summary>
    public static readonly string[] TargetsWithoutArticles =
    [
        "世界革命", "中共中央政治局", "中共六届四中全会", "丹麦", "二十八个半布尔什维克", "以色列", "八七会议",
        "凯瑟琳·麦金农", "卢森堡", "反帝国主义", "反民族主义", "同性恋", "向忠发", "国内派", "国际纵队", "国际自由营",
        "女权主义", "工人阶级", "整风运动", "斯大林之死", "新共产主义运动", "朝鲜劳动党", "比利时", "毛泽东逝世",
        "毛派", "民族解放", "汉口", "父权", "瑞典", "瑞士", "社会主义革命", "罗明那兹", "美国革命共产党", "荷兰",
        "苏联派", "西班牙语", "英语单词", "资本主义复辟", "阶级利益", "魁北克", "魁北克独立运动",
    ];

    public static readonly string[] Categories =
    [
        "马克思主义", "国际共产主义运动", "革命浪潮", "中国共产党派系", "共产国际", "美国政党", "毛派组织", "美洲共产党",
    ];
}
