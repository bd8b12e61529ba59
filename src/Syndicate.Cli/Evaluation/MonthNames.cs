namespace Syndicate.Cli.Evaluation;

/// <summary>Month names in the forms datelines use; index 0 is January (or Muharram).</summary>
internal static class MonthNames
{
    /// <summary>Syriac month names used in the Levant and Iraq.</summary>
    public static IReadOnlyList<string> Levantine { get; } =
        ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];

    /// <summary>Transliterated Latin names used in Egypt, the Gulf and the Maghreb.</summary>
    public static IReadOnlyList<string> EgyptianGulf { get; } =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    /// <summary>The same months as Saudi outlets spell them in Hijri–Gregorian datelines (hamza dropped).</summary>
    public static IReadOnlyList<string> Saudi { get; } =
        ["يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"];

    public static IReadOnlyList<string> Urdu { get; } =
        ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"];

    /// <summary>Reuters-style abbreviations.</summary>
    public static IReadOnlyList<string> EnglishShort { get; } =
        ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

    public static IReadOnlyList<string> Hijri { get; } =
        ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"];
}
