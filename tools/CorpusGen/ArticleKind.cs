namespace CorpusGen;

/// <summary>What an article is about; it decides the title's shape, the lead, the headings and the categories.</summary>
internal enum ArticleKind
{
    Person,
    Place,
    Organization,
    Concept,
    Event,
    Work,
    Thing,
}

/// <summary>Per-kind wording. Kept as data so the composer has one code path for every kind.</summary>
internal sealed class KindProfile
{
    private static readonly KindProfile[] s_profiles =
    [
        new(ArticleKind.Person,
            headings: "生平 早年 早年生活 经历 政治生涯 学术生涯 晚年 家庭 作品 思想 评价 影响 轶事 逝世 纪念",
            opening: "生平 早年",
            suffixes: "",
            category: "{nation}{profession} {place}人 {nation}{profession} {century}世纪{profession}"),
        new(ArticleKind.Place,
            headings: "历史 地理 气候 行政区划 人口 经济 交通 文化 旅游 名胜古迹 教育 宗教 语言 建筑 著名人物",
            opening: "简介 概况 历史",
            suffixes: "县 市 镇 乡 村 区 河 山 湖 岛 站 机场 公园 大桥 寺 古城 水库 街道",
            category: "{place}行政区划 {place}河流 {place}山峰 {place}城市 {place}旅游景点 {place}铁路车站 {place}岛屿 {place}地理"),
        new(ArticleKind.Organization,
            headings: "历史 沿革 组织架构 发展历史 宗旨 理念 业务 成员 活动 领导人 争议 校园 学术 出版物 财务",
            opening: "简介 概况 历史 沿革",
            suffixes: "大学 中学 学院 研究所 协会 委员会 公司 集团 银行 党 联盟 基金会 博物馆 医院 出版社 报社 俱乐部 乐团 派",
            category: "{place}政党 {place}公司 {place}大学 {year}年成立的组织 {place}非政府组织 {place}体育俱乐部 {place}组织 {noun}组织"),
        new(ArticleKind.Concept,
            headings: "定义 概述 词源 历史 理论 发展 主要观点 分类 批评 影响 应用 研究 相关概念 争论",
            opening: "简介 概述 定义",
            suffixes: "主义 理论 学 效应 定理 现象 制度 体系 运动 文化 经济 哲学 思想 模型",
            category: "{noun} {noun}理论 {noun}学 哲学概念 政治术语 {noun}术语 社会学 经济学 {noun}思想"),
        new(ArticleKind.Event,
            headings: "背景 起因 经过 过程 结果 影响 后续 伤亡 评价 纪念 参战方 各方反应",
            opening: "背景 概述",
            suffixes: "事件 战役 战争 会议 起义 革命 条约 危机 选举 地震 暴动 运动 博览会 锦标赛",
            category: "{place}历史 {century}世纪战争 {year}年{place} {place}战役 {decade}年代{place} {year}年 {place}政治事件"),
        new(ArticleKind.Work,
            headings: "剧情 情节 内容 角色 演员 制作 创作背景 发行 出版 评价 奖项 音乐 影响 版本",
            opening: "简介 概要 剧情",
            suffixes: "电影 小说 电视剧 专辑 电子游戏 漫画 诗集 歌剧",
            category: "{year}年电影 {place}电影 {place}小说 {year}年小说 {place}电视剧 {year}年电子游戏 {place}漫画 {place}文学作品"),
        new(ArticleKind.Thing,
            headings: "形态 分布 习性 特征 设计 历史 研发 服役 用途 结构 型号 规格 保护状况",
            opening: "简介 概述 特征",
            suffixes: "号 级驱逐舰 号列车 属 科 鸟 鱼 兰 树 战斗机 轰炸机 步枪 坦克 导弹 火箭",
            category: "{place}军事装备 {noun}属 战斗机 {place}铁路车辆 {noun}科 {place}动物 {place}植物 {place}武器"),
    ];

    private KindProfile(ArticleKind kind, string headings, string opening, string suffixes, string category)
    {
        Kind = kind;
        Headings = headings.Split(' ');
        OpeningHeadings = opening.Split(' ');
        Suffixes = suffixes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        CategoryPatterns = category.Split(' ');
    }

    public ArticleKind Kind { get; }

    public IReadOnlyList<string> Headings { get; }

    public IReadOnlyList<string> OpeningHeadings { get; }

    /// <summary>Type words appended to make titles (县, 大学, 战役); also the X in 该X.</summary>
    public IReadOnlyList<string> Suffixes { get; }

    public IReadOnlyList<string> CategoryPatterns { get; }

    public static KindProfile Of(ArticleKind kind) => s_profiles[(int)kind];
}
