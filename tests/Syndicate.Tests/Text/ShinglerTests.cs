using System.IO.Hashing;
using System.Text;
using Syndicate.Text;

namespace Syndicate.Tests.Text;

public sealed class ShinglerTests
{
    // First clause of fixtures/seeds/000_*.txt, already in normalized form (single spaces, no punctuation).
    private const string ArabicSentence = "بحث الرئيس الروسي فلاديمير بوتين خلال اتصال هاتفي مع نظيره الأذربيجاني";

    [Fact]
    public void WordShinglesMatchGoldenValues()
    {
        // Computed by gen_shingle_golden.py straight from the scheme documented on Shingler (python3-xxhash for the
        // token hashes), so these pin the scheme itself: any change to token hashing, combination or finishing fails here.
        AssertPrefix([0xB9B06F13858F4806, 0x7C38DF20D12A686B, 0x2D44F9B391869E37, 0x6CB768ED92B802FC], Words(ArabicSentence, 3, 0), 9);
        AssertPrefix([0x1F8C61750D4FFC4A, 0xCF5255EA97E6B887, 0x0F75629EE8F27ABD, 0xB0BCD7A8032C15A1], Words(ArabicSentence, 3, 42), 9);
        AssertPrefix([0xB200871C52A755BC, 0xA20ECDF657559995, 0x17FC4E08F4ED81F3, 0xF394754D65780AD9], Words(ArabicSentence, 3, -7), 9);
        AssertPrefix([0x68351CE8592DE978], Words(ArabicSentence, 16, 0), 1);
    }

    [Fact]
    public void CharacterShinglesMatchGoldenValues()
    {
        AssertPrefix([0x2152C02A867CC3E2, 0xF260CE065582F1B5, 0x6D670B0B9AC0C03C, 0x28281F7C3FAAEC4F], Characters(ArabicSentence, 4, 0), ArabicSentence.Length - 3);
        AssertPrefix([0x1596EC88C7FBC053], Characters("بحث", 5, 0), 1);
    }

    [Fact]
    public void WordShinglesAreOrderSensitive()
    {
        Assert.NotEqual(Words("a b c", 3, 0), Words("c b a", 3, 0));
        Assert.NotEqual(Words("a b", 3, 0), Words("b a", 3, 0));
        Assert.NotEqual(Words("a b c d", 2, 0).Order(), Words("d c b a", 2, 0).Order());
    }

    [Fact]
    public void CharacterShinglesAreOrderSensitive()
    {
        Assert.NotEqual(Characters("ab", 2, 0), Characters("ba", 2, 0));
    }

    [Theory]
    [InlineData("", 1, 0)]
    [InlineData("", 5, 0)]
    [InlineData("a", 1, 1)]
    [InlineData("a", 5, 1)]
    [InlineData("a b", 5, 1)]
    [InlineData("a b c d e", 5, 1)]
    [InlineData("a b c d e f", 5, 2)]
    [InlineData("a b c d e f", 1, 6)]
    [InlineData("a b c d e f", 16, 1)]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen", 16, 2)]
    public void WordShingleCounts(string text, int k, int expected)
    {
        Assert.Equal(expected, Words(text, k, 0).Length);
    }

    [Theory]
    [InlineData("", 3, 0)]
    [InlineData("a", 3, 1)]
    [InlineData("ab", 3, 1)]
    [InlineData("abc", 3, 1)]
    [InlineData("abcd", 3, 2)]
    [InlineData("a b c", 1, 5)]
    [InlineData("a b c", 2, 4)]
    public void CharacterShingleCounts(string text, int n, int expected)
    {
        Assert.Equal(expected, Characters(text, n, 0).Length);
    }

    [Fact]
    public void ShortDocumentShingleCoversAllTokensInOrder()
    {
        var ab = Words("a b", 5, 0).Single();
        Assert.NotEqual(ab, Words("a", 5, 0).Single());
        Assert.NotEqual(ab, Words("b a", 5, 0).Single());

        // The short-document shingle is the k-shingle of exactly those tokens.
        Assert.Equal(ab, Words("a b", 2, 0).Single());
    }

    [Fact]
    public void SameWindowHashesTheSameAnywhereInTheText()
    {
        var left = Words("x a b c y", 3, 7);
        var right = Words("p q a b c", 3, 7);
        Assert.Equal(left[1], right[2]);
        Assert.Single(left.Intersect(right));

        var chars = Characters("xa by", 3, 7);
        Assert.Equal(Characters("a b", 3, 7).Single(), chars[1]);
    }

    [Fact]
    public void SeedChangesEveryHash()
    {
        var seed0 = Words(ArabicSentence, 4, 0);
        var seed1 = Words(ArabicSentence, 4, 1);
        Assert.Empty(seed0.Intersect(seed1));
        Assert.Empty(Characters(ArabicSentence, 4, 0).Intersect(Characters(ArabicSentence, 4, 1)));
    }

    [Fact]
    public void ExtraSpacesAreSkipped()
    {
        Assert.Equal(Words("a b c", 2, 0), Words(" a  b c ", 2, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-1)]
    public void InvalidWordShingleSizeThrows(int k)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Shingler.WordShingles("a b", k, 0, new ulong[4]));
        Assert.Equal("k", exception.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void InvalidCharacterShingleSizeThrows(int n)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Shingler.CharacterShingles("ab", n, 0, new ulong[4]));
        Assert.Equal("n", exception.ParamName);
    }

    [Fact]
    public void TooShortDestinationThrows()
    {
        Assert.Throws<ArgumentException>(() => Shingler.WordShingles("a b c d", 2, 0, new ulong[2]));
        Assert.Throws<ArgumentException>(() => Shingler.WordShingles("a", 2, 0, Span<ulong>.Empty));
        Assert.Throws<ArgumentException>(() => Shingler.CharacterShingles("abcd", 2, 0, new ulong[2]));
        Assert.Equal(3, Shingler.WordShingles("a b c d", 2, 0, new ulong[3]));
    }

    [Fact]
    public void MaxShingleCountsBoundEveryResult()
    {
        Assert.Equal(0, Shingler.MaxWordShingles(0));
        Assert.Equal(1, Shingler.MaxWordShingles(1));
        Assert.Equal(5, Shingler.MaxWordShingles(9)); // "a b c d e" with k = 1 is tight.
        Assert.Equal(5, Words("a b c d e", 1, 0).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Shingler.MaxWordShingles(-1));

        var random = new Random(12345);
        for (var trial = 0; trial < 500; trial++)
        {
            var text = RandomText(random, random.Next(0, 40), maxWordLength: 4);
            for (var k = 1; k <= Shingler.MaxWordShingleSize; k += 3)
            {
                Assert.True(Words(text, k, 0).Length <= Shingler.MaxWordShingles(text.Length));
                Assert.True(Characters(text, k, 0).Length <= Shingler.MaxCharacterShingles(text.Length));
            }
        }
    }

    [Fact]
    public void ContentHashIsXxHash3OfUtf16()
    {
        Assert.Equal(XxHash3.HashToUInt64(Encoding.Unicode.GetBytes(ArabicSentence), 5), Shingler.ContentHash(ArabicSentence, 5));
    }

    [Fact]
    public void EveryOutputBitIsUniform()
    {
        // For N independent uniform hashes each bit is Binomial(N, 1/2): mean N/2, standard deviation sqrt(N)/2,
        // so its frequency has standard deviation 1/(2 sqrt(N)) = 0.00158 for N = 100,000. A 5 sigma band is
        // ±0.0079; by the normal tail P(|Z| > 5) = 5.7e-7 per bit, 3.7e-5 for all 64 bits of one test, so a failure
        // means a real bias (a stuck or weak bit), not bad luck. The seed is fixed, so the test is deterministic.
        const int ShingleCount = 100_000;
        var random = new Random(424242);
        var vocabulary = Enumerable.Range(0, 5000).Select(_ => RandomWord(random, 2, 9)).ToArray();
        var text = string.Join(' ', Enumerable.Range(0, ShingleCount + 4).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

        var words = Words(text, 5, 99);
        Assert.Equal(ShingleCount, words.Length);
        AssertBitsUniform(words);

        var chars = Characters(text, 5, 99).AsSpan(0, ShingleCount).ToArray();
        AssertBitsUniform(chars);
    }

    private static void AssertBitsUniform(ulong[] hashes)
    {
        var bound = 5 * 0.5 / Math.Sqrt(hashes.Length);
        for (var bit = 0; bit < 64; bit++)
        {
            var set = 0;
            foreach (var hash in hashes)
            {
                set += (int)((hash >> bit) & 1);
            }

            var frequency = (double)set / hashes.Length;
            Assert.True(Math.Abs(frequency - 0.5) <= bound, $"bit {bit} is set with frequency {frequency:F5}, outside 0.5 ± {bound:F5}");
        }
    }

    [Fact]
    public void VectorizedWordShinglesEqualTheScalarReference()
    {
        // Token boundaries at every offset of a vector block, runs of spaces, leading and trailing spaces, tokens
        // longer than a block, surrogate pairs and every k: the two paths must agree hash for hash.
        var random = new Random(20251122);
        string[] pieces = ["a", "بحث", "الرئيس", "فلاديمير", "𝐀𝐁", "abcdefghijklmnopqrstuvwxyz0123456789", " ", "  "];
        for (var trial = 0; trial < 2000; trial++)
        {
            var sb = new StringBuilder();
            var parts = random.Next(0, 60);
            for (var i = 0; i < parts; i++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
                if (random.Next(3) != 0)
                {
                    sb.Append(' ');
                }
            }

            var text = sb.ToString();
            var k = 1 + random.Next(Shingler.MaxWordShingleSize);
            var seed = random.NextInt64(long.MinValue, long.MaxValue);
            Assert.Equal(ScalarWords(text, k, seed), Words(text, k, seed));

            // A destination sized exactly to the result (too small to hold the token hashes) gives the same hashes.
            var expected = ScalarWords(text, k, seed);
            var exact = new ulong[expected.Length];
            Assert.Equal(expected.Length, Shingler.WordShingles(text, k, seed, exact));
            Assert.Equal(expected, exact);
        }
    }

    private static void AssertPrefix(ulong[] expected, ulong[] actual, int expectedCount)
    {
        Assert.Equal(expectedCount, actual.Length);
        Assert.Equal(expected, actual.Take(expected.Length));
    }

    private static ulong[] Words(string text, int k, long seed)
    {
        var buffer = new ulong[Shingler.MaxWordShingles(text.Length)];
        return buffer.AsSpan(0, Shingler.WordShingles(text, k, seed, buffer)).ToArray();
    }

    private static ulong[] ScalarWords(string text, int k, long seed)
    {
        var buffer = new ulong[Shingler.MaxWordShingles(text.Length)];
        return buffer.AsSpan(0, Shingler.WordShinglesScalar(text, k, seed, buffer)).ToArray();
    }

    private static ulong[] Characters(string text, int n, long seed)
    {
        var buffer = new ulong[Shingler.MaxCharacterShingles(text.Length)];
        return buffer.AsSpan(0, Shingler.CharacterShingles(text, n, seed, buffer)).ToArray();
    }

    private static string RandomText(Random random, int words, int maxWordLength) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => RandomWord(random, 1, maxWordLength)));

    private static string RandomWord(Random random, int minLength, int maxLength)
    {
        // Arabic letters U+0621..U+064A.
        var chars = new char[random.Next(minLength, maxLength + 1)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0x0621, 0x064B);
        }

        return new string(chars);
    }
}
