using Syndicate.Text;

namespace Syndicate.Tests.Text;

/// <summary>Spelling variants found in real Arabic news, and the seed articles under fixtures/seeds.</summary>
public sealed class ArabicNewsSpellingTests
{
    [Theory]
    [InlineData("إلى", "الى")]
    [InlineData("إلى", "الي")]
    [InlineData("أحمد", "احمد")]
    [InlineData("آلاف", "الاف")]
    [InlineData("مسؤول", "مسئول")]
    [InlineData("المسؤولين", "المسئولين")]
    [InlineData("الشؤون", "الشئون")]
    [InlineData("أبناؤهم", "أبنائهم")]
    [InlineData("أبنائهم", "أبناءهم")]
    [InlineData("رئيس", "رَئِيـــس")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("٢٠٢٢", "2022")]
    [InlineData("۱۴۰۱", "1401")]
    [InlineData("كيف", "کیف")]                          // Persian keyboard kaf and yeh
    [InlineData("الله أكبر", "ﷲ ﺃﻛﺒﺮ")]                // presentation forms
    [InlineData("لا إله إلا الله", "ﻻ ﺇﻟﻪ ﺇﻻ ﷲ")]
    [InlineData("الملك سلمان", "ﺍﻟﻤﻠﻚ ﺳﻠﻤﺎﻥ")]
    [InlineData("السلام عليكم", "السلام\u200F عليكم\u200E")] // bidi marks from copy and paste
    [InlineData("قال: «نعم»، ثم غادر.", "قال نعم ثم غادر")]
    public void SpellingVariants_NormalizeEqual(string a, string b) =>
        Assert.Equal(TextNormalizer.Normalize(a), TextNormalizer.Normalize(b));

    [Fact]
    public void DocumentedResiduals_StayDistinct()
    {
        // The standalone hamza is kept, so the spelling شئ for شيء still differs (see FoldHamzaCarriers).
        Assert.NotEqual(TextNormalizer.Normalize("شيء"), TextNormalizer.Normalize("شئ"));

        // Without hamza folding the two seats of مسؤول stay apart.
        var kept = new NormalizationOptions { FoldHamzaCarriers = false };
        Assert.NotEqual(TextNormalizer.Normalize("مسؤول", kept), TextNormalizer.Normalize("مسئول", kept));
    }

    [Fact]
    public void RealSentence_NormalizesAsExpected()
    {
        const string Input = "كرم “طيران ناس” قائد طيار يوسف الزير وأعضاء الطاقم الجوي لرحلة رقم 301 المتجهة من مطار حائل الإقليمي إلى مطار الملك خالد الدولي.";
        Assert.Equal(
            "كرم طيران ناس قاءد طيار يوسف الزير واعضاء الطاقم الجوي لرحله رقم 301 المتجهه من مطار حاءل الاقليمي الي مطار الملك خالد الدولي",
            TextNormalizer.Normalize(Input));
    }

    [Theory]
    [InlineData("000_60b9483e00639b6d.txt", new[] { "بوتين", "علييف", "هاتفيا", "واشنطن", "الضمانات", "الامنيه", "2022ء", "اردو", "بوينت" })]
    [InlineData("001_fae738b27fb1fcc4.txt", new[] { "الكرملين", "ماكرون", "روسيا", "پاكستان", "پواءنٹ", "نيوز", "2022ء" })]
    public void SeedDocuments_NormalizeSensibly(string file, string[] expectedTokens)
    {
        string text = File.ReadAllText(FindSeed(file));
        string normalized = TextNormalizer.Normalize(text);
        TextNormalizerContractTests.AssertContract(text, normalized);

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (ReadOnlySpan<char> token in Tokenizer.EnumerateTokens(normalized))
        {
            tokens.Add(token.ToString());
        }

        foreach (string expected in expectedTokens)
        {
            Assert.Contains(expected, tokens);
        }

        // No Arabic spelling variant that the defaults fold survives.
        Assert.DoesNotContain(normalized, c => c is 'أ' or 'إ' or 'آ' or 'ة' or 'ى' or 'ؤ' or 'ئ' or 'ی' or 'ک' or 'ـ');
        Assert.DoesNotContain(normalized, c => c is >= '\u064B' and <= '\u065F');
        Assert.True(Tokenizer.CountTokens(normalized) > 200);
    }

    private static string FindSeed(string file)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "fixtures", "seeds", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Seed fixture {file} not found above {AppContext.BaseDirectory}.");
    }
}
