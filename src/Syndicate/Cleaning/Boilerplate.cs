using System.Buffers;
using Syndicate.Attribution;

namespace Syndicate.Cleaning;

/// <summary>
/// Phrases that belong to an outlet's page furniture rather than to any story: comment and share widgets,
/// related-article links, app promotions, opinion disclaimers and contact footers.
/// </summary>
/// <remarks>
/// <para>
/// Every phrase here was either named as furniture by the pages it comes from (UrduPoint's comment widget), or
/// recurs verbatim at the edges of hundreds of articles of one outlet in the SaudiNewsNet (2015) and ANT (2018)
/// corpora, with counts in the comments, or is the label a related-story link carries on news sites of a language
/// (<c>اقرأ أيضا</c>, <c>Read more:</c>, <c>Lire aussi</c>, <c>یہ بھی پڑھیں</c>), or a picture, player or sharing
/// label that English news pages leave in scraped text (<c>Image caption</c>, <c>Media playback is unsupported on your
/// device</c>). Phrases that also occur in story text ("يتبع", "انتهى", "نقلا عن")
/// are deliberately absent; the cleaner handles those only as whole lines.
/// </para>
/// <para>
/// Widget labels (<see cref="BoilerplateScope.Phrase"/>) are found anywhere with one vectorised ordinal search
/// each. The other phrases are only taken where a line or a sentence begins, so the scan visits just those anchor
/// positions and probes the phrases sharing the first char; a body is read once, whatever the number of phrases.
/// </para>
/// <para>
/// A phrase matches its copy in a text as a vocalised page, another keyboard or a scraper leaves it: the chars phrase
/// folding drops (<see cref="PhraseText.Fold"/>: harakat and other Arabic marks, tatweel, zero-width joiners, bidi
/// marks) may stand anywhere in it (<c>رابطُ الخبر</c>, <c>رابـط الخبر</c>); its non-ASCII letters match their folded
/// variants (<c>بصحیفة</c> with a Farsi yeh), except the alef forms, whose hamza spellings the phrases list; and a
/// space matches any run of spaces, tabs or no-break spaces within the line. ASCII letters match exactly. A widget label found anywhere must still begin with its own first char. A text
/// of plain ASCII with single spaces is searched ordinally.
/// </para>
/// </remarks>
internal static class Boilerplate
{
    private static readonly (string Text, BoilerplateScope Scope)[] s_phrases = CreatePhrases();

    /// <summary>Every furniture phrase and what of the text it takes with it.</summary>
    internal static IReadOnlyList<(string Text, BoilerplateScope Scope)> Phrases => s_phrases;

    private static readonly string[] s_anywhere =
        [.. s_phrases.Where(p => p.Scope == BoilerplateScope.Phrase).Select(p => p.Text)];

    // The widget labels by their first char, which their copies keep in any form: a tolerant search visits each
    // occurrence of it once for all the labels that begin with it.
    private static readonly (string First, string[] Labels)[] s_anywhereByFirstChar =
        [.. s_anywhere.GroupBy(label => label[..1], StringComparer.Ordinal).Select(g => (g.Key, g.ToArray()))];

    // The sentence ends are searched for in two sets, each of which has a fast vectorised search: one set of nine
    // mixed ASCII and non-ASCII chars falls back to a much slower probabilistic search.
    private static readonly SearchValues<char> s_asciiSentenceEnds = SearchValues.Create(AsciiSentenceEnds);

    // Keyed by the folded first char, so that a copy beginning with a variant of it (a Farsi yeh) is probed too.
    private static readonly Dictionary<char, (string Text, BoilerplateScope Scope)[]> s_anchoredByFirstChar =
        s_phrases.Where(p => p.Scope != BoilerplateScope.Phrase)
            .GroupBy(p => PhraseText.Fold(p.Text[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Text.Length).ToArray());

    /// <summary>
    /// True unless <paramref name="text"/> is plain ASCII with single spaces, where every phrase's copy is the phrase
    /// itself: then it is searched ordinally, else with <see cref="MatchLength"/>.
    /// </summary>
    public static bool NeedsTolerantMatch(ReadOnlySpan<char> text) =>
        !System.Text.Ascii.IsValid(text) || text.ContainsAny('\t', '\v', '\f') || text.Contains("  ", StringComparison.Ordinal);

    /// <summary>
    /// Finds the next phrase at or after <paramref name="from"/>: a widget label anywhere, or another phrase where a
    /// line or sentence begins. Returns -1 when there is none; else its start, with the length of its copy in the text
    /// in <paramref name="length"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="from">Where to start.</param>
    /// <param name="tolerant">Phrases may stand in the text in another form than their own (<see cref="NeedsTolerantMatch"/>).</param>
    /// <param name="phrase">The phrase found.</param>
    /// <param name="length">The length of the phrase's copy in the text: longer than the phrase when marks stand in it.</param>
    /// <param name="scope">What of the text the phrase takes with it.</param>
    public static int IndexOfNext(ReadOnlySpan<char> text, int from, bool tolerant, out string phrase, out int length, out BoilerplateScope scope)
    {
        phrase = string.Empty;
        scope = BoilerplateScope.Phrase;
        length = 0;
        var best = -1;
        if (!tolerant)
        {
            foreach (var candidate in s_anywhere)
            {
                var limit = best < 0 ? text.Length : Math.Min(text.Length, best + candidate.Length);
                var i = text[from..limit].IndexOf(candidate, StringComparison.Ordinal);
                if (i >= 0 && (best < 0 || from + i < best))
                {
                    best = from + i;
                    phrase = candidate;
                    length = candidate.Length;
                }
            }
        }
        else
        {
            // Copies in any form (the phrase itself among them), each label group searched before the earliest found.
            foreach (var (start, labels) in s_anywhereByFirstChar)
            {
                var stop = best < 0 ? text.Length : best;
                for (var probe = from; probe < stop; probe++)
                {
                    var next = text[probe..stop].IndexOf(start, StringComparison.Ordinal);
                    if (next < 0)
                    {
                        break;
                    }

                    probe += next;
                    var matched = 0;
                    foreach (var label in labels)
                    {
                        matched = MatchLength(text[probe..], label);
                        if (matched > 0)
                        {
                            best = probe;
                            phrase = label;
                            length = matched;
                            break;
                        }
                    }

                    if (matched > 0)
                    {
                        break;
                    }
                }
            }
        }

        var end = best < 0 ? text.Length : best;
        var anchor = from == 0 || IsSentenceEnd(text[from - 1]);
        var at = from;
        while (at < end)
        {
            if (!anchor)
            {
                // Between anchors nothing is probed: jump to the next sentence end.
                var next = IndexOfSentenceEnd(text[at..end]);
                if (next < 0)
                {
                    break;
                }

                at += next + 1;
                anchor = true;
                continue;
            }

            var c = text[at];
            if (IsSentenceEnd(c) || IsDecoration(c))
            {
                at++;
                continue;
            }

            anchor = false;
            if (s_anchoredByFirstChar.TryGetValue(PhraseText.Fold(c), out var candidates))
            {
                foreach (var (candidate, candidateScope) in candidates)
                {
                    var matched = tolerant ? MatchLength(text[at..], candidate)
                        : text[at..].StartsWith(candidate, StringComparison.Ordinal) ? candidate.Length : 0;
                    if (matched > 0)
                    {
                        phrase = candidate;
                        length = matched;
                        scope = candidateScope;
                        return at;
                    }
                }
            }

            at++;
        }

        return best;
    }

    /// <summary>
    /// The length of <paramref name="phrase"/>'s copy at the start of <paramref name="text"/>, or 0 when there is none:
    /// the phrase's chars in order, each non-ASCII one as itself or a variant that folds alike, each space as a run of
    /// spaces (no line break); with any chars phrase folding drops (marks, tatweel, joiners, bidi marks) between them,
    /// and the marks and tatweel that follow its last letter.
    /// </summary>
    internal static int MatchLength(ReadOnlySpan<char> text, string phrase)
    {
        var t = 0;
        foreach (var p in phrase)
        {
            if (p == ' ')
            {
                var spaces = 0;
                while (t < text.Length && (IsInlineSpace(text[t]) || PhraseText.Fold(text[t]) == '\0'))
                {
                    spaces += IsInlineSpace(text[t]) ? 1 : 0;
                    t++;
                }

                if (spaces == 0)
                {
                    return 0;
                }

                continue;
            }

            while (t < text.Length && text[t] != p && PhraseText.Fold(text[t]) == '\0')
            {
                t++;
            }

            if (t == text.Length || (text[t] != p && !IsLetterVariant(text[t], p)))
            {
                return 0;
            }

            t++;
        }

        while (t < text.Length && (PhraseText.IsArabicMark(text[t]) || text[t] == '\u0640'))
        {
            t++;
        }

        return t;
    }

    private static bool IsInlineSpace(char c) => c is not ('\n' or '\r') && PhraseText.IsSpace(c);

    /// <summary>
    /// True when <paramref name="c"/> is another form of the phrase's non-ASCII letter <paramref name="p"/> that phrase
    /// folding makes alike (a Farsi yeh or keheh, a heh for a teh marbuta, an Arabic-Indic digit), except among the alef
    /// forms: a phrase lists its hamza spellings itself, and <c>أيضا..</c> closing a line is a link label where
    /// <c>ايضًا..</c> after a quotation is running text.
    /// </summary>
    private static bool IsLetterVariant(char c, char p) =>
        p >= 0x80 && !IsAlefForm(p) && !IsAlefForm(c) && PhraseText.Fold(c) == PhraseText.Fold(p);

    private static bool IsAlefForm(char c) => c is '\u0627' or '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673';

    /// <summary>Chars that may stand between a line or sentence start and the phrase: spaces and bullets.</summary>
    public static bool IsDecoration(char c) => PhraseText.IsSpace(c) || c is '*' or '•' or '#' or '-' or '|';

    private const string AsciiSentenceEnds = "\n.!?\")";

    /// <summary>The first sentence end in <paramref name="text"/> (see <see cref="IsSentenceEnd"/>), or -1.</summary>
    internal static int IndexOfSentenceEnd(ReadOnlySpan<char> text)
    {
        var ascii = text.IndexOfAny(s_asciiSentenceEnds);
        var before = ascii < 0 ? text : text[..ascii];
        var other = before.IndexOfAny('؟', '»', '”');
        return other >= 0 ? other : ascii;
    }

    internal static bool IsSentenceEnd(char c) => c is '\n' or '.' or '!' or '?' or '؟' or '»' or '"' or '”' or ')';

    private static (string, BoilerplateScope)[] CreatePhrases()
    {
        var list = new List<(string, BoilerplateScope)>
        {
            // UrduPoint / Pakistan Point News comment widget, often glued to the next story's title.
            ("أفكارك وتعليقاتك", BoilerplateScope.Phrase),
            // Okaz share buttons opening 157 of its 2,900 articles in SaudiNewsNet.
            ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك", BoilerplateScope.Phrase),
            ("شارك هذا المقال", BoilerplateScope.Phrase),
            ("شارك هذا الخبر", BoilerplateScope.Phrase),
            // 3alyoum slider buttons at the top of 270 of 2,080 articles.
            ("Next Previous", BoilerplateScope.Phrase),
            // Asharq Al-Awsat "read more" link closing 115 of 2,947 articles.
            ("....المزيد", BoilerplateScope.Phrase),
            ("...المزيد", BoilerplateScope.Phrase),

            ("تابعونا على", BoilerplateScope.RestOfLine),
            ("للمزيد من الأخبار", BoilerplateScope.RestOfLine),
            // France 24 related links ("للمزيد: ...", 279 of 3,974 articles).
            ("للمزيد:", BoilerplateScope.RestOfLine),
            ("للمزيد -", BoilerplateScope.RestOfLine),
            // Al-Weeam closes every article (2,090 of 2,090) with a link line repeating the title.
            ("رابط الخبر بصحيفة الوئام", BoilerplateScope.RestOfLine),
            // BBC Arabic app promotion (866 of 3,815 articles).
            ("يمكنكم استلام إشعارات بأهم الموضوعات", BoilerplateScope.RestOfLine),
            ("يمكنكم تسلم إشعارات بأهم الموضوعات", BoilerplateScope.RestOfLine),
            // Al Arabiya opinion disclaimer (458 of 6,519 articles).
            ("جميع المقالات المنشورة تمثل رأي كتابها فقط", BoilerplateScope.RestOfLine),
            // France 24 live-match links.
            ("لمتابعة المباراة على الحواسيب اللوحية", BoilerplateScope.RestOfLine),
            ("لمتابعة المباشر على الحواسيب اللوحية", BoilerplateScope.RestOfLine),
            ("لقراءة الحوار كاملا أنقر هنــا", BoilerplateScope.RestOfLine),
            // Al Riyadh columnist contact line.
            ("لمراسلة الكاتب:", BoilerplateScope.RestOfLine),

            // Al Madina (155 of 2,252) and Okaz SMS contact footers, which run to the end of the body.
            ("للتواصل مع الكاتب ارسل رسالة SMS", BoilerplateScope.RestOfBody),
            ("للتواصل مع الكاتب أرسل رسالة SMS", BoilerplateScope.RestOfBody),
            ("للتواصل أرسل sms", BoilerplateScope.RestOfBody),
            ("للتواصل أرسل رسالة نصية sms", BoilerplateScope.RestOfBody),
        };

        // "Read also" related links (BBC Arabic 76, CNN Arabic 35), in every hamza and tanween spelling, and the other
        // labels of a related link: "read more" (France 24 4, CNN Arabic 2), "see also" (BBC Arabic 2), "may interest
        // you too" (CNN Arabic 20).
        foreach (var also in (string[])["أيضا", "أيضاً", "ايضا", "ايضاً"])
        {
            foreach (var label in (string[])["اقرأ", "إقرأ", "اقرا", "شاهد", "طالع", "قد يهمك", "يهمك"])
            {
                list.Add(($"{label} {also}", BoilerplateScope.RestOfLine));
            }
        }

        list.Add(("اقرأ المزيد", BoilerplateScope.RestOfLine));
        list.Add(("إقرأ المزيد", BoilerplateScope.RestOfLine));

        // CNN Arabic's shortest link labels, a word and two dots or a colon opening the line (22 articles).
        foreach (var label in (string[])["أيضاً", "أيضا", "كذلك"])
        {
            list.Add(($"{label}..", BoilerplateScope.RestOfLine));
            list.Add(($"{label}:", BoilerplateScope.RestOfLine));
        }

        // English pages' picture, player and sharing furniture as it comes out of a scraper (BBC News: "Image copyright
        // Getty Images", "Image caption …", "Media playback is unsupported on your device"; CNN: "Story highlights").
        foreach (var label in (string[])
                 [
                     "Image copyright", "Image caption", "Media caption", "Media playback is unsupported on your device",
                     "Story highlights", "Share this article", "Share this story", "Follow us on",
                 ])
        {
            list.Add((label, BoilerplateScope.RestOfLine));
        }

        // The same label as every news site in the engine's other languages prints it over a link to another story,
        // whose headline would otherwise pass for story text: English, French, Urdu, Persian, Russian.
        foreach (var label in (string[])
                 [
                     "Read more:", "READ MORE:", "Read More:", "Also read:", "Also Read:", "ALSO READ:", "Related:",
                     "RELATED:", "See also:", "Lire aussi", "LIRE AUSSI", "À lire aussi", "A lire aussi", "Voir aussi :",
                     "یہ بھی پڑھیں", "مزید پڑھیں", "بیشتر بخوانید", "Читайте также",
                 ])
        {
            list.Add((label, BoilerplateScope.RestOfLine));
        }

        return [.. list];
    }
}
