using System.Text;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Sketches;

namespace Syndicate.Tests.Cleaning;

/// <summary>
/// Furniture phrases are recognised in the forms a vocalised page, another keyboard or a scraper gives them: with marks
/// inside (harakat, shadda, tatweel, zero-width joiners, bidi marks), Farsi letter forms, and tabs, no-break or double
/// spaces between the words, as datelines and wire names already are.
/// </summary>
public sealed class FurnitureMarksTests
{
    private const string Story = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير.\nوقال الوزير إن المشروع يخدم سكان المنطقة.";
    private const string Tail = "تفاصيل أخرى عن الموضوع";

    private static readonly char[] s_marks = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0640', '\u200C', '\u200E'];

    [Fact]
    public void Every_furniture_phrase_is_removed_with_marks_tatweel_and_joiners_inside_it()
    {
        var rng = new SplitMix64(20261208);
        foreach ((string phrase, BoilerplateScope scope) in Boilerplate.Phrases)
        {
            string marked = Mark(phrase, rng);
            Assert.NotEqual(phrase, marked);
            string plainBody = Body(phrase, scope);
            string plain = ArticleCleaner.Clean(null, plainBody, WireGazetteer.Default).Body;
            string withMarks = ArticleCleaner.Clean(null, Body(marked, scope), WireGazetteer.Default).Body;
            Assert.True(plain == withMarks, $"«{phrase}» ({scope}) written «{marked}»: cleaned to «{withMarks}», not «{plain}»");
        }
    }

    [Fact]
    public void Every_furniture_phrase_is_removed_with_farsi_letters_and_odd_spaces()
    {
        var rng = new SplitMix64(20261209);
        foreach ((string phrase, BoilerplateScope scope) in Boilerplate.Phrases)
        {
            string variant = Respell(phrase, rng);
            string plain = ArticleCleaner.Clean(null, Body(phrase, scope), WireGazetteer.Default).Body;
            string respelled = ArticleCleaner.Clean(null, Body(variant, scope), WireGazetteer.Default).Body;
            Assert.True(plain == respelled, $"«{phrase}» ({scope}) written «{variant}»: cleaned to «{respelled}», not «{plain}»");
        }
    }

    [Fact]
    public void A_hamza_spelling_the_phrase_does_not_list_is_running_text()
    {
        // "أيضا.." opening a line is a link label; the same word without its hamza, after a quotation, is the writer's.
        const string Body = "ان الضربات هدفها \"وقائي\" ايضًا.. واضاف هذا المسؤول ان التنظيم يكدس السلاح.";
        Assert.Equal(Body, ArticleCleaner.Clean(null, Body, WireGazetteer.Default).Body);
    }

    [Fact]
    public void A_vocalised_footer_is_removed_as_the_plain_one_is()
    {
        // alweeam's footer as a vocalised page gives it: a fatha, a kasra and a tatweel inside the phrase.
        const string Footer = "رابطُ الخبرِ بصحيـفة الوئام: http://www.alweeam.com.sa/123456/";
        var cleaned = ArticleCleaner.Clean(null, Story + "\n" + Footer, WireGazetteer.Default);
        Assert.Equal(ArticleCleaner.Clean(null, Story, WireGazetteer.Default).Body, cleaned.Body);
        Assert.Single(cleaned.RemovedBoilerplate);
    }

    [Fact]
    public void The_match_length_is_that_of_the_shortest_copy_of_the_phrase_with_the_dropped_chars_taken_out()
    {
        // Random texts over the phrase's letters, other letters and droppable chars, against the definition.
        const string Phrase = "اقرأ أيضا";
        var rng = new SplitMix64(7);
        char[] alphabet = [.. Phrase.Distinct(), 'ب', 'ت', 'ی', 'ا', .. s_marks, ' ', '\t', '\u00A0', '\n'];
        int matches = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            if (rng.NextInt(2) == 0)
            {
                text.Append(Mark(Phrase, rng));
            }

            for (int n = rng.NextInt(8); n > 0; n--)
            {
                text.Append(alphabet[rng.NextInt(alphabet.Length)]);
            }

            int expected = Reference(text.ToString(), Phrase);
            Assert.Equal(expected, Boilerplate.MatchLength(text.ToString(), Phrase));
            matches += expected > 0 ? 1 : 0;
        }

        Assert.InRange(matches, 5_000, 15_000);
    }

    [Fact]
    public void Only_plain_ascii_with_single_spaces_is_searched_ordinally()
    {
        Assert.False(Boilerplate.NeedsTolerantMatch("Image caption The minister said on Monday.\nRead more: the budget"));
        Assert.True(Boilerplate.NeedsTolerantMatch("Image  caption The minister said on Monday."));
        Assert.True(Boilerplate.NeedsTolerantMatch("Image\tcaption The minister said on Monday."));
        Assert.True(Boilerplate.NeedsTolerantMatch(Story));
        Assert.True(Boilerplate.NeedsTolerantMatch("\u200C"));
    }

    private static string Body(string phrase, BoilerplateScope scope) => scope switch
    {
        BoilerplateScope.Phrase => Story + " " + phrase + " " + Tail,
        _ => Story + "\n" + phrase + " " + Tail,
    };

    /// <summary>The phrase with Farsi yeh and keheh for yeh and kaf, and each space as a tab, a no-break space or two spaces.</summary>
    private static string Respell(string phrase, SplitMix64 rng)
    {
        string[] spaces = ["\t", "\u00A0", "  ", " \t"];
        var respelled = new StringBuilder();
        foreach (char c in phrase)
        {
            respelled.Append(c switch
            {
                ' ' => spaces[rng.NextInt(spaces.Length)],
                'ي' => "ی",
                'ك' => "ک",
                _ => c.ToString(),
            });
        }

        return respelled.ToString();
    }

    /// <summary>The phrase with marks, tatweel or joiners after some of its letters (at least one).</summary>
    private static string Mark(string phrase, SplitMix64 rng)
    {
        var marked = new StringBuilder();
        bool any = false;
        for (int i = 0; i < phrase.Length; i++)
        {
            marked.Append(phrase[i]);
            bool last = i == phrase.Length - 1;
            if (char.IsLetter(phrase[i]) && (rng.NextInt(3) == 0 || (last && !any)))
            {
                marked.Append(s_marks[rng.NextInt(s_marks.Length)]);
                any = true;
            }
        }

        if (!any)
        {
            marked.Insert(1, '\u200C');
        }

        return marked.ToString();
    }

    /// <summary>
    /// The definition: the shortest prefix that, with the dropped chars taken out, runs of spaces (not line breaks) made
    /// one space and non-alef letters folded, is the phrase so folded; then the marks and tatweel after it.
    /// </summary>
    private static int Reference(string text, string phrase)
    {
        string target = Canonical(phrase);
        for (int end = 1; end <= text.Length; end++)
        {
            char last = text[end - 1];
            if (PhraseText.Fold(last) == '\0' || (PhraseText.IsSpace(last) && last != '\n'))
            {
                continue;
            }

            string kept = Canonical(text[..end]);
            if (kept == target)
            {
                while (end < text.Length && (PhraseText.IsArabicMark(text[end]) || text[end] == '\u0640'))
                {
                    end++;
                }

                return end;
            }

            if (!target.StartsWith(kept, StringComparison.Ordinal))
            {
                return 0;
            }
        }

        return 0;
    }

    private static string Canonical(string text)
    {
        var kept = new StringBuilder();
        foreach (char c in text)
        {
            if (PhraseText.IsSpace(c) && c != '\n' && PhraseText.Fold(c) != '\0')
            {
                if (kept.Length == 0 || kept[^1] != ' ')
                {
                    kept.Append(' ');
                }
            }
            else if (PhraseText.Fold(c) != '\0')
            {
                kept.Append(c is 'ا' or 'أ' or 'إ' or 'آ' ? c : PhraseText.Fold(c));
            }
        }

        return kept.ToString();
    }
}
