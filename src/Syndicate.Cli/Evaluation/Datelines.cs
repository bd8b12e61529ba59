using System.Globalization;

namespace Syndicate.Cli.Evaluation;

/// <summary>Writes datelines in each <see cref="DatelineStyle"/>.</summary>
internal static class Datelines
{
    private static readonly UmAlQuraCalendar s_umAlQura = new();

    /// <summary>Whether the style puts the dateline on a line of its own (SPA does) rather than before the lead.</summary>
    public static bool IsOwnLine(DatelineStyle style) => style == DatelineStyle.HijriGregorian;

    /// <summary>The name a dateline of <paramref name="style"/> gives <paramref name="wire"/>.</summary>
    /// <remarks>English and Urdu datelines name the wire in their own language; Arabic ones in the outlet's chosen form.</remarks>
    public static string Credit(DatelineStyle style, Wire wire, WireNameForm form) => style switch
    {
        DatelineStyle.English => wire.Name,
        DatelineStyle.Urdu => wire.Urdu,
        _ => form is WireNameForm.ArabicShort or WireNameForm.ArabicLong ? wire.NameIn(form) : wire.ArabicShort,
    };

    /// <summary>The dateline, without the separator that joins it to the lead.</summary>
    /// <param name="style">The form.</param>
    /// <param name="credit">The wire's name as the dateline writes it (or the outlet's, for its own stories).</param>
    /// <param name="city">The dateline city.</param>
    /// <param name="outletName">The outlet's name, for <see cref="DatelineStyle.OutletSlashWire"/>.</param>
    /// <param name="date">The story's date.</param>
    public static string Format(DatelineStyle style, string credit, City city, string outletName, DateTimeOffset date)
    {
        var inv = CultureInfo.InvariantCulture;
        var day = date.Day.ToString(inv);
        var month = date.Month - 1;
        return style switch
        {
            DatelineStyle.OutletSlashWire =>
                string.Create(inv, $"( {outletName} ۔ / {credit} - {day} {MonthNames.Levantine[month]} {date.Year}ء)"),
            DatelineStyle.CityDashWire => string.Create(inv, $"{city.Arabic} - {credit}."),
            DatelineStyle.CityParenWire => string.Create(inv, $"{city.Arabic} ({credit}) -"),
            DatelineStyle.HijriGregorian => FormatHijri(credit, city, date),
            DatelineStyle.English =>
                string.Create(inv, $"{city.English}, {MonthNames.EnglishShort[month]} {day} ({credit}) -"),
            DatelineStyle.Urdu =>
                string.Create(inv, $"{city.Urdu} ۔ {(date.Day == 1 ? "یکم" : day)} {MonthNames.Urdu[month]} ({credit})"),
            DatelineStyle.CityDateSlashes => string.Create(inv, $"{city.Arabic} في {day} {MonthNames.EgyptianGulf[month]} /{credit}/"),
            _ => throw new ArgumentOutOfRangeException(nameof(style)),
        };
    }

    // SPA's form: "الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس" — Umm al-Qura day zero-padded, Gregorian day not.
    private static string FormatHijri(string credit, City city, DateTimeOffset date)
    {
        var dt = date.UtcDateTime;
        var hDay = s_umAlQura.GetDayOfMonth(dt);
        var hMonth = s_umAlQura.GetMonth(dt);
        var hYear = s_umAlQura.GetYear(dt);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{city.Arabic} {hDay:00} {MonthNames.Hijri[hMonth - 1]} {hYear} هـ الموافق {date.Day} {MonthNames.Saudi[date.Month - 1]} {date.Year} م {credit}");
    }
}
