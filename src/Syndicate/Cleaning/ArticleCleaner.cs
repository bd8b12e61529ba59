using System.Buffers;
using Syndicate.Attribution;

namespace Syndicate.Cleaning;

/// <summary>
/// Separates what belongs to the outlet (repeated title, dateline, credits, markers, widgets, footers) from what
/// belongs to the story, before the body is normalised and fingerprinted.
/// </summary>
/// <remarks>
/// The cleaner is conservative: it removes whole lines only when the entire line is furniture, phrases only from a
/// fixed list of page furniture, and story-looking text never. It runs without regular expressions, in time linear
/// in the body, and is deterministic.
/// </remarks>
internal static class ArticleCleaner
{
    /// <summary>How far back from the end a bracketed credit such as <c>(أ ف ب)</c> may open.</summary>
    private const int MaxTrailingCreditLength = 40;

    /// <summary>A trailing tag list (<c>سمات ...</c>) longer than this many words is taken for story text.</summary>
    private const int MaxTagWords = 15;

    private const string CreditDecoration = "()[]«»\"“”'*-–— .:";

    /// <summary>Bodies with at most this many lines keep their line table on the stack.</summary>
    private const int StackLines = 128;

    /// <summary>Titles of at most this many chars are folded into a stack buffer.</summary>
    private const int StackTitleChars = 256;

    /// <summary>Cleans one article.</summary>
    /// <param name="title">The article title, or <see langword="null"/> when unknown.</param>
    /// <param name="body">The raw body text.</param>
    /// <param name="gazetteer">The wire agencies to recognise in datelines and credits.</param>
    /// <remarks>
    /// The body is read as a span and split into line ranges, so the only strings built are the cleaned body (and
    /// not even that when nothing was removed: the body itself is returned) and the furniture that was removed.
    /// </remarks>
    public static CleanedArticle Clean(string? title, string body, WireGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Clean(title, body, body, gazetteer);
    }

    /// <summary>
    /// Cleans one article whose body is held as characters only (decoded from UTF-8 into a buffer): the same result as
    /// <see cref="Clean(string?, string, WireGazetteer)"/> with that text as a string.
    /// </summary>
    public static CleanedArticle Clean(string? title, ReadOnlySpan<char> body, WireGazetteer gazetteer) => Clean(title, body, null, gazetteer);

    // bodyString is body as a string when the caller has one: the cleaned body is that same string when nothing was
    // removed.
    private static CleanedArticle Clean(string? title, ReadOnlySpan<char> body, string? bodyString, WireGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);

        char[]? normalised = null;
        char[]? withoutPhrases = null;
        char[]? titleBuffer = null;
        Line[]? lineBuffer = null;
        char[]? joined = null;
        try
        {
            List<string>? removed = null;
            var repairedBody = false;
            if (Mojibake.TryRepair(body, out var repaired))
            {
                // A copy whose UTF-8 was read as Windows-1256 or -1252 on its way is the same text as the clean copy.
                body = bodyString = repaired;
                repairedBody = true;
            }

            ReadOnlySpan<char> text = body;
            if (body.Contains('\r'))
            {
                normalised = ArrayPool<char>.Shared.Rent(body.Length);
                text = normalised.AsSpan(0, NormaliseNewlines(body, normalised));
            }

            if (HasMarkup(text))
            {
                // A body served as HTML (or with entities such as &quot; left in it) is read as its plain text, so that
                // it cleans and fingerprints as the same body served as text does.
                text = HtmlText.ArticleText(text.ToString());
            }

            text = RemovePhrases(text, ref withoutPhrases, ref removed);

            var lineCount = text.Count('\n') + 1;
            var lineSpace = lineCount <= StackLines
                ? stackalloc Line[StackLines]
                : (lineBuffer = ArrayPool<Line>.Shared.Rent(lineCount));
            var lines = new LineList(text, lineSpace[..lineCount]);

            var titleText = title is null ? default : PlainText(title).AsSpan();
            var titleSpace = titleText.Length <= StackTitleChars
                ? stackalloc char[StackTitleChars]
                : (titleBuffer = ArrayPool<char>.Shared.Rent(titleText.Length));
            ReadOnlySpan<char> titleKey = titleSpace[..FoldKey(titleText, titleSpace)];

            var datelines = new DatelineCache(gazetteer);
            RemoveHeaderLines(ref lines, titleKey, ref datelines, ref removed);
            var titleLines = RemoveTitleLines(ref lines, titleKey);
            var bylineWire = RemoveByline(ref lines, gazetteer, ref removed);
            var dateline = RemoveDateline(ref lines, ref datelines);
            var continuation = RemoveMarkerLines(ref lines, ref removed);
            var (credit, creditWire) = RemoveTrailingCredits(ref lines, gazetteer, ref removed);

            joined = ArrayPool<char>.Shared.Rent(lines.JoinedCapacity());
            var cleaned = joined.AsSpan(0, JoinLines(ref lines, joined));

            var runningWire = dateline?.Wire is null && bylineWire is null && creditWire is null ? RunningCredit.Find(cleaned, gazetteer) : null;
            // body is the repaired text when there was mojibake, else the article's own.
            var unchanged = cleaned.SequenceEqual(body);
            return new CleanedArticle
            {
                Body = unchanged && bodyString is not null ? bodyString : new string(cleaned),
                BodyIsOriginal = unchanged && !repairedBody,
                RunningCreditWire = runningWire,
                Dateline = dateline,
                HadContinuationMarker = continuation,
                RemovedTitleLines = titleLines,
                RemovedBoilerplate = removed is null ? Array.Empty<string>() : removed,
                TrailingCredit = credit,
                TrailingCreditWire = creditWire,
                BylineWire = bylineWire,
            };
        }
        finally
        {
            Return(normalised);
            Return(withoutPhrases);
            Return(titleBuffer);
            Return(joined);
            if (lineBuffer is not null)
            {
                ArrayPool<Line>.Shared.Return(lineBuffer);
            }
        }
    }

    /// <summary>
    /// A title (or any one text) as its plain text: the text itself unless it is mojibake (repaired) or carries HTML
    /// markup.
    /// </summary>
    internal static string PlainText(string text)
    {
        if (Mojibake.TryRepair(text, out var repaired))
        {
            text = repaired;
        }

        return HasMarkup(text) ? HtmlText.ArticleText(text) : text;
    }

    private static bool HasMarkup(ReadOnlySpan<char> text) => text.ContainsAny('<', '&') && HtmlText.ContainsMarkup(text);

    private static void Return(char[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void AddRemoved(ref List<string>? removed, string text) => (removed ??= []).Add(text);

    /// <summary>Turns CRLF and lone CR into LF, as replacing <c>"\r\n"</c> and then <c>'\r'</c> by <c>'\n'</c> does.</summary>
    private static int NormaliseNewlines(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>
    /// Removes the furniture phrases; returns <paramref name="text"/> itself when there are none, else the text
    /// without them in <paramref name="buffer"/>, which is rented for the purpose.
    /// </summary>
    private static ReadOnlySpan<char> RemovePhrases(ReadOnlySpan<char> text, scoped ref char[]? buffer, scoped ref List<string>? removed)
    {
        var span = text;
        var written = 0;
        var copied = 0;
        var from = 0;
        var tolerant = Boilerplate.NeedsTolerantMatch(span);
        while (from < span.Length)
        {
            var at = Boilerplate.IndexOfNext(span, from, tolerant, out _, out var length, out var scope);
            if (at < 0)
            {
                break;
            }

            var end = scope switch
            {
                BoilerplateScope.Phrase => at + length,
                BoilerplateScope.RestOfLine => LineEnd(span, at),
                _ => span.Length,
            };

            // A line left holding nothing but decoration ("** جميع المقالات ...") goes entirely, newline included,
            // so that removing furniture never turns into a paragraph break.
            var start = at;
            var lineStart = span[..at].LastIndexOf('\n') + 1;
            var lineEnd = LineEnd(span, end);
            if (lineStart >= copied && IsDecoration(span[lineStart..at]) && IsDecoration(span[end..lineEnd]))
            {
                start = lineStart;
                end = Math.Min(span.Length, lineEnd + 1);
            }

            // Every removal drops at least a whole phrase and adds at most one newline: the text never grows.
            buffer ??= ArrayPool<char>.Shared.Rent(span.Length + 1);
            span[copied..start].CopyTo(buffer.AsSpan(written));
            written += start - copied;
            if (scope == BoilerplateScope.Phrase && start > 0 && end < span.Length
                && !PhraseText.IsSpace(span[start - 1]) && !PhraseText.IsSpace(span[end]))
            {
                // Widgets glued on both sides ("...أحداً.أفكارك وتعليقاتكبوتين يطلع") must not fuse two words.
                buffer[written++] = '\n';
            }

            AddRemoved(ref removed, span[at..Math.Max(at, end)].Trim().ToString());
            copied = end;
            from = end;
        }

        if (buffer is null)
        {
            return text;
        }

        span[copied..].CopyTo(buffer.AsSpan(written));
        written += span.Length - copied;
        return buffer.AsSpan(0, written);
    }

    private static bool IsDecoration(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!Boilerplate.IsDecoration(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int LineEnd(ReadOnlySpan<char> text, int from)
    {
        var nl = text[from..].IndexOf('\n');
        return nl < 0 ? text.Length : from + nl;
    }

    /// <summary>At most this many short lines may stand above the title or dateline as outlet headers.</summary>
    private const int MaxHeaderLines = 2;

    /// <summary>A header line (section name, breadcrumb, "breaking news" banner) has at most this many words.</summary>
    private const int MaxHeaderWords = 6;

    /// <summary>
    /// Removes the outlet's header lines: short lines (section names such as <c>الرئيسية » محليات</c> or
    /// <c>أخبار عاجلة</c>) that stand above the repeated title or the dateline. Only lines followed by a title or a
    /// dateline count, so a story that merely opens with a short line keeps it.
    /// </summary>
    private static void RemoveHeaderLines(ref LineList lines, ReadOnlySpan<char> titleKey, ref DatelineCache datelines, ref List<string>? removed)
    {
        lines.DropLeadingBlank();
        var headers = 0;
        for (var i = 0; i < lines.Count && headers <= MaxHeaderLines; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var isTitle = titleKey.Length > 0 && MatchesKey(line, titleKey);
            if (headers > 0 && (isTitle || datelines.Parse(ref lines, i, out _) is not null))
            {
                for (var j = 0; j < i; j++)
                {
                    if (lines[j].Length > 0)
                    {
                        AddRemoved(ref removed, lines[j].ToString());
                    }
                }

                lines.RemoveFirst(i);
                return;
            }

            if (isTitle)
            {
                // The title itself: removing it is the title rule's job, and what precedes it is not a header here.
                return;
            }

            if (!IsHeaderLike(line, MaxHeaderWords) && !(IsHeaderLike(line, MaxHeadlineWords) && NextIsDateline(ref lines, i, ref datelines)))
            {
                return;
            }

            headers++;
        }
    }

    /// <summary>A headline (the outlet's own, or the title with the outlet's name appended) right above a dateline has at most this many words.</summary>
    private const int MaxHeadlineWords = 24;

    private static bool NextIsDateline(ref LineList lines, int i, ref DatelineCache datelines)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Length > 0)
            {
                return datelines.Parse(ref lines, j, out _) is not null;
            }
        }

        return false;
    }

    private static bool IsHeaderLike(ReadOnlySpan<char> line, int maxWords)
    {
        if (line.Length > maxWords * 12 || (line.Length > 0 && line[^1] is '.' or '،'))
        {
            return false;
        }

        var words = CountWords(line);
        return words > 0 && words <= maxWords;
    }

    private static int RemoveTitleLines(ref LineList lines, ReadOnlySpan<char> titleKey)
    {
        lines.DropLeadingBlank();
        if (titleKey.Length == 0)
        {
            return 0;
        }

        var count = 0;
        while (lines.Count > 0 && MatchesKey(lines[0], titleKey))
        {
            lines.RemoveFirst(1);
            count++;
            lines.DropLeadingBlank();
        }

        return count;
    }

    /// <summary>
    /// Writes the key of a line into <paramref name="destination"/> and returns its length: the folded letters and
    /// digits, whitespace, punctuation and marks not counting. The key is never longer than the line.
    /// </summary>
    private static int FoldKey(ReadOnlySpan<char> line, Span<char> destination)
    {
        var n = 0;
        foreach (var c in line)
        {
            if (PhraseText.IsWordChar(c))
            {
                var f = PhraseText.Fold(c);
                if (f != '\0')
                {
                    destination[n++] = f;
                }
            }
        }

        return n;
    }

    /// <summary>True when the key of <paramref name="line"/> (see <see cref="FoldKey"/>) is <paramref name="key"/>, folded on the fly.</summary>
    private static bool MatchesKey(ReadOnlySpan<char> line, ReadOnlySpan<char> key)
    {
        if (line.Length < key.Length)
        {
            return false;
        }

        var n = 0;
        foreach (var c in line)
        {
            if (PhraseText.IsWordChar(c))
            {
                var f = PhraseText.Fold(c);
                if (f != '\0')
                {
                    if (n == key.Length || key[n] != f)
                    {
                        return false;
                    }

                    n++;
                }
            }
        }

        return n == key.Length;
    }

    private static Dateline? RemoveDateline(ref LineList lines, ref DatelineCache datelines)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var dateline = datelines.Parse(ref lines, 0, out var length);
        if (dateline is null)
        {
            return null;
        }

        var first = lines.RangeAt(0);
        var rest = Line.Trimmed(lines.Text, first.Start + length, first.Start + first.Length);
        if (rest.Length == 0)
        {
            lines.RemoveFirst(1);
            lines.DropLeadingBlank();
        }
        else
        {
            lines.SetRange(0, rest);
        }

        return dateline;
    }

    private static bool RemoveMarkerLines(ref LineList lines, ref List<string>? removed)
    {
        var continuation = false;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var kind = ClassifyMarker(lines[i]);
            if (kind == MarkerKind.None)
            {
                continue;
            }

            continuation |= kind == MarkerKind.Continuation;
            AddRemoved(ref removed, lines[i].ToString());
            lines.RemoveAt(i);
        }

        return continuation;
    }

    private enum MarkerKind
    {
        None,
        Continuation,
        End,
    }

    /// <summary>The longest line that may be a marker.</summary>
    private const int MaxMarkerLength = 40;

    /// <summary>
    /// Whole-line wire markers: <c>(تستمر)</c>, <c>(يتبع)</c>, <c>// يتبع //</c> continue; <c>// انتهى //</c>,
    /// <c>(النهاية)</c>, <c>NNNN</c>, <c>-30-</c> end; the SPA transmission time <c>18:35 ت م</c> and a page's
    /// advertisement slot (<c>Advertisement</c>, <c>إعلان</c>) are furniture too.
    /// </summary>
    private static MarkerKind ClassifyMarker(ReadOnlySpan<char> line)
    {
        if (line.Length is 0 or > MaxMarkerLength)
        {
            return MarkerKind.None;
        }

        if (IsTransmissionTime(line))
        {
            return MarkerKind.End;
        }

        Span<char> buffer = stackalloc char[MaxMarkerLength];
        ReadOnlySpan<char> key = buffer[..FoldKey(line, buffer)];
        return key switch
        {
            "تستمر" or "يتبع" => MarkerKind.Continuation,
            "انتهي" or "انتهيالخبر" or "النهايه" or "نهايه" or "nnnn" or "end" or "30" => IsDecoratedMarker(line, key),
            // A page's advertisement slot left in the scraped text, on a line of its own.
            "advertisement" or "اعلان" => MarkerKind.End,
            _ => MarkerKind.None,
        };
    }

    private static MarkerKind IsDecoratedMarker(ReadOnlySpan<char> line, ReadOnlySpan<char> key)
    {
        // "30" and "end" only count when decorated as markers ("-30-", "(END)"), never as a bare word.
        if (key is "30" or "end" && line.IndexOfAny("-/()[]") < 0)
        {
            return MarkerKind.None;
        }

        return MarkerKind.End;
    }

    /// <summary>SPA items end with the transmission time in Mecca time: <c>18:35 ت م</c>, sometimes followed by NNNN.</summary>
    private static bool IsTransmissionTime(ReadOnlySpan<char> s)
    {
        var i = 0;
        var digits = 0;
        while (i < s.Length && char.IsDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (digits is 0 or > 2 || i >= s.Length || s[i] != ':')
        {
            return false;
        }

        i++;
        var minutes = 0;
        while (i < s.Length && char.IsDigit(s[i]))
        {
            i++;
            minutes++;
        }

        if (minutes != 2)
        {
            return false;
        }

        var rest = s[i..].Trim();
        if (rest.EndsWith("NNNN", StringComparison.Ordinal))
        {
            rest = rest[..^4].TrimEnd();
        }

        return rest.SequenceEqual("ت م") || rest.SequenceEqual("ت.م");
    }

    private static (string? Credit, WireAgency? Wire) RemoveTrailingCredits(ref LineList lines, WireGazetteer gazetteer, ref List<string>? removed)
    {
        string? credit = null;
        WireAgency? wire = null;
        for (var guard = 0; guard < 6; guard++)
        {
            lines.DropTrailingBlank();
            if (lines.Count == 0)
            {
                break;
            }

            var lastIndex = lines.Count - 1;
            var last = lines[lastIndex];
            if (TryCreditLine(last, gazetteer, out var lineWire) || TryCopyrightOrSignOffLine(last, gazetteer, out lineWire)
                || TrySourcesLine(last, gazetteer, out lineWire) || TryContributorLine(last, gazetteer, out lineWire)
                || TryArabicSourcesLine(last, gazetteer, out lineWire))
            {
                var creditLine = last.ToString();
                lines.RemoveLast();
                AddRemoved(ref removed, creditLine);
                credit ??= creditLine;
                wire ??= lineWire;
                continue;
            }

            if (TryTrailingBracketedCredit(last, gazetteer, out var cut, out var bracketWire))
            {
                var creditText = last[cut..].Trim().ToString();
                lines.SetLength(lastIndex, last[..cut].TrimEnd().Length);
                AddRemoved(ref removed, creditText);
                credit ??= creditText;
                wire ??= bracketWire;
                continue;
            }

            if (TryTrailingTags(last, out cut))
            {
                AddRemoved(ref removed, last[cut..].Trim().ToString());
                lines.SetLength(lastIndex, last[..cut].TrimEnd().Length);
                continue;
            }

            break;
        }

        return (credit, wire);
    }

    /// <summary>
    /// A line that is nothing but credits: <c>(واس)</c>, <c>(أ. ف. ب)</c>, <c>«رويترز»</c>, <c>فرانس24/ أ ف ب/ رويترز</c>,
    /// <c>( الوكالات)</c>. Every slash-separated part must be a wire or a known outlet, and at least one a wire.
    /// </summary>
    private static bool TryCreditLine(ReadOnlySpan<char> line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        if (line.Length > 80)
        {
            return false;
        }

        var anyWire = false;
        var rest = line;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var name = (slash < 0 ? rest : rest[..slash]).Trim().Trim(CreditDecoration);
            if (name.StartsWith("The ", StringComparison.Ordinal))
            {
                name = name[4..].TrimStart(); // — The Associated Press
            }

            if (name.Length > 0)
            {
                var found = gazetteer.FindExact(name);
                if (found is not null)
                {
                    wire ??= found;
                    anyWire = true;
                }
                else if (!OutletNames.Table.TryGetExact(name, out _))
                {
                    return false;
                }
            }

            if (slash < 0)
            {
                return anyWire;
            }

            rest = rest[(slash + 1)..];
        }
    }

    /// <summary>
    /// An English agency footer: a copyright line naming a wire (<c>Copyright 2024 The Associated Press. All rights
    /// reserved.</c>, <c>© 2024 AFP</c>), or a Reuters sign-off (<c>(Reporting by A; Editing by B)</c>), which names
    /// its reporters and editors in that form and no other agency does. A sign-off without an editor
    /// (<c>Reporting by A</c>) is removed as furniture but names no wire.
    /// </summary>
    private static bool TryCopyrightOrSignOffLine(ReadOnlySpan<char> line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        var s = line.Trim();
        if (s.Length is < 4 or > 300)
        {
            return false;
        }

        if (s.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase) || s.StartsWith("©", StringComparison.Ordinal)
            || s.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase))
        {
            // The holder is the whole first sentence once the mark, the year and "The" are taken off.
            var holder = s.IndexOf('.') is > 0 and var stop ? s[..stop] : s;
            while (true)
            {
                var before = holder.Length;
                holder = holder.Trim(" ©0123456789-–,".AsSpan());
                foreach (var mark in s_copyrightMarks)
                {
                    if (holder.StartsWith(mark, StringComparison.OrdinalIgnoreCase))
                    {
                        holder = holder[mark.Length..];
                    }
                }

                if (holder.Length == before)
                {
                    break;
                }
            }

            wire = gazetteer.FindExact(holder);
            return wire is not null;
        }

        if (s[0] == '(' && s[^1] == ')')
        {
            s = s[1..^1].Trim();
        }
        else if (s[^1] == '.')
        {
            return false; // a sentence of the story ("Reporting by the newspaper led to the inquiry.")
        }

        foreach (var opening in s_signOffOpenings)
        {
            // Names follow: "Reporting by Alex Lawler", never "Reporting by the newspaper".
            if (s.StartsWith(opening, StringComparison.Ordinal) && s.Length > opening.Length && char.IsUpper(s[opening.Length]))
            {
                if (s.Contains("Editing by ", StringComparison.Ordinal))
                {
                    wire = gazetteer.Find("Reuters");
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Removes the lines an outlet stands over the story, up to <see cref="MaxTopLines"/> of them: a byline (English
    /// <c>By JANE DOE Associated Press</c>, <c>By Jane Doe | Reuters</c>, <c>By JANE DOE and JOHN ROE</c>; Arabic
    /// <c>كتب - محمد أحمد:</c>; French <c>Le Monde avec AFP</c>), a photo credit and a publication timestamp
    /// (<c>Updated: 7 December 2020 10:00 GMT</c>). Returns the wire the first byline naming one names. Another
    /// outlet's copy of the same report has its own lines or none, so they are furniture either way.
    /// </summary>
    private static WireAgency? RemoveByline(ref LineList lines, WireGazetteer gazetteer, ref List<string>? removed)
    {
        lines.DropLeadingBlank();
        WireAgency? wire = null;
        for (var i = 0; i < MaxTopLines && lines.Count >= 2; i++)
        {
            var line = lines[0];
            WireAgency? named = null;
            if (!(TryBylineLine(line, gazetteer, out named) || TryFrenchBylineLine(line, gazetteer, out named)
                  || IsArabicBylineLine(line) || IsPhotoCreditLine(line) || IsTimestampLine(line)))
            {
                break;
            }

            wire ??= named;
            AddRemoved(ref removed, line.ToString());
            lines.RemoveFirst(1);
            lines.DropLeadingBlank();
        }

        return wire;
    }

    /// <summary>The most furniture lines (bylines, photo credits, timestamps) removed from the top of a body.</summary>
    private const int MaxTopLines = 3;

    /// <summary>
    /// A publication or update timestamp standing as its own line: a label (<c>Published</c>, <c>Updated:</c>,
    /// <c>Last updated on</c>, <c>Publié le</c>, <c>Mis à jour</c>, <c>آخر تحديث:</c>, <c>تاريخ النشر:</c>,
    /// <c>نشر في</c>, <c>Опубликовано</c>) and a date or time with figures, short and not a sentence: nothing but figures,
    /// month and weekday names, time zones and at most one other word. <c>Published in 2019, the report found that most
    /// users left.</c> and <c>Updated rules take effect on 1 January</c> stay.
    /// </summary>
    internal static bool IsTimestampLine(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        if (s.IsEmpty || s.Length > MaxTimestampLength || s[^1] is '.' or '!' or '?' or '؟' || CountWords(s) > MaxTimestampWords
            || (s.IndexOfAnyInRange('0', '9') < 0 && s.IndexOfAnyInRange('٠', '٩') < 0))
        {
            return false;
        }

        foreach (var label in s_timestampLabels)
        {
            if (s.StartsWith(label, StringComparison.Ordinal) && (s.Length == label.Length || !PhraseText.IsWordChar(s[label.Length])))
            {
                return IsDateAndTime(s[label.Length..]);
            }
        }

        return false;
    }

    // Figures, month and weekday names, time zones and the words that join them, and at most one other word:
    // "on Dec 7, 2020 10:00 AM", "le 07 décembre 2020 à 10h00 - Mis à jour le …"; not "rules take effect on 1 January".
    private static bool IsDateAndTime(ReadOnlySpan<char> s)
    {
        var others = 0;
        var pos = 0;
        while (pos < s.Length)
        {
            if (!PhraseText.IsWordChar(s[pos]))
            {
                pos++;
                continue;
            }

            var end = PhraseText.WordEnd(s, pos);
            var word = s[pos..end];
            pos = end;
            if (word.IndexOfAnyInRange('0', '9') >= 0 || word.IndexOfAnyInRange('٠', '٩') >= 0 || DateReader.IsMonth(word)
                || IsOneOf(word, s_timestampWords))
            {
                continue;
            }

            if (++others > 1)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] s_timestampWords =
    [
        "on", "at", "le", "à", "a", "de", "du", "the", "et", "Mis", "jour", "updated", "last", "AM", "PM", "GMT", "UTC",
        "BST", "CET", "CEST", "EST", "EDT", "ET", "PT", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "في", "الساعة", "م", "ص",
        "بتوقيت", "مكة", "غرينتش", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "آخر", "تحديث",
    ];

    private const int MaxTimestampLength = 90;

    private const int MaxTimestampWords = 18;

    private static readonly string[] s_timestampLabels =
    [
        "Published", "PUBLISHED", "First published", "Updated", "UPDATED", "Last updated", "Last Updated", "Posted",
        "Publié le", "Publié", "Mis à jour", "آخر تحديث", "تاريخ النشر", "نشر في", "نُشر في", "تم النشر", "Опубликовано",
        "Обновлено",
    ];

    /// <summary>
    /// A French byline crediting an agency: an outlet or writer, <c>avec</c> and the agency, as French papers sign
    /// the copy they rework (<c>Le Monde avec AFP</c>, <c>Par Le Figaro avec AFP et Reuters</c>,
    /// <c>franceinfo avec l'AFP</c>). The first agency is the credit.
    /// </summary>
    internal static bool TryFrenchBylineLine(ReadOnlySpan<char> line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        var s = line.Trim();
        var with = s.IndexOf(" avec ", StringComparison.Ordinal);
        if (s.Length > MaxFrenchBylineLength || with <= 0 || CountWords(s[..with]) > MaxFrenchBylineNames
            || s.IndexOfAnyInRange('0', '9') >= 0)
        {
            return false;
        }

        var at = with + " avec ".Length;
        if (s[at..].StartsWith("l'", StringComparison.Ordinal) || s[at..].StartsWith("l’", StringComparison.Ordinal))
        {
            at += 2;
        }

        if (!gazetteer.TryMatchAt(s, at, out var agency, out var end))
        {
            return false;
        }

        // Nothing but more agencies may follow: "et Reuters", ", AP".
        var rest = s[end..].Trim();
        while (!rest.IsEmpty)
        {
            var skip = rest.StartsWith("et ", StringComparison.Ordinal) ? 3 : rest[0] is ',' or '/' ? 1 : -1;
            if (skip < 0)
            {
                return false;
            }

            rest = rest[skip..].TrimStart();
            if (rest.StartsWith("l'", StringComparison.Ordinal) || rest.StartsWith("l’", StringComparison.Ordinal))
            {
                rest = rest[2..];
            }

            if (!gazetteer.TryMatchAt(rest, 0, out _, out var next))
            {
                return false;
            }

            rest = rest[next..].Trim();
        }

        wire = agency;
        return true;
    }

    private const int MaxFrenchBylineLength = 80;

    private const int MaxFrenchBylineNames = 6;

    /// <summary>
    /// A byline: <c>By</c>, then names (words in capitals or starting with one, initials, joined by commas,
    /// <c>and</c>, <c>&amp;</c>, <c>|</c> or a dash), then optionally <c>of</c>, <c>for</c> or <c>The</c> and a wire, and
    /// after a wire written in capitals a title ending in Writer, Correspondent, Reporter or Editor. Nothing else: a
    /// line that reads as a sentence ("By Monday the storm had passed") is story text.
    /// </summary>
    internal static bool TryBylineLine(ReadOnlySpan<char> line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        var s = line.Trim();
        if (s.Length is < 5 or > MaxBylineLength || !(s.StartsWith("By ", StringComparison.Ordinal) || s.StartsWith("BY ", StringComparison.Ordinal))
            || s[^1] is '.' or '?' or '!' or ':' or '،')
        {
            return false;
        }

        var names = 0;
        var pos = 3;
        while (pos < s.Length)
        {
            var c = s[pos];
            if (PhraseText.IsSpace(c) || c is ',' or '|' or '&' or '/' || IsBylineDash(c))
            {
                pos++;
                continue;
            }

            if (!char.IsLetter(c))
            {
                return false;
            }

            if (names > 0 && gazetteer.TryMatchAt(s, pos, out var agency, out var end) && IsBylineTitle(s[end..], written: s[pos..end]))
            {
                wire = agency;
                return true;
            }

            // Otherwise the words are names, whatever they spell: "By Jane Doe, Online Editor" credits no agency.

            var wordEnd = BylineWordEnd(s, pos);
            var word = s[pos..wordEnd];
            if (!IsOneOf(word, s_bylineJoins))
            {
                if (!char.IsUpper(c) || ++names > MaxBylineNames)
                {
                    return false;
                }
            }

            pos = wordEnd;
        }

        // Without a wire, a person's name at least: "By Monday" is not a byline.
        return names >= 2;
    }

    // What may follow the wire of a byline: nothing, or a title such as "Economics Writer" or "Staff Correspondent"
    // after a wire in capitals ("AP", "AFP") or named in more than one word ("Associated Press Writer"). One word in
    // letters is a name that spells an agency: "Online Editor" is not Online's editor.
    private static bool IsBylineTitle(ReadOnlySpan<char> rest, ReadOnlySpan<char> written)
    {
        rest = rest.Trim().TrimStart(",|-–— ".AsSpan());
        if (rest.IsEmpty)
        {
            return true;
        }

        if (written.IndexOf(' ') < 0)
        {
            foreach (var c in written)
            {
                if (char.IsLower(c))
                {
                    return false;
                }
            }
        }

        var words = 0;
        ReadOnlySpan<char> last = default;
        foreach (var range in rest.Split(' '))
        {
            var word = rest[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (!char.IsUpper(word[0]) || ++words > 4)
            {
                return false;
            }

            last = word;
        }

        return IsOneOf(last, s_bylineTitles);
    }

    private static int BylineWordEnd(ReadOnlySpan<char> s, int pos)
    {
        while (pos < s.Length && (char.IsLetter(s[pos]) || s[pos] is '.' or '\'' or '’' or '-'))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsBylineDash(char c) => c is '-' or '–' or '—';

    private const int MaxBylineLength = 160;

    private const int MaxBylineNames = 12;

    private static readonly string[] s_bylineJoins = ["and", "of", "for", "with", "The"];

    private static readonly string[] s_bylineTitles =
        ["Writer", "Writers", "Correspondent", "Correspondents", "Reporter", "Reporters", "Editor", "Staff"];

    /// <summary>
    /// An Arabic byline standing as the first paragraph: <c>كتب محمد أحمد</c>, <c>كتبت: سارة علي</c>,
    /// <c>كتب - عمر عبدالعزيز:</c>, <c>بقلم الزميل محمد توفيق، CNN</c>, <c>إعداد وترجمة - بندر الحربي</c>, and
    /// the Urdu and Persian <c>تحریر: محمد علی</c>, <c>نویسنده: علی رضایی</c>. The
    /// writer's word, perhaps a second role joined by و, a separator, then at most five words of a name and no
    /// preposition or figure: <c>كتب الرئيس على تويتر</c> is a sentence. It names the outlet's writer, never a wire.
    /// </summary>
    internal static bool IsArabicBylineLine(ReadOnlySpan<char> line)
    {
        var s = line.Trim().TrimEnd(":،".AsSpan()).TrimEnd();
        if (s.Length > MaxArabicBylineLength || s.IndexOfAnyInRange('0', '9') >= 0 || s.IndexOfAnyInRange('٠', '٩') >= 0
            || s.IndexOfAny('.', '؟', '!') >= 0)
        {
            return false;
        }

        var names = 0;
        var lead = true;
        foreach (var range in s.Split(' '))
        {
            var word = s[range].Trim(":-–—/،".AsSpan());
            if (word.IsEmpty)
            {
                continue;
            }

            if (lead)
            {
                var colon = word.IndexOf(':');
                var leadWord = colon > 0 ? word[..colon] : word;
                if (!IsOneOf(leadWord, s_arabicBylineLeads))
                {
                    return false;
                }

                lead = false;
                if (colon > 0 && colon + 1 < word.Length)
                {
                    names++; // "كتب:محمد"
                }

                continue;
            }

            if (names == 0 && word.Length > 1 && word[0] == 'و' && IsOneOf(word[1..], s_arabicBylineRoles))
            {
                continue; // "إعداد وترجمة"
            }

            if (IsOneOf(word, s_arabicBylineStops) || ++names > MaxArabicBylineNames)
            {
                return false;
            }
        }

        return names > 0;
    }

    /// <summary>
    /// A photo's caption credit standing as the first paragraph: <c>صورة أرشيفية (رويترز)</c>, <c>الصورة: أ ف ب</c>,
    /// <c>File photo (Reuters)</c>, <c>Photo: AP</c>. It credits the picture, not the text, so it names no wire.
    /// </summary>
    internal static bool IsPhotoCreditLine(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        if (s.Length > MaxPhotoCreditLength || CountWords(s) > MaxPhotoCreditWords)
        {
            return false;
        }

        var first = 0;
        while (first < s.Length && (PhraseText.IsWordChar(s[first]) || s[first] == '('))
        {
            first++;
        }

        var word = s[..first].TrimStart('(');
        if (!IsOneOf(word, s_photoWords))
        {
            return false;
        }

        // The credit: in brackets at the end, or after a colon.
        return (s[^1] == ')' && s.IndexOf('(') is var open && open >= 0 && s.LastIndexOf('(') < s.Length - 2)
            || s.IndexOf(':') is var colon && colon > 0 && colon < s.Length - 1;
    }

    private const int MaxPhotoCreditLength = 60;

    private const int MaxPhotoCreditWords = 7;

    private static readonly string[] s_photoWords = ["صورة", "صور", "الصورة", "الصور", "Photo", "File", "Picture", "Image"];

    private const int MaxArabicBylineLength = 70;

    private const int MaxArabicBylineNames = 5;

    // Arabic, and the Urdu and Persian "written by" ("تحریر: …", "نویسنده: …").
    private static readonly string[] s_arabicBylineLeads = ["كتب", "كتبت", "بقلم", "إعداد", "اعداد", "تحریر", "نویسنده"];

    private static readonly string[] s_arabicBylineRoles = ["ترجمة", "تصوير", "تحرير", "متابعة"];

    // Words of a sentence, never of a name: "كتب الرئيس على تويتر", "كتبت في مقالها".
    private static readonly string[] s_arabicBylineStops =
        [
            "على", "في", "عن", "من", "إلى", "الى", "أن", "ان", "إن", "مع", "قبل", "بعد", "أمس", "اليوم", "مقالا", "مقالاً", "تغريدة",
            "میں", "نے", "سے", "کو", "پر", "کے", "کی", "کا", "ہے", "ہیں", "در", "از", "به", "را", "که", "است",
        ];

    /// <summary>
    /// An agency's note on who helped with the report: <c>Associated Press writer John Smith in Berlin contributed to
    /// this report.</c>, <c>AP writers A and B contributed.</c>, <c>Reuters reporters in Kabul contributed to this
    /// story.</c> It names the agency whose report it is.
    /// </summary>
    private static bool TryContributorLine(ReadOnlySpan<char> line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        var s = line.Trim();
        if (s.Length is < 20 or > 300 || !s.Contains(" contributed", StringComparison.Ordinal))
        {
            return false;
        }

        if (s.StartsWith("The ", StringComparison.Ordinal))
        {
            s = s[4..];
        }

        if (!gazetteer.TryMatchAt(s, 0, out var agency, out var end))
        {
            return false;
        }

        var rest = s[end..].TrimStart();
        var wordEnd = rest.IndexOf(' ');
        if (wordEnd <= 0 || !IsOneOf(rest[..wordEnd], s_contributorRoles))
        {
            return false;
        }

        wire = agency;
        return true;
    }

    private static readonly string[] s_contributorRoles =
        ["writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "photographer", "photographers", "journalist", "journalists", "staff"];

    /// <summary>
    /// An English line naming the wires a report draws on: <c>With AFP</c>, <c>(With AFP and Reuters)</c>,
    /// <c>Source: Bloomberg</c>, <c>(With inputs from PTI)</c>, <c>With agencies</c>. Every name listed must be a wire or
    /// "agencies", and the line names the first wire.
    /// </summary>
    private static bool TrySourcesLine(ReadOnlySpan<char> line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        var s = line.Trim();
        if (s.Length is < 6 or > 80)
        {
            return false;
        }

        if (s[0] == '(' && s[^1] == ')')
        {
            s = s[1..^1].Trim();
        }

        s = s.TrimEnd('.');
        var rest = ReadOnlySpan<char>.Empty;
        foreach (var lead in s_sourcesLeads)
        {
            if (s.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                rest = s[lead.Length..];
                break;
            }
        }

        while (!rest.IsEmpty)
        {
            var name = NextListed(ref rest).Trim().Trim(CreditDecoration);
            if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            {
                name = name[4..].TrimStart();
            }

            var found = gazetteer.FindExact(name);
            if (found is null && IsOneOf(name, s_agenciesWords))
            {
                found = gazetteer.Find("Agencies");
            }

            if (found is null)
            {
                wire = null;
                return false;
            }

            wire ??= found;
        }

        return wire is not null;
    }

    /// <summary>
    /// An Arabic closing line naming a report's sources, as Al Jazeera's site ends its stories:
    /// <c>المصدر : الجزيرة + وكالات</c>, <c>المصدر : رويترز</c>, <c>المصادر: RT + أ ف ب</c>. The names are separated by
    /// <c>+</c>, <c>/</c> or a comma; at least one is a wire (or "agencies"), the others are short names (the outlet
    /// itself), and the first wire is the credit.
    /// </summary>
    private static bool TryArabicSourcesLine(ReadOnlySpan<char> line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        var s = line.Trim().Trim("()".AsSpan()).Trim();
        if (s.Length is < 8 or > 80)
        {
            return false;
        }

        var rest = ReadOnlySpan<char>.Empty;
        foreach (var lead in s_arabicSourcesLeads)
        {
            if (s.StartsWith(lead, StringComparison.Ordinal))
            {
                rest = s[lead.Length..].TrimStart();
                break;
            }
        }

        if (rest.IsEmpty || rest[0] is not (':' or '：'))
        {
            return false;
        }

        rest = rest[1..];
        while (!rest.IsEmpty)
        {
            var cut = rest.IndexOfAny(s_arabicSourceSeparators);
            var name = (cut < 0 ? rest : rest[..cut]).Trim().Trim(CreditDecoration);
            rest = cut < 0 ? [] : rest[(cut + 1)..];
            if (name.IsEmpty)
            {
                continue;
            }

            var found = gazetteer.FindExact(name);
            if (found is not null)
            {
                wire ??= found;
            }
            else if (CountWords(name) > MaxSourceNameWords)
            {
                wire = null;
                return false; // a sentence, not a name: "المصدر: ما نقلته وسائل الإعلام المحلية عن الوزارة"
            }
        }

        return wire is not null;
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = PhraseText.IsWordChar(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    /// <summary>A source named beside a wire on an Arabic sources line (the outlet itself) has at most this many words.</summary>
    private const int MaxSourceNameWords = 3;

    private static readonly string[] s_arabicSourcesLeads = ["المصادر", "المصدر"];

    private static readonly SearchValues<char> s_arabicSourceSeparators = SearchValues.Create("+/,،|");

    // The next name of a list "A, B and C" (or "A/B", "A & B"); list keeps what follows it.
    private static ReadOnlySpan<char> NextListed(ref ReadOnlySpan<char> list)
    {
        var cut = list.IndexOfAny(',', '/', '&');
        var and = list.IndexOf(" and ", StringComparison.Ordinal);
        ReadOnlySpan<char> name;
        if (and >= 0 && (cut < 0 || and < cut))
        {
            name = list[..and];
            list = list[(and + 5)..];
        }
        else if (cut < 0)
        {
            name = list;
            list = [];
        }
        else
        {
            name = list[..cut];
            list = list[(cut + 1)..];
        }

        return name;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] s_sourcesLeads =
        ["With inputs from ", "With input from ", "With reporting from ", "With additional reporting from ", "With ", "Sources: ", "Source: ", "Source - "];

    private static readonly string[] s_agenciesWords = ["agencies", "agency inputs", "wires", "wire services", "news agencies"];

    private static readonly string[] s_copyrightMarks = ["Copyright", "(c)", "The "];

    private static readonly string[] s_signOffOpenings =
        ["Reporting by ", "Additional reporting by ", "Writing by ", "Compiled by ", "Editing by "];

    /// <summary>
    /// A bracketed or quoted wire closing the last sentence: <c>... مصيره. «رويترز»</c>, <c>... 2010م. (أ ف ب)</c>,
    /// <c>... - (رويترز)</c>. What precedes must end a sentence or be a dash, so that
    /// <c>نقلت وكالة الأنباء السعودية (واس)</c> keeps its wire.
    /// </summary>
    private static bool TryTrailingBracketedCredit(ReadOnlySpan<char> line, WireGazetteer gazetteer, out int cut, out WireAgency? wire)
    {
        cut = -1;
        wire = null;
        var s = line.TrimEnd();
        if (s.Length < 3)
        {
            return false;
        }

        var open = s[^1] switch
        {
            ')' => '(',
            '»' => '«',
            '"' => '"',
            '”' => '“',
            _ => '\0',
        };
        if (open == '\0')
        {
            return false;
        }

        var openAt = s[..^1].LastIndexOf(open);
        if (openAt < 0 || s.Length - openAt > MaxTrailingCreditLength)
        {
            return false;
        }

        var found = gazetteer.FindExact(s[(openAt + 1)..^1]);
        if (found is null)
        {
            return false;
        }

        var before = openAt;
        while (before > 0 && PhraseText.IsSpace(s[before - 1]))
        {
            before--;
        }

        if (before > 0 && s[before - 1] is '-' or '–' or '—')
        {
            before--;
            while (before > 0 && PhraseText.IsSpace(s[before - 1]))
            {
                before--;
            }

            cut = before;
        }
        else if (before == 0 || s[before - 1] is '.' or '!' or '?' or '؟' or '»' or '"' or '”' or ':')
        {
            cut = before;
        }
        else
        {
            return false;
        }

        wire = found;
        return true;
    }

    /// <summary>
    /// 3alyoum appends its tag list to the last sentence: <c>... في الثانوية العامة. سمات تبوك جامعة تبوك</c>
    /// (1,743 of 2,080 articles). Taken only after a full stop and when the tail has no punctuation at all.
    /// </summary>
    private static bool TryTrailingTags(ReadOnlySpan<char> line, out int cut)
    {
        cut = -1;
        const string Tags = "سمات ";
        var at = line.LastIndexOf(Tags, StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var before = line[..at].TrimEnd();
        if (before.IsEmpty || before[^1] is not ('.' or '!' or '؟' or '”' or '"'))
        {
            return false;
        }

        var tail = line[(at + Tags.Length)..];
        var words = 0;
        var inWord = false;
        foreach (var c in tail)
        {
            if (PhraseText.IsWordChar(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else if (PhraseText.IsSpace(c))
            {
                inWord = false;
            }
            else
            {
                return false;
            }
        }

        if (words is 0 or > MaxTagWords)
        {
            return false;
        }

        cut = at;
        return true;
    }

    /// <summary>
    /// Joins the lines back into <paramref name="destination"/> with single blank lines between paragraphs and none
    /// at the edges; returns the length written.
    /// </summary>
    private static int JoinLines(ref LineList lines, Span<char> destination)
    {
        var n = 0;
        var blank = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                blank = n > 0;
                continue;
            }

            if (n > 0)
            {
                destination[n++] = '\n';
                if (blank)
                {
                    destination[n++] = '\n';
                }
            }

            line.CopyTo(destination[n..]);
            n += line.Length;
            blank = false;
        }

        return n;
    }

    /// <summary>A line of the body as a range of the text, trimmed of whitespace.</summary>
    private readonly record struct Line(int Start, int Length)
    {
        /// <summary>The range from <paramref name="start"/> to <paramref name="end"/> without leading or trailing whitespace.</summary>
        public static Line Trimmed(ReadOnlySpan<char> text, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return new Line(start, end - start);
        }
    }

    /// <summary>
    /// The body's lines as ranges of its text in a caller-provided buffer: removing from either end moves a bound,
    /// and a line is shortened by changing its length, so no line is ever copied into a string of its own.
    /// </summary>
    private ref struct LineList
    {
        private readonly Span<Line> _items;
        private int _first;
        private int _end;

        /// <summary>Splits <paramref name="text"/> at <c>'\n'</c> into <paramref name="items"/>, one trimmed line each.</summary>
        public LineList(ReadOnlySpan<char> text, Span<Line> items)
        {
            Text = text;
            _items = items;
            var start = 0;
            var count = 0;
            while (true)
            {
                var nl = text[start..].IndexOf('\n');
                var end = nl < 0 ? text.Length : start + nl;
                items[count++] = Line.Trimmed(text, start, end);
                if (nl < 0)
                {
                    break;
                }

                start = end + 1;
            }

            _first = 0;
            _end = count;
        }

        public ReadOnlySpan<char> Text { get; }

        public readonly int Count => _end - _first;

        public readonly ReadOnlySpan<char> this[int index]
        {
            get
            {
                var line = _items[_first + index];
                return Text.Slice(line.Start, line.Length);
            }
        }

        public readonly Line RangeAt(int index) => _items[_first + index];

        public readonly void SetRange(int index, Line line) => _items[_first + index] = line;

        public readonly void SetLength(int index, int length) =>
            _items[_first + index] = _items[_first + index] with { Length = length };

        public void RemoveFirst(int count) => _first += count;

        public void RemoveLast() => _end--;

        public void RemoveAt(int index)
        {
            var at = _first + index;
            _items[(at + 1).._end].CopyTo(_items[at..]);
            _end--;
        }

        public void DropLeadingBlank()
        {
            while (_first < _end && _items[_first].Length == 0)
            {
                _first++;
            }
        }

        public void DropTrailingBlank()
        {
            while (_end > _first && _items[_end - 1].Length == 0)
            {
                _end--;
            }
        }

        /// <summary>A length the joined lines cannot exceed: each line and up to two newlines.</summary>
        public readonly int JoinedCapacity()
        {
            var capacity = 1;
            for (var i = _first; i < _end; i++)
            {
                capacity += _items[i].Length + 2;
            }

            return capacity;
        }
    }

    /// <summary>
    /// The last dateline parse of a line: header detection asks whether the line after a header is a dateline, the
    /// next header step asks again, and the dateline rule asks once more when that line has become the first.
    /// </summary>
    private struct DatelineCache(WireGazetteer gazetteer)
    {
        private Line _line = new(-1, 0);
        private Dateline? _dateline;
        private int _length;

        public Dateline? Parse(ref LineList lines, int index, out int length)
        {
            var line = lines.RangeAt(index);
            if (line != _line)
            {
                _dateline = DatelineParser.Parse(lines[index], gazetteer, out _length);
                _line = line;
            }

            length = _length;
            return _dateline;
        }
    }
}
