using System.Text;
using Syndicate.Sketches;

namespace Syndicate.Fuzzing;

/// <summary>
/// Seeded generators of hostile text: mixed scripts, bidirectional controls, Arabic presentation forms, control
/// characters, lone surrogates, datelines, and bodies from empty to many megabytes; and of the bytes that encode it,
/// valid UTF-8 or not.
/// </summary>
internal static class FuzzText
{
    private static readonly string[] s_words =
    [
        "الحكومة", "أعلن", "الوزير", "إلى", "مؤتمر", "القاهرة", "الرياض", "رئيس", "بالمئة", "اليوم", "وكالة", "ﻻ", "ﷲ", "ﷺ",
        "پاکستان", "کراچی", "نیوز", "government", "announced", "Reuters", "AFP", "the", "Moscow", "Москва", "заявил",
        "新华社", "北京", "Ünïcödé", "naïve", "42", "١٤٣٦", "2022", "41.6", "http://example.com/a?b=c&d", "<b>bold</b>",
        "&amp;", "&#x627;", "&lt;script&gt;", "\"quoted\"", "back\\slash", "{\"json\":1}", "ـــــ", "😀", "𝔸𝔹",
        "contributed", "writer", "Ø§Ù„", "ط§ظ„", "Ã©", "Â", "المصدر :", "+", "به نقل از",
    ];

    private static readonly string[] s_datelines =
    [
        "القاهرة (رويترز) - ", "موسكو - سبوتنيك - ", "باكو (سبوتنيك) - ", "( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء) ",
        "الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس ", "MOSCOW, Jan 18 (Reuters) - ", "МОСКВА, 18 янв — РИА Новости. ",
        "القاهرة في 18 يناير /أ ش أ/ ", "(", "((((((((((", "- - - - - -", "بيروت ـ ", "WASHINGTON (AP) — ",
        "MOSCOW, December 7. /TASS/. ", "MOSCOW. Dec 7 (Interfax) - ", "Madrid, 7 dic (EFE).- ", "الكويت - 7 - 12 (كونا) -- ",
        "By JANE DOE and JOHN ROE, Associated Press\n\n", "By ", ". /", "7 - 12 (", "به گزارش خبرگزاری\u200C فارس، ",
        "WASHINGTON — ", "NEW YORK, Dec. 7 -- ", "SAN JUAN, Puerto Rico — ", "A — ", ", D.C. — ", "By Jane Doe, Online Editor\n\n",
        "كتب - محمد أحمد:\n", "كتبت ", "إعداد و", "صورة أرشيفية (رويترز)\n", "Photo: ",
        "Updated: 7 December 2020 10:00 GMT\n", "Le Monde avec AFP\n", "(ANSA) - ROMA, 07 DIC - ", "قد يهمك أيضا: ", "Read more: ",
        "Advertisement\n", "أيضاً.. ", "آخر تحديث: ", "لندن: «الشرق الأوسط» ", ": «",
    ];

    private static readonly char[] s_specials =
    [
        '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
        '\u061C', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u0640', '\u00A0', '\u2028', '\u2029', '\u0085', '\uFFFD',
        '\uFFFE', '\uFFFF', '\u0000', '\u0001', '\u0007', '\u001B', '\u007F', '\u009F', '\t', '\r', '\n', '\v', '\f',
        '\u064B', '\u0651', '\u0670', '\u06D4', '\u060C', '\u061F', '\u3000', '\u2003', '\u00AD', '\u034F', '\uE000',
    ];

    /// <summary>A body of one of the shapes that break text code: empty, blank, one word, ordinary, many lines, huge.</summary>
    public static string Body(SplitMix64 rng, bool allowHuge)
    {
        int shape = rng.NextInt(100);
        return shape switch
        {
            < 6 => "",
            < 12 => Whitespace(rng, rng.NextInt(1, 40)),
            < 20 => s_words[rng.NextInt(s_words.Length)],
            < 21 => ManyLines(rng, rng.NextInt(200, 3000)),
            < 22 when allowHuge && rng.Chance(0.002) => Huge(rng, 10 << 20), // each costs seconds: rare, but hundreds per million cases
            < 25 => Misdecoded(rng, Prose(rng, rng.NextInt(1, 300))),
            < 30 => Noise(rng, rng.NextInt(1, 400)),
            _ => Prose(rng, rng.NextInt(1, 300)),
        };
    }

    /// <summary>Ordinary-looking prose in mixed scripts, sprinkled with special characters, often under a dateline.</summary>
    public static string Prose(SplitMix64 rng, int words)
    {
        var sb = new StringBuilder();
        if (rng.Chance(0.4))
        {
            sb.Append(s_datelines[rng.NextInt(s_datelines.Length)]);
        }

        AppendProse(sb, rng, words);
        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="text"/>'s UTF-8 read as Windows-1256, Windows-1252 or Latin-1 (mojibake), sometimes only in part
    /// or with a character damaged after it, so that the repair meets texts it must take and texts it must leave.
    /// </summary>
    public static string Misdecoded(SplitMix64 rng, string text)
    {
        int page = rng.NextInt(3) switch { 0 => 1256, 1 => 1252, _ => 28591 };
        Encoding encoding = CodePagesEncodingProvider.Instance.GetEncoding(page) ?? Encoding.Latin1;
        string whole = encoding.GetString(Encoding.UTF8.GetBytes(text));
        return rng.NextInt(4) switch
        {
            0 => whole[..rng.NextInt(whole.Length + 1)] + text, // misdecoded, then clean
            1 when whole.Length > 0 => whole.Remove(rng.NextInt(whole.Length), 1), // one character lost
            _ => whole,
        };
    }

    /// <summary>Any UTF-16 code units, weighted towards the awkward ones (lone surrogates included).</summary>
    public static string Noise(SplitMix64 rng, int length)
    {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append(RandomChar(rng));
        }

        return sb.ToString();
    }

    /// <summary>A dateline-like head, possibly damaged.</summary>
    public static string Head(SplitMix64 rng)
    {
        var sb = new StringBuilder();
        int parts = rng.NextInt(1, 4);
        for (int i = 0; i < parts; i++)
        {
            switch (rng.NextInt(4))
            {
                case 0:
                    sb.Append(s_datelines[rng.NextInt(s_datelines.Length)]);
                    break;
                case 1:
                    sb.Append(Noise(rng, rng.NextInt(1, 30)));
                    break;
                case 2:
                    sb.Append(Whitespace(rng, rng.NextInt(1, 300)));
                    break;
                default:
                    AppendProse(sb, rng, rng.NextInt(1, 30));
                    break;
            }
        }

        return Damage(rng, sb.ToString());
    }

    /// <summary>Replaces, deletes or inserts a few characters.</summary>
    public static string Damage(SplitMix64 rng, string text)
    {
        if (text.Length == 0 || rng.Chance(0.5))
        {
            return text;
        }

        var sb = new StringBuilder(text);
        int edits = rng.NextInt(1, 5);
        for (int i = 0; i < edits && sb.Length > 0; i++)
        {
            int at = rng.NextInt(sb.Length);
            switch (rng.NextInt(3))
            {
                case 0:
                    sb[at] = RandomChar(rng);
                    break;
                case 1:
                    sb.Remove(at, 1);
                    break;
                default:
                    sb.Insert(at, RandomChar(rng));
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Encodes UTF-16 as UTF-8, except that lone surrogates become their three-byte (invalid) forms instead of U+FFFD,
    /// the way a careless producer writes them.
    /// </summary>
    public static byte[] LenientUtf8(string text)
    {
        var bytes = new List<byte>(text.Length * 2);
        for (int i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else if (c < 0x800)
            {
                bytes.Add((byte)(0xC0 | (c >> 6)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
            else if (c < 0x10000)
            {
                bytes.Add((byte)(0xE0 | (c >> 12)));
                bytes.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xF0 | (c >> 18)));
                bytes.Add((byte)(0x80 | ((c >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
        }

        return [.. bytes];
    }

    /// <summary>Bytes that are not UTF-8: stray continuation bytes, overlong forms, cut sequences, 0xFE/0xFF.</summary>
    public static byte[] InvalidUtf8(SplitMix64 rng)
    {
        byte[][] pieces =
        [
            [0x80], [0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xC3],
            [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0x00],
        ];
        return pieces[rng.NextInt(pieces.Length)];
    }

    private static void AppendProse(StringBuilder sb, SplitMix64 rng, int words)
    {
        for (int w = 0; w < words; w++)
        {
            if (w > 0)
            {
                sb.Append(rng.NextInt(12) switch { 0 => '\n', 1 => RandomChar(rng), _ => ' ' });
            }

            sb.Append(rng.Chance(0.9) ? s_words[rng.NextInt(s_words.Length)] : Noise(rng, rng.NextInt(1, 6)));
        }
    }

    private static string Whitespace(SplitMix64 rng, int length)
    {
        const string Blanks = " \t\r\n\u00A0\u2003\u3000\u200B\u2028\u2029\uFEFF\u200E\u200F";
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append(Blanks[rng.NextInt(Blanks.Length)]);
        }

        return sb.ToString();
    }

    private static string ManyLines(SplitMix64 rng, int lines)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            if (rng.Chance(0.7))
            {
                AppendProse(sb, rng, rng.NextInt(0, 6));
            }

            sb.Append(rng.Chance(0.1) ? "\r\n" : "\n");
        }

        return sb.ToString();
    }

    private static string Huge(SplitMix64 rng, int length)
    {
        var sb = new StringBuilder(length + 64);
        while (sb.Length < length)
        {
            AppendProse(sb, rng, 200);
            sb.Append('\n');
        }

        return sb.ToString(0, length);
    }

    private static char RandomChar(SplitMix64 rng) => rng.NextInt(10) switch
    {
        0 => s_specials[rng.NextInt(s_specials.Length)],
        1 => (char)rng.NextInt(0xD800, 0xDFFF), // a lone surrogate
        2 => (char)rng.NextInt(0xFB50, 0xFDFF), // Arabic presentation forms A
        3 => (char)rng.NextInt(0xFE70, 0xFEFF), // Arabic presentation forms B
        4 => (char)rng.NextInt(0x0600, 0x06FF), // Arabic
        5 => (char)rng.NextInt(0x0000, 0x0020), // C0 controls
        6 => (char)rng.NextInt(0x0300, 0x036F), // combining marks
        7 => (char)rng.NextInt(0x0400, 0x04FF), // Cyrillic
        _ => (char)rng.NextInt(0x0020, 0xFFFF),
    };
}
