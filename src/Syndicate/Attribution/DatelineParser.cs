using Syndicate.Text;

namespace Syndicate.Attribution;

/// <summary>
/// Recognises the dateline or lead credit at the start of a news body, such as
/// <c>( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء)</c>, <c>القاهرة (رويترز) -</c>,
/// <c>الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس</c>, <c>MOSCOW, Jan 18 (Reuters) -</c> or
/// <c>МОСКВА, 18 янв — РИА Новости</c>, or the Chinese dispatch line <c>新华社北京3月5日电</c>.
/// </summary>
/// <remarks>
/// The parser is a single forward scan without regular expressions, bounded by <see cref="MaxHeadLength"/>, and it
/// errs towards returning <see langword="null"/>: a dateline must credit a wire agency or an outlet, and a first line
/// that merely begins with a city name is not a dateline. The one exception is the English newspaper dateline, a place
/// in capitals and a dash before the first sentence (<c>WASHINGTON —</c>, <c>SAN JUAN, Puerto Rico —</c>,
/// <c>NEW YORK, Dec. 7 --</c>): its capitals and dash mark it as furniture, and it credits nothing.
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

        if (start < head.Length && NormalizationTable.IsIdeograph(head[start]) && ParseDispatch(head, start, gazetteer, out length) is { } dispatch)
        {
            return dispatch;
        }

        var scanner = new DatelineScanner(head, gazetteer);
        var end = scanner.ScanHead(start);
        if (end <= start)
        {
            return ParseMended(head, start, text.Length <= MaxHeadLength, gazetteer, out length)
                ?? ParseUncredited(head, start, out length);
        }

        length = end;
        var raw = head[start..end].Trim().ToString();
        return new Dateline(raw, scanner.Outlet, scanner.Wire, scanner.Place, scanner.Day, scanner.Month, scanner.Year);
    }

    /// <summary>The most characters of a place in a Chinese dispatch line (乌鲁木齐, 布宜诺斯艾利斯).</summary>
    private const int MaxDispatchPlace = 8;

    /// <summary>
    /// Reads the dispatch line that opens Chinese agency copy: the agency, the place, the date and 电 ("cable"), then
    /// perhaps the reporters in brackets, with no space between them: <c>新华社北京3月5日电</c>,
    /// <c>中新社上海12月1日电（记者 王明）</c>, <c>新華社台北3月5日電</c>. The agency is one the gazetteer names in
    /// Chinese characters, at the very start; the month and day are required, so a sentence about the agency
    /// (<c>新华社记者今天报道</c>) is not a dispatch line.
    /// </summary>
    private static Dateline? ParseDispatch(ReadOnlySpan<char> head, int start, WireGazetteer gazetteer, out int length)
    {
        length = 0;
        var text = head[start..];
        WireAgency? wire = null;
        var i = 0;
        foreach (var agency in gazetteer.Agencies)
        {
            foreach (var alias in agency.Aliases)
            {
                if (alias.Length > i && NormalizationTable.IsIdeograph(alias[0]) && text.StartsWith(alias, StringComparison.Ordinal))
                {
                    wire = agency;
                    i = alias.Length;
                }
            }
        }

        if (wire is null)
        {
            return null;
        }

        var placeStart = i;
        while (i < text.Length && i - placeStart < MaxDispatchPlace && NormalizationTable.IsIdeograph(text[i]))
        {
            i++;
        }

        var place = i > placeStart ? text[placeStart..i].ToString() : null;
        if (!TryReadDispatchNumber(text, ref i, out var month) || !TryTake(text, ref i, '月')
            || !TryReadDispatchNumber(text, ref i, out var day) || !TryTake(text, ref i, '日')
            || month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (!TryTake(text, ref i, '电') && !TryTake(text, ref i, '電'))
        {
            return null;
        }

        // The reporters' names in brackets belong to the line: （记者 王明）, (记者王明).
        if (i < text.Length && text[i] is '（' or '(')
        {
            var close = text[i..].IndexOfAny('）', ')');
            if (close > 0 && close <= 40 && text.Slice(i, close).IndexOfAny('\n', '\r') < 0)
            {
                i += close + 1;
            }
        }

        length = start + i;
        return new Dateline(text[..i].ToString(), null, wire, place, day, month, null);
    }

    /// <summary>The most place words in capitals an uncredited dateline opens with (<c>SALT LAKE CITY</c>, <c>RIO DE JANEIRO</c>).</summary>
    private const int MaxUncreditedPlaceWords = 4;

    /// <summary>The most words of the region after the place (<c>Puerto Rico</c>, <c>D.C.</c>, <c>Calif.</c>).</summary>
    private const int MaxUncreditedRegionWords = 3;

    /// <summary>The longest uncredited dateline, its dash included.</summary>
    private const int MaxUncreditedLength = 64;

    /// <summary>Words in capitals that open a story as a label, not a place (<c>BREAKING —</c>).</summary>
    private static readonly string[] s_kickers =
    [
        "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE", "EDITORIAL", "COMMENTARY",
        "CORRECTION", "ADVISORY", "URGENT", "FLASH", "BULLETIN", "DEVELOPING",
    ];

    /// <summary>
    /// Reads the English newspaper dateline that credits no one: a place in capitals, perhaps a region and a date after
    /// commas, then a dash before the first sentence, all on the first line: <c>WASHINGTON —</c>,
    /// <c>SAN JUAN, Puerto Rico —</c>, <c>NEW YORK, Dec. 7 --</c>, <c>ST. LOUIS - </c>. The dash must be an em or en
    /// dash, two hyphens, or a hyphen with a space on each side, and what follows it must open a sentence (a capital, a
    /// figure or a quotation mark): <c>NATO — the alliance said</c> is story text. A label such as <c>BREAKING —</c> is
    /// read the same way and names no place.
    /// </summary>
    private static Dateline? ParseUncredited(ReadOnlySpan<char> head, int start, out int length)
    {
        length = 0;
        var s = head[start..];
        if (s.Length > MaxUncreditedLength + 1)
        {
            s = s[..(MaxUncreditedLength + 1)];
        }

        // The place: words in capitals (letters, and '.', '\'' or '-' inside them), the first of two letters or more.
        var i = 0;
        var words = 0;
        var placeEnd = 0;
        while (words < MaxUncreditedPlaceWords && TryReadCapitalsWord(s, i, out var wordEnd, out var letters))
        {
            if (words == 0 && letters < 2)
            {
                return null;
            }

            words++;
            placeEnd = i = wordEnd;
            if (i < s.Length && s[i] == ' ' && i + 1 < s.Length && char.IsUpper(s[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        if (words == 0)
        {
            return null;
        }

        i = placeEnd;
        int? day = null, month = null, year = null;
        var regions = 0;
        while (i + 1 < s.Length && s[i] == ',' && s[i + 1] == ' ' && regions < 2)
        {
            var at = i + 2;
            if (day is null && DateReader.TryRead(s, at, out var d, out var m, out var y, out var dateEnd))
            {
                (day, month, year) = (d, m, y);
                i = dateEnd;
            }
            else if (TryReadRegion(s, at, out var regionEnd))
            {
                i = regionEnd;
            }
            else
            {
                return null;
            }

            regions++;
        }

        var dashEnd = ReadDatelineDash(s, i);
        if (dashEnd < 0 || dashEnd >= s.Length || dashEnd > MaxUncreditedLength)
        {
            return null;
        }

        var next = s[dashEnd];
        if (!(char.IsUpper(next) || char.IsAsciiDigit(next) || next is '"' or '“' or '‘' or '\''))
        {
            return null;
        }

        var place = s[..placeEnd];
        length = start + dashEnd;
        return new Dateline(s[..dashEnd].TrimEnd().ToString(), null, null, IsKicker(place) ? null : place.ToString(), day, month, year);
    }

    // A word of capitals: upper-case letters, with '.', '\'', '’' or '-' inside or a '.' after.
    private static bool TryReadCapitalsWord(ReadOnlySpan<char> s, int i, out int end, out int letters)
    {
        end = i;
        letters = 0;
        while (end < s.Length)
        {
            var c = s[end];
            if (char.IsLetter(c))
            {
                // Capitals only: a script without case (Arabic, Urdu) has no place in capitals.
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (!(c is '.' or '\'' or '’' || (c == '-' && letters > 0 && end + 1 < s.Length && char.IsLetter(s[end + 1]))))
            {
                break;
            }

            end++;
        }

        return letters > 0;
    }

    // A region after the place's comma: words each opening with a capital ("Puerto Rico", "D.C.", "Calif.").
    private static bool TryReadRegion(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i;
        var words = 0;
        while (words < MaxUncreditedRegionWords && end < s.Length && char.IsUpper(s[end]))
        {
            var w = end;
            while (w < s.Length && (char.IsLetter(s[w]) || s[w] is '.' or '\'' or '’'))
            {
                w++;
            }

            words++;
            end = w;
            if (end + 1 < s.Length && s[end] == ' ' && char.IsUpper(s[end + 1]))
            {
                end++;
                continue;
            }

            break;
        }

        return words > 0;
    }

    // The dash that closes the dateline, with the spaces around it; -1 when there is none at i.
    private static int ReadDatelineDash(ReadOnlySpan<char> s, int i)
    {
        var spaced = i < s.Length && s[i] == ' ';
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length)
        {
            return -1;
        }

        if (s[i] is '—' or '–')
        {
            i++;
        }
        else if (s[i..].StartsWith("--", StringComparison.Ordinal))
        {
            i += 2;
        }
        else if (s[i] == '-' && spaced && i + 1 < s.Length && s[i + 1] == ' ')
        {
            i++;
        }
        else
        {
            return -1;
        }

        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static bool IsKicker(ReadOnlySpan<char> place)
    {
        foreach (var kicker in s_kickers)
        {
            if (place.SequenceEqual(kicker))
            {
                return true;
            }
        }

        return false;
    }

    // One or two digits, ASCII or fullwidth.
    private static bool TryReadDispatchNumber(ReadOnlySpan<char> text, ref int i, out int value)
    {
        value = 0;
        var digits = 0;
        while (i < text.Length && digits < 2 && (char.IsAsciiDigit(text[i]) || text[i] is >= '０' and <= '９'))
        {
            value = (value * 10) + (text[i] <= '9' ? text[i] - '0' : text[i] - '０');
            digits++;
            i++;
        }

        return digits > 0;
    }

    private static bool TryTake(ReadOnlySpan<char> text, ref int i, char c)
    {
        if (i < text.Length && text[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    /// <summary>Longest first line that <see cref="ParseMended"/> considers: a wire dateline, not a sentence.</summary>
    private const int MaxMendedLine = 120;

    /// <summary>
    /// Reads a first line that is a wire dateline but for a typing slip seen in real wire copy: a place glued to the
    /// day (<c>الدمام25 شوال</c>), the era letter glued to the credit (<c>2015 مواس</c>), a full stop before it
    /// (<c>2015م .واس</c>), a day written with three digits (<c>011 أغسطس</c>) or a dropped letter in <c>الموافق</c>. The slips are mended in a copy of the line and the
    /// strict scan runs on the copy; the line counts only when all of it is a dateline that credits a wire, so a
    /// sentence is never taken for one.
    /// </summary>
    private static Dateline? ParseMended(ReadOnlySpan<char> head, int start, bool wholeText, WireGazetteer gazetteer, out int length)
    {
        length = 0;
        var lineEnd = head[start..].IndexOfAny('\n', '\r');
        if (lineEnd < 0)
        {
            if (!wholeText)
            {
                return null;
            }

            lineEnd = head.Length - start;
        }

        var line = head.Slice(start, lineEnd).TrimEnd();
        if (line.Length is 0 or > MaxMendedLine || line.IndexOfAnyInRange('0', '9') < 0 && line.IndexOfAnyInRange('٠', '٩') < 0)
        {
            return null;
        }

        Span<char> mended = stackalloc char[(2 * MaxMendedLine) + 8];
        var n = Mend(line, gazetteer, mended);
        if (line.SequenceEqual(mended[..n]))
        {
            return null;
        }

        var scanner = new DatelineScanner(mended[..n], gazetteer);
        var end = scanner.ScanHead(0);
        if (end <= 0 || scanner.Wire is null || !mended[end..n].Trim().IsEmpty)
        {
            return null;
        }

        length = start + line.Length;
        return new Dateline(line.ToString(), scanner.Outlet, scanner.Wire, scanner.Place, scanner.Day, scanner.Month, scanner.Year);
    }

    /// <summary>Writes <paramref name="line"/> to <paramref name="destination"/> with the slips mended; returns the length.</summary>
    internal static int Mend(ReadOnlySpan<char> line, WireGazetteer gazetteer, Span<char> destination)
    {
        var n = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (IsDigit(c) && (i == 0 || !IsDigit(line[i - 1])))
            {
                if (i > 0 && PhraseText.IsWordChar(line[i - 1]))
                {
                    // "الدمام25": a word glued to a number.
                    destination[n++] = ' ';
                }

                if (c is '0' or '٠' && i + 3 <= line.Length && IsDigit(line[i + 1]) && IsDigit(line[i + 2])
                    && (i + 3 == line.Length || !IsDigit(line[i + 3])))
                {
                    // "011 أغسطس": a day with a stray leading zero.
                    continue;
                }
            }

            if (i == 0 || PhraseText.IsSpace(line[i - 1]))
            {
                // A word that is a wire credit behind a stray prefix: "مواس", ".واس", "م.واس".
                var prefix = 0;
                while (i + prefix < line.Length && prefix < 2 && line[i + prefix] is 'م' or '.' or 'ـ')
                {
                    prefix++;
                }

                if (prefix > 0 && gazetteer.TryMatchAt(line, i + prefix, out _, out var aliasEnd) && line[aliasEnd..].Trim().IsEmpty)
                {
                    if (line[i] == 'م')
                    {
                        destination[n++] = 'م';
                        destination[n++] = ' ';
                    }

                    line[(i + prefix)..].CopyTo(destination[n..]);
                    return n + line.Length - (i + prefix);
                }

                // "لموافق" for "الموافق".
                if (line[i..].StartsWith("لموافق", StringComparison.Ordinal))
                {
                    destination[n++] = 'ا';
                }
            }

            destination[n++] = c;
        }

        return n;
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '٠' and <= '٩' or >= '۰' and <= '۹';
}
