namespace Syndicate.Attribution;

/// <summary>
/// Outlets (papers, sites, broadcasters) that credit themselves in datelines, with the canonical name reported in
/// <see cref="Dateline.Outlet"/>. Outlets not listed here are still recognised when quoted or parenthesised, and are
/// then reported by their raw text.
/// </summary>
internal static class OutletNames
{
    public static PhraseTable<string> Table { get; } = new(
    [
        new("أردو بوینت نتورك", "UrduPoint network"),
        new("أردو بوينت نتورك", "UrduPoint network"),
        new("اردو پوائنٹ نیٹ ورک", "UrduPoint network"),
        new("UrduPoint network", "UrduPoint network"),
        new("اردو پوائنٹ", "UrduPoint"),
        new("أردو بوینت", "UrduPoint"),
        new("UrduPoint", "UrduPoint"),
        new("پاکستان پوائنٹ نیوز", "Pakistan Point News"),
        new("باكستان بوينت نيوز", "Pakistan Point News"),
        new("Pakistan Point News", "Pakistan Point News"),
        new("CNN", "CNN"),
        new("سي إن إن", "CNN"),
        new("BBC", "BBC"),
        new("بي بي سي", "BBC"),
        new("فرانس 24", "France 24"),
        new("فرانس24", "France 24"),
        new("France 24", "France 24"),
        new("سكاي نيوز عربية", "Sky News Arabia"),
        new("العربية نت", "Al Arabiya"),
        new("عين اليوم", "3alyoum"),
        new("سبق", "Sabq"),

        // Pan-Arab and national sites whose names are not everyday words, as their own datelines credit them
        // ("الدوحة - الجزيرة نت", "القاهرة - بوابة الأهرام").
        new("الجزيرة نت", "Al Jazeera Net"),
        new("الجزيرة.نت", "Al Jazeera Net"),
        new("بوابة الأهرام", "Al-Ahram Gate"),
        new("اليوم السابع", "Youm7"),
        new("المصري اليوم", "Al-Masry Al-Youm"),
        new("القدس العربي", "Al-Quds Al-Arabi"),
        new("العربي الجديد", "Al-Araby Al-Jadeed"),
        new("روسيا اليوم", "RT Arabic"),
        new("مصراوي", "Masrawy"),
        new("هسبريس", "Hespress"),
        new("الخليج أونلاين", "Alkhaleej Online"),
        new("إرم نيوز", "Erem News"),
        new("عربي21", "Arabi21"),
        new("عربي 21", "Arabi21"),
        new("يورونيوز", "Euronews"),
        new("دويتشه فيله", "Deutsche Welle"),
    ]);

    /// <summary>
    /// Outlet names that are also everyday phrases ("الحياة" is "life", "الشرق الأوسط" is "the Middle East"), so they
    /// are only taken for an outlet when quoted or parenthesised.
    /// </summary>
    public static PhraseTable<string> QuotedTable { get; } = new(
    [
        new("الحياة", "Al-Hayat"),
        new("الشرق الأوسط", "Asharq Al-Awsat"),
        new("الرياض", "Al Riyadh"),
        new("عكاظ", "Okaz"),
        new("الاقتصادية", "Al Eqtisadiya"),
        new("العربية", "Al Arabiya"),
        new("الأهرام", "Al-Ahram"),
        new("الشروق", "Al-Shorouk"),
        new("الوطن", "Al-Watan"),
        new("البيان", "Al-Bayan"),
        new("الخليج", "Al-Khaleej"),
        new("الاتحاد", "Al-Ittihad"),
        new("الرأي", "Al-Rai"),
        new("الغد", "Al-Ghad"),
        new("الشرق", "Al-Sharq"),
        new("النهار", "An-Nahar"),
        new("الدستور", "Ad-Dustour"),
        new("المدينة", "Al-Madina"),
        new("الجزيرة", "Al Jazeera"),
        new("اليوم", "Alyaum"),
        new("القبس", "Al-Qabas"),
        new("المدى", "Al-Mada"),
        new("الأيام", "Al-Ayyam"),
    ]);
}
