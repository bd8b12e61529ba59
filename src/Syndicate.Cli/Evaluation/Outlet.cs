namespace Syndicate.Cli.Evaluation;

/// <summary>
/// A stable outlet persona: the furniture an outlet wraps around every wire story it carries. The same outlet always
/// writes the same dateline form, header, footer and widgets, as a real site's template does.
/// </summary>
internal sealed class Outlet
{
    public Outlet(string code, string name, string urlPattern, DatelineStyle style, WireNameForm wireName, City city)
    {
        Code = code;
        Name = name;
        UrlPattern = urlPattern;
        Style = style;
        WireName = wireName;
        City = city;
    }

    /// <summary>The <c>source</c> field of the outlet's copies.</summary>
    public string Code { get; }

    /// <summary>The outlet's name as it appears in its own datelines and footers.</summary>
    public string Name { get; }

    /// <summary>The URL of a copy: <c>{date}</c> becomes <c>yyyyMMdd</c>, <c>{n}</c> a number.</summary>
    public string UrlPattern { get; }

    public DatelineStyle Style { get; }

    public WireNameForm WireName { get; }

    /// <summary>Where the outlet is based: the dateline city of its own stories.</summary>
    public City City { get; }

    /// <summary>Whether the body opens with the headline again (scraped pages often include the on-page title).</summary>
    public bool RepeatsTitle { get; init; }

    /// <summary>Blank-line (<c>"\n\n"</c>) or single-newline paragraph breaks.</summary>
    public string ParagraphSeparator { get; init; } = "\n\n";

    /// <summary>A line above the story: breadcrumbs, a section name.</summary>
    public string? Header { get; init; }

    /// <summary>A credit line after the story: <c>{0}</c> is the wire's name in <see cref="WireName"/> form, <c>{1}</c> its Russian name.</summary>
    public string? CreditLine { get; init; }

    public string? FollowUs { get; init; }

    public string? Copyright { get; init; }

    /// <summary>Whether the page has a "read also" box naming another story's headline.</summary>
    public bool ReadAlso { get; init; }

    /// <summary>Whether the comments widget (<c>أفكارك وتعليقاتك</c>) ends the text, glued onto whatever follows it.</summary>
    public bool CommentsWidget { get; init; }

    public static IReadOnlyList<Outlet> All { get; } = Create();

    private static Outlet[] Create()
    {
        City Find(string english) => City.All.First(c => string.Equals(c.English, english, StringComparison.Ordinal));
        return
        [
            new("urdupoint", "أردو بوینت نتورك", "https://www.urdupoint.com/ar/world/{n}.html", DatelineStyle.OutletSlashWire, WireNameForm.ArabicShort, Find("ISLAMABAD"))
            {
                RepeatsTitle = true,
                CommentsWidget = true,
            },
            new("pakistanpoint", "پاکستان پوائنٹ نیوز", "https://www.pakistanpoint.com/ar/story/{n}.html", DatelineStyle.OutletSlashWire, WireNameForm.ArabicShort, Find("ISLAMABAD"))
            {
                CommentsWidget = true,
                ReadAlso = true,
            },
            new("okaz", "عكاظ", "https://www.okaz.com.sa/news/politics/{n}", DatelineStyle.HijriGregorian, WireNameForm.ArabicShort, Find("JEDDAH"))
            {
                ParagraphSeparator = "\n",
                Copyright = "جميع الحقوق محفوظة لمؤسسة عكاظ للصحافة والنشر",
            },
            new("alriyadh", "الرياض", "https://www.alriyadh.com/{n}", DatelineStyle.HijriGregorian, WireNameForm.ArabicShort, Find("RIYADH"))
            {
                ParagraphSeparator = "\n",
                Header = "الرئيسية » محليات",
                FollowUs = "تابعونا على تويتر @alriyadh",
            },
            new("alwatan", "الوطن", "https://www.alwatan.com.sa/article/{n}", DatelineStyle.CityParenWire, WireNameForm.ArabicShort, Find("RIYADH"))
            {
                RepeatsTitle = true,
                ReadAlso = true,
                Copyright = "© صحيفة الوطن {year}. جميع الحقوق محفوظة",
            },
            new("youm7", "اليوم السابع", "https://www.youm7.com/story/{date}/{n}", DatelineStyle.CityDateSlashes, WireNameForm.ArabicShort, Find("CAIRO"))
            {
                Header = "أخبار عاجلة",
                ReadAlso = true,
                FollowUs = "تابعونا على تويتر وفيسبوك لمتابعة آخر الأخبار",
            },
            new("almasryalyoum", "المصري اليوم", "https://www.almasryalyoum.com/news/details/{n}", DatelineStyle.CityParenWire, WireNameForm.ArabicLong, Find("CAIRO"))
            {
                CreditLine = "المصدر: {0}",
            },
            new("alqabas", "القبس", "https://www.alqabas.com/article/{n}", DatelineStyle.CityParenWire, WireNameForm.ArabicShort, Find("KUWAIT"))
            {
                ParagraphSeparator = "\n",
                Copyright = "جميع الحقوق محفوظة © القبس {year}",
            },
            new("albayan", "البيان", "https://www.albayan.ae/world/{date}/{n}", DatelineStyle.CityDashWire, WireNameForm.ArabicShort, Find("DUBAI"))
            {
                RepeatsTitle = true,
                FollowUs = "تابعوا آخر الأخبار على حساب البيان في تويتر",
            },
            new("alghad", "الغد", "https://alghad.com/story/{n}", DatelineStyle.CityDashWire, WireNameForm.ArabicLong, Find("AMMAN"))
            {
                Header = "عربي ودولي",
                CreditLine = "({0})",
            },
            new("annahar", "النهار", "https://www.annahar.com/arabic/article/{n}", DatelineStyle.CityDashWire, WireNameForm.ArabicShort, Find("BEIRUT"))
            {
                ReadAlso = true,
                CommentsWidget = true,
            },
            new("dailypakistan", "روزنامہ پاکستان", "https://dailypakistan.com.pk/ar/{date}/{n}", DatelineStyle.Urdu, WireNameForm.Urdu, Find("ISLAMABAD"))
            {
                RepeatsTitle = true,
            },
            new("arabnews", "Arab News", "https://www.arabnews.com/node/{n}/ar", DatelineStyle.English, WireNameForm.English, Find("JEDDAH"))
            {
                Copyright = "Copyright © {year} Arab News. All rights reserved.",
            },
            new("rusarabic", "روسيا بالعربي", "https://rusarabic.ru/news/{n}", DatelineStyle.CityDashWire, WireNameForm.ArabicShort, Find("MOSCOW"))
            {
                CreditLine = "Источник: {1}",
                ParagraphSeparator = "\n",
            },
            new("alkhaleej", "الخليج", "https://www.alkhaleej.ae/{date}/{n}", DatelineStyle.CityParenWire, WireNameForm.ArabicShort, Find("ABU DHABI"))
            {
                ReadAlso = true,
                FollowUs = "تابعونا على تويتر",
            },
            new("almadina", "المدينة", "https://www.al-madina.com/article/{n}", DatelineStyle.HijriGregorian, WireNameForm.ArabicShort, Find("JEDDAH"))
            {
                RepeatsTitle = true,
                ParagraphSeparator = "\n",
                Copyright = "حقوق النشر محفوظة لصحيفة المدينة {year}",
            },
        ];
    }
}
