using Syndicate.Text;

namespace Syndicate.Tests.Text;

/// <summary>Invariants of the lookup tables, checked over every BMP code unit.</summary>
public sealed class NormalizationTableTests
{
    public static TheoryData<bool, bool, bool> AllOptions()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (bool teh in new[] { false, true })
        {
            foreach (bool hamza in new[] { false, true })
            {
                foreach (bool maqsura in new[] { false, true })
                {
                    data.Add(teh, hamza, maqsura);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllOptions))]
    public void EveryTokenCharacter_MapsToItself(bool teh, bool hamza, bool maqsura)
    {
        var options = new NormalizationOptions { FoldTehMarbuta = teh, FoldHamzaCarriers = hamza, FoldAlefMaqsura = maqsura };
        ushort[] table = NormalizationTable.Get(options);
        Assert.Equal(0x10000, table.Length);
        for (int c = 0; c < table.Length; c++)
        {
            ushort entry = table[c];
            if (NormalizationTable.IsTokenEntry(entry))
            {
                Assert.True(table[entry] == entry, $"U+{c:X4} maps to U+{entry:X4}, which maps to U+{table[entry]:X4}");
                Assert.True(char.IsLetterOrDigit((char)entry), $"U+{c:X4} maps to non-letter U+{entry:X4}");
            }
        }

        Assert.Equal(NormalizationTable.Separator, table[' ']);
        Assert.Same(table, NormalizationTable.Get(options));
    }

    [Theory]
    [MemberData(nameof(AllOptions))]
    public void Ideographs_AreEntriesOfTheirOwn_WrittenAsLettersThatStayIdeographs(bool teh, bool hamza, bool maqsura)
    {
        var options = new NormalizationOptions { FoldTehMarbuta = teh, FoldHamzaCarriers = hamza, FoldAlefMaqsura = maqsura };
        ushort[] table = NormalizationTable.Get(options);
        int ideographs = 0;
        for (int c = 0; c < table.Length; c++)
        {
            if (table[c] == NormalizationTable.Ideograph)
            {
                ideographs++;
                char value = NormalizationTable.IdeographValue((char)c);
                Assert.True(NormalizationTable.IsIdeograph(value) && char.IsLetter(value), $"U+{c:X4} is written as U+{(int)value:X4}");
                Assert.Equal(NormalizationTable.Ideograph, table[value]);
                Assert.Equal(value, NormalizationTable.IdeographValue(value));
            }
            else if (NormalizationTable.IsTokenEntry(table[c]))
            {
                Assert.False(NormalizationTable.IsIdeograph(table[c]), $"U+{c:X4} is a token character U+{table[c]:X4} run into its neighbours");
            }
        }

        // The unified ideographs, extension A, the compatibility ideographs, kana and halfwidth katakana.
        Assert.True(ideographs > 20_992 + 6_592 + 470 + 150, $"{ideographs} ideograph entries");
    }

    [Theory]
    [MemberData(nameof(AllOptions))]
    public void LineEndings_AreSeparators_AsTheSpaceIs(bool teh, bool hamza, bool maqsura)
    {
        // The verifier normalizes cleaned texts without replacing their line endings first (PairVerifier.Grams):
        // that is the same text only while every line ending is a separator, as string.ReplaceLineEndings' space is.
        var options = new NormalizationOptions { FoldTehMarbuta = teh, FoldHamzaCarriers = hamza, FoldAlefMaqsura = maqsura };
        ushort[] table = NormalizationTable.Get(options);
        foreach (char c in "\r\n\f\u0085\u2028\u2029 ")
        {
            Assert.True(table[c] == NormalizationTable.Separator, $"U+{(int)c:X4} is not a separator");
        }

        string text = "أ\r\nب\rج\nد\fه\u0085و\u2028ز\u2029ح \r\n\r\n ط\n";
        Assert.Equal(TextNormalizer.Normalize(text.ReplaceLineEndings(" "), options), TextNormalizer.Normalize(text, options));
    }

    [Theory]
    [MemberData(nameof(AllOptions))]
    public void ExpansionCharacters_NeverMapToExpansionsOrSurrogates(bool teh, bool hamza, bool maqsura)
    {
        var options = new NormalizationOptions { FoldTehMarbuta = teh, FoldHamzaCarriers = hamza, FoldAlefMaqsura = maqsura };
        ushort[] table = NormalizationTable.Get(options);
        foreach (string expansion in NormalizationTable.Expansions)
        {
            Assert.InRange(expansion.Trim(' ').Length, 2, NormalizationTable.MaxExpansionLength);
            foreach (char c in expansion)
            {
                ushort entry = table[c];
                Assert.True(
                    NormalizationTable.IsTokenEntry(entry) || entry is NormalizationTable.Separator or NormalizationTable.Removed,
                    $"Expansion '{expansion}' contains U+{(int)c:X4} with entry {entry:X4}");
            }
        }
    }

    [Fact]
    public void MaxCharsPerSourceChar_MatchesLongestExpansion()
    {
        Assert.Equal(22, NormalizationTable.MaxExpansionLength);
        Assert.Equal(TextNormalizer.MaxCharsPerSourceChar, NormalizationTable.MaxExpansionLength + 1);
    }

    [Fact]
    public void CompatibilityForms_AreConsistent()
    {
        ReadOnlySpan<char> sources = CompatibilityForms.Sources;
        Assert.Equal(sources.Length, CompatibilityForms.Lengths.Length);
        int total = 0;
        for (int i = 0; i < sources.Length; i++)
        {
            total += CompatibilityForms.Lengths[i];
            if (i > 0)
            {
                Assert.True(sources[i - 1] < sources[i], "Sources must be ascending");
            }
        }

        Assert.Equal(total, CompatibilityForms.Targets.Length);
    }

    [Fact]
    public void EveryPresentationFormLetter_FoldsToNonPresentationForm()
    {
        ushort[] table = NormalizationTable.Get(NormalizationOptions.Default);
        for (int c = 0xFB50; c <= 0xFEFC; c++)
        {
            if (c is >= 0xFE00 and < 0xFE70)
            {
                continue; // variation selectors, vertical and small forms: not Arabic
            }

            if (char.IsLetter((char)c))
            {
                ushort entry = table[c];
                Assert.False(entry == c, $"Presentation form U+{c:X4} is not folded");
            }
        }
    }
}
