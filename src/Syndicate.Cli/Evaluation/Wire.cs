namespace Syndicate.Cli.Evaluation;

/// <summary>A news agency whose stories outlets carry.</summary>
internal sealed class Wire
{
    public Wire(
        string name,
        string code,
        string arabicShort,
        string arabicLong,
        string urdu,
        string russian,
        City home,
        DatelineStyle style,
        string urlPattern)
    {
        Name = name;
        Code = code;
        ArabicShort = arabicShort;
        ArabicLong = arabicLong;
        Urdu = urdu;
        Russian = russian;
        Home = home;
        Style = style;
        UrlPattern = urlPattern;
    }

    /// <summary>The English name recorded in the gold labels (<c>Reuters</c>, <c>AFP</c>, <c>SPA</c>).</summary>
    public string Name { get; }

    /// <summary>The source code of the wire's own copies (<c>reuters</c>, <c>was</c>).</summary>
    public string Code { get; }

    public string ArabicShort { get; }

    public string ArabicLong { get; }

    public string Urdu { get; }

    public string Russian { get; }

    /// <summary>The city of most of the wire's datelines.</summary>
    public City Home { get; }

    /// <summary>The dateline style of the wire's own copies.</summary>
    public DatelineStyle Style { get; }

    /// <summary>The URL of a copy: <c>{date}</c> becomes <c>yyyyMMdd</c>, <c>{n}</c> a number.</summary>
    public string UrlPattern { get; }

    public string NameIn(WireNameForm form) => form switch
    {
        WireNameForm.ArabicShort => ArabicShort,
        WireNameForm.ArabicLong => ArabicLong,
        WireNameForm.English => Name,
        WireNameForm.Urdu => Urdu,
        WireNameForm.Russian => Russian,
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    public static IReadOnlyList<Wire> All { get; } = Create();

    private static Wire[] Create()
    {
        City Find(string english) => City.All.First(c => string.Equals(c.English, english, StringComparison.Ordinal));
        return
        [
            new("Sputnik", "sputnik", "سبوتنيك", "وكالة سبوتنيك", "سپوتنک", "Спутник", Find("MOSCOW"), DatelineStyle.CityDashWire, "https://arabic.sputniknews.com/{date}/{n}.html"),
            new("Reuters", "reuters", "رويترز", "وكالة رويترز", "رائٹرز", "Рейтер", Find("LONDON"), DatelineStyle.CityParenWire, "https://www.reuters.com/article/idARAKBN{n}"),
            new("AFP", "afp", "أ ف ب", "وكالة الصحافة الفرنسية", "اے ایف پی", "Франс Пресс", Find("PARIS"), DatelineStyle.CityParenWire, "https://www.afp.com/ar/news/{n}"),
            new("SPA", "was", "واس", "وكالة الأنباء السعودية", "ایس پی اے", "СПА", Find("RIYADH"), DatelineStyle.HijriGregorian, "https://www.spa.gov.sa/{n}"),
            new("Anadolu", "aa", "الأناضول", "وكالة الأناضول", "اناطولیہ", "Анадолу", Find("ANKARA"), DatelineStyle.CityDashWire, "https://www.aa.com.tr/ar/{n}"),
            new("Xinhua", "xinhua", "شينخوا", "وكالة أنباء شينخوا", "شنہوا", "Синьхуа", Find("BEIJING"), DatelineStyle.CityParenWire, "http://arabic.news.cn/{date}/c_{n}.htm"),
            new("KUNA", "kuna", "كونا", "وكالة الأنباء الكويتية", "کونا", "КУНА", Find("KUWAIT"), DatelineStyle.CityParenWire, "https://www.kuna.net.kw/ArticleDetails.aspx?id={n}"),
            new("WAM", "wam", "وام", "وكالة أنباء الإمارات", "وام", "ВАМ", Find("ABU DHABI"), DatelineStyle.CityDashWire, "https://wam.ae/ar/details/{n}"),
            new("MENA", "mena", "أ ش أ", "وكالة أنباء الشرق الأوسط", "مینا", "МЕНА", Find("CAIRO"), DatelineStyle.CityDateSlashes, "https://www.mena.org.eg/news/{n}"),
            new("APP", "app", "وكالة أنباء باكستان", "وكالة أنباء باكستان الرسمية", "اے پی پی", "АПП", Find("ISLAMABAD"), DatelineStyle.Urdu, "https://www.app.com.pk/ar/{n}"),
            new("DPA", "dpa", "د ب أ", "الوكالة الألمانية للأنباء", "ڈی پی اے", "ДПА", Find("BERLIN"), DatelineStyle.CityParenWire, "https://www.dpa.com/ar/{n}"),
            new("TASS", "tass", "تاس", "وكالة تاس", "تاس", "ТАСС", Find("MOSCOW"), DatelineStyle.CityDashWire, "https://tass.com/ar/{n}"),
        ];
    }
}
