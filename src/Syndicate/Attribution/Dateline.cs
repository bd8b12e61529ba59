namespace Syndicate.Attribution;

/// <summary>
/// What a dateline or lead credit at the start of an article says: the outlet, the wire agency, the place and the date.
/// </summary>
/// <remarks>Immutable. Produced by <see cref="DatelineParser"/>; every part except <see cref="Text"/> may be missing.</remarks>
public sealed class Dateline
{
    internal Dateline(string text, string? outlet, WireAgency? wire, string? place, int? day, int? month, int? year)
    {
        Text = text;
        Outlet = outlet;
        Wire = wire;
        Place = place;
        Day = day;
        Month = month;
        Date = day is int d && month is int m && year is int y && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
    }

    /// <summary>The raw text the dateline was read from, trimmed, including its closing dash or colon.</summary>
    public string Text { get; }

    /// <summary>
    /// The outlet credited in the dateline: a canonical name for known outlets (<c>UrduPoint network</c> for
    /// <c>أردو بوینت نتورك</c>, <c>Pakistan Point News</c>, <c>CNN</c>, ...), otherwise the raw outlet text, trimmed.
    /// </summary>
    public string? Outlet { get; }

    /// <summary>The wire agency credited in the dateline, if one was recognised.</summary>
    public WireAgency? Wire { get; }

    /// <summary>The place as written, for example <c>موسكو</c>, <c>القاهرة</c>, <c>MOSCOW</c>, <c>ڈھاکہ</c>, <c>МОСКВА</c>.</summary>
    public string? Place { get; }

    /// <summary>
    /// The Gregorian date, when day, month and year were all read. For Hijri datelines this is the Gregorian date
    /// given after <c>الموافق</c>, or else the Umm al-Qura conversion of the Hijri date. <see langword="null"/> when
    /// the year is missing; <see cref="Day"/> and <see cref="Month"/> then still hold the partial date.
    /// </summary>
    public DateOnly? Date { get; }

    /// <summary>The Gregorian day of the month, also when the year is missing (<c>یکم دسمبر</c> gives 1).</summary>
    public int? Day { get; }

    /// <summary>The Gregorian month (1 to 12), also when the year is missing (<c>یکم دسمبر</c> gives 12).</summary>
    public int? Month { get; }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
