using System.Text;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

/// <summary>
/// The fast path of <see cref="JsonArticle.TryParse"/> against the reference parser: whatever the fast path accepts,
/// the reference must accept with the same article, and the combined parser must always answer as the reference does.
/// </summary>
public sealed class JsonArticleFastPathTests
{
    private const string Line = """{"id": "snn-1", "source": "okaz", "url": "http://okaz.com.sa/1", "published": "2015-07-21T02:16:13Z", "title": "عنوان", "body": "نص\nالخبر \"مقتبس\"\t\u001a"}""";

    public static TheoryData<string> Accepted => new()
    {
        Line,
        """{"id":"a","body":"plain ascii"}""",
        """{"id":"a","body":""}""",
        """{"id":"a","body":"\"\\\/\b\f\n\r\t"}""",
        """{"id":"a","body":"\u0041\u00e9\u0627\u20AC\uFFFF\u0000"}""",
        """{"id":"a","body":"emoji \ud83d\ude00 and 😀 and \uD83D\uDE00"}""",
        """{"id":"a","body":"日本語 ελληνικά русский עברית"}""",
        """{"id":42,"body":"x"}""",
        """{"id":-0.5e+10,"body":"x"}""",
        """{"id":"a","body":"x","source":null,"title":null,"url":null,"published":null}""",
        """{"id":"a","body":"first","body":"second"}""",
        """{"id":"a","body":"kept","body":null}""",
        """{"id":"a","text":"t","content":"c"}""",
        """{"id":"a","content":"c"}""",
        """{"id":"a","text":"t","body":"b"}""",
        """{"id":"a","body":"x","source":""}""",
        """{"id":"a","body":"x","date":"2001-01-01T00:00:00Z","published":"2020-01-01T00:00:00+03:00"}""",
        """{"id":"a","body":"x","date":"2001-01-01"}""",
        """{"id":"a","body":"x","published":1437444973.5}""",
        """{"id":"a","body":"x","published":"2015-07-21 02:16:13"}""",
        """{"id":"a","body":"x","published":"2015-07-21T02:16:13.250-05:00"}""",
        """{"id":"a","body":"x","published":"\u0032015-07-21T02:16:13Z"}""",
        """ { "id" : "a" , "body" : "x" } """,
        "\t{\r\n\"id\":\"a\",\n\"body\":\"x\"\r\n}\r\n",
        """{"id":"a","body":"x","extra":{"x":[1,2,{"y":null}],"z":[],"w":{}},"n":[true,false,null,0,-1,1.5,2e3,"s\"\\"]}""",
        """{"id":"a","body":"x","skipped":"\ud800 lone surrogates are not decoded \udc00"}""",
        """{"id":"a","body":"x","Body":"other case is another field","ID":"b"}""",
    };

    public static TheoryData<string> Declined => new()
    {
        """{"id":"a","body":"lone \ud800 high"}""",
        """{"id":"a","body":"lone \udc00 low"}""",
        """{"id":"a","body":"reversed \udc00\ud800"}""",
        """{"id":"a","body":"high then other \ud800\u0041"}""",
        """{"\u0069d":"escaped name","body":"x"}""",
        """{"id":"a","body":"x",}""",
        """{"id":"a","body":"x","n":[1,]}""",
        """{"id":"a","body":"x","n":01}""",
        """{"id":"a","body":"x","n":1.}""",
        """{"id":"a","body":"x","n":.5}""",
        """{"id":"a","body":"x","n":+1}""",
        """{"id":"a","body":"x","n":1e}""",
        """{"id":"a","body":"x","n":-}""",
        """{"id":"a","body":"x","n":tru}""",
        """{"id":"a","body":"x","n":nulls}""",
        """{"id":"a","body":"x","n":NaN}""",
        """{"id":"a","body":"x","n":"\x"}""",
        """{"id":"a","body":"x","n":"\u12"}""",
        """{"id":"a","body":"x","n":"\u12G4"}""",
        """{"id":"a","body":"x"} {}""",
        """{"id":"a","body":"x"}}""",
        """{"id":"a","body":"x" // comment""" + "\n}",
        """{"id":"a","body":"x" """,
        """{"id":"a","body":"x}""",
        """{"id":"a","body":"x","n":[1,2}""",
        """{"id":"a"}""",
        """{"body":"x"}""",
        """{"id":"","body":"x"}""",
        """{"id":true,"body":"x"}""",
        """{"id":"a","body":5}""",
        """{"id":"a","body":["x"]}""",
        """{"id":"a","body":"x","source":{}}""",
        """{"id":"a","body":"x","published":"yesterday"}""",
        """{"id":"a","body":"x","published":1e300}""",
        """{"id":"a","body":"x","published":true}""",
        """{"id":"a","body":"x","date":"7/21/2015"}""",
        """{}""",
        """[]""",
        """ "id" """,
        "",
        "\uFEFF{\"id\":\"a\",\"body\":\"x\"}",
        "{\"id\":\"a\",\"body\":\"tab\tinside\"}",
        "{\"id\":\"a\",\"body\":\"x\",\"n\":\"newline\ninside\"}",
        "{\"id\":\"a\",\"body\":\"x\",\"n\u0001\":1}",
        "{\"id\":\"a\",\"body\":\"x\"}\u0000",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_common_and_tricky_articles_as_the_reference_reads_them(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.True(JsonArticle.TryParseFast(bytes, out var fast));
        Assert.True(JsonArticle.TryParseReference(bytes, out var reference, out var error), error);
        Assert.Equal(Describe(reference), Describe(fast));
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public void Declines_what_it_does_not_handle_and_the_reference_decides(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.False(JsonArticle.TryParseFast(bytes, out _));
        AssertSameAsReference(bytes);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("source")]
    [InlineData("url")]
    [InlineData("text")]
    public void Invalid_utf8_in_a_used_field_is_the_reference_error(string field)
    {
        byte[][] invalid = [[0xFF], [0xC0, 0x80], [0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xD8, 0x5C, 0x6E]];
        foreach (var bad in invalid)
        {
            var bytes = Concat($$"""{"id":"a","body":"x","{{field}}":"ok """, bad, """ end"}""");

            Assert.False(JsonArticle.TryParseFast(bytes, out _));
            Assert.False(JsonArticle.TryParse(bytes, out _, out var error));
            Assert.Equal($"invalid UTF-8 in field '{field}'", error);
        }
    }

    [Fact]
    public void Skips_invalid_utf8_in_unused_fields_and_names_as_the_reference_does()
    {
        var bytes = Concat("{\"id\":\"a\",\"body\":\"x\",\"junk\":\"", [0xFF, 0xC3], "\",\"n", [0xFE], "me\":1}");

        Assert.True(JsonArticle.TryParseFast(bytes, out var fast));
        Assert.True(JsonArticle.TryParseReference(bytes, out var reference, out _));
        Assert.Equal(Describe(reference), Describe(fast));
    }

    [Fact]
    public void Reads_long_lines()
    {
        var random = new Random(7);
        var body = new StringBuilder();
        while (body.Length < 3_000_000)
        {
            body.Append(random.Next(8) switch
            {
                0 => "\\n",
                1 => "\\\"",
                2 => "\\u0627",
                3 => "😀",
                4 => " ",
                5 => "abc",
                _ => "الخبر",
            });
        }

        var bytes = Encoding.UTF8.GetBytes("{\"id\":\"long\",\"body\":\"" + body + "\",\"tail\":[1,{\"a\":\"b\"}]}");

        Assert.True(JsonArticle.TryParseFast(bytes, out var fast));
        Assert.True(JsonArticle.TryParseReference(bytes, out var reference, out _));
        Assert.Equal(reference!.Body, fast!.Body);
    }

    [Fact]
    public void Deeply_nested_skipped_values_go_to_the_reference()
    {
        var shallow = """{"id":"a","body":"x","n":""" + new string('[', 10) + new string(']', 10) + "}";
        var deep = """{"id":"a","body":"x","n":""" + new string('[', 40) + new string(']', 40) + "}";
        var tooDeep = """{"id":"a","body":"x","n":""" + new string('[', 70) + new string(']', 70) + "}";

        Assert.True(JsonArticle.TryParseFast(Encoding.UTF8.GetBytes(shallow), out _));
        Assert.False(JsonArticle.TryParseFast(Encoding.UTF8.GetBytes(deep), out _));
        AssertSameAsReference(Encoding.UTF8.GetBytes(deep));
        AssertSameAsReference(Encoding.UTF8.GetBytes(tooDeep));
    }

    [Fact]
    public void Agrees_with_the_reference_on_random_damage()
    {
        // Bytes that matter to JSON, to UTF-8 or to the fast path's searches, spliced into valid lines.
        byte[] interesting = [.. "\"\\/{}[],:0123456789-+.eEunltrfabx \t\r\n"u8, 0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xD8, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF8, 0xFF];
        string[] seeds =
        [
            Line,
            """{"id":"a","body":"\u0041\ud83d\ude00\\x","title":null,"n":[1,{"a":-2.5e3}],"published":1437444973}""",
            """{"id":7,"text":"ما \"هذا\"؟","date":"2015-07-21","source":"was"}""",
        ];
        var random = new Random(12345);
        var accepted = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]));
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count + 1);
                switch (random.Next(4))
                {
                    case 0 when at < bytes.Count:
                        bytes.RemoveAt(at);
                        break;
                    case 1 when at < bytes.Count:
                        bytes[at] = interesting[random.Next(interesting.Length)];
                        break;
                    case 2:
                        bytes.Insert(at, interesting[random.Next(interesting.Length)]);
                        break;
                    default:
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(6) switch
                        {
                            0 => "\\u",
                            1 => "\\ud800",
                            2 => "\\udc00",
                            3 => "\\ud83d\\ude00",
                            4 => "null",
                            _ => "\"body\":\"y\",",
                        }));
                        break;
                }
            }

            var json = bytes.ToArray();
            if (JsonArticle.TryParseFast(json, out var fast))
            {
                accepted++;
                Assert.True(JsonArticle.TryParseReference(json, out var reference, out var error), error);
                Assert.Equal(Describe(reference), Describe(fast));
            }

            AssertSameAsReference(json);
        }

        // The damage must leave enough valid lines for the comparison to mean something.
        Assert.InRange(accepted, 1000, 29_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Content_decoding_matches_the_framework_and_stops_where_the_reference_does(int mix)
    {
        var random = new Random(99 + mix);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        // Pieces of every sequence length, at the edges of their ranges; the first ones, ASCII and two-byte, are
        // what the SIMD blocks decode, and the mixes make the others rare or absent so that blocks are exercised.
        string[] pieces = ["a", " ", "\u007F", "\u0080", "é", "\u0627", "\u07FF", "\u0800", "€", "\uFFFF", "😀", "\U0010FFFF"];
        string[] stops = ["\"", "\\", "\n", "\u0000", "\u001F"];
        int[] common = [pieces.Length, 7, 7];
        int[] otherOneIn = [1, 50, 0];
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(mix == 0 ? 200 : 2000); n > 0; n--)
            {
                var any = otherOneIn[mix] > 0 && random.Next(otherOneIn[mix]) == 0;
                text.Append(pieces[random.Next(any ? pieces.Length : common[mix])]);
            }

            // Content that runs to the end of the input, or stops at a quote, a backslash or a control character.
            var content = text.ToString();
            var hasStop = random.Next(2) == 0;
            var input = hasStop ? content + stops[random.Next(stops.Length)] + "tail" : content;
            var bytes = strict.GetBytes(input);
            AssertSameAsReference(bytes, expected: content);

            // Damaged bytes decode only if the framework's strict decoder also takes them, and then alike.
            for (var damage = random.Next(1, 3); damage > 0 && bytes.Length > 0; damage--)
            {
                bytes[random.Next(bytes.Length)] = random.Next(3) switch
                {
                    0 => (byte)random.Next(0x80, 0xC0),
                    1 => (byte)random.Next(0xC0, 0x100),
                    _ => (byte)random.Next(256),
                };
            }

            AssertSameAsReference(bytes, expected: null);
        }

        static void AssertSameAsReference(byte[] bytes, string? expected)
        {
            // From the first byte and from a later one, as a string starts after its quote.
            foreach (var from in new[] { 0, bytes.Length / 3 })
            {
                var read = from;
                var written = 3;
                var destination = new char[bytes.Length + Utf8Decoder.Slack + 3];
                var ok = Utf8Decoder.TryDecodeContent(bytes, ref read, destination, ref written);
                var referenceRead = from;
                var referenceWritten = 3;
                var reference = new char[destination.Length];
                var referenceOk = Utf8Decoder.TryDecodeContentReference(bytes, ref referenceRead, reference, ref referenceWritten);
                Assert.Equal(referenceOk, ok);
                if (ok)
                {
                    Assert.Equal(referenceRead, read);
                    Assert.Equal(new string(reference, 3, referenceWritten - 3), new string(destination, 3, written - 3));
                    if (from == 0 && expected is not null)
                    {
                        Assert.Equal(expected, new string(destination, 3, written - 3));
                    }
                }
            }
        }
    }

    [SharedDataFact("saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz", "counter-urdu-dev/corpus.jsonl.gz")]
    public void Reads_every_real_article_as_the_reference_does()
    {
        var lines = 0;
        var fast = 0;
        foreach (var file in new[] { "saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz", Path.Combine("counter-urdu-dev", "corpus.jsonl.gz") })
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(SharedData.File(file)), System.IO.Compression.CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            var data = memory.ToArray().AsSpan();
            while (!data.IsEmpty)
            {
                var end = data.IndexOf((byte)'\n');
                var line = (end < 0 ? data : data[..end]).ToArray();
                data = end < 0 ? [] : data[(end + 1)..];
                if (line.Length == 0)
                {
                    continue;
                }

                lines++;
                if (JsonArticle.TryParseFast(line, out var article))
                {
                    fast++;
                    Assert.True(JsonArticle.TryParseReference(line, out var reference, out _));
                    Assert.Equal(Describe(reference), Describe(article));
                }
                else
                {
                    // Declined only for a time it cannot read, which the reference keeps with a warning.
                    AssertSameAsReference(line);
                    Assert.True(JsonArticle.TryParse(line, out _, out _, out var warning));
                    Assert.StartsWith("published ignored", warning, StringComparison.Ordinal);
                }
            }
        }

        // 31,030 + 31,523 + 594 articles; two of COUNTER's have impossible dates (2014-09-31, 2014--0).
        Assert.Equal(63_147, lines);
        Assert.Equal(lines - 2, fast);
    }

    [Fact]
    public void Content_decoding_needs_room_for_the_slack()
    {
        var bytes = "نص"u8.ToArray();
        var read = 0;
        var written = 0;
        Assert.Throws<ArgumentException>(() => Utf8Decoder.TryDecodeContent(bytes, ref read, new char[bytes.Length + Utf8Decoder.Slack - 1], ref written));
    }

    private static void AssertSameAsReference(byte[] json)
    {
        var referenceOk = JsonArticle.TryParseReference(json, out var reference, out var referenceError);
        var ok = JsonArticle.TryParse(json, out var article, out var error);
        Assert.Equal(referenceOk, ok);
        Assert.Equal(referenceError, error);
        Assert.Equal(Describe(reference), Describe(article));
    }

    private static string Describe(Article? article) => article is null
        ? "(none)"
        : string.Join(
            " | ",
            Escape(article.Id),
            Escape(article.Source),
            Escape(article.Body),
            Escape(article.Title),
            Escape(article.Url),
            article.Published?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(no time)");

    // Code units as numbers, so that surrogates and control characters compare and print unambiguously.
    private static string Escape(string? text) => text is null ? "(null)" : string.Join(",", text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] Concat(string before, byte[] middle, string after) => [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    private static byte[] Concat(string a, byte[] b, string c, byte[] d, string e) => [.. Encoding.UTF8.GetBytes(a), .. b, .. Encoding.UTF8.GetBytes(c), .. d, .. Encoding.UTF8.GetBytes(e)];
}
