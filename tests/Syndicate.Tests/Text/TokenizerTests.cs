using Syndicate.Text;

namespace Syndicate.Tests.Text;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("الملك سلمان", new[] { "الملك", "سلمان" })]
    [InlineData("one two three", new[] { "one", "two", "three" })]
    [InlineData("  leading  and   trailing  ", new[] { "leading", "and", "trailing" })]
    [InlineData("   ", new string[0])]
    public void EnumerateTokens_YieldsTheRunsBetweenSpaces(string text, string[] expected)
    {
        var tokens = new List<string>();
        var starts = new List<int>();
        TokenEnumerator enumerator = Tokenizer.EnumerateTokens(text);
        while (enumerator.MoveNext())
        {
            tokens.Add(enumerator.Current.ToString());
            starts.Add(enumerator.CurrentStart);
            Assert.Equal(enumerator.Current.Length, enumerator.CurrentLength);
        }

        Assert.Equal(expected, tokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            Assert.Equal(tokens[i], text.Substring(starts[i], tokens[i].Length));
        }

        Assert.Equal(expected.Length, Tokenizer.CountTokens(text));
    }

    [Fact]
    public void Foreach_Works()
    {
        int count = 0;
        foreach (ReadOnlySpan<char> token in Tokenizer.EnumerateTokens("a bb ccc"))
        {
            count++;
            Assert.Equal(count, token.Length);
        }

        Assert.Equal(3, count);
    }

    [Fact]
    public void CountTokens_MatchesEnumeration_OnNormalizedRandomText()
    {
        var random = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            string normalized = TextNormalizer.Normalize(TextNormalizerContractTests.RandomText(random, random.Next(0, 100)));
            int enumerated = 0;
            foreach (ReadOnlySpan<char> token in Tokenizer.EnumerateTokens(normalized))
            {
                Assert.False(token.IsEmpty);
                Assert.True(token.IndexOf(' ') < 0);
                enumerated++;
            }

            Assert.Equal(enumerated, Tokenizer.CountTokens(normalized));
            Assert.Equal(normalized.Length == 0 ? 0 : normalized.Split(' ').Length, enumerated);
        }
    }
}
