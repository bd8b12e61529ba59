using System.Text;
using System.Text.Json;

namespace Syndicate.Cli.Input;

/// <summary>
/// Turns one JSON object into an <see cref="Article"/>, decoding only the fields it uses.
/// </summary>
/// <remarks>
/// Fields: <c>id</c> (string or number, required), <c>source</c> (missing, null or empty means the host of the
/// <c>url</c>, else <see cref="UnknownSource"/>), <c>body</c> or else <c>text</c> or else <c>content</c> (required; may be empty),
/// <c>title</c>, <c>url</c>, and <c>published</c> or else <c>date</c> (ISO 8601 with or without offset, without meaning
/// UTC; RFC 1123 / RFC 822; or unix seconds or milliseconds, as a number or a string of digits). A time that cannot be
/// read is left out with a warning, and the article is kept. A null value counts as missing. Other fields are skipped without being decoded, so invalid
/// UTF-8 is an error only in a field that is used.
/// </remarks>
internal static partial class JsonArticle
{
    /// <summary>The source given to records that name none and have no http or https url.</summary>
    public const string UnknownSource = "unknown";

    private enum Field
    {
        Other,
        Id,
        Source,
        Url,
        Published,
        Date,
        Title,
        Body,
        Text,
        Content,
    }

    /// <summary>Parses one complete JSON value; on failure returns false and a message without location.</summary>
    /// <remarks>
    /// The common case, a well-formed article object, is read by <see cref="TryParseFast"/>; anything it declines,
    /// errors included, is parsed again by <see cref="TryParseReference"/>, which has the final word.
    /// </remarks>
    /// <param name="json">The bytes of exactly one JSON value, optionally surrounded by whitespace.</param>
    /// <param name="article">The article, when the value is a valid article object.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    public static bool TryParse(ReadOnlySpan<byte> json, out Article? article, out string? error) =>
        TryParse(json, out article, out error, out _);

    /// <summary>
    /// Parses one complete JSON value, as <see cref="TryParse(ReadOnlySpan{byte}, out Article?, out string?)"/>, and
    /// also returns the problem of a field that was left out rather than failing the record (an unreadable time).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out Article? article, out string? error, out string? warning)
    {
        if (TryParseFast(json, out article))
        {
            error = null;
            warning = null;
            return true;
        }

        return TryParseReference(json, out article, out error, out warning);
    }

    /// <summary>
    /// <see cref="TryParse"/> on <see cref="Utf8JsonReader"/> alone: slower, but it handles every input and words every
    /// error.
    /// </summary>
    public static bool TryParseReference(ReadOnlySpan<byte> json, out Article? article, out string? error) =>
        TryParseReference(json, out article, out error, out _);

    /// <summary>
    /// <see cref="TryParseReference(ReadOnlySpan{byte}, out Article?, out string?)"/>, also returning the problem of a
    /// time field that was left out (the article is kept without it).
    /// </summary>
    public static bool TryParseReference(ReadOnlySpan<byte> json, out Article? article, out string? error, out string? warning)
    {
        article = null;
        warning = null;
        string? id = null;
        string? source = null;
        string? url = null;
        string? title = null;
        string? body = null;
        string? text = null;
        string? content = null;
        DateTimeOffset? published = null;
        DateTimeOffset? date = null;
        var field = Field.Other;

        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "expected a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                field = Classify(ref reader);
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                switch (field)
                {
                    case Field.Id:
                        if (reader.TokenType == JsonTokenType.Number)
                        {
                            id = Encoding.UTF8.GetString(reader.ValueSpan);
                            break;
                        }

                        if (!TryGetString(ref reader, "id", out id, out error))
                        {
                            return false;
                        }

                        break;
                    case Field.Source:
                        if (!TryGetString(ref reader, "source", out source, out error))
                        {
                            return false;
                        }

                        break;
                    case Field.Url:
                        if (!TryGetString(ref reader, "url", out url, out error))
                        {
                            return false;
                        }

                        break;
                    case Field.Title:
                        if (!TryGetString(ref reader, "title", out title, out error))
                        {
                            return false;
                        }

                        break;
                    case Field.Body:
                        if (!TryGetString(ref reader, "body", out body, out error))
                        {
                            return false;
                        }

                        break;
                    case Field.Text:
                        if (!TryGetString(ref reader, "text", out text, out error))
                        {
                            return false;
                        }

                        break;
                    case Field.Content:
                        if (!TryGetString(ref reader, "content", out content, out error))
                        {
                            return false;
                        }

                        break;
                    case Field.Published:
                        if (!TryGetDate(ref reader, "published", out published, out var publishedProblem))
                        {
                            warning ??= publishedProblem;
                            reader.Skip();
                        }

                        break;
                    case Field.Date:
                        if (!TryGetDate(ref reader, "date", out date, out var dateProblem))
                        {
                            warning ??= dateProblem;
                            reader.Skip();
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // Anything after the closing brace other than whitespace makes Read throw.
            reader.Read();
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + Describe(ex);
            return false;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this for strings that are not valid UTF-8.
            error = $"invalid UTF-8 in field '{Name(field)}'";
            return false;
        }

        return ArticleFields.TryCreate(id, source, url, title, body, text, content, published ?? date, out article, out error, ref warning);
    }

    /// <summary>A JSON exception's message without the position suffix the reader appends.</summary>
    public static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position > 0 ? message[..position].TrimEnd() : message;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, string name, out string? value, out string? error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            value = null;
            error = $"field '{name}' must be a string, not {Describe(reader.TokenType)}";
            return false;
        }

        value = reader.GetString();
        error = null;
        return true;
    }

    // Reads a time field; on failure, the message of the warning that leaves it out, such as
    // "published ignored: '2014-09-31' is not a valid ISO 8601, RFC 1123/822 or Unix time".
    private static bool TryGetDate(ref Utf8JsonReader reader, string name, out DateTimeOffset? value, out string? problem)
    {
        value = null;
        problem = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            if (PublishedDate.TryParseIso(ref reader, out var parsed) || ArticleFields.TryParseDate(name, reader.GetString()!, out parsed, out problem))
            {
                value = parsed;
                return true;
            }

            return false;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out var seconds) && PublishedDate.TryFromUnixNumber(seconds, out var parsed))
            {
                value = parsed;
                return true;
            }

            problem = $"{name} ignored: {Encoding.UTF8.GetString(reader.ValueSpan)} is out of range for Unix seconds or milliseconds";
            return false;
        }

        problem = $"{name} ignored: expected an ISO 8601 or RFC 1123/822 string or Unix seconds, not {Describe(reader.TokenType)}";
        return false;
    }

    /// <summary>
    /// Adds to <paramref name="names"/> the top-level property names of a JSON object that no article field is read
    /// from. Anything that is not a well-formed object adds nothing (the parser reports it).
    /// </summary>
    public static void CollectUnreadFields(ReadOnlySpan<byte> json, ISet<string> names)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (Classify(ref reader) == Field.Other)
                {
                    names.Add(reader.GetString()!);
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not an object the parser accepted: nothing to survey.
        }
    }

    private static Field Classify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return ClassifyEscaped(ref reader);
        }

        return Classify(reader.ValueSpan);
    }

    // The field an unescaped property name stands for.
    private static Field Classify(ReadOnlySpan<byte> name)
    {
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => Field.Id,
            3 when name.SequenceEqual("url"u8) => Field.Url,
            4 when name.SequenceEqual("body"u8) => Field.Body,
            4 when name.SequenceEqual("text"u8) => Field.Text,
            4 when name.SequenceEqual("date"u8) => Field.Date,
            5 when name.SequenceEqual("title"u8) => Field.Title,
            6 when name.SequenceEqual("source"u8) => Field.Source,
            7 when name.SequenceEqual("content"u8) => Field.Content,
            9 when name.SequenceEqual("published"u8) => Field.Published,
            _ => Field.Other,
        };
    }

    private static Field ClassifyEscaped(ref Utf8JsonReader reader)
    {
        for (var f = Field.Id; f <= Field.Content; f++)
        {
            if (reader.ValueTextEquals(Name(f)))
            {
                return f;
            }
        }

        return Field.Other;
    }

    private static string Name(Field field) => field switch
    {
        Field.Id => "id",
        Field.Source => "source",
        Field.Url => "url",
        Field.Published => "published",
        Field.Date => "date",
        Field.Title => "title",
        Field.Body => "body",
        Field.Text => "text",
        Field.Content => "content",
        _ => "?",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => token.ToString(),
    };
}
