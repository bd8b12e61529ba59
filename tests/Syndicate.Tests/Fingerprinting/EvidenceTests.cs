using Syndicate.Fingerprinting;
using Syndicate.Sketches;
using Syndicate.Text;

namespace Syndicate.Tests.Fingerprinting;

public sealed class EvidenceTests
{
    private const long Seed = 0x5EED;

    private static byte[] Row(string text)
    {
        string normalized = TextNormalizer.Normalize(text);
        var row = new byte[Evidence.RowBytes];
        var grams = new ulong[Math.Max(1, normalized.Length)];
        Evidence.Compute(normalized, new OnePermutationMinHash(Evidence.CharacterSlots, Seed), Seed, grams, row);
        return row;
    }

    private static HashSet<ulong> GramSet(string text)
    {
        string normalized = TextNormalizer.Normalize(text);
        var grams = new ulong[Math.Max(1, normalized.Length)];
        return [.. grams.AsSpan(0, Evidence.CharacterGrams(normalized, Seed, grams))];
    }

    [Fact]
    public void Respacing_leaves_the_character_grams_unchanged()
    {
        // COUNTER's Urdu respacings: the same words written with and without their inner spaces.
        Assert.Equal(GramSet("زیر اہتمام مقابلہ ہو گا کا مقابلہ ڈولفنز سے"), GramSet("زیراہتمام مقابلہ ہوگا کامقابلہ ڈولفنزسے"));
        Assert.Equal(1.0, Evidence.CharacterJaccard(Row("زیر اہتمام مقابلہ ہو گا"), Row("زیراہتمام مقابلہ ہوگا")));
    }

    [Fact]
    public void Vector_character_grams_equal_the_scalar_loop()
    {
        // Seeded random texts of every short length and some long ones: runs of spaces, Arabic and Latin letters,
        // digits, and the whole 16-bit range, written into a buffer exactly as long as the text.
        var random = new Random(20261206);
        string alphabet = "  ابتثجحخدذرسشصضطظعغفقكلمنهوي0123456789abcxyz";
        for (int trial = 0; trial < 400; trial++)
        {
            int length = trial < 60 ? trial : random.Next(60, 4000);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = random.Next(10) == 0 ? (char)random.Next(1, 0x10000) : alphabet[random.Next(alphabet.Length)];
            }

            var expected = new ulong[Math.Max(1, length)];
            var actual = new ulong[Math.Max(1, length)];
            long seed = random.NextInt64();
            int count = Evidence.CharacterGramsScalar(chars, seed, expected);
            Assert.Equal(count, Evidence.CharacterGramsVector(chars, seed, actual));
            Assert.Equal(expected.AsSpan(0, count).ToArray(), actual.AsSpan(0, count).ToArray());
        }
    }

    [Fact]
    public void Numbers_found_by_digit_search_equal_the_token_split()
    {
        // Seeded random token streams: numbers, words, words with digits inside, before or after letters, empty
        // tokens from doubled spaces, and stories with more distinct numbers than the exact set holds.
        var random = new Random(20261206);
        string[] pieces = ["12", "2015", "7", "0", "٣", "abc", "كلمة", "a1", "1a", "ب12", "12ب", "", "9x9", "00", "123456789012"];
        for (int trial = 0; trial < 600; trial++)
        {
            int count = trial < 40 ? trial : random.Next(1, trial % 5 == 0 ? 900 : 80);
            var tokens = new string[count];
            for (int i = 0; i < count; i++)
            {
                tokens[i] = random.Next(3) == 0
                    ? random.Next(trial % 5 == 0 ? 100000 : 50).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : pieces[random.Next(pieces.Length)];
            }

            string text = string.Join(' ', tokens);
            long seed = random.NextInt64();
            var expected = new byte[Evidence.RowBytes];
            var actual = new byte[Evidence.RowBytes];
            Evidence.WriteNumbersByTokens(text, seed, expected);
            Evidence.WriteNumbers(text, seed, actual);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"trial {trial}: '{text}'");
        }
    }

    [Fact]
    public void A_gram_is_five_non_space_characters_in_text_order()
    {
        Assert.Equal(0, Evidence.CharacterGrams("abcd", Seed, new ulong[8]));
        var grams = new ulong[8];
        Assert.Equal(3, Evidence.CharacterGrams("ab cdefg", Seed, grams));
        var glued = new ulong[8];
        Evidence.CharacterGrams("abcdefg", Seed, glued);
        Assert.Equal(glued[..3], grams[..3]);
        Assert.Equal(3, new HashSet<ulong>(grams[..3]).Count);
    }

    [Fact]
    public void The_character_estimate_tracks_exact_Jaccard()
    {
        // Reference: the exact Jaccard similarity of the gram sets. 64 sixteen-bit slots give a standard error of at
        // most 0.0625 (sqrt(0.25 / 64)); the bound is four of them.
        var random = new Random(7);
        string[] words = [.. Enumerable.Range(0, 400).Select(i => "كلمة" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        for (int trial = 0; trial < 40; trial++)
        {
            string[] a = [.. Enumerable.Range(0, 120).Select(_ => words[random.Next(words.Length)])];
            string[] b = [.. a.Select(w => random.NextDouble() < trial / 40.0 ? words[random.Next(words.Length)] : w)];
            string ta = string.Join(' ', a), tb = string.Join(' ', b);
            HashSet<ulong> sa = GramSet(ta), sb = GramSet(tb);
            double exact = (double)sa.Intersect(sb).Count() / sa.Union(sb).Count();
            double estimate = Evidence.CharacterJaccard(Row(ta), Row(tb));
            Assert.InRange(estimate, exact - 0.25, exact + 0.25);
        }
    }

    [Fact]
    public void Numbers_agree_when_one_release_is_rewritten_and_disagree_across_template_instances()
    {
        byte[] fifth = Row("وصلت الطائرة الخامسة إلى عدن وعلى متنها 12 طنا من المستلزمات لمرضى الكلى في 5 مستشفيات");
        byte[] rewrite = Row("حطت في عدن طائرة خامسة تحمل 12 طنا من المستلزمات الطبية لمرضى الكلى في 5 مستشفيات");
        byte[] fourth = Row("وصلت الطائرة الرابعة إلى عدن وعلى متنها 10 أطنان من المستلزمات لمرضى الكلى في 3 مستشفيات");

        Assert.Equal(2, Evidence.NumberCount(fifth));
        Assert.Equal(1.0, Evidence.NumberAgreement(fifth, rewrite));
        Assert.Equal(0.0, Evidence.NumberAgreement(fifth, fourth));
        Assert.Null(Evidence.NumberAgreement(fifth, Row("خبر بلا أرقام على الإطلاق")));
    }

    [Fact]
    public void Many_numbers_are_compared_through_their_bottom_k_sample()
    {
        string Numbers(int from, int count) => string.Join(' ', Enumerable.Range(from, count).Select(i => "رقم " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        byte[] a = Row(Numbers(0, 40));
        Assert.Equal(40, Evidence.NumberCount(a));
        Assert.Equal(1.0, Evidence.NumberAgreement(a, Row(Numbers(0, 40))));
        Assert.Equal(0.0, Evidence.NumberAgreement(a, Row(Numbers(1000, 40))));
    }
}
