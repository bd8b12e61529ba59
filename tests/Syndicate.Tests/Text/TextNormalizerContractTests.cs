using System.Text;
using Syndicate.Text;

namespace Syndicate.Tests.Text;

/// <summary>Property tests of the output contract over seeded random strings.</summary>
public sealed class TextNormalizerContractTests
{
    private const int Iterations = 2000;

    /// <summary>Character pools the generator mixes; each pool is a set of inclusive ranges.</summary>
    private static readonly (char First, char Last)[][] s_pools =
    [
        [('\u0621', '\u064A')],                          // Arabic letters
        [('\uFB50', '\uFDFF'), ('\uFE70', '\uFEFF')],   // Arabic presentation forms, ligatures
        [('\u064B', '\u065F'), ('\u0670', '\u0670'), ('\u0640', '\u0640'), ('\u06D6', '\u06ED')], // harakat, tatweel
        [('\u0660', '\u0669'), ('\u06F0', '\u06F9'), ('0', '9')], // digits
        [('\u0671', '\u06D5')],                          // Persian, Urdu, Kurdish letters
        [(' ', '/'), (':', '@'), ('\u060C', '\u060C'), ('\u061B', '\u061F'), ('\u06D4', '\u06D4'), ('\u066A', '\u066D'), ('\u00AB', '\u00AB'), ('\u00BB', '\u00BB'), ('\u2010', '\u2027')], // punctuation
        [('A', 'Z'), ('a', 'z'), ('\u00C0', '\u024F'), ('\u1E00', '\u1EFF')], // Latin
        [('\u0370', '\u03FF'), ('\u1F00', '\u1FFF')],   // Greek
        [('\u0400', '\u04FF')],                          // Cyrillic
        [('\u0000', '\u001F'), ('\u007F', '\u00A0'), ('\u2000', '\u206F'), ('\uFEFF', '\uFEFF'), ('\u00AD', '\u00AD'), ('\u3000', '\u3000')], // controls, spaces, bidi
        [('\uD800', '\uDFFF')],                          // surrogates, mostly lone
        [('\uFF00', '\uFFEF')],                          // halfwidth and fullwidth forms
        [('\u3040', '\u30FF'), ('\u4E00', '\u9FFF'), ('\uF900', '\uFAFF'), ('\u3200', '\u33FF'), ('\uAC00', '\uD7A3')], // kana, CJK, enclosed CJK, Hangul
        [('\u0000', '\uFFFF')],                          // anything
    ];

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Output_MeetsContract_AndIsIdempotent(int seed)
    {
        var random = new Random(seed);
        NormalizationOptions[] optionSets =
        [
            NormalizationOptions.Default,
            new() { FoldTehMarbuta = false, FoldHamzaCarriers = false, FoldAlefMaqsura = false },
            new() { FoldHamzaCarriers = false },
        ];

        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            string input = RandomText(random, random.Next(0, 80));
            NormalizationOptions options = optionSets[iteration % optionSets.Length];
            string output = TextNormalizer.Normalize(input, options);

            AssertContract(input, output);
            Assert.Equal(output, TextNormalizer.Normalize(output, options));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MainLoop_EqualsCheckedReference_ForEveryDestinationSize(int seed)
    {
        var random = new Random(seed);
        NormalizationOptions[] optionSets = [NormalizationOptions.Default, new() { FoldTehMarbuta = false, FoldHamzaCarriers = false }];
        for (int iteration = 0; iteration < Iterations * 4; iteration++)
        {
            ushort[] table = NormalizationTable.Get(optionSets[iteration % optionSets.Length]);
            string input = RandomText(random, random.Next(0, 80));
            int max = TextNormalizer.GetMaxOutputLength(input.Length);
            int size = iteration % 4 == 0 ? max : random.Next(0, max + 1);
            var fast = new char[size];
            var reference = new char[size];
            bool fastFits = TextNormalizer.NormalizeCore(input, fast, table, out int fastWritten);
            bool referenceFits = TextNormalizer.NormalizeCoreChecked(input, reference, table, out int referenceWritten);

            Assert.Equal(referenceFits, fastFits);
            Assert.Equal(referenceWritten, fastWritten);
            Assert.Equal(new string(reference, 0, referenceWritten), new string(fast, 0, fastWritten));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryNormalize_FailsWhenTooSmall_AndSucceedsWithMaxOutputLength(int seed)
    {
        var random = new Random(seed);
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            string input = RandomText(random, random.Next(0, 60));
            string expected = TextNormalizer.Normalize(input);

            var exact = new char[TextNormalizer.GetMaxOutputLength(input.Length)];
            Assert.True(TextNormalizer.TryNormalize(input, exact, out int written));
            Assert.Equal(expected, new string(exact, 0, written));
            Assert.Equal(written, TextNormalizer.Normalize(input, exact));

            if (expected.Length > 0)
            {
                var small = new char[random.Next(0, expected.Length)];
                Assert.False(TextNormalizer.TryNormalize(input, small, out int none));
                Assert.Equal(0, none);
                Assert.Throws<ArgumentException>(() => TextNormalizer.Normalize(input, small));
            }

            var justRight = new char[expected.Length];
            Assert.True(TextNormalizer.TryNormalize(input, justRight, out int all));
            Assert.Equal(expected.Length, all);
        }
    }

    [Fact]
    public void GetMaxOutputLength_IsReachedByTheWorstCase()
    {
        // The basmala ligature is the longest expansion; a run of them is the worst case.
        string input = new('\uFDFD', 50);
        int bound = TextNormalizer.GetMaxOutputLength(input.Length);
        string output = TextNormalizer.Normalize(input);
        Assert.True(output.Length <= bound);
        Assert.Equal(bound - 1, output.Length);
        Assert.Equal(0, TextNormalizer.GetMaxOutputLength(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextNormalizer.GetMaxOutputLength(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextNormalizer.GetMaxOutputLength(int.MaxValue));
    }

    [Fact]
    public void LongInput_UsesPooledBuffers_AndMatchesSpanOverload()
    {
        var random = new Random(42);
        string input = RandomText(random, 100_000);
        string output = TextNormalizer.Normalize(input);
        var buffer = new char[TextNormalizer.GetMaxOutputLength(input.Length)];
        int written = TextNormalizer.Normalize(input, buffer);
        Assert.Equal(output, new string(buffer, 0, written));
        AssertContract(input, output);

        // Ligature-heavy input outgrows the first guess and takes the fallback path.
        string ligatures = string.Concat(Enumerable.Repeat("\uFDFA\uFEFB\uFDF2", 400));
        string expanded = TextNormalizer.Normalize(ligatures);
        // ﻻ and ﷲ are letters of one word; the phrase ligature ﷺ stands apart.
        Assert.Equal(string.Join(' ', Enumerable.Repeat("صلي الله عليه وسلم لاالله", 400)), expanded);
    }

    [Fact]
    public void OverlappingBuffers_AreRejected()
    {
        char[] buffer = "abc def".ToCharArray();
        Assert.Throws<ArgumentException>(() => TextNormalizer.TryNormalize(buffer, buffer.AsSpan(2), out _));
    }

    internal static void AssertContract(string input, string output)
    {
        string? violation = FindViolation(output);
        Assert.True(violation is null, $"{violation} in output of {Escape(input)}");
    }

    private static string? FindViolation(string output)
    {
        if (output.Length == 0)
        {
            return null;
        }

        if (output[0] == ' ' || output[^1] == ' ')
        {
            return "Leading or trailing space";
        }

        if (output.Contains("  ", StringComparison.Ordinal))
        {
            return "Double space";
        }

        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            if (c == ' ')
            {
                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= output.Length || !char.IsLowSurrogate(output[i + 1]))
                {
                    return $"Lone high surrogate at {i}";
                }

                var rune = new Rune(c, output[i + 1]);
                if (!Rune.IsLetter(rune))
                {
                    return $"Astral non-letter at {i}";
                }

                if (NormalizationTable.IsIdeograph(rune.Value) && !IsAlone(output, i, 2))
                {
                    return $"Ideograph at {i} is not a token of its own";
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return $"Lone low surrogate at {i}";
            }

            if (!char.IsLetterOrDigit(c))
            {
                return $"U+{(int)c:X4} is not a letter or digit";
            }

            if (char.ToLowerInvariant(c) != c)
            {
                return $"Uppercase U+{(int)c:X4}";
            }

            if (char.IsDigit(c) && c > '9')
            {
                return $"Non-ASCII digit U+{(int)c:X4}";
            }

            if (IsFoldedAway(c))
            {
                return $"U+{(int)c:X4} should have been folded";
            }

            if (NormalizationTable.IsIdeograph(c) && !IsAlone(output, i, 1))
            {
                return $"Ideograph U+{(int)c:X4} at {i} is not a token of its own";
            }
        }

        return null;
    }

    // Whether the length characters at index stand between spaces or the ends of the output.
    private static bool IsAlone(string output, int index, int length) =>
        (index == 0 || output[index - 1] == ' ') && (index + length == output.Length || output[index + length] == ' ');

    /// <summary>Characters that never appear in the output, whatever the options.</summary>
    private static bool IsFoldedAway(char c) =>
        c is '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0640' or '\u06CC' or '\u06A9' or '\u06C1' or '\u06BE' or '\u03C2'
        || (c >= '\u064B' && c <= '\u065F')
        || (c >= '\uFB50' && c <= '\uFDFF' && c is not ('\uFD3E' or '\uFD3F'))
        || (c >= '\uFE70' && c <= '\uFEFC')
        || (c >= '\uFF66' && c <= '\uFF9D');

    internal static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            (char First, char Last)[] pool = s_pools[random.Next(s_pools.Length)];
            int run = random.Next(1, 8);
            for (int i = 0; i < run; i++)
            {
                (char first, char last) = pool[random.Next(pool.Length)];
                builder.Append((char)random.Next(first, last + 1));
            }

            if (random.Next(8) == 0)
            {
                builder.Append(random.Next(4) == 0 ? "\U0001F600" : random.Next(2) == 0 ? "\U00020000" : " ");
            }
        }

        return builder.ToString();
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
