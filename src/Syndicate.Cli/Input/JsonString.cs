using System.Buffers;

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
    // What ends a run of plain string content: the closing quote, an escape, or a control character (which JSON
    // forbids unescaped).
    private static readonly SearchValues<byte> s_special = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

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
            var run = at < json.Length ? json[at..].IndexOfAny(s_special) : -1;
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
    public static bool TryDecode(ReadOnlySpan<byte> json, ref int position, out string? value)
    {
        value = null;
        var start = position + 1;
        var at = start;
        var utf16Length = 0;
        var escaped = false;

        // First pass: find the closing quote, check the escapes and count the UTF-16 code units of the result, so that
        // the second pass can decode straight into a string of the right length.
        while (true)
        {
            var run = at < json.Length ? json[at..].IndexOfAny(s_special) : -1;
            if (run < 0)
            {
                return false;
            }

            utf16Length += Utf8Decoder.Utf16Length(json.Slice(at, run));
            at += run;
            if (json[at] == (byte)'"')
            {
                break;
            }

            if (json[at] != (byte)'\\' || !TryEscapeLength(json, at, checkSurrogates: true, out var length, out var chars))
            {
                return false;
            }

            escaped = true;
            utf16Length += chars;
            at += length;
        }

        var content = json[start..at];
        var failed = false;
        var state = new Content(content, escaped, ref failed);
        var decoded = string.Create(utf16Length, state, static (destination, state) => state.Failed = !TryWrite(state.Bytes, state.Escaped, destination));
        if (failed)
        {
            return false;
        }

        value = decoded;
        position = at + 1;
        return true;
    }

    // Writes checked string content (escapes well-formed, no quote or control character) into a destination of the
    // counted length; false if the UTF-8 is invalid, which the count does not notice.
    private static bool TryWrite(ReadOnlySpan<byte> content, bool escaped, Span<char> destination)
    {
        if (!escaped)
        {
            return Utf8Decoder.TryDecode(content, destination, out var written) && written == destination.Length;
        }

        while (true)
        {
            var backslash = content.IndexOf((byte)'\\');
            var run = backslash < 0 ? content : content[..backslash];
            if (!Utf8Decoder.TryDecode(run, destination, out var written))
            {
                return false;
            }

            destination = destination[written..];
            if (backslash < 0)
            {
                return destination.IsEmpty;
            }

            content = content[backslash..];
            if (content[1] == (byte)'u')
            {
                var unit = (char)HexValue(content.Slice(2, 4));
                if (char.IsHighSurrogate(unit))
                {
                    if (destination.Length < 2)
                    {
                        return false;
                    }

                    destination[0] = unit;
                    destination[1] = (char)HexValue(content.Slice(8, 4));
                    destination = destination[2..];
                    content = content[12..];
                    continue;
                }

                if (destination.IsEmpty)
                {
                    return false;
                }

                destination[0] = unit;
                destination = destination[1..];
                content = content[6..];
                continue;
            }

            if (destination.IsEmpty)
            {
                return false;
            }

            destination[0] = Unescape(content[1]);
            destination = destination[1..];
            content = content[2..];
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

    // The content of a string for string.Create, and where to report that it could not be decoded.
    private readonly ref struct Content
    {
        private readonly ref bool _failed;

        public Content(ReadOnlySpan<byte> bytes, bool escaped, ref bool failed)
        {
            Bytes = bytes;
            Escaped = escaped;
            _failed = ref failed;
        }

        public ReadOnlySpan<byte> Bytes { get; }

        public bool Escaped { get; }

        public ref bool Failed => ref _failed;
    }
}
