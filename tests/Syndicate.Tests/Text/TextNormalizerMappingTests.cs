using Syndicate.Text;

namespace Syndicate.Tests.Text;

public sealed class TextNormalizerMappingTests
{
    private static readonly NormalizationOptions s_noOptions = new()
    {
        FoldTehMarbuta = false,
        FoldHamzaCarriers = false,
        FoldAlefMaqsura = false,
    };

    [Theory]
    [InlineData("\uFEFB", "\u0644\u0627")]                 // ﻻ lam-alef isolated → لا
    [InlineData("\uFEF7", "\u0644\u0627")]                 // ﻷ lam-alef with hamza → لا
    [InlineData("\uFDF2", "\u0627\u0644\u0644\u0647")]     // ﷲ → الله
    [InlineData("\uFE8D\uFEDF\uFEE4\uFEE0\uFEDA", "\u0627\u0644\u0645\u0644\u0643")] // ﺍﻟﻤﻠﻚ → الملك
    [InlineData("\uFE94", "\u0647")]                       // ﺔ teh marbuta final → ة → ه
    [InlineData("\uFE85", "\u0621")]                       // ﺅ waw with hamza isolated → ؤ → ء
    [InlineData("\uFEF0", "\u064A")]                       // ﻰ alef maqsura final → ى → ي
    [InlineData("\uFB8E", "\u0643")]                       // ﮎ keheh isolated → ک → ك
    [InlineData("\uFC0B", "\u062A\u062C")]                 // ﰋ teh-jeem ligature → تج
    [InlineData("\u0645\uFE70\u0646", "\u0645\u0646")]     // isolated fathatan form is removed, not a separator
    [InlineData("\uFDFC", "\u0631\u064A\u0627\u0644")]     // ﷼ rial sign → ریال → ريال
    public void PresentationForms_FoldToLetters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void PhraseLigatures_ExpandToTheirWords()
    {
        Assert.Equal("محمد صلي الله عليه وسلم", TextNormalizer.Normalize("محمد \uFDFA"));
        Assert.Equal(TextNormalizer.Normalize("صلى الله عليه وسلم"), TextNormalizer.Normalize("\uFDFA"));
        Assert.Equal(TextNormalizer.Normalize("جل جلاله"), TextNormalizer.Normalize("\uFDFB"));
        Assert.Equal("بسم الله الرحمن الرحيم", TextNormalizer.Normalize("\uFDFD"));
        Assert.Equal("قال بسم الله الرحمن الرحيم ثم", TextNormalizer.Normalize("قال\uFDFDثم"));
    }

    [Theory]
    [InlineData("\u0631\u064E\u0626\u0650\u064A\u0633\u064C", "\u0631\u0621\u064A\u0633")] // رَئِيسٌ harakat
    [InlineData("\u0645\u062D\u0645\u0651\u064E\u062F", "\u0645\u062D\u0645\u062F")]       // shadda + fatha
    [InlineData("\u0647\u0670\u0630\u0627", "\u0647\u0630\u0627")]                         // superscript alef
    [InlineData("\u0643\u0640\u0640\u0640\u062A\u0627\u0628", "\u0643\u062A\u0627\u0628")] // tatweel
    [InlineData("\u0627\u0644\u0644\u0647\u0610", "\u0627\u0644\u0644\u0647")]             // honorific sign U+0610
    [InlineData("\u0643\u062A\u0627\u0628\u06D6\u06ED", "\u0643\u062A\u0627\u0628")]       // Quranic annotation signs
    [InlineData("e\u0301te\u0301", "ete")]                                                 // combining acute
    public void Marks_AreRemovedWithoutSplitting(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("\u0622", "\u0627")] // آ
    [InlineData("\u0623", "\u0627")] // أ
    [InlineData("\u0625", "\u0627")] // إ
    [InlineData("\u0671", "\u0627")] // ٱ
    [InlineData("\u0672", "\u0627")] // ٲ
    [InlineData("\u0673", "\u0627")] // ٳ
    [InlineData("\u0675", "\u0627")] // ٵ
    [InlineData("\u0674", "\u0621")] // ٴ high hamza
    public void AlefVariants_FoldToAlef(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
        Assert.Equal(expected, TextNormalizer.Normalize(input, s_noOptions));
    }

    [Theory]
    [InlineData("\u06CC", "\u064A")] // ی Farsi yeh
    [InlineData("\u06D2", "\u064A")] // ے Urdu yeh barree
    [InlineData("\u06A9", "\u0643")] // ک keheh
    [InlineData("\u06AA", "\u0643")] // ڪ swash kaf
    [InlineData("\u06BE", "\u0647")] // ھ heh doachashmee
    [InlineData("\u06C0", "\u0647")] // ۀ heh with yeh above
    [InlineData("\u06C1", "\u0647")] // ہ heh goal
    [InlineData("\u06C2", "\u0647")] // ۂ heh goal with hamza
    [InlineData("\u06D5", "\u0647")] // ە ae
    [InlineData("\u06C3", "\u0647")] // ۃ teh marbuta goal → ة → ه
    [InlineData("\u06D0", "\u06D0")] // ې Pashto e is a distinct letter
    [InlineData("\u06CE", "\u06CE")] // ێ Kurdish ê is a distinct letter
    [InlineData("\u06AF", "\u06AF")] // گ gaf is a distinct letter
    [InlineData("\u067E", "\u067E")] // پ peh is a distinct letter
    public void PersianUrduKurdishVariants_Fold(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void PersianWordWithZwnj_StaysOneToken() =>
        Assert.Equal("ميخواهم", TextNormalizer.Normalize("می\u200Cخواهم"));

    [Fact]
    public void TehMarbuta_FollowsOption()
    {
        Assert.Equal("مدرسه", TextNormalizer.Normalize("مدرسة"));
        Assert.Equal("مدرسة", TextNormalizer.Normalize("مدرسة", new NormalizationOptions { FoldTehMarbuta = false }));
        Assert.Equal("\u0629", TextNormalizer.Normalize("\u06C3", s_noOptions));
    }

    [Fact]
    public void AlefMaqsura_FollowsOption()
    {
        Assert.Equal("علي", TextNormalizer.Normalize("على"));
        Assert.Equal("على", TextNormalizer.Normalize("على", new NormalizationOptions { FoldAlefMaqsura = false }));
    }

    [Theory]
    [InlineData("\u0624", "\u0621", "\u0624")] // ؤ
    [InlineData("\u0626", "\u0621", "\u0626")] // ئ
    [InlineData("\u0676", "\u0621", "\u0624")] // ٶ
    [InlineData("\u0678", "\u0621", "\u0626")] // ٸ
    [InlineData("\u06D3", "\u0621", "\u0626")] // ۓ
    [InlineData("\u0621", "\u0621", "\u0621")] // ء standalone hamza is always kept
    public void HamzaCarriers_FollowOption(string input, string folded, string kept)
    {
        Assert.Equal(folded, TextNormalizer.Normalize(input));
        Assert.Equal(kept, TextNormalizer.Normalize(input, new NormalizationOptions { FoldHamzaCarriers = false }));
    }

    [Theory]
    [InlineData("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")] // Arabic-Indic
    [InlineData("\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9", "0123456789")] // Extended (Persian, Urdu)
    [InlineData("\uFF10\uFF19", "09")]                                                         // fullwidth
    [InlineData("\u0966\u096F", "09")]                                                         // Devanagari
    [InlineData("\u0662\u0660\u0640\u0662\u0662", "2022")]                                     // tatweel inside a number
    public void Digits_FoldToAscii(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("\u200Bab\u200Ccd\u200De\u200Ef\u200Fg", "abcdefg")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De\u202Ef", "abcdef")]
    [InlineData("a\u2060b\u2061c\u2062d\u2063e\u2064f", "abcdef")]
    [InlineData("a\u2066b\u2067c\u2068d\u2069e", "abcde")]
    [InlineData("\uFEFFab\u00ADcd\u061Ce", "abcde")]
    public void ZeroWidthAndBidiControls_AreRemovedWithoutSplitting(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("a\u00A0b")]   // no-break space
    [InlineData("a\u2002b")]   // en space
    [InlineData("a\u2009b")]   // thin space
    [InlineData("a\u202Fb")]   // narrow no-break space
    [InlineData("a\u3000b")]   // ideographic space
    [InlineData("a\u2028b")]   // line separator
    [InlineData("a\u2029b")]   // paragraph separator
    [InlineData("a\tb")]
    [InlineData("a\r\nb")]
    [InlineData("a\u0085b")]   // next line
    [InlineData("a\u001Ab")]   // substitute control, common in scraped text
    [InlineData("a\u060Cb")]   // ، Arabic comma
    [InlineData("a\u061Bb")]   // ؛ Arabic semicolon
    [InlineData("a\u061Fb")]   // ؟ Arabic question mark
    [InlineData("a\u06D4b")]   // ۔ Urdu full stop
    [InlineData("a\u066Ab")]   // ٪ Arabic percent
    [InlineData("a\u066Bb")]   // ٫ Arabic decimal separator
    [InlineData("a\u066Cb")]   // ٬ Arabic thousands separator
    [InlineData("\u00ABa\u00BB \u00ABb\u00BB")] // « »
    [InlineData("\u201Ca\u201D\u2013b")]        // “ ” –
    [InlineData("a\uFD3Eb\uFD3F")]             // ornate parentheses
    [InlineData("a\uFF0Cb")]   // fullwidth comma
    [InlineData("a\u2022b")]   // bullet
    [InlineData("a\u3164b")]   // Hangul filler (a blank letter)
    [InlineData("a\uD800b")]   // lone high surrogate
    [InlineData("a\uDC00\uDC00b")] // lone low surrogates
    [InlineData("a\uD83D\uDE00b")] // emoji
    [InlineData("a\u00B2b")]   // superscript two is not a decimal digit
    public void Separators_SplitIntoSingleSpace(string input) =>
        Assert.Equal("a b", TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("ABC", "abc")]
    [InlineData("\u00C9l\u00E8ve", "eleve")]             // Élève
    [InlineData("na\u00EFve caf\u00E9", "naive cafe")]
    [InlineData("\u0160koda \u017Dilina", "skoda zilina")]
    [InlineData("Stra\u00DFe", "strasse")]               // ß
    [InlineData("\u1E9E", "ss")]                          // capital sharp s
    [InlineData("\u00C6sir \u0152uvre", "aesir oeuvre")] // Æ Œ
    [InlineData("\u00D8resund", "oresund")]              // Ø
    [InlineData("\u0110or\u0111e", "dorde")]             // Đ đ
    [InlineData("\u0141\u00F3d\u017A", "lodz")]          // Łódź
    [InlineData("\u00DEingvellir", "thingvellir")]       // Þ
    [InlineData("\u0130stanbul \u0131\u015F\u0131k", "istanbul isik")] // İ ı ş
    [InlineData("Nguy\u1EC5n", "nguyen")]                // Vietnamese ễ (Latin Extended Additional)
    [InlineData("\uFB01nance", "finance")]               // ﬁ ligature
    [InlineData("\uFF21\uFF22\uFF43", "abc")]            // fullwidth letters
    public void Latin_IsCaseAndAccentFolded(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3", "\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C3")] // ΟΔΥΣΣΕΥΣ
    [InlineData("\u03BB\u03CC\u03B3\u03BF\u03C2", "\u03BB\u03BF\u03B3\u03BF\u03C3")] // λόγος: tonos and final sigma
    [InlineData("\u1F08\u03B8\u03AE\u03BD\u03B1\u03B9", "\u03B1\u03B8\u03B7\u03BD\u03B1\u03B9")] // Ἀθῆναι polytonic
    [InlineData("\u041C\u041E\u0421\u041A\u0412\u0410", "\u043C\u043E\u0441\u043A\u0432\u0430")] // МОСКВА
    [InlineData("\u0401\u043B\u043A\u0430", "\u0435\u043B\u043A\u0430")] // Ёлка → елка
    [InlineData("\u0439\u043E\u0434", "\u0439\u043E\u0434")] // йод keeps й
    public void GreekAndCyrillic_AreCaseFolded(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void AstralLetters_AreKeptAsPairs_AndAstralDigitsFold()
    {
        Assert.Equal("\U0001D400\U0001D401b", TextNormalizer.Normalize("\U0001D400\U0001D401b")); // mathematical bold letters
        Assert.Equal("a \U00020000 \U00020001 b", TextNormalizer.Normalize("a\U00020000\U00020001b")); // CJK extension B: ideographs
        Assert.Equal("x 7", TextNormalizer.Normalize("x \U0001D7D5"));           // mathematical bold digit seven
        Assert.Equal("ab", TextNormalizer.Normalize("a\U000E0001b"));            // language tag (format) is removed
    }

    [Theory]
    [InlineData("新华社北京12月1日电", "新 华 社 北 京 12 月 1 日 电")] // Chinese: every ideograph a token, digits a run
    [InlineData("国务院总理李强。双方", "国 务 院 总 理 李 强 双 方")]
    [InlineData("東京都はきょうカタカナ", "東 京 都 は き ょ う カ タ カ ナ")] // Japanese kanji, hiragana, katakana
    [InlineData("ｶﾀｶﾅ", "カ タ カ ナ")] // halfwidth katakana fold to fullwidth, each alone
    [InlineData("\uF900\uF901", "\uF900 \uF901")] // compatibility ideographs, each alone, as written
    [InlineData("CNN报道Reuters消息", "cnn 报 道 reuters 消 息")] // Latin words between ideographs stay words
    [InlineData("서울특별시 대통령", "서울특별시 대통령")] // Korean is written with spaces: its words stay whole
    public void Ideographs_AndKana_AreTokensOfTheirOwn(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
        Assert.Equal(expected, TextNormalizer.Normalize(expected));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("\u060C \u061F !?", "")]
    [InlineData("\u064E\u0640\u200B", "")]
    [InlineData("  hello,   world!  ", "hello world")]
    public void Output_HasNoLeadingTrailingOrDoubleSpaces(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));
}
