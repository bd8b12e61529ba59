namespace Syndicate.Cli.Input;

/// <summary>
/// Reads JSON string tokens straight from UTF-8 with vectorised searches, for <see cref="JsonArticle"/>'s fast path.
/// </summary>
/// <remarks>
/// Both methods accept exactly the strings <see cref="System.Text.Json.Utf8JsonReader"/> accepts, except that
/// <see cref="TryDecode"/> also declines what <c>GetString</c> would reject or what is rare enough not to be worth a
/// fast path: invalid UTF-8 and escaped UTF-16 surrogates other than a well-formed pair. A decline is not an error;
/// it sends the record to the reference parser, which decides.
/// </remarks>
internal static class JsonString
{
    [ThreadStatic]
    private static char[]? s_buffer;

    /// <summary>
    /// Finds the end of a string whose opening quote is at <paramref name="position"/>, checking its escapes but not
    /// decoding it, as <see cref="System.Text.Json.Utf8JsonReader"/> does for a value it skips. On success
    /// <paramref name="position"/> is just past the closing quote.
    /// </summary>
    public static bool TrySkip(ReadOnlySpan<byte> json, ref int position)
    {
        var at = position + 1;
        while (true)
        {
            var run = at < json.Length ? json[at..].IndexOfAny(Utf8Decoder.ContentStops) : -1;
            if (run < 0)
            {
                return false;
            }

            at += run;
            if (json[at] == (byte)'"')
            {
                position = at + 1;
                return true;
            }

            if (json[at] != (byte)'\\' || !TryEscapeLength(json, at, checkSurrogates: false, out var length, out _))
            {
                return false;
            }

            at += length;
        }
    }

    /// <summary>
    /// Decodes a string whose opening quote is at <paramref name="position"/> into a new string. On success
    /// <paramref name="position"/> is just past the closing quote.
    /// </summary>
    /// <remarks>
    /// One pass: plain content is decoded by <see cref="Utf8Decoder.TryDecodeContent"/>, which also finds where it
    /// stops, into a buffer of the thread's; the string is made from the buffer at the closing quote.
    /// </remarks>
    public static bool TryDecode(ReadOnlySpan<byte> json, ref int position, out string? value)
    {
        value = null;
        var at = position + 1;
        var buffer = Buffer(json.Length - at + Utf8Decoder.Slack);
        var written = 0;
        while (true)
        {
            if (!Utf8Decoder.TryDecodeContent(json, ref at, buffer, ref written) || at >= json.Length)
            {
                return false;
            }

            if (json[at] == (byte)'"')
            {
                break;
            }

            if (json[at] != (byte)'\\' || !TryEscapeLength(json, at, checkSurrogates: true, out var length, out var chars))
            {
                return false;
            }

            Unescape(json.Slice(at, length), buffer.AsSpan(written, chars));
            written += chars;
            at += length;
        }

        value = new string(buffer, 0, written);
        position = at + 1;
        return true;
    }

    // The thread's decoding buffer, with room for at least `length` code units (the rest of the line and the slack).
    // Beyond MaxKeptBuffer a buffer is used once and not kept, so that one long record does not pin its size.
    private static char[] Buffer(int length)
    {
        var buffer = s_buffer;
        if (buffer is not null && buffer.Length >= length)
        {
            return buffer;
        }

        if (length > MaxKeptBuffer)
        {
            return new char[length];
        }

        return s_buffer = new char[Math.Min(Math.Max(length, 2 * (buffer?.Length ?? 1024)), MaxKeptBuffer)];
    }

    // Code units of the largest decoding buffer a thread keeps (2 MiB).
    private const int MaxKeptBuffer = 1 << 20;

    // Writes the code units of one well-formed escape (checked by TryEscapeLength; a surrogate pair is one escape).
    private static void Unescape(ReadOnlySpan<byte> escape, Span<char> destination)
    {
        if (escape[1] != (byte)'u')
        {
            destination[0] = Unescape(escape[1]);
            return;
        }

        destination[0] = (char)HexValue(escape.Slice(2, 4));
        if (escape.Length == 12)
        {
            destination[1] = (char)HexValue(escape.Slice(8, 4));
        }
    }

    // The length in bytes of the escape at `at` and the UTF-16 code units it stands for. With `checkSurrogates`, an
    // escaped surrogate is accepted only as a high surrogate escape directly followed by a low surrogate escape.
    private static bool TryEscapeLength(ReadOnlySpan<byte> json, int at, bool checkSurrogates, out int length, out int chars)
    {
        length = 2;
        chars = 1;
        if (at + 1 >= json.Length)
        {
            return false;
        }

        switch (json[at + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return true;
            case (byte)'u':
                break;
            default:
                return false;
        }

        length = 6;
        if (at + 6 > json.Length)
        {
            return false;
        }

        var unit = HexValue(json.Slice(at + 2, 4));
        if (unit < 0)
        {
            return false;
        }

        if (!checkSurrogates || !char.IsSurrogate((char)unit))
        {
            return true;
        }

        if (!char.IsHighSurrogate((char)unit)
            || at + 12 > json.Length
            || json[at + 6] != (byte)'\\'
            || json[at + 7] != (byte)'u'
            || HexValue(json.Slice(at + 8, 4)) is var low && (low < 0 || !char.IsLowSurrogate((char)low)))
        {
            return false;
        }

        length = 12;
        chars = 2;
        return true;
    }

    // The value of four hexadecimal digits, or -1.
    private static int HexValue(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            int nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                return -1;
            }

            value = (value << 4) | nibble;
        }

        return value;
    }

    private static char Unescape(byte escape) => escape switch
    {
        (byte)'b' => '\b',
        (byte)'f' => '\f',
        (byte)'n' => '\n',
        (byte)'r' => '\r',
        (byte)'t' => '\t',
        _ => (char)escape, // '"', '\\' and '/' stand for themselves.
    };
}
