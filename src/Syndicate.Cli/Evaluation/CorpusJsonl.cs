using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndicate.Cli.Input;

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Reads and writes the corpus (<c>id, source, url, published, title, body</c>) and gold
/// (<c>id, story, kind, wire, original, borrowedFrom</c>) JSONL files.
/// </summary>
/// <remarks>
/// Output is byte-stable: fixed property order, <c>\n</c> line ends, UTF-8 without a byte-order mark, times as
/// <c>yyyy-MM-ddTHH:mm:ssZ</c>, and Arabic left unescaped so that the files can be read and diffed.
/// </remarks>
internal static class CorpusJsonl
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void WriteCorpus(Stream destination, IEnumerable<GeneratedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(articles);
        WriteLines(destination, articles, static (writer, a) =>
        {
            writer.WriteString("id", a.Id);
            writer.WriteString("source", a.Source);
            writer.WriteString("url", a.Url);
            writer.WriteString("published", FormatTime(a.Published));
            writer.WriteString("title", a.Title);
            writer.WriteString("body", a.Body);
        });
    }

    public static void WriteGold(Stream destination, IEnumerable<GoldRecord> gold)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(gold);
        WriteLines(destination, gold, static (writer, g) =>
        {
            writer.WriteString("id", g.Id);
            writer.WriteString("story", g.Story);
            writer.WriteString("kind", g.Kind);
            writer.WriteString("wire", g.Wire);
            writer.WriteBoolean("original", g.Original);
            writer.WriteString("borrowedFrom", g.BorrowedFrom);
        });
    }

    /// <summary>Writes <paramref name="corpus"/> to <paramref name="corpusPath"/> and its gold to <paramref name="goldPath"/>.</summary>
    public static void Write(GeneratedCorpus corpus, string corpusPath, string goldPath)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        using (var stream = File.Create(corpusPath))
        {
            WriteCorpus(stream, corpus.Articles);
        }

        using (var stream = File.Create(goldPath))
        {
            WriteGold(stream, corpus.Gold);
        }
    }

    public static List<GeneratedArticle> ReadCorpus(Stream source)
    {
        var result = new List<GeneratedArticle>();
        foreach (var root in ReadLines(source))
        {
            var published = DateTimeOffset.Parse(root.GetProperty("published").GetString()!, CultureInfo.InvariantCulture);
            result.Add(new GeneratedArticle(
                root.GetProperty("id").GetString()!,
                root.GetProperty("source").GetString()!,
                root.GetProperty("url").GetString()!,
                published,
                root.GetProperty("title").GetString()!,
                root.GetProperty("body").GetString()!));
        }

        return result;
    }

    public static List<GoldRecord> ReadGold(Stream source)
    {
        var result = new List<GoldRecord>();
        foreach (var root in ReadLines(source))
        {
            result.Add(new GoldRecord(
                root.GetProperty("id").GetString()!,
                root.GetProperty("story").GetString()!,
                root.GetProperty("kind").GetString()!,
                OptionalString(root, "wire"),
                root.TryGetProperty("original", out var original) && original.GetBoolean(),
                OptionalString(root, "borrowedFrom")));
        }

        return result;
    }

    public static List<GoldRecord> ReadGold(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadGold(stream);
    }

    internal static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Parses each non-blank line of <paramref name="source"/> as one JSON object.</summary>
    /// <remarks>
    /// Lines end at a line feed only (a carriage return before it is dropped): <see cref="StreamReader.ReadLine"/>
    /// would also end them at characters that JSON strings may hold raw, and cut a valid record in two.
    /// </remarks>
    /// <exception cref="InvalidDataException">A line is not valid JSON; the message gives its number.</exception>
    internal static IEnumerable<JsonElement> ReadLines(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var reader = new StreamReader(source, leaveOpen: true);
        var line = new System.Text.StringBuilder();
        var buffer = new char[1 << 16];
        long number = 0;
        bool more = true;
        while (more)
        {
            int read = reader.Read(buffer, 0, buffer.Length);
            more = read > 0;
            int start = 0;
            while (true)
            {
                int end = more ? Array.IndexOf(buffer, '\n', start, read - start) : -1;
                if (end < 0)
                {
                    line.Append(buffer, start, Math.Max(0, read - start));
                    if (more || line.Length == 0)
                    {
                        break;
                    }
                }
                else
                {
                    line.Append(buffer, start, end - start);
                    start = end + 1;
                }

                number++;
                string text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (!string.IsNullOrWhiteSpace(text))
                {
                    yield return Parse(text, number);
                }

                if (end < 0)
                {
                    break;
                }
            }
        }
    }

    private static JsonElement Parse(string line, long number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"line {number}: invalid JSON: {JsonArticle.Describe(e)}"), e);
        }
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteLines<T>(Stream destination, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeProperties) =>
        Output.JsonWriters.WriteLines(destination, items, s_writerOptions, (writer, item) =>
        {
            writer.WriteStartObject();
            writeProperties(writer, item);
            writer.WriteEndObject();
        });
}
