using System.Text;
using System.Text.Json;

namespace Syndicate.Cli.Input;

internal static partial class JsonArticle
{
    // Deeper values in a skipped field are left to the reference parser, whose own limit is 64.
    private const int MaxFastDepth = 16;

    /// <summary>
    /// Reads an article object straight from its UTF-8 bytes, or declines. Declining is not an error: it means "ask
    /// <see cref="TryParseReference"/>".
    /// </summary>
    /// <remarks>
    /// It accepts a subset of what <see cref="TryParseReference"/> accepts and gives the same article for it: one JSON
    /// object, surrounded only by JSON whitespace, with unescaped property names, whose used fields are strings, null,
    /// or numbers where the reference allows them. It checks the syntax of skipped values as strictly as
    /// <see cref="Utf8JsonReader"/> does, but not their UTF-8, as the reference does not either. It declines anything
    /// else: syntax errors, escaped property names, used fields of the wrong type or not valid UTF-8, escaped lone
    /// surrogates, times it cannot parse, missing required fields, and skipped values nested more than a few levels.
    /// Times are read by the reference's own code, on a reader over the one token.
    /// </remarks>
    public static bool TryParseFast(ReadOnlySpan<byte> json, out Article? article)
    {
        article = null;
        string? id = null;
        string? source = null;
        string? url = null;
        string? title = null;
        string? body = null;
        string? text = null;
        string? content = null;
        DateTimeOffset? published = null;
        DateTimeOffset? date = null;

        var at = SkipWhitespace(json, 0);
        if (at >= json.Length || json[at] != (byte)'{')
        {
            return false;
        }

        at = SkipWhitespace(json, at + 1);
        while (true)
        {
            // A property name, unescaped; "{}" and a trailing comma land here too and decline.
            if (at >= json.Length || json[at] != (byte)'"')
            {
                return false;
            }

            var nameStart = at + 1;
            if (!JsonString.TrySkip(json, ref at) || json[nameStart..(at - 1)].Contains((byte)'\\'))
            {
                return false;
            }

            var field = Classify(json[nameStart..(at - 1)]);
            at = SkipWhitespace(json, at);
            if (at >= json.Length || json[at] != (byte)':')
            {
                return false;
            }

            at = SkipWhitespace(json, at + 1);
            if (at >= json.Length)
            {
                return false;
            }

            var valueStart = at;
            var first = json[at];
            if (first == (byte)'n')
            {
                // Null counts as missing, whatever the field, and leaves an earlier value of a repeated field alone.
                if (!json[at..].StartsWith("null"u8))
                {
                    return false;
                }

                at += 4;
            }
            else
            {
                var ok = field switch
                {
                    Field.Other => TrySkipValue(json, ref at, 1),
                    Field.Id when first == (byte)'"' => JsonString.TryDecode(json, ref at, out id),
                    Field.Id => TrySkipNumber(json, ref at) && Assign(out id, Encoding.UTF8.GetString(json[valueStart..at])),
                    Field.Source => first == (byte)'"' && JsonString.TryDecode(json, ref at, out source),
                    Field.Url => first == (byte)'"' && JsonString.TryDecode(json, ref at, out url),
                    Field.Title => first == (byte)'"' && JsonString.TryDecode(json, ref at, out title),
                    Field.Body => first == (byte)'"' && JsonString.TryDecode(json, ref at, out body),
                    Field.Text => first == (byte)'"' && JsonString.TryDecode(json, ref at, out text),
                    Field.Content => first == (byte)'"' && JsonString.TryDecode(json, ref at, out content),
                    Field.Published => TrySkipDate(json, ref at) && TryParseDate(json[valueStart..at], out published),
                    Field.Date => TrySkipDate(json, ref at) && TryParseDate(json[valueStart..at], out date),
                    _ => false,
                };
                if (!ok)
                {
                    return false;
                }
            }

            at = SkipWhitespace(json, at);
            if (at >= json.Length)
            {
                return false;
            }

            if (json[at] == (byte)',')
            {
                at = SkipWhitespace(json, at + 1);
                continue;
            }

            if (json[at] != (byte)'}')
            {
                return false;
            }

            break;
        }

        if (SkipWhitespace(json, at + 1) != json.Length || string.IsNullOrEmpty(id))
        {
            return false;
        }

        body ??= text ?? content;
        if (body is null)
        {
            return false;
        }

        article = ArticleFields.Create(id, source, body, title, url, published ?? date);
        return true;
    }

    private static bool Assign(out string? target, string value)
    {
        target = value;
        return true;
    }

    // A time field's token: a string or a number.
    private static bool TrySkipDate(ReadOnlySpan<byte> json, ref int at) =>
        json[at] == (byte)'"' ? JsonString.TrySkip(json, ref at) : TrySkipNumber(json, ref at);

    // Reads a time from its token exactly as the reference does, declining where the reference reports an error.
    private static bool TryParseDate(ReadOnlySpan<byte> token, out DateTimeOffset? value)
    {
        value = null;
        try
        {
            var reader = new Utf8JsonReader(token);
            return reader.Read() && TryGetDate(ref reader, string.Empty, out value, out _);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    // Skips one value of a field that is not used, checking it as Utf8JsonReader would. `depth` counts the objects
    // and arrays around the value, the article object included.
    private static bool TrySkipValue(ReadOnlySpan<byte> json, ref int at, int depth)
    {
        switch (json[at])
        {
            case (byte)'"':
                return JsonString.TrySkip(json, ref at);
            case (byte)'t':
                return TrySkipLiteral(json, ref at, "true"u8);
            case (byte)'f':
                return TrySkipLiteral(json, ref at, "false"u8);
            case (byte)'n':
                return TrySkipLiteral(json, ref at, "null"u8);
            case (byte)'{' or (byte)'[':
                return depth < MaxFastDepth && TrySkipContainer(json, ref at, depth + 1);
            default:
                return TrySkipNumber(json, ref at);
        }
    }

    private static bool TrySkipContainer(ReadOnlySpan<byte> json, ref int at, int depth)
    {
        var isObject = json[at] == (byte)'{';
        var close = isObject ? (byte)'}' : (byte)']';
        at = SkipWhitespace(json, at + 1);
        if (at < json.Length && json[at] == close)
        {
            at++;
            return true;
        }

        while (true)
        {
            if (at >= json.Length)
            {
                return false;
            }

            if (isObject)
            {
                if (json[at] != (byte)'"' || !JsonString.TrySkip(json, ref at))
                {
                    return false;
                }

                at = SkipWhitespace(json, at);
                if (at >= json.Length || json[at] != (byte)':')
                {
                    return false;
                }

                at = SkipWhitespace(json, at + 1);
                if (at >= json.Length)
                {
                    return false;
                }
            }

            if (!TrySkipValue(json, ref at, depth))
            {
                return false;
            }

            at = SkipWhitespace(json, at);
            if (at >= json.Length)
            {
                return false;
            }

            if (json[at] == close)
            {
                at++;
                return true;
            }

            if (json[at] != (byte)',')
            {
                return false;
            }

            at = SkipWhitespace(json, at + 1);
        }
    }

    // The literal must be followed by a delimiter, which the caller checks.
    private static bool TrySkipLiteral(ReadOnlySpan<byte> json, ref int at, ReadOnlySpan<byte> literal)
    {
        if (!json[at..].StartsWith(literal))
        {
            return false;
        }

        at += literal.Length;
        return true;
    }

    // A number by the JSON grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. What follows it must be a
    // delimiter, which the caller checks, so "01" and "1x" are declined there.
    private static bool TrySkipNumber(ReadOnlySpan<byte> json, ref int at)
    {
        var i = at;
        if (i < json.Length && json[i] == (byte)'-')
        {
            i++;
        }

        if (i >= json.Length || !char.IsAsciiDigit((char)json[i]))
        {
            return false;
        }

        if (json[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            i = SkipDigits(json, i);
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            var digits = SkipDigits(json, i + 1);
            if (digits == i + 1)
            {
                return false;
            }

            i = digits;
        }

        if (i < json.Length && (json[i] == (byte)'e' || json[i] == (byte)'E'))
        {
            i++;
            if (i < json.Length && (json[i] == (byte)'+' || json[i] == (byte)'-'))
            {
                i++;
            }

            var digits = SkipDigits(json, i);
            if (digits == i)
            {
                return false;
            }

            i = digits;
        }

        at = i;
        return true;
    }

    private static int SkipDigits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        return i;
    }

    // JSON whitespace: space, tab, line feed and carriage return.
    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }
}
