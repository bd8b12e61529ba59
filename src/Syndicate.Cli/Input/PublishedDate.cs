using System.Globalization;
using System.Text.Json;

namespace Syndicate.Cli.Input;

/// <summary>Parses publication times as they appear in JSON (ISO 8601, unix seconds) and feeds (RFC 822, RFC 3339).</summary>
internal static class PublishedDate
{
    // Zone names RFC 822 section 5.1 allows besides numeric offsets; the single-letter military zones are read as
    // UTC, as RFC 2822 section 4.3 advises, because their signs were commonly inverted.
    private static readonly Dictionary<string, int> s_zoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0,
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
    };

    private static readonly string[] s_rfc822Formats =
    [
        "d MMM yyyy H:mm:ss",
        "d MMM yyyy H:mm",
        "d MMM yy H:mm:ss",
        "d MMM yy H:mm",
    ];

    /// <summary>
    /// Reads an ISO 8601 time from a JSON string token. A time without an offset is taken as UTC.
    /// </summary>
    public static bool TryParseIso(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (!reader.ValueIsEscaped && reader.TryGetDateTimeOffset(out value))
        {
            // System.Text.Json gives a time without an offset the machine's local offset; this format says UTC.
            if (!HasOffset(reader.ValueSpan))
            {
                value = new DateTimeOffset(value.DateTime, TimeSpan.Zero);
            }

            return true;
        }

        var text = reader.GetString();
        return TryParseIso(text, out value);
    }

    /// <summary>Reads an ISO 8601 or RFC 3339 time, also with a space for the <c>T</c>. Without an offset, UTC.</summary>
    public static bool TryParseIso(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();

        // Only digit-led text: DateTimeOffset.TryParse alone would also take "July 21" or "7/21/2015".
        return text.Length >= 10
            && char.IsAsciiDigit(text[0])
            && text[4] == '-'
            && DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out value);
    }

    /// <summary>Converts unix seconds (possibly fractional) to a time, failing outside the representable range.</summary>
    public static bool TryFromUnixSeconds(double seconds, out DateTimeOffset value)
    {
        value = default;
        const double Min = -62135596800; // 0001-01-01T00:00:00Z
        const double Max = 253402300799; // 9999-12-31T23:59:59Z
        if (!double.IsFinite(seconds) || seconds < Min || seconds > Max)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return true;
    }

    /// <summary>
    /// Converts a unix time to a time: seconds, or milliseconds when the number is too large to be seconds of this era
    /// (at least 10^11, which as seconds would be after the year 5138).
    /// </summary>
    public static bool TryFromUnixNumber(double number, out DateTimeOffset value) =>
        TryFromUnixSeconds(Math.Abs(number) >= 1e11 ? number / 1000 : number, out value);

    /// <summary>
    /// Reads a unix time written as a string of ASCII digits (seconds, or milliseconds as in
    /// <see cref="TryFromUnixNumber"/>), as some exports quote it.
    /// </summary>
    public static bool TryParseUnixDigits(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        return text.Length is > 0 and <= 15
            && !text.AsSpan().ContainsAnyExceptInRange('0', '9')
            && TryFromUnixNumber(double.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), out value);
    }

    /// <summary>
    /// Reads an RFC 822 / RFC 2822 date as used by RSS <c>pubDate</c>, such as <c>Tue, 21 Jul 2015 02:16:13 +0300</c>;
    /// falls back to ISO 8601, which some feeds use instead.
    /// </summary>
    public static bool TryParseRfc822(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            s = s[(comma + 1)..].Trim();
        }

        var zoneStart = s.LastIndexOf(' ');
        if (zoneStart > 0)
        {
            var zone = s[(zoneStart + 1)..];
            if (TryParseZone(zone, out var offset))
            {
                var clock = s[..zoneStart].Trim();
                if (DateTime.TryParseExact(clock, s_rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var dateTime))
                {
                    value = new DateTimeOffset(dateTime, offset);
                    return true;
                }
            }
        }

        return TryParseIso(text, out value);
    }

    private static bool TryParseZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length == 5 && (zone[0] == '+' || zone[0] == '-')
            && int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && hours < 24 && minutes < 60)
        {
            offset = new TimeSpan(hours, minutes, 0);
            if (zone[0] == '-')
            {
                offset = -offset;
            }

            return true;
        }

        if (s_zoneHours.TryGetValue(zone, out var zoneHours))
        {
            offset = TimeSpan.FromHours(zoneHours);
            return true;
        }

        if (zone.Length == 1 && char.IsAsciiLetter(zone[0]) && zone[0] is not ('J' or 'j'))
        {
            return true;
        }

        return false;
    }

    // True when an ISO 8601 time carries "Z" or a numeric offset after its time part.
    private static bool HasOffset(ReadOnlySpan<byte> iso)
    {
        if (iso.Length <= 10)
        {
            return false;
        }

        return iso[10..].IndexOfAny("Zz+-"u8) >= 0;
    }
}
