using System.Text;
using Syndicate.Attribution;
using Syndicate.Cli.Input;
using Syndicate.Fuzzing;
using Syndicate.Text;
using Xunit.Abstractions;

namespace Syndicate.Tests.Fuzz;

/// <summary>
/// Seeded random and mutated inputs through every input path, with the generators the fuzzer (<c>tools/Syndicate.Fuzzing</c>) runs a
/// million times: nothing escapes but the documented exceptions, nothing hangs, memory stays bounded, and every bad
/// record is reported with its input and line while skip mode goes on.
/// </summary>
/// <remarks>The memory checks read the whole process's heap, so these tests run alone.</remarks>
[Collection(ProcessMemoryCollection.Name)]
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_caseTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(1UL, 0L)]
    [InlineData(20240611UL, 1_000_000L)]
    public void Seeded_cases_raise_nothing_but_documented_errors(ulong seed, long start)
    {
        using var temp = new TempDirectory();
        var runner = new FuzzRunner(seed, temp.Path, allowHuge: false);
        FuzzStats stats = runner.Run(start, 1000, s_caseTimeout);
        output.WriteLine(stats.ToString());

        Assert.True(stats.HungCase is null, $"case {stats.HungCase} ran longer than {s_caseTimeout}");
        Assert.True(stats.Exceptions == 0, string.Join("\n", stats.Failures));
        Assert.Equal(1000, stats.Cases);
        Assert.True(stats.ErrorsReported > 0 && stats.Records > 0, "the generators should make both good and bad records");
        // Engines are replaced every epoch and readers keep nothing: what survives a full collection is small.
        Assert.True(stats.EndManagedBytes - stats.StartManagedBytes < 64L << 20, $"managed heap grew from {stats.StartManagedBytes} to {stats.EndManagedBytes} bytes");
        Assert.True(stats.PeakManagedBytes < 1L << 30, $"peak managed heap {stats.PeakManagedBytes} bytes");
    }

    [Fact]
    public void Running_the_same_cases_twice_does_not_grow_memory()
    {
        var runner = new FuzzRunner(7, tempDirectory: null, allowHuge: false);
        FuzzStats first = runner.Run(0, 600, s_caseTimeout);
        FuzzStats second = runner.Run(0, 600, s_caseTimeout);

        Assert.Equal(0, first.Exceptions + second.Exceptions);
        Assert.True(second.EndManagedBytes < first.EndManagedBytes + (16L << 20), $"{first.EndManagedBytes} then {second.EndManagedBytes} bytes");
    }

    [Fact]
    public void Ten_megabyte_bodies_go_through_every_path()
    {
        var sb = new StringBuilder(10 << 20);
        var words = new[] { "الحكومة", "أعلن", "Reuters", "ﻻ", "\u200F", "42", "\n" };
        for (int i = 0; sb.Length < 10 << 20; i++)
        {
            sb.Append(words[i % words.Length]).Append(' ');
        }

        string body = sb.ToString();
        Within(() =>
        {
            string json = "{\"id\":\"big\",\"body\":" + System.Text.Json.JsonSerializer.Serialize(body) + "}";
            var (records, errors) = Inputs(Encoding.UTF8.GetBytes(json + "\n" + json.Replace("\"big\"", "\"big2\"", StringComparison.Ordinal)), InputFormat.Jsonl);
            Assert.Empty(errors);
            Assert.Equal(body, records[1].Article.Body);

            (records, errors) = Inputs(Encoding.UTF8.GetBytes("[" + json + "]"), InputFormat.Json);
            Assert.Empty(errors);
            Assert.Single(records);

            string rss = "<rss><channel><item><guid>g</guid><title>t</title><description><![CDATA[" + body + "]]></description></item></channel></rss>";
            (records, errors) = Inputs(Encoding.UTF8.GetBytes(rss), InputFormat.Rss);
            Assert.Empty(errors);
            Assert.Single(records);

            (records, errors) = Inputs(Encoding.UTF8.GetBytes(body), InputFormat.Text);
            Assert.Empty(errors);
            Assert.Single(records);

            _ = DatelineParser.Parse(body);
            Assert.Equal(TextNormalizer.Normalize(body), TextNormalizer.Normalize(TextNormalizer.Normalize(body)));
            var engine = new SyndicationEngine();
            Assert.True(engine.Add(new Article("a", "s", body)).Inserted);
            Assert.Equal(Relation.Duplicate, engine.Add(new Article("b", "t", body)).Relation);
        });
    }

    [Fact]
    public void Deep_nesting_bad_bytes_and_lone_surrogates_are_errors_on_their_line_and_reading_goes_on()
    {
        string deep = "{\"id\":\"d\",\"body\":\"b\",\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        byte[] input =
        [
            .. "{\"id\":\"1\",\"body\":\"ok\"}\n"u8,
            .. Encoding.UTF8.GetBytes(deep), .. "\n"u8,
            .. "{\"id\":\"3\",\"body\":\"bad "u8, 0xFF, .. " byte\"}\n"u8,
            .. "{\"id\":\"4\",\"body\":\""u8, 0xED, 0xA0, 0x80, .. "\"}\n"u8,
            .. "{\"id\":\"5\",\"body\":\"\\ud800 escaped lone surrogate\"}\n"u8,
            .. "{\"id\":\"6\",\"body\":\"\u202Eمختلط mixed \u200F\uFEFB\"}\n"u8,
            .. "{\"id\":\"7\",\"body\":\""u8, 0xC0, 0xAF, .. "\"}"u8,
        ];

        Within(() =>
        {
            var (records, errors) = Inputs(input, InputFormat.Jsonl);

            Assert.Contains(records, r => r.Article.Id == "1" && r.Line == 1);
            Assert.Contains(records, r => r.Article.Id == "6" && r.Line == 6);
            Assert.Contains(errors, e => e.Line == 2);
            Assert.Contains(errors, e => e.Line == 4);
            Assert.Contains(errors, e => e.Line == 7);
            Assert.All(errors, e => Assert.StartsWith("<stdin>:", e.ToString(), StringComparison.Ordinal));
            Assert.All(errors, e => Assert.InRange(e.Line, 2, 7));
            Assert.Equal(7, records.Count + errors.Count);
        });
    }

    [Fact]
    public void Fail_mode_stops_at_the_first_bad_record_with_an_InputException()
    {
        byte[] input = "{\"id\":\"1\",\"body\":\"ok\"}\n{\"id\":\"2\"\n{\"id\":\"3\",\"body\":\"ok\"}\n"u8.ToArray();
        var reader = new ArticleReader(["-"], InputFormat.Jsonl, ErrorMode.Fail, _ => Assert.Fail("no callback in fail mode"), new MemoryStream(input));
        var read = new List<string>();
        InputException e = Assert.Throws<InputException>(() =>
        {
            foreach (InputRecord r in reader.Read())
            {
                read.Add(r.Article.Id);
            }
        });

        Assert.Equal(["1"], read);
        Assert.Equal(2, e.Error.Line);
        Assert.StartsWith("<stdin>:2: ", e.Message, StringComparison.Ordinal);
    }

    private static (List<InputRecord> Records, List<InputError> Errors) Inputs(byte[] bytes, InputFormat format)
    {
        var errors = new List<InputError>();
        var reader = new ArticleReader(["-"], format, ErrorMode.Skip, errors.Add, new MemoryStream(bytes));
        return (reader.Read().ToList(), errors);
    }

    /// <summary>Runs <paramref name="action"/> on a worker and fails if it does not finish in time (a hang).</summary>
    private static void Within(Action action)
    {
        Task task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "the case did not finish within 60 s");
        task.GetAwaiter().GetResult();
    }
}
