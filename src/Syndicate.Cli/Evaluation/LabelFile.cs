using System.Text;
using System.Text.Json;
using Syndicate.Cli.Input;

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Reads the JSON Lines files that <c>eval</c> takes besides its inputs (gold labels, another tool's predictions,
/// judged pairs), with every problem reported as <c>file:line: what was expected</c> rather than an exception trace.
/// </summary>
/// <remarks>
/// A gzip file is recognised by its magic bytes, whatever its name. When a line lacks a field it needs, the message
/// says what the line looks like instead (an article, a prediction, a gold label, a judged pair), because the usual
/// cause is one file given in another's place.
/// </remarks>
internal static class LabelFile
{
    /// <summary>Each non-blank line of <paramref name="path"/> as a JSON object, with its 1-based line number.</summary>
    /// <exception cref="InputException">The file cannot be read, is truncated, or a line is not a JSON object.</exception>
    public static IEnumerable<(long Line, JsonElement Value)> ReadObjects(string path)
    {
        using Stream stream = Open(path);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        long line = 0;
        while (true)
        {
            string? text;
            try
            {
                text = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
            {
                throw Fail(path, line + 1, e is DecoderFallbackException ? "not UTF-8 text" : "cannot be read completely: " + e.Message);
            }

            if (text is null)
            {
                yield break;
            }

            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement value;
            try
            {
                using var document = JsonDocument.Parse(text);
                value = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw Fail(path, line, "expected one JSON object per line, found text that is not JSON (" + FirstSentence(e.Message) + ")");
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, line, $"expected one JSON object per line, found a JSON {value.ValueKind.ToString().ToLowerInvariant()}");
            }

            yield return (line, value);
        }
    }

    /// <summary>Opens <paramref name="path"/>, decompressing it (and checking it whole) when it starts with the gzip magic bytes.</summary>
    public static Stream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw Fail(path, 0, "is a directory; expected a file");
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Fail(path, 0, "cannot be read: " + e.Message);
        }

        try
        {
            Span<byte> magic = stackalloc byte[2];
            int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new CheckedGzipStream(file) : file;
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            file.Dispose();
            throw Fail(path, 0, "cannot be read: " + e.Message);
        }
    }

    /// <summary>The error for <paramref name="path"/> at <paramref name="line"/> (0: the file as a whole).</summary>
    public static InputException Fail(string path, long line, string message) => new(new InputError(path, line, message));

    /// <summary>A required string field, or an error naming what the line looks like.</summary>
    public static string RequireString(string path, long line, JsonElement value, string name, string expected)
    {
        if (value.TryGetProperty(name, out JsonElement field))
        {
            if (field.ValueKind == JsonValueKind.String && field.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            throw Fail(path, line, $"expected {expected}; field '{name}' must be a non-empty string");
        }

        throw Fail(path, line, $"expected {expected}; this line has no '{name}'{Looks(value)}");
    }

    /// <summary>An optional string field: <see langword="null"/> when absent or null, an error when of another type.</summary>
    public static string? OptionalString(string path, long line, JsonElement value, string name, string expected)
    {
        if (!value.TryGetProperty(name, out JsonElement field) || field.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return field.ValueKind == JsonValueKind.String
            ? field.GetString()
            : throw Fail(path, line, $"expected {expected}; field '{name}' must be a string");
    }

    /// <summary>An optional boolean field: <see langword="false"/> when absent or null, an error when of another type.</summary>
    public static bool OptionalBoolean(string path, long line, JsonElement value, string name, string expected)
    {
        if (!value.TryGetProperty(name, out JsonElement field) || field.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return field.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(path, line, $"expected {expected}; field '{name}' must be true or false"),
        };
    }

    /// <summary>" (it looks like an article: ...)" when the line has the fields of another of the files eval reads.</summary>
    public static string Looks(JsonElement value)
    {
        bool Has(string name) => value.TryGetProperty(name, out _);
        if (Has("body") || Has("text") || Has("content") || Has("title"))
        {
            return " (it looks like an article: is this the corpus?)";
        }

        if (Has("cluster"))
        {
            return " (it looks like a prediction line of 'syndicate cluster --format jsonl')";
        }

        if (Has("a") && Has("b") && Has("label"))
        {
            return " (it looks like a judged pair)";
        }

        if (Has("story") || Has("kind") || Has("link"))
        {
            return " (it looks like a gold label)";
        }

        return "";
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
