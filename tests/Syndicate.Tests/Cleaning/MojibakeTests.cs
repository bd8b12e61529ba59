using System.Text;
using Syndicate.Cleaning;

namespace Syndicate.Tests.Cleaning;

public class MojibakeTests
{
    // Each misdecoded form as Python's codecs write it (bytes.decode('cp1256'), bytes.decode('latin-1'), and
    // Windows-1252 with its five undefined bytes kept as Latin-1 controls, as the WHATWG decoder of browsers does).
    [Theory]
    [InlineData("ط§ظ„ظ…ط¯ظٹظ†ط© ط§ظ„ظ…ظ†ظˆط±ط©", "المدينة المنورة")] // UTF-8 read as Windows-1256
    [InlineData("Ø§Ù„Ù…Ø¯ÙŠÙ†Ø© Ø§Ù„Ù…Ù†ÙˆØ±Ø©", "المدينة المنورة")] // as Windows-1252
    [InlineData("Ø§Ù\u0084Ù\u0085Ø¯Ù\u008aÙ\u0086Ø© Ø§Ù\u0084Ù\u0085Ù\u0086Ù\u0088Ø±Ø©", "المدينة المنورة")] // as Latin-1
    [InlineData("آ«ط§ظ„ط±ظٹط§ط¶آ»", "«الرياض»")]
    [InlineData("cafÃ© au lait", "café au lait")]
    [InlineData("MÃ¼ller sagte, es sei Â£5 wert", "Müller sagte, es sei £5 wert")]
    [InlineData("The minister’s visit", "The minister’s visit")]
    [InlineData("The ministerâ€™s visit", "The minister’s visit")]
    [InlineData("ÐœÐ¾Ñ\u0081ÐºÐ²Ð°", "Москва")]
    [InlineData("ذœذ¾رپذ؛ذ²ذ°", "Москва")]
    public void Misdecoded_utf8_is_repaired(string misdecoded, string expected)
    {
        if (misdecoded == expected)
        {
            Assert.False(Mojibake.TryRepair(misdecoded, out _));
            return;
        }

        Assert.True(Mojibake.TryRepair(misdecoded, out var repaired));
        Assert.Equal(expected, repaired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Plain ASCII text, nothing to repair.")]
    [InlineData("أكد الناطق الإعلامي بقيادة حرس الحدود «الرياض» أن")] // Arabic with guillemets
    [InlineData("اسلام آباد (اے پی پی) وزیراعظم نے کہا کہ")] // Urdu
    [InlineData("Le président a déclaré à l'AFP que « les discussions » reprendraient.")]
    [InlineData("Müller sagte, es sei 5 € wert")]
    [InlineData("Центральный банк повысил ключевую ставку")]
    [InlineData("新华社北京3月5日电")]
    [InlineData("ط§ظ„ظ…ط¯ظٹظ†ط© and المدينة")] // misdecoded and clean mixed: left alone
    public void Clean_text_is_left_alone(string text)
    {
        Assert.False(Mojibake.TryRepair(text, out _));
    }

    [Fact]
    public void Every_byte_of_both_code_pages_round_trips_through_the_repair()
    {
        // The reference: the system's own code-page tables, byte by byte. Every UTF-8 sequence of a two-byte character
        // (lead 0xC2-0xDF, continuation 0x80-0xBF) misdecoded in either page comes back as the character.
        foreach (int page in (int[])[1256, 1252])
        {
            Encoding encoding = CodePagesEncodingProvider.Instance.GetEncoding(page)!;
            for (int code = 0x80; code < 0x800; code++)
            {
                string original = "x" + (char)code + "y" + (char)code;
                byte[] utf8 = Encoding.UTF8.GetBytes(original);
                string misdecoded = encoding.GetString(utf8);
                if (misdecoded.Contains('\uFFFD') || misdecoded.Contains('?'))
                {
                    continue; // a byte this page leaves undefined (Windows-1252's five): covered by the Latin-1 case
                }

                Assert.True(Mojibake.TryRepair(misdecoded, out var repaired), $"page {page}, U+{code:X4}");
                Assert.Equal(original, repaired);
            }
        }

        Encoding latin1 = Encoding.Latin1;
        for (int code = 0x80; code < 0x800; code++)
        {
            string original = "x" + (char)code;
            Assert.True(Mojibake.TryRepair(latin1.GetString(Encoding.UTF8.GetBytes(original)), out var repaired), $"Latin-1, U+{code:X4}");
            Assert.Equal(original, repaired);
        }
    }

    [Fact]
    public void A_copy_misdecoded_on_its_way_cleans_to_the_same_story()
    {
        const string Body = "الرياض - واس\nأكد الناطق الإعلامي بقيادة حرس الحدود بمنطقة المدينة المنورة أن الدوريات ضبطت 12 مخالفا.\nوأضاف أن الإجراءات النظامية اتخذت بحقهم.";
        string misdecoded = CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetString(Encoding.UTF8.GetBytes(Body));

        var clean = ArticleCleaner.Clean(null, Body, Syndicate.Attribution.WireGazetteer.Default);
        var repaired = ArticleCleaner.Clean(null, misdecoded, Syndicate.Attribution.WireGazetteer.Default);

        Assert.NotEqual(Body, misdecoded);
        Assert.Equal(clean.Body, repaired.Body);
        Assert.Equal("Saudi Press Agency", repaired.Wire?.Name);
    }
}
