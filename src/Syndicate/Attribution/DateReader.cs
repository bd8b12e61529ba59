using System.Globalization;

namespace Syndicate.Attribution;

/// <summary>
/// Reads the short dates found in datelines: <c>18 كانون الثاني 2022ء</c>, <c>05 شوال 1436 هـ الموافق 21 يوليو 2015 م</c>,
/// <c>یکم دسمبر</c>, <c>Jan 18</c>, <c>18 янв</c>, KUNA's <c>7 - 12</c>, with ASCII, Arabic-Indic or Extended
/// Arabic-Indic digits.
/// </summary>
internal static class DateReader
{
    /// <summary>Month values at or above this offset are Hijri months (offset + 1 is Muharram).</summary>
    private const int HijriOffset = 100;

    private static readonly PhraseTable<int> s_months = new(CreateMonths());

    private static readonly PhraseTable<int> s_dayWords = new(
    [
        new("یکم", 1), // Urdu "first", used for the first of the month
        new("پہلی", 1),
    ]);

    // Year suffixes: Urdu ء (AD), Arabic م (AD) and هـ (AH), Russian г./года.
    private static readonly PhraseTable<bool> s_yearSuffixes = new(
    [
        new("ء", true), new("م", true), new("هـ", true), new("ه", true), new("г", true), new("года", true),
    ]);

    private static readonly PhraseTable<bool> s_corresponding = new(
    [
        new("الموافق", true), new("الموافقة", true), new("الموافق لـ", true), new("الموافق ل", true),
    ]);

    private static readonly UmAlQuraCalendar s_umAlQura = new();

    /// <summary>True when a month name begins at <paramref name="start"/>.</summary>
    public static bool IsMonthAt(ReadOnlySpan<char> text, int start) => s_months.TryMatchAt(text, start, out _, out _);

    /// <summary>True when <paramref name="word"/> is a month name, whole.</summary>
    public static bool IsMonth(ReadOnlySpan<char> word) => s_months.TryMatchAt(word, 0, out _, out var end) && end == word.Length;

    /// <summary>
    /// Reads a date starting exactly at <paramref name="start"/> (a digit, an ordinal word or a month name).
    /// <paramref name="end"/> is the index just after the date and any year suffix.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> text, int start, out int day, out int month, out int? year, out int end)
    {
        day = 0;
        month = 0;
        year = null;
        end = start;
        if (start >= text.Length)
        {
            return false;
        }

        if (TryReadDay(text, start, out day, out var pos))
        {
            // Day first: "18 كانون الثاني 2022ء", "05 شوال 1436 هـ", "18 янв", "1 December 2021".
            var dayEnd = pos;
            pos = SkipSpaces(text, pos);
            if (!s_months.TryMatchAt(text, pos, out month, out pos))
            {
                // Day and month in figures, as KUNA and SUNA date their datelines: "7 - 12", "7-12".
                if (!TryReadNumericMonth(text, dayEnd, out month, out pos) || day is < 1 or > 31)
                {
                    return false;
                }

                end = pos;
                return true;
            }

            if (pos < text.Length && text[pos] == '.' && IsLatinLetter(text[pos - 1]))
            {
                pos++; // an abbreviated month: "7 Dic.", "7 déc."
            }

            pos = SkipAlternativeMonth(text, pos);
            year = TryReadYear(text, pos, out var afterYear) ? ParseYear(text, pos) : null;
            if (year is not null)
            {
                pos = afterYear;
            }
        }
        else if (s_months.TryMatchAt(text, start, out month, out pos))
        {
            // Month first: "Jan 18", "January 18, 2022". The month is followed by a period in "Jan. 18".
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
            }

            pos = SkipSpaces(text, pos);
            if (!TryReadDay(text, pos, out day, out pos))
            {
                return false;
            }

            var p = SkipSpaces(text, pos);
            if (p < text.Length && text[p] == ',')
            {
                p = SkipSpaces(text, p + 1);
            }

            if (TryReadYear(text, p, out var afterYear))
            {
                year = ParseYear(text, p);
                pos = afterYear;
            }
        }
        else
        {
            return false;
        }

        if (day is < 1 or > 31)
        {
            return false;
        }

        if (month > HijriOffset)
        {
            return TryResolveHijri(text, pos, ref day, ref month, ref year, out end);
        }

        if (year is < 1900 or > 2100)
        {
            year = null;
        }

        end = pos;
        return true;
    }

    private static bool TryResolveHijri(ReadOnlySpan<char> text, int pos, ref int day, ref int month, ref int? year, out int end)
    {
        // "05 شوال 1436 هـ الموافق 21 يوليو 2015 م": prefer the Gregorian date the agency gives.
        var p = SkipSpaces(text, pos);
        if (s_corresponding.TryMatchAt(text, p, out _, out var afterWord))
        {
            afterWord = SkipSpaces(text, afterWord);
            if (TryRead(text, afterWord, out var gDay, out var gMonth, out var gYear, out var gEnd) && gMonth < HijriOffset)
            {
                day = gDay;
                month = gMonth;
                year = gYear;
                end = gEnd;
                return true;
            }
        }

        end = pos;
        var hijriMonth = month - HijriOffset;
        if (year is int hy && hy is >= 1318 and <= 1500 && day <= 30)
        {
            try
            {
                var g = s_umAlQura.ToDateTime(hy, hijriMonth, Math.Min(day, s_umAlQura.GetDaysInMonth(hy, hijriMonth)), 0, 0, 0, 0);
                day = g.Day;
                month = g.Month;
                year = g.Year;
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                // Outside the Umm al-Qura table: fall through to an undated result.
            }
        }

        // A Hijri day and month without a usable year cannot be placed in the Gregorian calendar.
        day = 0;
        month = 0;
        year = null;
        return false;
    }

    // "- 12" or "-12" after a day: a dash, then a month of one or two figures that no other figure follows.
    private static bool TryReadNumericMonth(ReadOnlySpan<char> text, int pos, out int month, out int end)
    {
        month = 0;
        end = pos;
        pos = SkipSpaces(text, pos);
        if (pos >= text.Length || text[pos] is not ('-' or '–'))
        {
            return false;
        }

        var start = SkipSpaces(text, pos + 1);
        pos = ReadDigits(text, start, out var value);
        if (pos - start is 0 or > 2 || value is < 1 or > 12 || (pos < text.Length && PhraseText.IsWordChar(text[pos])))
        {
            return false;
        }

        month = value;
        end = pos;
        return true;
    }

    // Up to three digits (ASCII or either Arabic-Indic set) from start; returns the index after them, their value in
    // value. A third digit is read so that the callers can refuse a number of more than two.
    private static int ReadDigits(ReadOnlySpan<char> text, int start, out int value)
    {
        var pos = start;
        value = 0;
        while (pos < text.Length && pos - start < 3 && TryDigit(text[pos], out var d))
        {
            value = (value * 10) + d;
            pos++;
        }

        return pos;
    }

    private static bool TryReadDay(ReadOnlySpan<char> text, int start, out int day, out int end)
    {
        day = 0;
        end = start;
        if (start >= text.Length)
        {
            return false;
        }

        if (s_dayWords.TryMatchAt(text, start, out day, out end))
        {
            return true;
        }

        var pos = ReadDigits(text, start, out var value);
        var digits = pos - start;
        if (digits is 0 or > 2)
        {
            return false;
        }

        // English ordinals: 1st, 2nd, 3rd, 18th.
        if (pos + 1 < text.Length && IsOrdinalSuffix(text[pos], text[pos + 1]))
        {
            pos += 2;
        }

        if (pos < text.Length && PhraseText.IsWordChar(text[pos]))
        {
            return false;
        }

        day = value;
        end = pos;
        return true;
    }

    private static bool IsOrdinalSuffix(char a, char b)
    {
        a = char.ToLowerInvariant(a);
        b = char.ToLowerInvariant(b);
        return (a, b) is ('s', 't') or ('n', 'd') or ('r', 'd') or ('t', 'h');
    }

    private static bool TryReadYear(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        var p = SkipSpaces(text, start);
        if (p < text.Length && text[p] == ',')
        {
            p = SkipSpaces(text, p + 1);
        }

        var digitsStart = p;
        while (p < text.Length && TryDigit(text[p], out _))
        {
            p++;
        }

        if (p - digitsStart != 4)
        {
            return false;
        }

        // A suffix may be glued ("2022ء", "1436هـ", "2015م") or follow after a space ("2015 م", "2021 г.").
        var suffixStart = p < text.Length && PhraseText.IsWordChar(text[p]) ? p : SkipSpaces(text, p);
        if (s_yearSuffixes.TryMatchAt(text, suffixStart, out _, out var suffixEnd))
        {
            p = suffixEnd;
            if (p < text.Length && text[p] == '.' && suffixEnd - suffixStart == 1 && text[suffixStart] is 'г' or 'Г')
            {
                p++;
            }
        }
        else if (p < text.Length && PhraseText.IsWordChar(text[p]))
        {
            return false;
        }

        end = p;
        return true;
    }

    private static int ParseYear(ReadOnlySpan<char> text, int start)
    {
        var p = SkipSpaces(text, start);
        if (p < text.Length && text[p] == ',')
        {
            p = SkipSpaces(text, p + 1);
        }

        var value = 0;
        while (p < text.Length && TryDigit(text[p], out var d))
        {
            value = (value * 10) + d;
            p++;
        }

        return value;
    }

    private static int SkipAlternativeMonth(ReadOnlySpan<char> text, int pos)
    {
        // "كانون الثاني/يناير": Levantine papers give the Egyptian name after a slash.
        var p = SkipSpaces(text, pos);
        if (p < text.Length && text[p] == '/')
        {
            var q = SkipSpaces(text, p + 1);
            if (s_months.TryMatchAt(text, q, out _, out var end))
            {
                return end;
            }
        }

        return pos;
    }

    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c));

    private static bool TryDigit(char c, out int digit)
    {
        var f = PhraseText.Fold(c);
        digit = f - '0';
        return f is >= '0' and <= '9';
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && PhraseText.IsSpace(text[pos]) && text[pos] != '\n')
        {
            pos++;
        }

        return pos;
    }

    private static IEnumerable<KeyValuePair<string, int>> CreateMonths()
    {
        string[][] gregorian =
        [
            ["كانون الثاني", "يناير", "جانفي", "جنوري", "جنوری", "January", "Jan", "января", "янв", "январь"],
            ["شباط", "فبراير", "فيفري", "فبرایر", "فروری", "February", "Feb", "февраля", "фев", "февр", "февраль"],
            ["آذار", "مارس", "مارچ", "March", "Mar", "марта", "мар", "март"],
            ["نيسان", "أبريل", "إبريل", "أفريل", "اپریل", "April", "Apr", "апреля", "апр", "апрель"],
            ["أيار", "مايو", "ماي", "مئی", "May", "мая", "май"],
            ["حزيران", "يونيو", "يونيه", "جوان", "جون", "June", "Jun", "июня", "июн", "июнь"],
            ["تموز", "يوليو", "يوليه", "يوليوز", "جويلية", "جولائی", "July", "Jul", "июля", "июл", "июль"],
            ["آب", "أغسطس", "أغسطوس", "غشت", "أوت", "اگست", "August", "Aug", "августа", "авг", "август"],
            ["أيلول", "سبتمبر", "شتنبر", "ستمبر", "September", "Sep", "Sept", "сентября", "сен", "сент", "сентябрь"],
            ["تشرين الأول", "أكتوبر", "اکتوبر", "October", "Oct", "октября", "окт", "октябрь"],
            ["تشرين الثاني", "نوفمبر", "نونبر", "نومبر", "November", "Nov", "ноября", "ноя", "нояб", "ноябрь"],
            ["كانون الأول", "ديسمبر", "دجنبر", "دسمبر", "December", "Dec", "декабря", "дек", "декабрь"],
        ];
        string[][] hijri =
        [
            ["محرم"],
            ["صفر"],
            ["ربيع الأول"],
            ["ربيع الآخر", "ربيع الثاني"],
            ["جمادى الأولى"],
            ["جمادى الآخرة", "جمادى الثانية"],
            ["رجب"],
            ["شعبان"],
            ["رمضان"],
            ["شوال"],
            ["ذو القعدة", "ذي القعدة"],
            ["ذو الحجة", "ذي الحجة"],
        ];

        // The Romance-language wires' months (EFE, AFP in French, ANSA, Lusa), in full and abbreviated as their
        // datelines print them ("7 dic", "07 DIC", "7 déc", "07 dez"); a name several languages share is listed once.
        string[][] romance =
        [
            ["enero", "ene", "janvier", "janv", "gennaio", "gen", "janeiro"],
            ["febrero", "février", "févr", "febbraio", "fevereiro", "fev"],
            ["marzo", "mars", "março"],
            ["abril", "abr", "avril", "avr", "aprile"],
            ["mayo", "mai", "maggio", "mag", "maio"],
            ["junio", "juin", "giugno", "giu", "junho"],
            ["julio", "juillet", "juil", "luglio", "lug", "julho"],
            ["agosto", "ago", "août"],
            ["septiembre", "setiembre", "septembre", "settembre", "set", "setembro"],
            ["octubre", "octobre", "ottobre", "ott", "outubro", "out"],
            ["noviembre", "novembre", "novembro"],
            ["diciembre", "dic", "décembre", "déc", "dicembre", "dezembro", "dez"],
        ];

        for (var m = 0; m < 12; m++)
        {
            foreach (var name in gregorian[m])
            {
                yield return new(name, m + 1);
            }

            foreach (var name in romance[m])
            {
                yield return new(name, m + 1);
            }

            foreach (var name in hijri[m])
            {
                yield return new(name, HijriOffset + m + 1);
            }
        }
    }
}
