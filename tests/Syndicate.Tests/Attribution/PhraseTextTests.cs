using Syndicate.Attribution;
using Syndicate.Cleaning;

namespace Syndicate.Tests.Attribution;

public sealed class PhraseTextTests
{
    [Fact]
    public void LookupTablesEqualTheirDefinitions_ForEveryCodeUnit()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            Assert.True(PhraseText.Fold(c) == PhraseText.FoldSlow(c), $"Fold U+{i:X4}");
            Assert.True(PhraseText.IsWordChar(c) == PhraseText.IsWordCharSlow(c), $"IsWordChar U+{i:X4}");
            Assert.True(PhraseText.IsSpace(c) == PhraseText.IsSpaceSlow(c), $"IsSpace U+{i:X4}");
        }
    }

    [Theory]
    [InlineData('ب', true, false)]
    [InlineData('٣', true, false)]
    [InlineData('\u064E', true, false)] // fatha
    [InlineData('\u0640', true, false)] // tatweel
    [InlineData('\u200C', true, false)] // zero-width non-joiner
    [InlineData(' ', false, true)]
    [InlineData('\u00A0', false, true)]
    [InlineData('\u200F', false, true)] // right-to-left mark
    [InlineData('\uFEFF', false, true)]
    [InlineData('،', false, false)]
    [InlineData('(', false, false)]
    public void ClassifiesArabicText(char c, bool word, bool space)
    {
        Assert.Equal(word, PhraseText.IsWordChar(c));
        Assert.Equal(space, PhraseText.IsSpace(c));
    }

    [Fact]
    public void SentenceEndSearch_FindsTheFirstSentenceEnd()
    {
        var random = new Random(7);
        char[] alphabet = ['ب', 'ا', ' ', '\n', '.', '!', '?', '؟', '»', '«', '"', '”', ')', '(', 'a', '،'];
        for (var trial = 0; trial < 5000; trial++)
        {
            var text = new char[random.Next(0, 90)];
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : 'ب';
            }

            var expected = Array.FindIndex(text, Boilerplate.IsSentenceEnd);
            Assert.Equal(expected, Boilerplate.IndexOfSentenceEnd(text));
        }
    }
}
