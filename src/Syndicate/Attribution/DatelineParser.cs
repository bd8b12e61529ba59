namespace Syndicate.Attribution;

/// <summary>
/// Recognises the dateline or lead credit at the start of a news body, such as
/// <c>( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء)</c>, <c>القاهرة (رويترز) -</c>,
/// <c>الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس</c>, <c>MOSCOW, Jan 18 (Reuters) -</c> or
/// <c>МОСКВА, 18 янв — РИА Новости</c>.
/// </summary>
/// <remarks>
/// The parser is a single forward scan without regular expressions, bounded by <see cref="MaxHeadLength"/>, and it
/// errs towards returning <see langword="null"/>: a dateline must credit a wire agency or an outlet, and a first line
/// that merely begins with a city name is not a dateline.
/// </remarks>
public static class DatelineParser
{
    /// <summary>How many chars at the start of a text are examined.</summary>
    public const int MaxHeadLength = 250;

    /// <summary>Parses the dateline at the start of <paramref name="text"/>.</summary>
    /// <param name="text">An article body, or its first few hundred chars.</param>
    /// <param name="gazetteer">The wire agencies to recognise; <see cref="WireGazetteer.Default"/> when omitted.</param>
    /// <returns>The dateline, or <see langword="null"/> when nothing credible is found.</returns>
    public static Dateline? Parse(ReadOnlySpan<char> text, WireGazetteer? gazetteer = null) =>
        Parse(text, gazetteer ?? WireGazetteer.Default, out _);

    /// <summary>Parses the dateline and reports how many chars of <paramref name="text"/> it spans.</summary>
    internal static Dateline? Parse(ReadOnlySpan<char> text, WireGazetteer gazetteer, out int length)
    {
        length = 0;
        var head = text.Length > MaxHeadLength ? text[..MaxHeadLength] : text;
        var start = 0;
        while (start < head.Length && PhraseText.IsSpace(head[start]))
        {
            start++;
        }

        var scanner = new DatelineScanner(head, gazetteer);
        var end = scanner.ScanHead(start);
        if (end <= start)
        {
            return null;
        }

        length = end;
        var raw = head[start..end].Trim().ToString();
        return new Dateline(raw, scanner.Outlet, scanner.Wire, scanner.Place, scanner.Day, scanner.Month, scanner.Year);
    }
}
