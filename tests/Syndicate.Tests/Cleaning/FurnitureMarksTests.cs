using System.Text;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Sketches;

namespace Syndicate.Tests.Cleaning;

/// <summary>
/// Furniture phrases are recognised with the marks a vocalised page or a scraper leaves inside them (harakat, shadda,
/// tatweel, zero-width joiners, bidi marks), as datelines and wire names already are.
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
        char[] alphabet = [.. Phrase.Distinct(), 'ب', 'ت', .. s_marks, ' '];
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
    public void A_text_without_marks_is_searched_ordinally()
    {
        Assert.False(Boilerplate.NeedsTolerantMatch(Story));
        Assert.True(Boilerplate.NeedsTolerantMatch(Story + "\u064E"));
        Assert.True(Boilerplate.NeedsTolerantMatch("\u200C"));
    }

    private static string Body(string phrase, BoilerplateScope scope) => scope switch
    {
        BoilerplateScope.Phrase => Story + " " + phrase + " " + Tail,
        _ => Story + "\n" + phrase + " " + Tail,
    };

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

    private static int Reference(string text, string phrase)
    {
        for (int end = 1; end <= text.Length; end++)
        {
            if (PhraseText.Fold(text[end - 1]) == '\0')
            {
                continue;
            }

            string kept = string.Concat(text[..end].Where(c => PhraseText.Fold(c) != '\0'));
            if (kept == phrase)
            {
                while (end < text.Length && (PhraseText.IsArabicMark(text[end]) || text[end] == '\u0640'))
                {
                    end++;
                }

                return end;
            }

            if (!phrase.StartsWith(kept, StringComparison.Ordinal))
            {
                return 0;
            }
        }

        return 0;
    }
}
