using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Syndicate.Cleaning;

/// <summary>
/// Repairs text whose UTF-8 bytes were decoded as a single-byte Windows code page somewhere between the wire and the
/// feed ("mojibake"): Arabic <c>ط§ظ„ظ…ط¯ظٹظ†ط©</c> for <c>المدينة</c> (read as Windows-1256), or <c>Ø§Ù„Ù…Ø¯ÙŠÙ†Ø©</c>
/// and <c>cafÃ©</c> for <c>café</c> (read as Windows-1252 or Latin-1).
/// </summary>
/// <remarks>
/// A text is repaired only when the whole of it, encoded back in one of those code pages, is valid UTF-8 and decodes to
/// at least one character outside ASCII. Text written in the script itself does not pass: a letter of real Arabic or accented Latin text encodes to a byte that UTF-8 cannot read where it stands
/// (<c>ال</c> is <c>C7 E1</c> in Windows-1256; <c>é</c> is <c>E9</c> in Windows-1252), and the scan stops at the first
/// such byte, so a clean text costs a look at its first non-ASCII letters. For a clean text to pass, each of its
/// non-ASCII characters would have to pair with its neighbours into UTF-8 sequences, which the images of a lead byte
/// followed by continuation bytes (<c>Ã©</c>, <c>Â£</c>, <c>ط§</c>) only do when they are mojibake. A text that mixes
/// misdecoded and clean passages is left as it is.
/// </remarks>
internal static class Mojibake
{
    private static readonly CodePage s_windows1252 = new(1252);
    private static readonly CodePage s_windows1256 = new(1256);

    // Every character a byte from 0x80 to 0xFF decodes to in either code page: a text with none of them has nothing to
    // repair, and most clean text is rejected here.
    private static readonly SearchValues<char> s_highImages = SearchValues.Create(s_windows1252.HighChars + s_windows1256.HighChars);

    /// <summary>
    /// Returns <paramref name="text"/> with its mojibake repaired, in <paramref name="repaired"/>; false when the text is
    /// not a misdecoding (nothing to repair, or no code page explains it).
    /// </summary>
    public static bool TryRepair(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? repaired)
    {
        repaired = null;
        if (text.IndexOfAny(s_highImages) < 0)
        {
            return false;
        }

        return TryRepair(text, s_windows1256, out repaired) || TryRepair(text, s_windows1252, out repaired);
    }

    private static bool TryRepair(ReadOnlySpan<char> text, CodePage page, [NotNullWhen(true)] out string? repaired)
    {
        repaired = null;
        byte[] bytes = ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            // Encode and check the UTF-8 framing in one pass, so that clean text fails at its first letter.
            int pending = 0;
            int sequences = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                byte b;
                if (c < 0x80)
                {
                    b = (byte)c;
                }
                else if (!page.TryGetByte(c, out b))
                {
                    return false;
                }

                bytes[i] = b;
                if (b < 0x80)
                {
                    if (pending != 0)
                    {
                        return false;
                    }
                }
                else if (b < 0xC0)
                {
                    if (pending == 0)
                    {
                        return false;
                    }

                    pending--;
                }
                else if (pending != 0 || b is < 0xC2 or > 0xF4)
                {
                    return false;
                }
                else
                {
                    pending = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
                    sequences++;
                }
            }

            if (pending != 0 || sequences == 0)
            {
                return false;
            }

            // The framing is right; the strict decoder also refuses overlong forms and surrogates.
            char[] chars = ArrayPool<char>.Shared.Rent(text.Length);
            try
            {
                if (Utf8.ToUtf16(bytes.AsSpan(0, text.Length), chars, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    return false;
                }

                repaired = new string(chars, 0, written);
                return true;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// The upper half of a Windows code page as the system's code-page tables decode it, reversed. In Windows-1252 a
    /// byte from 0x80 to 0x9F is also read as its Latin-1 control character, which covers text decoded as ISO-8859-1
    /// and the bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), as lenient decoders leave them.
    /// </summary>
    private sealed class CodePage
    {
        private readonly Dictionary<char, byte> _bytes = [];

        public CodePage(int codePage)
        {
            Encoding encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback)
                ?? throw new InvalidOperationException($"code page {codePage} is not available");
            var high = new StringBuilder(128);
            Span<byte> one = stackalloc byte[1];
            Span<char> decoded = stackalloc char[2];
            for (int b = 0x80; b <= 0xFF; b++)
            {
                one[0] = (byte)b;
                int n = encoding.GetChars(one, decoded);
                char c = n == 1 && decoded[0] != '\uFFFD' ? decoded[0] : (char)b;
                _bytes[c] = (byte)b;
                if (codePage == 1252 && b < 0xA0)
                {
                    // The Latin-1 reading of the same byte (a C1 control), for text that went through ISO-8859-1
                    // instead: from 0xA0 up the two agree.
                    _bytes.TryAdd((char)b, (byte)b);
                }

                high.Append(c);
            }

            HighChars = high.ToString();
        }

        /// <summary>What the bytes 0x80 to 0xFF decode to, in byte order.</summary>
        public string HighChars { get; }

        public bool TryGetByte(char c, out byte b) => _bytes.TryGetValue(c, out b);
    }
}
