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
    ]);
}
