using System.Diagnostics.CodeAnalysis;

namespace Syndicate.Attribution;

/// <summary>
/// A single forward pass over the head of a body that recognises a dateline as a short sequence of items:
/// place words, a date, separators, and a credit (a wire alias, a known outlet, or a quoted or parenthesised name).
/// </summary>
/// <remarks>
/// <para>
/// The grammar is permissive about order (<c>PLACE - WIRE</c>, <c>WIRE- PLACE:</c>, <c>PLACE DATE (WIRE) -</c>,
/// <c>(OUTLET / WIRE - DATE)</c>, <c>BYLINE- OUTLET- PLACE:</c>) but strict about shape, because a false dateline
/// deletes story words. A dateline needs a credit. Before the credit there may be at most two short runs of words
/// (a place and a region), a date, and commas; a dash may only come right before the credit. A bare credit may not
/// follow a word directly ("قالت رويترز" is story text), only the start, a separator, a date or a bracket.
/// A bare credit at the very start must be followed by a separator. After the credit, the scan continues only for
/// the agency-first and byline forms, and only up to a colon or line break a few words later.
/// </para>
/// </remarks>
internal ref struct DatelineScanner
{
    private const int MaxRunWords = 4;
    private const int MaxWordsBeforeCredit = 6;
    private const int MaxWordsAfterCredit = 3;
    private const int MaxPlaceWordsBeforeWire = 3;
    private const int MaxBracketLength = 100;
    private const int MaxQuoteLength = 40;

    private readonly ReadOnlySpan<char> _text;
    private readonly WireGazetteer _gazetteer;

    public DatelineScanner(ReadOnlySpan<char> text, WireGazetteer gazetteer)
    {
        _text = text;
        _gazetteer = gazetteer;
    }

    public WireAgency? Wire { get; private set; }

    public string? Outlet { get; private set; }

    public string? Place { get; private set; }

    public int? Day { get; private set; }

    public int? Month { get; private set; }

    public int? Year { get; private set; }

    private enum Prev
    {
        Start,
        Separator,
        Words,
        Date,
        Credit,
    }

    /// <summary>Scans the whole head; returns the end of the dateline, or -1 when there is none.</summary>
    public int ScanHead(int start)
    {
        var pos = start;
        var prev = Prev.Start;
        var creditSeen = false;
        var creditFirst = false;
        var bylineForm = false;
        var dashBeforeCredit = false;
        var continuing = false;
        var wordsBefore = 0;
        var runWords = 0;
        var runs = 0;
        int firstRunStart = -1, firstRunEnd = -1;
        int afterRunStart = -1, afterRunEnd = -1;
        var wordsAfter = 0;
        var committed = -1;
        var lastSeparatorWasDash = false;
        var dateAfterCredit = false;

        while (pos < _text.Length)
        {
            var c = _text[pos];
            if (c == '\n' || c == '\r')
            {
                if (continuing && afterRunStart >= 0)
                {
                    committed = afterRunEnd;
                    Place = Slice(afterRunStart, afterRunEnd);
                }

                break;
            }

            if (PhraseText.IsSpace(c))
            {
                pos++;
                continue;
            }

            if (IsSeparator(_text, pos, out var sepEnd, out var isDash))
            {
                runWords = 0;
                lastSeparatorWasDash = isDash;
                if (c == ':')
                {
                    if (continuing && afterRunStart >= 0)
                    {
                        Place = Slice(afterRunStart, afterRunEnd);
                        committed = sepEnd;
                    }
                    else if (prev == Prev.Credit)
                    {
                        committed = sepEnd;
                    }
                    else if (prev == Prev.Words && !creditSeen && runs == 1 && TryQuotedCreditAt(sepEnd, out var quotedEnd))
                    {
                        // Asharq Al-Awsat's "لندن: «الشرق الأوسط»": the place, a colon, the outlet or wire in quotes.
                        committed = quotedEnd;
                    }

                    break;
                }

                if (prev == Prev.Credit)
                {
                    committed = sepEnd;
                    if (!isDash || !(creditFirst || bylineForm) || continuing)
                    {
                        break;
                    }

                    continuing = true;
                }
                else if (continuing && dateAfterCredit && isDash && prev == Prev.Date && afterRunStart >= 0)
                {
                    // ANSA's "(ANSA) - ROMA, 07 DIC -": the agency, then the place and the date, closed by a dash.
                    Place = Slice(afterRunStart, afterRunEnd);
                    committed = sepEnd;
                    break;
                }
                else if (!creditSeen && isDash)
                {
                    dashBeforeCredit = true;
                }

                prev = Prev.Separator;
                pos = sepEnd;
                continue;
            }

            if (c == '.')
            {
                if (prev == Prev.Credit)
                {
                    // "Madrid, 7 dic (EFE).- El Gobierno": the dash after the stop is the dateline's too.
                    committed = PastDashAfterStop(pos + 1);
                    break;
                }

                if (!creditSeen && prev is Prev.Date or Prev.Words && TrySlashCredit(pos + 1, out var slashWire, out var slashEnd))
                {
                    // TASS: "MOSCOW, December 7. /TASS/. The government", "МОСКВА, 7 декабря. /ТАСС/.".
                    Wire ??= slashWire;
                    committed = slashEnd;
                    break;
                }

                if (prev == Prev.Words && runs == 1 && !creditSeen && StartsDate(pos + 1))
                {
                    // Interfax: "MOSCOW. Dec 7 (Interfax) - The government": a stop between the place and the date.
                    runWords = 0;
                    prev = Prev.Separator;
                    pos++;
                    continue;
                }

                break;
            }

            if (c is '(' or '[')
            {
                var close = FindClose(pos, c == '(' ? ')' : ']', MaxBracketLength);
                if (close < 0)
                {
                    break;
                }

                var inner = new DatelineScanner(_text[(pos + 1)..close], _gazetteer);
                var innerKind = inner.ScanBracket();
                if (innerKind == BracketKind.Credit)
                {
                    // After a run of words the bracket must close the dateline ("القاهرة (رويترز) -"), or credit a wire
                    // right after a short place, as Urdu papers print it with the text running on ("اسلام آباد (اے پی
                    // پی) حکومت"). Otherwise the words are a sentence citing a source ("ذكرت وكالة السودان للأنباء
                    // (سونا)،", "علمت (عكاظ) أن").
                    if ((prev == Prev.Credit && !continuing)
                        || (prev == Prev.Words && !EndsDateline(close + 1) && !IsPlaceThenCredit(runs, wordsBefore, inner.Wire, inner.StaffCredit)))
                    {
                        break;
                    }

                    Merge(ref inner);
                    if (!creditSeen)
                    {
                        creditFirst = prev == Prev.Start;
                    }

                    creditSeen = true;
                    committed = close + 1;
                    prev = Prev.Credit;
                    pos = close + 1;
                    continue;
                }

                if (innerKind == BracketKind.Words && continuing && afterRunStart >= 0)
                {
                    // "رويترز - بنغازي (ليبيا):" — a region in brackets after the place.
                    afterRunEnd = close + 1;
                    prev = Prev.Words;
                    pos = close + 1;
                    continue;
                }

                break;
            }

            if (PhraseText.IsOpeningQuote(c, out var closingQuote))
            {
                if (prev == Prev.Words || (creditSeen && !continuing))
                {
                    break;
                }

                var close = FindClose(pos, closingQuote, MaxQuoteLength);
                if (close < 0 || !TryResolveQuoted(_text[(pos + 1)..close], out var rawOutlet))
                {
                    break;
                }

                if (rawOutlet is not null)
                {
                    // An unknown quoted name is an outlet only in the "PLACE - "OUTLET" -" shape; elsewhere quotes
                    // mark titles, nicknames and speech.
                    if (!lastSeparatorWasDash || prev != Prev.Separator || !EndsDateline(close + 1))
                    {
                        break;
                    }

                    Outlet ??= rawOutlet;
                }

                if (!creditSeen)
                {
                    creditFirst = prev == Prev.Start;
                }

                creditSeen = true;
                prev = Prev.Credit;
                pos = close + 1;
                if (!AcceptCreditEnd(pos, creditFirst, ref committed))
                {
                    break;
                }

                continue;
            }

            if (!PhraseText.IsWordChar(c))
            {
                break;
            }

            if (_gazetteer.TryMatchAt(_text, pos, out var wire, out var wireEnd))
            {
                if (prev == Prev.Words || (prev == Prev.Credit && !continuing))
                {
                    break;
                }

                Wire ??= wire;
                if (!creditSeen)
                {
                    creditFirst = prev == Prev.Start;
                }

                creditSeen = true;
                prev = Prev.Credit;
                pos = wireEnd;
                if (continuing && afterRunStart >= 0)
                {
                    Place = Slice(afterRunStart, afterRunEnd);
                }

                if (!AcceptCreditEnd(pos, creditFirst, ref committed))
                {
                    break;
                }

                continue;
            }

            if (OutletNames.Table.TryMatchAt(_text, pos, out var outlet, out var outletEnd))
            {
                if (prev == Prev.Words || (prev == Prev.Credit && !continuing))
                {
                    break;
                }

                Outlet ??= outlet;
                if (!creditSeen)
                {
                    creditFirst = prev == Prev.Start;
                    bylineForm = prev == Prev.Separator && runs == 1 && firstRunStart >= 0;
                }

                creditSeen = true;
                prev = Prev.Credit;
                pos = outletEnd;
                if (!AcceptCreditEnd(pos, creditFirst, ref committed))
                {
                    break;
                }

                continue;
            }

            if (continuing && !dateAfterCredit && afterRunStart >= 0 && prev == Prev.Separator
                && DateReader.TryRead(_text, pos, out var afterDay, out var afterMonth, out var afterYear, out var afterDateEnd))
            {
                // The date after the place of an agency-first dateline: "(ANSA) - ROMA, 07 DIC -".
                KeepFirstDate(afterDay, afterMonth, afterYear);

                dateAfterCredit = true;
                prev = Prev.Date;
                pos = afterDateEnd;
                continue;
            }

            if (!creditSeen && DateReader.TryRead(_text, pos, out var day, out var month, out var year, out var dateEnd))
            {
                if (dashBeforeCredit && !BracketFollows(dateEnd))
                {
                    // A dash may come before a date only when the bracketed credit follows it: KUNA's
                    // "الكويت - 7 - 12 (كونا) --".
                    break;
                }

                KeepFirstDate(day, month, year);

                runWords = 0;
                prev = Prev.Date;
                pos = dateEnd;
                continue;
            }

            // A plain word: part of the place before the credit, or of the place after an agency-first credit.
            var wordEnd = PhraseText.WordEnd(_text, pos);
            if (continuing)
            {
                if (++wordsAfter > MaxWordsAfterCredit || (prev != Prev.Separator && prev != Prev.Words))
                {
                    break;
                }

                if (afterRunStart < 0)
                {
                    afterRunStart = pos;
                }

                afterRunEnd = wordEnd;
            }
            else if (creditSeen || dashBeforeCredit)
            {
                break;
            }
            else
            {
                if (runWords == 0)
                {
                    runs++;
                    if (runs > 2)
                    {
                        break;
                    }
                }

                if (++runWords > MaxRunWords || ++wordsBefore > MaxWordsBeforeCredit)
                {
                    break;
                }

                if (runs == 1)
                {
                    firstRunStart = firstRunStart < 0 ? pos : firstRunStart;
                    firstRunEnd = wordEnd;
                }
            }

            prev = Prev.Words;
            pos = wordEnd;
        }

        if (pos >= _text.Length && continuing && afterRunStart >= 0)
        {
            // The line ended right after the place of an agency-first dateline ("عين اليوم – الرياض").
            committed = afterRunEnd;
            Place = Slice(afterRunStart, afterRunEnd);
        }

        if (committed < 0)
        {
            return -1;
        }

        if (Place is null && firstRunStart >= 0 && firstRunEnd <= committed && !bylineForm)
        {
            Place = Slice(firstRunStart, firstRunEnd);
        }

        return committed;
    }

    private enum BracketKind
    {
        None,
        Words,
        Credit,
    }

    /// <summary>
    /// Scans the inside of a bracket as a whole: <c>أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء</c>,
    /// <c>Reuters</c>, <c>اے پی پی</c>. Unknown words before a slash are an outlet; other unknown words a place.
    /// </summary>
    private BracketKind ScanBracket()
    {
        var pos = 0;
        var prev = Prev.Start;
        var credit = false;
        var words = 0;
        int runStart = -1, runEnd = -1;
        while (pos < _text.Length)
        {
            var c = _text[pos];
            if (PhraseText.IsSpace(c))
            {
                pos++;
                continue;
            }

            if (IsSeparator(_text, pos, out var sepEnd, out _) || c == '.')
            {
                if (runStart >= 0)
                {
                    var run = Slice(runStart, runEnd);
                    if (c == '/' && Outlet is null)
                    {
                        Outlet = run;
                    }
                    else
                    {
                        Place ??= run;
                    }

                    runStart = -1;
                }

                prev = Prev.Separator;
                pos = c == '.' ? pos + 1 : sepEnd;
                continue;
            }

            if (!PhraseText.IsWordChar(c))
            {
                return BracketKind.None;
            }

            if (prev != Prev.Words && _gazetteer.TryMatchAt(_text, pos, out var wire, out var wireEnd))
            {
                Wire ??= wire;
                credit = true;
                prev = Prev.Credit;
                pos = wireEnd;
                continue;
            }

            if (prev != Prev.Words && (OutletNames.Table.TryMatchAt(_text, pos, out var outlet, out var outletEnd)
                || OutletNames.QuotedTable.TryMatchAt(_text, pos, out outlet, out outletEnd)))
            {
                Outlet ??= outlet;
                credit = true;
                prev = Prev.Credit;
                pos = outletEnd;
                continue;
            }

            if (DateReader.TryRead(_text, pos, out var day, out var month, out var year, out var dateEnd))
            {
                KeepFirstDate(day, month, year);

                prev = Prev.Date;
                pos = dateEnd;
                continue;
            }

            if (prev == Prev.Credit || ++words > MaxRunWords)
            {
                return BracketKind.None;
            }

            runStart = runStart < 0 ? pos : runStart;
            runEnd = PhraseText.WordEnd(_text, pos);
            pos = runEnd;
            prev = Prev.Words;
        }

        if (runStart >= 0)
        {
            if (!credit && prev == Prev.Words && Outlet is null && Place is null && Month is null && IsStaffCredit(_text[runStart..runEnd]))
            {
                // The paper's own desk or reporter, as Urdu papers credit what they did not take from an agency:
                // "(سپورٹس ڈیسک)", "(نمائندہ خصوصی)", "(وقت نیوز)".
                Outlet = Slice(runStart, runEnd);
                StaffCredit = true;
                return BracketKind.Credit;
            }

            Place ??= Slice(runStart, runEnd);
        }

        return credit ? BracketKind.Credit : words > 0 ? BracketKind.Words : BracketKind.None;
    }

    /// <summary>True when the bracket that closed the dateline credits the paper's own desk or reporter, not a wire.</summary>
    public bool StaffCredit { get; private set; }

    /// <summary>
    /// An Urdu paper's credit to its own staff: a few words ending in desk, reporter, correspondent, cell or news
    /// (<c>سپورٹس ڈیسک</c>, <c>بزنس رپورٹر</c>, <c>خبر نگار خصوصی</c>, <c>مانیٹرنگ سیل</c>, <c>جنگ نیوز</c>), or starting
    /// with "correspondent" (<c>نمائندہ خصوصی</c>, <c>نمائندہ نوائے وقت</c>), or "press release" (<c>پ ر</c>).
    /// </summary>
    private static bool IsStaffCredit(ReadOnlySpan<char> run)
    {
        run = run.Trim();
        if (run.SequenceEqual("پ ر"))
        {
            return true;
        }

        var firstEnd = PhraseText.WordEnd(run, 0);
        var lastStart = run.LastIndexOf(' ') + 1;
        var first = run[..firstEnd];
        var last = run[lastStart..];
        foreach (var word in s_staffFirstWords)
        {
            if (first.SequenceEqual(word))
            {
                return true;
            }
        }

        foreach (var word in s_staffLastWords)
        {
            if (last.SequenceEqual(word))
            {
                return true;
            }
        }

        return run.Contains(" نگار", StringComparison.Ordinal);
    }

    private static readonly string[] s_staffFirstWords = ["نمائندہ", "نمائندگان", "نامہ"];

    private static readonly string[] s_staffLastWords = ["ڈیسک", "رپورٹر", "رپورٹرز", "سیل", "نیوز"];

    /// <summary>
    /// Decides what may follow a bare credit: a separator, a bracket, a line break or the end continue the scan;
    /// story text ends the dateline, except right at the start, where a lone credit-like word is more likely story.
    /// </summary>
    private readonly bool AcceptCreditEnd(int pos, bool creditFirst, ref int committed)
    {
        var p = SkipInlineSpaces(pos);

        var storyFollows = p < _text.Length && (PhraseText.IsWordChar(_text[p]) || PhraseText.IsOpeningQuote(_text[p], out _));
        if (storyFollows && creditFirst)
        {
            return false;
        }

        committed = pos;
        return !storyFollows;
    }

    // The first date a dateline gives is its date.
    private void KeepFirstDate(int day, int month, int? year)
    {
        if (Month is null)
        {
            Day = day;
            Month = month;
            Year = year;
        }
    }

    /// <summary>
    /// A known wire or outlet in quotes at <paramref name="pos"/> (after spaces): <c>«الشرق الأوسط»</c>. An unknown
    /// quoted name is not taken here: after a colon, quotes open speech as often as a credit.
    /// </summary>
    private bool TryQuotedCreditAt(int pos, out int end)
    {
        end = -1;
        while (pos < _text.Length && _text[pos] != '\n' && PhraseText.IsSpace(_text[pos]))
        {
            pos++;
        }

        if (pos >= _text.Length || !PhraseText.IsOpeningQuote(_text[pos], out var closingQuote))
        {
            return false;
        }

        var close = FindClose(pos, closingQuote, MaxQuoteLength);
        if (close < 0)
        {
            return false;
        }

        var wire = Wire;
        var outlet = Outlet;
        if (!TryResolveQuoted(_text[(pos + 1)..close], out var rawOutlet) || rawOutlet is not null)
        {
            (Wire, Outlet) = (wire, outlet);
            return false;
        }

        end = close + 1;
        return true;
    }

    /// <summary>
    /// Resolves a quoted name: a wire or a known outlet is recorded at once; an unknown short name is returned in
    /// <paramref name="rawOutlet"/> for the caller to accept or not.
    /// </summary>
    private bool TryResolveQuoted(ReadOnlySpan<char> inner, out string? rawOutlet)
    {
        rawOutlet = null;
        var trimmed = inner.Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        if (_gazetteer.TryMatchAt(trimmed, 0, out var wire, out var wireEnd) && wireEnd == trimmed.Length)
        {
            Wire ??= wire;
            return true;
        }

        if ((OutletNames.Table.TryMatchAt(trimmed, 0, out var outlet, out var outletEnd)
                || OutletNames.QuotedTable.TryMatchAt(trimmed, 0, out outlet, out outletEnd))
            && outletEnd == trimmed.Length)
        {
            Outlet ??= outlet;
            return true;
        }

        // An unknown quoted name: a few words, no digits, nothing that reads like a sentence.
        var words = 0;
        var i = 0;
        while (i < trimmed.Length)
        {
            var c = trimmed[i];
            if (PhraseText.IsWordChar(c))
            {
                if (char.IsDigit(c) && words == 0)
                {
                    return false;
                }

                words++;
                i = PhraseText.WordEnd(trimmed, i);
                continue;
            }

            if (!PhraseText.IsSpace(c) && c is not '.' and not '-')
            {
                return false;
            }

            i++;
        }

        if (words is 0 or > 3)
        {
            return false;
        }

        rawOutlet = trimmed.ToString();
        return true;
    }

    /// <summary>
    /// True for a place of at most <see cref="MaxPlaceWordsBeforeWire"/> words, in one run, followed by a bracketed wire
    /// agency or the paper's own desk (<paramref name="staff"/>): the dateline of Urdu papers, whose text follows the
    /// bracket with no dash (<c>سرگودھا(اے پی پی) لیکن</c>, <c>لاہور (سپورٹس ڈیسک) پاکستان</c>). Another outlet in
    /// brackets does not count: <c>علمت (عكاظ) أن</c> is a sentence.
    /// </summary>
    private static bool IsPlaceThenCredit(int runs, int wordsBefore, WireAgency? wire, bool staff) =>
        runs == 1 && wordsBefore <= MaxPlaceWordsBeforeWire && (wire is not null || staff);

    /// <summary>
    /// True when only a dash (or a full stop and a dash, as EFE writes <c>(EFE).-</c>), a colon, a line break or the
    /// end follows <paramref name="pos"/>.
    /// </summary>
    private readonly bool EndsDateline(int pos)
    {
        pos = SkipInlineSpaces(pos);
        if (pos < _text.Length && _text[pos] == '.')
        {
            var next = SkipInlineSpaces(pos + 1);
            return next < _text.Length && IsDash(_text[next]);
        }

        return pos >= _text.Length || _text[pos] is '\n' or ':' || IsDash(_text[pos]);
    }

    /// <summary>The end of a dash run after a full stop at <paramref name="pos"/> - 1, or <paramref name="pos"/> when no dash follows.</summary>
    private readonly int PastDashAfterStop(int pos)
    {
        var next = SkipInlineSpaces(pos);
        if (next >= _text.Length || !IsDash(_text[next]))
        {
            return pos;
        }

        // A run of dashes, spaces between them included ("(CNN).- –").
        var end = next;
        while (next < _text.Length && IsDash(_text[next]))
        {
            end = ++next;
            next = SkipInlineSpaces(next);
        }

        return end;
    }

    /// <summary>True when an opening bracket follows <paramref name="pos"/>, after spaces.</summary>
    private readonly bool BracketFollows(int pos)
    {
        pos = SkipInlineSpaces(pos);
        return pos < _text.Length && _text[pos] == '(';
    }

    /// <summary>True when a date starts at <paramref name="pos"/>, after spaces.</summary>
    private readonly bool StartsDate(int pos)
    {
        pos = SkipInlineSpaces(pos);
        return pos < _text.Length && DateReader.TryRead(_text, pos, out _, out _, out _, out _);
    }

    /// <summary>
    /// A wire between slashes after spaces and a full stop after it (<c>/TASS/.</c>, <c>/ТАСС/.</c>): the credit of a
    /// TASS dateline. <paramref name="end"/> is past the stop.
    /// </summary>
    private readonly bool TrySlashCredit(int pos, [NotNullWhen(true)] out WireAgency? wire, out int end)
    {
        wire = null;
        end = -1;
        pos = SkipInlineSpaces(pos);
        if (pos >= _text.Length || _text[pos] != '/')
        {
            return false;
        }

        var close = FindClose(pos, '/', MaxQuoteLength);
        if (close < 0)
        {
            return false;
        }

        var inner = _text[(pos + 1)..close].Trim();
        if (inner.IsEmpty || !_gazetteer.TryMatchAt(inner, 0, out var found, out var foundEnd) || foundEnd != inner.Length)
        {
            return false;
        }

        var after = SkipInlineSpaces(close + 1);
        if (after >= _text.Length || _text[after] != '.')
        {
            return false; // "in 2015. /TASS/ reported": TASS closes its credit with a stop
        }

        wire = found;
        end = after + 1;
        return true;
    }

    private readonly int SkipInlineSpaces(int pos)
    {
        while (pos < _text.Length && PhraseText.IsSpace(_text[pos]) && _text[pos] != '\n')
        {
            pos++;
        }

        return pos;
    }

    private void Merge(ref DatelineScanner inner)
    {
        Wire ??= inner.Wire;
        Outlet ??= inner.Outlet;
        Place ??= inner.Place;
        if (Month is null && inner.Month is not null)
        {
            Day = inner.Day;
            Month = inner.Month;
            Year = inner.Year;
        }
    }

    private readonly int FindClose(int open, char close, int maxLength)
    {
        var limit = Math.Min(_text.Length, open + maxLength + 1);
        for (var i = open + 1; i < limit; i++)
        {
            if (_text[i] == close)
            {
                return i;
            }

            if (_text[i] == '\n')
            {
                return -1;
            }
        }

        return -1;
    }

    private readonly string Slice(int start, int end) => _text[start..end].Trim().ToString();

    /// <summary>
    /// Separators between dateline items: dashes (a run of them counts once), commas, the Urdu full stop, slash,
    /// colon and semicolon, and a tatweel standing alone between spaces (<c>الرياضي ـ جدة</c>).
    /// </summary>
    private static bool IsSeparator(ReadOnlySpan<char> text, int pos, out int end, out bool isDash)
    {
        var c = text[pos];
        isDash = IsDash(c) || (c == '\u0640' && IsLoneTatweel(text, pos));
        if (isDash)
        {
            end = pos + 1;
            while (end < text.Length && (IsDash(text[end]) || text[end] == '\u0640'))
            {
                end++;
            }

            return true;
        }

        end = pos + 1;
        return c is ',' or '،' or '۔' or '/' or ':' or '؛' or ';' or '|';
    }

    private static bool IsDash(char c) => c is '-' or '–' or '—' or '‒' or '―' or '−';

    private static bool IsLoneTatweel(ReadOnlySpan<char> text, int pos) =>
        (pos == 0 || PhraseText.IsSpace(text[pos - 1])) && (pos + 1 >= text.Length || !PhraseText.IsWordChar(text[pos + 1]) || text[pos + 1] == '\u0640');
}
