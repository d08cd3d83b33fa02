namespace CorpusGen;

/// <summary>
/// Small hand-made lists for what jieba's dictionary does not give: name
/// building blocks, title suffixes, Latin-script words for parentheses,
/// interlanguage links and references, and web sites for external links.
/// </summary>
internal static class Phrasebook
{
    // Commonest surnames first: the person-name sampler draws them by rank.
    public static readonly string[] Surnames = Split(
        "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 诸葛 上官 东方 皇甫 慕容");

    public static readonly string GivenNameChars =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国文辉斌宇浩凯健俊帆旭宁龙林欣晨雪琳晶颖志海峰波亮成东飞春梅荣德仁义礼智信忠孝光耀祖宗振兴家庆福寿安康泰和顺瑞祥云山江河松柏竹青清正维嘉永长立秋冬达武贤良保全恩惠庭廷鸿鹤鸣启元之子如若思远怀白翰墨书诗逸天琦琪璐瑶婉婷淑贞珍凤燕莺昭彦谦朗骏湘沛澄";

    // Characters of Chinese transliterations of foreign names (卡尔·马克思).
    public static readonly string TransliterationChars =
        "阿巴贝比波布查达德迪杜多厄恩法菲弗福盖格古哈赫霍吉加杰卡凯柯科克库拉莱雷里利林卢鲁伦罗洛马麦曼梅米莫穆纳内尼诺帕佩皮普齐乔萨塞桑沙舍斯索塔泰特提图托瓦威韦维沃西希谢休亚扬伊尤约泽扎詹";

    public static readonly string[] TransliterationEndings = Split("斯 尔 森 顿 夫 娃 娅 莎 娜 特 德 克 诺 奇 基");

    public static readonly string PlaceNameChars =
        "东西南北安平清河山阳江宁华兴新丰永泰长昌福德宝源龙凤云天明光石林台水溪湖城桥坪口庄州川峰岭武文和顺通广利乐庆嘉宜富金银沙松柏桃梅莲青白黄赤";

    public static readonly string[] Nations = Split(
        "中国 美国 英国 法国 德国 日本 苏联 意大利 加拿大 瑞典 荷兰 比利时 瑞士 丹麦 以色列 俄罗斯 西班牙 澳大利亚 印度 巴西 韩国 波兰 奥地利 墨西哥 埃及 土耳其 伊朗 越南 泰国 新加坡");

    public static readonly string[] Professions = Split(
        "政治人物 作家 诗人 画家 演员 歌手 科学家 军事人物 运动员 企业家 哲学家 历史学家 外交官 教育家 导演 音乐家 建筑师 经济学家 数学家 物理学家 医生 记者 革命家 将领 官员 学者");

    public static readonly string[] MeasureWords = Split("个 种 座 名 位 家 所 部 次 条 项 件 批 处 支");

    public static readonly string[] SubsectionHeadings = Split(
        "早期 后期 初期 中期 国内 海外 第一阶段 第二阶段 第三阶段 现状 组成 争议 前期准备 主要成员 相关事件 其他");

    public static readonly string[] EnglishWords = Split(
        "Revolutionary International Movement Theory Party People Republic National Central Committee Workers Union Society History Culture Modern Ancient New Great Northern Southern Eastern Western Mountain River Lake Island Station Railway University Academy Institute School Museum Library Press Journal Review Studies Notes Archive Bank Company Group League Council Federation Association Foundation Congress Assembly Conference War Battle Treaty Crisis Reform Rebellion Revolution Dynasty Empire Kingdom State City County Village Province Region Valley Bridge Temple Palace Garden Park Tower Film Novel Album Song Poem Opera Theatre Game Series Edition Volume Chapter Science Physics Chemistry Biology Mathematics Philosophy Economics Language Literature Music Art Design Engineering Research Development Network System Project Program Control Power Energy Light Water Fire Earth Spring Autumn Golden Red Blue Green White Black Silver Star Moon Sun Dragon Phoenix Tiger");

    public static readonly string[] RussianWords = Split(
        "История Революция Движение Партия Город Река Война Союз Теория Культура Наука Общество Литература Музыка Искусство Республика Народ Свобода Земля Море Остров Озеро Университет Театр Роман");

    public static readonly string[] UkrainianWords = Split(
        "Історія Революція Рух Партія Місто Річка Війна Союз Теорія Культура Наука Суспільство Література Музика Мистецтво Республіка Народ Свобода Земля Море Інтернаціоналізм");

    public static readonly string[] GermanWords = Split(
        "Geschichte Revolution Bewegung Partei Stadt Fluss Krieg Bund Theorie Kultur Wissenschaft Gesellschaft Literatur Musik Kunst Republik Universität Bahnhof Schlacht Vertrag Straße");

    public static readonly string[] FrenchWords = Split(
        "Histoire Révolution Mouvement Parti Ville Fleuve Guerre Union Théorie Culture Science Société Littérature Musique Art République Université Gare Bataille Traité Église");

    public static readonly string[] KoreanWords = Split("역사 혁명 운동 정당 도시 강 전쟁 연합 이론 문화 과학 사회 문학 음악 예술 공화국 대학교 영화 소설");

    public static readonly string[] Publishers = Split(
        "人民出版社 商务印书馆 中华书局 三联书店 上海古籍出版社 北京大学出版社 中国社会科学出版社 科学出版社 文物出版社 上海人民出版社 台湾商务印书馆 联经出版公司 香港中文大学出版社");

    public static readonly string[] Newspapers = Split("人民日报 光明日报 解放日报 联合报 中国时报 明报 大公报 南方周末 文汇报 新京报");

    public static readonly string[] WebSites = Split(
        "www.people.com.cn www.xinhuanet.com news.bbc.co.uk www.nytimes.com www.gov.cn www.marxists.org books.google.com www.jstor.org news.sina.com.cn www.chinanews.com www.un.org www.britannica.com www.theguardian.com www.zaobao.com www.cnki.net www.npm.gov.tw www.stats.gov.cn www.nature.com www.imdb.com www.douban.com");

    public static readonly string[] WebPathWords = Split(
        "archive news article history world china politics culture sports science works report doc data page story review profile");

    private static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
