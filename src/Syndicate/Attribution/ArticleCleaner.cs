using System.Text;

namespace Syndicate.Attribution;

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

    private static readonly char[] s_creditDecoration = "()[]«»\"“”'*-–— .:".ToCharArray();

    /// <summary>Cleans one article.</summary>
    /// <param name="title">The article title, or <see langword="null"/> when unknown.</param>
    /// <param name="body">The raw body text.</param>
    /// <param name="gazetteer">The wire agencies to recognise in datelines and credits.</param>
    public static CleanedArticle Clean(string? title, string body, WireGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(gazetteer);

        var removed = new List<string>();
        var text = RemovePhrases(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), removed);
        var parts = text.Split('\n');
        var lines = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            lines.Add(part.Trim());
        }

        RemoveHeaderLines(lines, title, gazetteer, removed);
        var titleLines = RemoveTitleLines(lines, title);
        var dateline = RemoveDateline(lines, gazetteer);
        var continuation = RemoveMarkerLines(lines, removed);
        var (credit, creditWire) = RemoveTrailingCredits(lines, gazetteer, removed);

        return new CleanedArticle
        {
            Body = JoinLines(lines),
            Dateline = dateline,
            HadContinuationMarker = continuation,
            RemovedTitleLines = titleLines,
            RemovedBoilerplate = removed,
            TrailingCredit = credit,
            TrailingCreditWire = creditWire,
        };
    }

    private static string RemovePhrases(string text, List<string> removed)
    {
        var span = text.AsSpan();
        StringBuilder? sb = null;
        var copied = 0;
        var from = 0;
        while (from < span.Length)
        {
            var at = Boilerplate.IndexOfNext(span, from, out var phrase, out var scope);
            if (at < 0)
            {
                break;
            }

            var end = scope switch
            {
                BoilerplateScope.Phrase => at + phrase.Length,
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

            sb ??= new StringBuilder(text.Length);
            sb.Append(span[copied..start]);
            if (scope == BoilerplateScope.Phrase && start > 0 && end < span.Length
                && !PhraseText.IsSpace(span[start - 1]) && !PhraseText.IsSpace(span[end]))
            {
                // Widgets glued on both sides ("...أحداً.أفكارك وتعليقاتكبوتين يطلع") must not fuse two words.
                sb.Append('\n');
            }

            removed.Add(span[at..Math.Max(at, end)].Trim().ToString());
            copied = end;
            from = end;
        }

        if (sb is null)
        {
            return text;
        }

        sb.Append(span[copied..]);
        return sb.ToString();
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
    private static void RemoveHeaderLines(List<string> lines, string? title, WireGazetteer gazetteer, List<string> removed)
    {
        DropLeadingBlank(lines);
        var titleKey = string.IsNullOrWhiteSpace(title) ? "" : TitleKey(title);
        var headers = 0;
        for (var i = 0; i < lines.Count && headers <= MaxHeaderLines; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (headers > 0
                && ((titleKey.Length > 0 && string.Equals(TitleKey(lines[i]), titleKey, StringComparison.Ordinal))
                    || DatelineParser.Parse(lines[i], gazetteer, out _) is not null))
            {
                for (var j = 0; j < i; j++)
                {
                    if (lines[j].Length > 0)
                    {
                        removed.Add(lines[j]);
                    }
                }

                lines.RemoveRange(0, i);
                return;
            }

            if (titleKey.Length > 0 && string.Equals(TitleKey(lines[i]), titleKey, StringComparison.Ordinal))
            {
                // The title itself: removing it is the title rule's job, and what precedes it is not a header here.
                return;
            }

            if (!IsHeaderLike(lines[i], MaxHeaderWords) && !(IsHeaderLike(lines[i], MaxHeadlineWords) && NextIsDateline(lines, i, gazetteer)))
            {
                return;
            }

            headers++;
        }
    }

    /// <summary>A headline (the outlet's own, or the title with the outlet's name appended) right above a dateline has at most this many words.</summary>
    private const int MaxHeadlineWords = 24;

    private static bool NextIsDateline(List<string> lines, int i, WireGazetteer gazetteer)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Length > 0)
            {
                return DatelineParser.Parse(lines[j], gazetteer, out _) is not null;
            }
        }

        return false;
    }

    private static bool IsHeaderLike(string line, int maxWords)
    {
        if (line.Length > maxWords * 12 || line.EndsWith('.') || line.EndsWith('،'))
        {
            return false;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var letter = PhraseText.IsWordChar(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words > 0 && words <= maxWords;
    }

    private static int RemoveTitleLines(List<string> lines, string? title)
    {
        DropLeadingBlank(lines);
        if (string.IsNullOrWhiteSpace(title))
        {
            return 0;
        }

        var key = TitleKey(title);
        if (key.Length == 0)
        {
            return 0;
        }

        var count = 0;
        while (lines.Count > 0 && string.Equals(TitleKey(lines[0]), key, StringComparison.Ordinal))
        {
            lines.RemoveAt(0);
            count++;
            DropLeadingBlank(lines);
        }

        return count;
    }

    /// <summary>The folded letters and digits of a line: whitespace, punctuation and marks do not count.</summary>
    private static string TitleKey(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (PhraseText.IsWordChar(c))
            {
                var f = PhraseText.Fold(c);
                if (f != '\0')
                {
                    sb.Append(f);
                }
            }
        }

        return sb.ToString();
    }

    private static Dateline? RemoveDateline(List<string> lines, WireGazetteer gazetteer)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var first = lines[0];
        var dateline = DatelineParser.Parse(first, gazetteer, out var length);
        if (dateline is null)
        {
            return null;
        }

        var rest = first[length..].Trim();
        if (rest.Length == 0)
        {
            lines.RemoveAt(0);
            DropLeadingBlank(lines);
        }
        else
        {
            lines[0] = rest;
        }

        return dateline;
    }

    private static bool RemoveMarkerLines(List<string> lines, List<string> removed)
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
            removed.Add(lines[i]);
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

    /// <summary>
    /// Whole-line wire markers: <c>(تستمر)</c>, <c>(يتبع)</c>, <c>// يتبع //</c> continue; <c>// انتهى //</c>,
    /// <c>(النهاية)</c>, <c>NNNN</c>, <c>-30-</c> end; the SPA transmission time <c>18:35 ت م</c> is furniture too.
    /// </summary>
    private static MarkerKind ClassifyMarker(string line)
    {
        if (line.Length is 0 or > 40)
        {
            return MarkerKind.None;
        }

        if (IsTransmissionTime(line))
        {
            return MarkerKind.End;
        }

        var key = TitleKey(line);
        return key switch
        {
            "تستمر" or "يتبع" => MarkerKind.Continuation,
            "انتهي" or "انتهيالخبر" or "النهايه" or "نهايه" or "nnnn" or "end" or "30" => IsDecoratedMarker(line, key),
            _ => MarkerKind.None,
        };
    }

    private static MarkerKind IsDecoratedMarker(string line, string key)
    {
        // "30" and "end" only count when decorated as markers ("-30-", "(END)"), never as a bare word.
        if (key is "30" or "end" && line.AsSpan().IndexOfAny("-/()[]") < 0)
        {
            return MarkerKind.None;
        }

        return MarkerKind.End;
    }

    /// <summary>SPA items end with the transmission time in Mecca time: <c>18:35 ت م</c>, sometimes followed by NNNN.</summary>
    private static bool IsTransmissionTime(string line)
    {
        var s = line.AsSpan();
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

    private static (string? Credit, WireAgency? Wire) RemoveTrailingCredits(List<string> lines, WireGazetteer gazetteer, List<string> removed)
    {
        string? credit = null;
        WireAgency? wire = null;
        for (var guard = 0; guard < 6; guard++)
        {
            DropTrailingBlank(lines);
            if (lines.Count == 0)
            {
                break;
            }

            var last = lines[^1];
            if (TryCreditLine(last, gazetteer, out var lineWire))
            {
                lines.RemoveAt(lines.Count - 1);
                removed.Add(last);
                credit ??= last;
                wire ??= lineWire;
                continue;
            }

            if (TryTrailingBracketedCredit(last, gazetteer, out var cut, out var bracketWire))
            {
                var creditText = last[cut..].Trim();
                lines[^1] = last[..cut].TrimEnd();
                removed.Add(creditText);
                credit ??= creditText;
                wire ??= bracketWire;
                continue;
            }

            if (TryTrailingTags(last, out cut))
            {
                removed.Add(last[cut..].Trim());
                lines[^1] = last[..cut].TrimEnd();
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
    private static bool TryCreditLine(string line, WireGazetteer gazetteer, out WireAgency? wire)
    {
        wire = null;
        if (line.Length > 80)
        {
            return false;
        }

        var anyWire = false;
        foreach (var part in line.Split('/'))
        {
            var name = part.Trim().Trim(s_creditDecoration);
            if (name.Length == 0)
            {
                continue;
            }

            var found = gazetteer.Find(name);
            if (found is not null)
            {
                wire ??= found;
                anyWire = true;
                continue;
            }

            if (!OutletNames.Table.TryGetExact(name, out _))
            {
                return false;
            }
        }

        return anyWire;
    }

    /// <summary>
    /// A bracketed or quoted wire closing the last sentence: <c>... مصيره. «رويترز»</c>, <c>... 2010م. (أ ف ب)</c>,
    /// <c>... - (رويترز)</c>. What precedes must end a sentence or be a dash, so that
    /// <c>نقلت وكالة الأنباء السعودية (واس)</c> keeps its wire.
    /// </summary>
    private static bool TryTrailingBracketedCredit(string line, WireGazetteer gazetteer, out int cut, out WireAgency? wire)
    {
        cut = -1;
        wire = null;
        var s = line.AsSpan().TrimEnd();
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

        var found = gazetteer.Find(s[(openAt + 1)..^1].ToString());
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
    private static bool TryTrailingTags(string line, out int cut)
    {
        cut = -1;
        const string Tags = "سمات ";
        var at = line.LastIndexOf(Tags, StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var before = line.AsSpan(0, at).TrimEnd();
        if (before.IsEmpty || before[^1] is not ('.' or '!' or '؟' or '”' or '"'))
        {
            return false;
        }

        var tail = line.AsSpan(at + Tags.Length);
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

    private static void DropLeadingBlank(List<string> lines)
    {
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }
    }

    private static void DropTrailingBlank(List<string> lines)
    {
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    /// <summary>Joins the lines back with single blank lines between paragraphs and none at the edges.</summary>
    private static string JoinLines(List<string> lines)
    {
        var capacity = 0;
        foreach (var line in lines)
        {
            capacity += line.Length + 2;
        }

        var sb = new StringBuilder(capacity);
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(blank ? "\n\n" : "\n");
            }

            sb.Append(line);
            blank = false;
        }

        return sb.ToString();
    }
}
