using System.Globalization;
using System.IO.Compression;
using System.Text;
using Syndicate.Cli.Input;
using Syndicate.Sketches;

namespace Syndicate.Fuzzing;

/// <summary>
/// Seeded generators of whole inputs (JSON Lines, JSON, RSS, Atom, CSV, text), valid or mutated: truncated, byte-flipped,
/// with junk inserted, deeply nested, with invalid UTF-8 or lone surrogates, gzip-compressed (whole or cut short).
/// </summary>
internal static class FuzzDocuments
{
    /// <summary>Whitespace and the bytes of a UTF-8 byte order mark: what format sniffing looks past.</summary>
    private static ReadOnlySpan<byte> BlankOrBom => [0x20, 0x09, 0x0D, 0x0A, 0xEF, 0xBB, 0xBF];

    private static readonly string[] s_sources = ["mena", "sana", "spa", "urdupoint", "", "رويترز", "a\u202Eb"];

    public static FuzzDocument Jsonl(SplitMix64 rng, bool allowHuge)
    {
        int count = rng.Chance(0.002) ? rng.NextInt(2000, 20000) : rng.NextInt(0, 30);
        bool small = count > 1000;
        var lines = new List<byte[]>(count);
        var mustRead = new List<(string Id, string? Body)>();
        bool exact = true;
        for (int i = 0; i < count; i++)
        {
            string id = "r" + i.ToString(CultureInfo.InvariantCulture);
            int shape = rng.NextInt(100);
            if (shape < 60)
            {
                string body = Clean(small ? FuzzText.Prose(rng, rng.NextInt(0, 8)) : FuzzText.Body(rng, allowHuge));
                lines.Add(ValidRecord(rng, id, body));
                mustRead.Add((id, body));
                continue;
            }

            exact = false;
            byte[] line = shape switch
            {
                < 66 => Encoding.UTF8.GetBytes(rng.Chance(0.5) ? "" : " \t \r"),
                < 80 => Mutate(rng, ValidRecord(rng, id, FuzzText.Body(rng, allowHuge: false))),
                < 85 => Nested(rng, id),
                < 92 => Malformed(rng, id),
                _ => Junk(rng),
            };
            lines.Add(NoNewline(line));
        }

        var text = new List<byte>();
        foreach (byte[] line in lines)
        {
            text.AddRange(line);
            text.AddRange(rng.Chance(0.1) ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
        }

        if (lines.Count > 0 && rng.Chance(0.2))
        {
            text.RemoveAt(text.Count - 1); // no newline after the last record
            if (text.Count > 0 && text[^1] == '\r')
            {
                text.RemoveAt(text.Count - 1);
            }
        }

        return Finish(rng, [.. text], InputFormat.Jsonl, ".jsonl", mustRead, exact, count + 1);
    }

    public static FuzzDocument Json(SplitMix64 rng, bool allowHuge)
    {
        int count = rng.NextInt(0, 20);
        var mustRead = new List<(string Id, string? Body)>();
        bool exact = true;
        var sb = new List<byte>();
        bool wrapped = rng.Chance(0.3);
        sb.AddRange(wrapped ? "{\"feed\": {\"x\": [1, 2]}, \"articles\": [\n"u8.ToArray() : "[\n"u8.ToArray());
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.AddRange(",\n"u8.ToArray());
            }

            string id = "a" + i.ToString(CultureInfo.InvariantCulture);
            int shape = rng.NextInt(100);
            if (shape < 75)
            {
                string body = Clean(FuzzText.Body(rng, allowHuge));
                sb.AddRange(ValidRecord(rng, id, body));
                if (exact)
                {
                    // After a bad element the reader may or may not find its footing again; only the records before
                    // the first one are certain.
                    mustRead.Add((id, body));
                }
            }
            else if (shape < 90)
            {
                // Well-formed JSON that is not a valid article: reported, and the next element is read.
                exact = false;
                sb.AddRange(Malformed(rng, id));
            }
            else
            {
                exact = false;
                sb.AddRange(Nested(rng, id));
            }
        }

        sb.AddRange(wrapped ? "\n]}\n"u8.ToArray() : "\n]\n"u8.ToArray());
        byte[] bytes = [.. sb];
        if (!exact && rng.Chance(0.5))
        {
            bytes = Mutate(rng, bytes);
            mustRead.Clear();
        }

        // A wrapped document starts with '{', which standard input would take for JSON Lines: name the format.
        return Finish(rng, bytes, InputFormat.Json, ".json", mustRead, exact, Count(bytes, (byte)'\n') + 1, allowAuto: !wrapped);
    }

    public static FuzzDocument Feed(SplitMix64 rng, bool atom, bool allowHuge)
    {
        int count = rng.NextInt(0, 15);
        var mustRead = new List<(string Id, string? Body)>();
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        if (rng.Chance(0.1))
        {
            sb.Append("<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n");
        }

        sb.Append(atom ? "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>t</title>\n" : "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n<title>t</title>\n");
        bool dirty = rng.Chance(0.3);
        for (int i = 0; i < count; i++)
        {
            string id = "urn:item:" + i.ToString(CultureInfo.InvariantCulture);
            string title = Xml("t " + FuzzText.Prose(rng, rng.NextInt(1, 8)), dirty);
            string body = FuzzText.Body(rng, allowHuge);
            string content = rng.Chance(0.3) ? "<![CDATA[<p>" + CData(body, dirty) + "</p>]]>" : Xml("<p>" + body + "</p>", dirty);
            if (atom)
            {
                sb.Append("<entry>\n<id>").Append(id).Append("</id>\n<title>").Append(title).Append("</title>\n")
                    .Append("<updated>2022-01-18T06:42:00Z</updated>\n<content type=\"html\">").Append(content).Append("</content>\n</entry>\n");
            }
            else
            {
                sb.Append("<item>\n<guid>").Append(id).Append("</guid>\n<title>").Append(title).Append("</title>\n")
                    .Append("<pubDate>Tue, 18 Jan 2022 06:42:00 GMT</pubDate>\n<description>").Append(content).Append("</description>\n</item>\n");
            }

            mustRead.Add((id, null));
        }

        sb.Append(atom ? "</feed>\n" : "</channel>\n</rss>\n");
        byte[] bytes = FuzzText.LenientUtf8(sb.ToString());
        bool exact = !dirty;
        if (dirty || rng.Chance(0.3))
        {
            exact = false;
            mustRead.Clear();
            if (rng.Chance(0.7))
            {
                bytes = Mutate(rng, bytes);
            }
        }

        return Finish(rng, bytes, atom ? InputFormat.Atom : InputFormat.Rss, atom ? ".atom" : ".rss", mustRead, exact, Count(bytes, (byte)'\n') + 1);
    }

    public static FuzzDocument Csv(SplitMix64 rng, bool allowHuge)
    {
        int count = rng.NextInt(0, 20);
        char separator = rng.NextInt(4) switch { 0 => '\t', 1 => ';', 2 => '|', _ => ',' };
        string[] columns = ["id", "source", "title", "body", "extra"];
        for (int i = columns.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (columns[i], columns[j]) = (columns[j], columns[i]);
        }

        var mustRead = new List<(string Id, string? Body)>();
        var sb = new StringBuilder();
        sb.AppendJoin(separator, columns).Append(rng.Chance(0.2) ? "\r\n" : "\n");
        for (int i = 0; i < count; i++)
        {
            string id = "r" + i.ToString(CultureInfo.InvariantCulture);
            string body = "b " + Clean(FuzzText.Body(rng, allowHuge)).Replace('\uFFFF', ' ');
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    sb.Append(separator);
                }

                string value = columns[c] switch
                {
                    "id" => id,
                    "source" => s_sources[rng.NextInt(s_sources.Length)],
                    "title" => Clean(FuzzText.Prose(rng, rng.NextInt(0, 6))),
                    "body" => body,
                    _ => rng.Chance(0.5) ? "" : "x\"y",
                };
                // U+FFFF is how the reader marks bytes that are not UTF-8, so valid documents leave it out.
                sb.Append('"').Append(value.Replace('\uFFFF', ' ').Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }

            sb.Append(rng.Chance(0.2) ? "\r\n" : "\n");
            mustRead.Add((id, body));
        }

        byte[] bytes = FuzzText.LenientUtf8(sb.ToString());
        bool exact = true;
        if (rng.Chance(0.4))
        {
            exact = false;
            mustRead.Clear();
            bytes = Mutate(rng, bytes);
        }

        return Finish(rng, bytes, InputFormat.Csv, separator == '\t' ? ".tsv" : ".csv", mustRead, exact, Count(bytes, (byte)'\n') + 1, allowAuto: false);
    }

    public static FuzzDocument Text(SplitMix64 rng, bool allowHuge)
    {
        string text = FuzzText.Body(rng, allowHuge);
        byte[] bytes = FuzzText.LenientUtf8(text);
        if (rng.Chance(0.2))
        {
            bytes = Mutate(rng, bytes);
        }

        return Finish(rng, bytes, InputFormat.Text, ".txt", [], exact: false, Count(bytes, (byte)'\n') + 1);
    }

    /// <summary>A valid article object, its fields in random order, with unknown fields and escapes.</summary>
    private static byte[] ValidRecord(SplitMix64 rng, string id, string body)
    {
        var fields = new List<string>
        {
            $"\"id\": {JsonString(rng, id)}",
            $"\"body\": {JsonString(rng, body)}",
        };
        if (rng.Chance(0.7))
        {
            fields.Add($"\"source\": {JsonString(rng, s_sources[rng.NextInt(s_sources.Length)])}");
        }

        if (rng.Chance(0.5))
        {
            fields.Add($"\"title\": {(rng.Chance(0.2) ? "null" : JsonString(rng, Clean(FuzzText.Prose(rng, rng.NextInt(0, 10)))))}");
        }

        if (rng.Chance(0.5))
        {
            fields.Add(rng.NextInt(4) switch
            {
                0 => "\"published\": \"2022-01-18T06:42:00Z\"",
                1 => "\"published\": 1642488120",
                2 => "\"date\": \"2022-01-18T06:42:00+03:00\"",
                _ => "\"published\": null",
            });
        }

        if (rng.Chance(0.3))
        {
            fields.Add($"\"url\": {JsonString(rng, "https://example.com/" + id)}");
        }

        if (rng.Chance(0.3))
        {
            fields.Add("\"extra\": {\"a\": [1, 2.5e10, true, null, \"x\"], \"b\": {\"c\": []}}");
        }

        rng.Shuffle(fields);
        return Encoding.UTF8.GetBytes("{" + string.Join(", ", fields) + "}");
    }

    /// <summary>Well-formed JSON lines or elements that are not articles.</summary>
    private static byte[] Malformed(SplitMix64 rng, string id)
    {
        string text = rng.NextInt(12) switch
        {
            0 => "{\"body\": \"no id\"}",
            1 => $"{{\"id\": \"{id}\"}}",
            2 => $"{{\"id\": true, \"body\": \"b\"}}",
            3 => $"{{\"id\": \"{id}\", \"body\": 5}}",
            4 => $"{{\"id\": \"{id}\", \"body\": \"b\", \"published\": \"yesterday\"}}",
            5 => $"{{\"id\": \"{id}\", \"body\": \"b\", \"published\": 1e300}}",
            6 => "[1, 2, 3]",
            7 => "\"just a string\"",
            8 => $"{{\"id\": \"\", \"body\": \"b\"}}",
            9 => $"{{\"id\": \"{id}\", \"body\": \"\\ud800 lone\"}}",
            10 => $"{{\"id\": \"{id}\", \"body\": \"b\", \"title\": {{\"nested\": 1}}}}",
            _ => "null",
        };
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (rng.Chance(0.2))
        {
            // Invalid UTF-8 inside the body string.
            byte[] bad = FuzzText.InvalidUtf8(rng);
            string record = $"{{\"id\": \"{id}\", \"body\": \"x";
            return [.. Encoding.UTF8.GetBytes(record), .. bad, .. "\"}"u8.ToArray()];
        }

        return bytes;
    }

    /// <summary>JSON nested far deeper than any article, inside an unknown field or as a used field's value.</summary>
    private static byte[] Nested(SplitMix64 rng, string id)
    {
        int depth = rng.Chance(0.1) ? rng.NextInt(1000, 100_000) : rng.NextInt(1, 200);
        var sb = new StringBuilder();
        sb.Append("{\"id\": \"").Append(id).Append("\", \"body\": \"b\", ").Append(rng.Chance(0.5) ? "\"deep\"" : "\"title\"").Append(": ");
        bool objects = rng.Chance(0.5);
        for (int i = 0; i < depth; i++)
        {
            sb.Append(objects ? "{\"k\": " : "[");
        }

        sb.Append('1');
        int closing = rng.Chance(0.8) ? depth : rng.NextInt(0, depth);
        for (int i = 0; i < closing; i++)
        {
            sb.Append(objects ? '}' : ']');
        }

        sb.Append('}');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Junk(SplitMix64 rng)
    {
        int kind = rng.NextInt(4);
        return kind switch
        {
            0 => FuzzText.LenientUtf8(FuzzText.Noise(rng, rng.NextInt(1, 200))),
            1 => [.. "{\"id\": \"j\", \"body\": \""u8.ToArray(), .. FuzzText.InvalidUtf8(rng), .. FuzzText.InvalidUtf8(rng)],
            2 => "{{{{{{{{"u8.ToArray(),
            _ => RandomBytes(rng, rng.NextInt(1, 100)),
        };
    }

    /// <summary>Truncates, flips bytes in, or inserts bytes into <paramref name="bytes"/>.</summary>
    public static byte[] Mutate(SplitMix64 rng, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return RandomBytes(rng, rng.NextInt(1, 8));
        }

        var list = new List<byte>(bytes);
        int edits = rng.NextInt(1, 4);
        for (int e = 0; e < edits && list.Count > 0; e++)
        {
            int at = rng.NextInt(list.Count);
            switch (rng.NextInt(5))
            {
                case 0:
                    list.RemoveRange(at, list.Count - at); // truncate
                    break;
                case 1:
                    list[at] ^= (byte)(1 << rng.NextInt(8)); // bit flip
                    break;
                case 2:
                    list[at] = (byte)rng.NextInt(256); // byte replaced
                    break;
                case 3:
                    list.InsertRange(at, FuzzText.InvalidUtf8(rng));
                    break;
                default:
                    list.InsertRange(at, RandomBytes(rng, rng.NextInt(1, 16)));
                    break;
            }
        }

        return [.. list];
    }

    private static FuzzDocument Finish(SplitMix64 rng, byte[] bytes, InputFormat format, string extension, List<(string Id, string? Body)> mustRead, bool exact, long lines, bool allowAuto = true)
    {
        if (rng.Chance(0.05))
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }

        // Standard input in auto mode takes a document starting with '[' or '<' for JSON or a feed.
        int first = bytes.AsSpan().IndexOfAnyExcept(BlankOrBom);
        allowAuto &= format != InputFormat.Jsonl || first < 0 || bytes[first] == '{';

        if (rng.Chance(0.05))
        {
            bytes = Gzip(bytes);
            extension += ".gz";
            if (bytes.Length > 0 && rng.Chance(0.4))
            {
                bytes = bytes[..rng.NextInt(bytes.Length)];
                exact = false;
                mustRead.Clear();
            }
        }

        if (allowAuto && rng.Chance(0.3))
        {
            // Let the reader detect the format.
            format = InputFormat.Auto;
        }

        return new FuzzDocument(bytes, format, extension, mustRead, exact, lines);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>A JSON string literal: characters escaped where JSON needs it, and now and then where it does not.</summary>
    private static string JsonString(SplitMix64 rng, string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (rng.NextInt(32) == 0 && !char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Text a valid record can carry: lone surrogates replaced, so it round-trips through UTF-8.</summary>
    private static string Clean(string text)
    {
        char[]? copy = null;
        for (int i = 0; i < text.Length; i++)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(text[i]))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }

    /// <summary>Escapes text for XML; a clean feed also drops the characters XML 1.0 forbids.</summary>
    private static string Xml(string text, bool dirty)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in dirty ? text : XmlSafe(text))
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string CData(string text, bool dirty) => (dirty ? text : XmlSafe(text)).Replace("]]>", "]]&gt;", StringComparison.Ordinal);

    private static string XmlSafe(string text)
    {
        string clean = Clean(text);
        var sb = new StringBuilder(clean.Length);
        foreach (char c in clean)
        {
            bool allowed = c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
            if (allowed)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static byte[] NoNewline(byte[] line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\n')
            {
                line[i] = (byte)' ';
            }
        }

        return line;
    }

    private static byte[] RandomBytes(SplitMix64 rng, int count)
    {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bytes[i] = (byte)rng.NextInt(256);
        }

        return bytes;
    }

    /// <summary>An upper bound on the lines a reader may count: XML also breaks lines at a lone carriage return.</summary>
    private static int Count(byte[] bytes, byte value) => bytes.AsSpan().Count(value) + bytes.AsSpan().Count((byte)'\r');
}
