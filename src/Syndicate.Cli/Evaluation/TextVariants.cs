using System.Globalization;
using System.Text;
using Syndicate.Sketches;

namespace Syndicate.Cli.Evaluation;

/// <summary>The word-, paragraph- and character-level edits outlets make to wire text.</summary>
internal static class TextVariants
{
    private const char Tatweel = '\u0640';
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char RightToLeftMark = '\u200F';

    private static readonly string[] s_fillers = ["أيضا", "كذلك", "اليوم", "بدوره", "من جهته", "في الوقت نفسه", "حسب المصدر", "الجاري"];

    private static readonly string[] s_headlinePrefixes = ["عاجل: ", "بالتفاصيل.. ", "شاهد: ", "رسميا: ", "تقرير: "];

    // fatha, damma, kasra, shadda, fathatan, sukun
    private static readonly char[] s_harakat = ['\u064E', '\u064F', '\u0650', '\u0651', '\u064B', '\u0652'];

    // Letters that never join to the following letter: a tatweel after them would be a rendering error, not a variant.
    private const string NonJoining = "اأإآدذرزوؤةىء";

    /// <summary>The isolated presentation form (Arabic Presentation Forms-B) of each letter that gets one.</summary>
    private static readonly Dictionary<char, char> s_isolatedForms = new()
    {
        ['ا'] = '\uFE8D',
        ['ب'] = '\uFE8F',
        ['ت'] = '\uFE95',
        ['ث'] = '\uFE99',
        ['ج'] = '\uFE9D',
        ['ح'] = '\uFEA1',
        ['خ'] = '\uFEA5',
        ['د'] = '\uFEA9',
        ['ذ'] = '\uFEAB',
        ['ر'] = '\uFEAD',
        ['ز'] = '\uFEAF',
        ['س'] = '\uFEB1',
        ['ش'] = '\uFEB5',
        ['ع'] = '\uFEC9',
        ['ف'] = '\uFED1',
        ['ق'] = '\uFED5',
        ['ك'] = '\uFED9',
        ['ل'] = '\uFEDD',
        ['م'] = '\uFEE1',
        ['ن'] = '\uFEE5',
        ['ه'] = '\uFEE9',
        ['و'] = '\uFEED',
        ['ي'] = '\uFEF1',
        ['ة'] = '\uFE93',
        ['ى'] = '\uFEEF',
    };

    /// <summary>Two to four variation families, drawn for one copy.</summary>
    public static Orthography PickOrthography(SplitMix64 rng)
    {
        var all = Enum.GetValues<Orthography>().Where(o => o != Orthography.None).ToList();
        rng.Shuffle(all);
        var count = rng.NextInt(2, 4);
        var result = Orthography.None;
        for (var i = 0; i < count; i++)
        {
            result |= all[i];
        }

        return result;
    }

    /// <summary>Rewrites <paramref name="text"/> with the chosen variation families.</summary>
    public static string ApplyOrthography(string text, Orthography families, SplitMix64 rng)
    {
        var swapMaqsuraToYa = rng.Chance(0.5);
        var sb = new StringBuilder(text.Length + (text.Length / 8));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var atWordStart = i == 0 || char.IsWhiteSpace(text[i - 1]);
            var atWordEnd = i == text.Length - 1 || !IsArabicLetter(text[i + 1]);

            if ((families & Orthography.AlefForms) != 0)
            {
                if (c is 'أ' or 'إ' or 'آ' && rng.Chance(0.7))
                {
                    c = 'ا';
                }
                else if (c == 'ا' && atWordStart && rng.Chance(0.3))
                {
                    c = 'أ';
                }
            }

            if ((families & Orthography.AlefMaqsura) != 0 && atWordEnd)
            {
                if (swapMaqsuraToYa && c == 'ى')
                {
                    c = 'ي';
                }
                else if (!swapMaqsuraToYa && c == 'ي' && rng.Chance(0.8))
                {
                    c = 'ى';
                }
            }

            if ((families & Orthography.TaMarbuta) != 0 && atWordEnd && c == 'ة' && rng.Chance(0.8))
            {
                c = 'ه';
            }

            if ((families & Orthography.IndicDigits) != 0 && c is >= '0' and <= '9')
            {
                c = (char)('\u0660' + (c - '0'));
            }

            if ((families & Orthography.PresentationForms) != 0 && rng.Chance(0.2))
            {
                if (c == 'ل' && i + 1 < text.Length && text[i + 1] == 'ا')
                {
                    sb.Append('\uFEFB'); // lam-alef ligature, isolated
                    i++;
                    continue;
                }

                if (s_isolatedForms.TryGetValue(c, out var form))
                {
                    c = form;
                }
            }

            if ((families & Orthography.InvisibleMarks) != 0 && c == ' ' && rng.Chance(0.06))
            {
                sb.Append(rng.Chance(0.5) ? ZeroWidthNonJoiner : RightToLeftMark);
            }

            sb.Append(c);

            if ((families & Orthography.Harakat) != 0 && IsArabicLetter(c) && rng.Chance(0.05))
            {
                sb.Append(s_harakat[rng.NextInt(s_harakat.Length)]);
            }

            if ((families & Orthography.Tatweel) != 0 && !atWordEnd && IsArabicLetter(c)
                && !NonJoining.Contains(c, StringComparison.Ordinal) && rng.Chance(0.02))
            {
                sb.Append(Tatweel);
            }
        }

        return sb.ToString();
    }

    /// <summary>Drops one or two words (never the first) from a paragraph of at least six words.</summary>
    public static string DropWords(string paragraph, SplitMix64 rng)
    {
        var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count < 6)
        {
            return paragraph;
        }

        var drops = rng.NextInt(1, 2);
        for (var i = 0; i < drops; i++)
        {
            words.RemoveAt(rng.NextInt(1, words.Count - 1));
        }

        return string.Join(' ', words);
    }

    /// <summary>Inserts a filler word or phrase after a random word.</summary>
    public static string InsertWords(string paragraph, SplitMix64 rng)
    {
        var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count < 3)
        {
            return paragraph;
        }

        words.Insert(rng.NextInt(1, words.Count - 1), rng.Pick(s_fillers));
        return string.Join(' ', words);
    }

    /// <summary>A rewritten headline: a prefix, a shortened title, the lead's opening words, or the outlet's name appended.</summary>
    public static string RewriteHeadline(string title, string lead, string outletName, SplitMix64 rng)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (rng.NextInt(4))
        {
            case 0:
                return rng.Pick(s_headlinePrefixes) + title;
            case 1 when words.Length > 4:
                return string.Join(' ', words.Take(words.Length - rng.NextInt(1, 2)));
            case 2:
                var leadWords = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return string.Join(' ', leadWords.Take(Math.Min(leadWords.Length, 9))).TrimEnd('،', ',', '.') + "...";
            default:
                return string.Create(CultureInfo.InvariantCulture, $"{title} | {outletName}");
        }
    }

    private static readonly string[] s_attributions = ["أفادت مصادر مطلعة بأن", "ذكرت تقارير إعلامية أن", "علمت الصحيفة أن", "في خبر تابعته الصحيفة،"];

    /// <summary>
    /// A rewritten opening: the lead's first clause (up to its first comma, at most twelve words; else three to six
    /// words) gives way to an outlet's attribution, as a copy that opens with its own byline does.
    /// </summary>
    public static string RewriteOpening(string lead, SplitMix64 rng)
    {
        var words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count < 10)
        {
            return lead;
        }

        var comma = words.FindIndex(w => w.EndsWith('،') || w.EndsWith(','));
        var cut = comma is >= 2 and <= 12 ? comma + 1 : rng.NextInt(3, 6);
        return rng.Pick(s_attributions) + " " + string.Join(' ', words.Skip(cut));
    }

    /// <summary>
    /// Respaces Arabic script without changing how it reads: the space after a word that ends in a letter that does not
    /// join the next is dropped now and then, and a word is split after such a letter inside it now and then, as Urdu and
    /// Arabic outlets do (<c>عبد العزيز</c> / <c>عبدالعزيز</c>).
    /// </summary>
    public static string Respace(string paragraph, SplitMix64 rng)
    {
        var sb = new StringBuilder(paragraph.Length + 8);
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            var between = i > 0 && i + 1 < paragraph.Length && IsArabicLetter(paragraph[i - 1]) && IsArabicLetter(paragraph[i + 1]);
            if (c == ' ' && between && NonJoining.Contains(paragraph[i - 1], StringComparison.Ordinal) && rng.Chance(0.15))
            {
                continue;
            }

            sb.Append(c);
            var inside = i > 0 && i + 2 < paragraph.Length && IsArabicLetter(paragraph[i - 1]) && IsArabicLetter(paragraph[i + 1]) && IsArabicLetter(paragraph[i + 2]);
            if (inside && NonJoining.Contains(c, StringComparison.Ordinal) && rng.Chance(0.08))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>Every run of ASCII digits replaced by another number of at most as many digits plus one.</summary>
    public static string ChangeNumbers(string text, SplitMix64 rng)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var value = long.Parse(text.AsSpan(start, Math.Min(i - start, 15)), CultureInfo.InvariantCulture);
            sb.Append((value + rng.NextInt(1, 9)).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Exact Jaccard similarity of the word 3-shingle sets of two texts split at spaces.</summary>
    public static double WordShingleJaccard(string a, string b)
    {
        static HashSet<string> Shingles(string text)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 3 <= words.Length; i++)
            {
                set.Add(string.Join(' ', words, i, 3));
            }

            return set;
        }

        HashSet<string> x = Shingles(a), y = Shingles(b);
        var union = x.Count + y.Count - x.Count(y.Contains);
        return union == 0 ? 1 : (double)x.Count(y.Contains) / union;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
