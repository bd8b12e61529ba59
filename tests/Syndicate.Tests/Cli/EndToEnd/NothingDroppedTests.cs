using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Syndicate.Cli.Commands;
using Syndicate.Tests.Cli.Evaluation;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// Inputs and arguments that used to lose articles or mislead without a word: each is now read whole, or named with
/// the reason and a documented exit code, never a stack trace.
/// </summary>
public sealed class NothingDroppedTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Json_lines_in_a_file_named_json_are_all_clustered()
    {
        string path = _dir.Write("x.json", string.Join('\n', Corpus.Lines.Take(20)) + "\n");

        CliResult run = SyndicateCli.Run("cluster", path, "--format", "jsonl").ExpectClean();

        Assert.Equal(Corpus.Ids.Take(20), Corpus.ParseLines(run).Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Trailing_garbage_after_a_json_array_names_the_file_and_line_and_fails_the_run()
    {
        string path = _dir.Write("x.json", "[\n" + string.Join(",\n", Corpus.Lines.Take(3)) + "\n]\ntrailing garbage\n");

        CliResult run = SyndicateCli.Run("cluster", path, "--format", "jsonl").Expect(1);

        Assert.Equal(3, run.Lines.Length);
        Assert.Equal($"syndicate: {path}:6: unexpected content after the end of the JSON document", run.ErrorLines[0]);
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void Two_folders_with_the_same_file_names_are_not_merged_silently()
    {
        string monday = Path.Combine(_dir.Path, "monday");
        string tuesday = Path.Combine(_dir.Path, "tuesday");
        _dir.Write(Path.Combine("monday", "wire", "1.txt"), "Monday's first story\n\nabout a budget vote in parliament");
        _dir.Write(Path.Combine("tuesday", "wire", "1.txt"), "Tuesday's first story\n\nabout a football final in the capital");

        CliResult skip = SyndicateCli.Run("cluster", monday, tuesday, "--format", "jsonl").Expect(0);

        Assert.Single(skip.Lines);
        string conflict = $"syndicate: {Path.Combine(tuesday, "wire", "1.txt")}:1: id \"1\" was already used by {Path.Combine(monday, "wire", "1.txt")}:1 for different text";
        Assert.Equal([conflict], skip.ErrorLines);

        CliResult fail = SyndicateCli.Run("cluster", monday, tuesday, "--format", "jsonl", "--on-error", "fail").Expect(1);
        Assert.Equal([conflict], fail.ErrorLines);
    }

    [Fact]
    public void Two_feeds_with_the_same_guids_keep_both_outlets_items()
    {
        // Neither merged into the first feed's items nor dropped: the second outlet's items are named by its source.
        static string Feed(string outlet) => "<rss version=\"2.0\"><channel><title>" + outlet + "</title>\n"
            + string.Concat(Enumerable.Range(0, 3).Select(i => $"<item><guid>{i}</guid><title>{outlet} story {i}</title><description>{outlet} reports item {i} in its own words</description></item>\n"))
            + "</channel></rss>\n";
        string a = _dir.Write("a.rss", Feed("Alpha"));
        string b = _dir.Write("b.rss", Feed("Beta"));

        CliResult run = SyndicateCli.Run("cluster", a, b, "--format", "jsonl").ExpectClean();

        Assert.Equal(
            ["0", "1", "2", "Beta/0", "Beta/1", "Beta/2"],
            run.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public void The_same_article_read_twice_gets_the_verdict_it_got_the_first_time()
    {
        string path = _dir.Write("part.jsonl", string.Join('\n', Corpus.Lines.Take(10)) + "\n");

        CliResult run = SyndicateCli.Run("cluster", path, path, "--format", "jsonl").ExpectClean();

        Assert.Equal(20, run.Lines.Length);
        Assert.Equal(run.Lines[..10], run.Lines[10..]);
    }

    [Fact]
    public void Dedup_reports_an_id_reused_for_another_text_and_keeps_the_first()
    {
        string state = _dir.File("state");
        string input = string.Join('\n', Corpus.Lines[0], Corpus.Lines[1].Replace(Corpus.Ids[1], Corpus.Ids[0], StringComparison.Ordinal)) + "\n";

        CliResult run = SyndicateCli.RunWithInput(input, "dedup", "--state", state).Expect(0);

        Assert.Equal(Corpus.Ids[0], JsonDocument.Parse(Assert.Single(run.Lines)).RootElement.GetProperty("id").GetString());
        Assert.Equal([$"syndicate: <stdin>:2: id \"{Corpus.Ids[0]}\" was already used by <stdin>:1 for different text"], run.ErrorLines);
    }

    [Fact]
    public void A_gzip_file_cut_at_a_line_boundary_is_named_and_fails_the_run()
    {
        using var buffer = new MemoryStream();
        int cut = 0;
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            foreach ((string line, int i) in Corpus.Lines.Select((l, i) => (l, i)))
            {
                gzip.Write(Encoding.UTF8.GetBytes(line + "\n"));
                gzip.Flush();
                if (i == 99)
                {
                    cut = (int)buffer.Length;
                }
            }
        }

        string path = _dir.WriteBytes("corpus.jsonl.gz", buffer.ToArray()[..cut]);

        CliResult run = SyndicateCli.Run("cluster", path, "--format", "jsonl").Expect(1);

        Assert.Equal(100, run.Lines.Length);
        Assert.StartsWith($"syndicate: {path}:", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt gzip data", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal($"syndicate: 1 input could not be read completely ({path}): exit code 1.", run.ErrorLines[^1]);
    }

    [Fact]
    public void A_mistyped_input_beside_a_good_one_fails_the_run()
    {
        string good = _dir.Write("good.jsonl", string.Join('\n', Corpus.Lines.Take(5)) + "\n");
        string typo = _dir.File("goood.jsonl");

        CliResult run = SyndicateCli.Run("cluster", good, typo, "--format", "jsonl").Expect(1);

        Assert.Equal(5, run.Lines.Length);
        Assert.Equal([$"syndicate: {typo}: file not found", $"syndicate: 1 input could not be read completely ({typo}): exit code 1."], run.ErrorLines);
    }

    [Fact]
    public void Explain_with_a_mistyped_input_beside_a_good_one_explains_and_fails_the_run()
    {
        string good = _dir.Write("good.jsonl", string.Join('\n', Corpus.Lines.Take(5)) + "\n");
        string typo = _dir.File("goood.jsonl");
        string[] ids = [.. Corpus.Ids.Take(2)];

        CliResult explained = SyndicateCli.Run("explain", "-a", ids[0], "-b", ids[1], good, typo).Expect(1);
        CliResult missing = SyndicateCli.Run("explain", "-a", ids[0], "-b", "not-there", good, typo).Expect(1);

        Assert.Contains("relation:", explained.Stdout, StringComparison.Ordinal);
        Assert.Contains(explained.ErrorLines, l => l.Contains($"{typo}: file not found", StringComparison.Ordinal));
        Assert.Contains(missing.ErrorLines, l => l.Contains("'not-there' is not in the input that could be read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_piped_corpus_is_clustered_not_the_bundled_sample()
    {
        string piped = string.Join('\n', Corpus.Lines.Skip(300).Take(30)) + "\n";

        CliResult run = SyndicateCli.RunWithInput(piped, "cluster", "--format", "jsonl").ExpectClean();

        Assert.Equal(Corpus.Ids.Skip(300).Take(30), Corpus.ParseLines(run).Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void An_empty_standard_input_read_in_place_of_the_sample_is_said()
    {
        CliResult run = SyndicateCli.Run("cluster", "--format", "jsonl").Expect(0);

        Assert.Empty(run.StdoutBytes);
        Assert.Equal(["syndicate: no input named, and standard input (not a terminal, so read instead of the bundled sample) held no article."], run.ErrorLines);
    }

    [Fact]
    public void Explain_reads_a_piped_corpus()
    {
        // Ids the bundled sample does not have, so that only the piped articles can answer.
        string piped = Corpus.Lines[0].Replace(Corpus.Ids[0], "piped-a", StringComparison.Ordinal) + "\n"
            + Corpus.Lines[2].Replace(Corpus.Ids[2], "piped-b", StringComparison.Ordinal) + "\n";

        CliResult run = SyndicateCli.RunWithInput(piped, "explain", "--first", "piped-a", "--second", "piped-b").Expect(0);

        Assert.Contains("piped-b", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_decides_between_itself_and_the_bundled_sample()
    {
        InputSet piped = InputSet.Resolve([], stdinRedirected: true);
        Assert.False(piped.IsSample);
        Assert.Equal(["-"], piped.Paths);

        InputSet named = InputSet.Resolve(["a.jsonl"], stdinRedirected: false);
        Assert.Equal(["a.jsonl"], named.Paths);
    }

    [ScriptFact]
    public void On_a_terminal_the_bundled_sample_is_used_and_stderr_says_so()
    {
        // script(1) runs the command on a pseudo-terminal, so that standard input is a terminal as in a shell.
        var info = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add("-qec");
        info.ArgumentList.Add($"dotnet '{SyndicateCli.Dll}' cluster --format jsonl --verbosity quiet");
        info.ArgumentList.Add("/dev/null");
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("no input named and standard input is a terminal: using the bundled sample corpus", output, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"" + Corpus.Ids[0] + "\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_the_reader_cannot_use_are_warnings_and_every_article_is_kept()
    {
        string path = _dir.Write("times.jsonl", string.Join('\n',
            Line("rfc1123", "\"Tue, 21 Jul 2015 02:16:13 GMT\""),
            Line("unix", "1437445000"),
            Line("unix-text", "\"1437445000\""),
            Line("millis", "1437445000123"),
            Line("impossible", "\"2014-09-31\""),
            Line("words", "\"last Tuesday\"")) + "\n");
        string atom = _dir.Write("feed.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><id>atom-rfc</id><title>T</title><published>Tue, 21 Jul 2015 02:16:13 GMT</published><content type="text">words of an entry</content></entry>
            <entry><id>atom-bad</id><title>T</title><published>2014-09-31T08:00:00Z</published><content type="text">words of another</content></entry>
            </feed>
            """);

        CliResult run = SyndicateCli.Run("cluster", path, atom, "--format", "jsonl").Expect(0);

        Assert.Equal(["rfc1123", "unix", "unix-text", "millis", "impossible", "words", "atom-rfc", "atom-bad"], Corpus.ParseLines(run).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(
            [
                $"syndicate: {path}:5: published ignored: '2014-09-31' is not a valid ISO 8601, RFC 1123/822 or Unix time",
                $"syndicate: {path}:6: published ignored: 'last Tuesday' is not a valid ISO 8601, RFC 1123/822 or Unix time",
                $"syndicate: {atom}:3: published ignored: 'published' is not a valid RFC 3339 time: '2014-09-31T08:00:00Z'",
            ],
            run.ErrorLines);

        static string Line(string id, string published) => $$"""{"id":"{{id}}","body":"the text of {{id}}","published":{{published}}}""";
    }

    [SharedDataFact("counter-urdu-dev/corpus.jsonl.gz")]
    public void Counter_records_with_impossible_dates_are_kept()
    {
        string corpus = SharedData.File("counter-urdu-dev", "corpus.jsonl.gz");

        CliResult run = SyndicateCli.Run("cluster", corpus, "--format", "jsonl", "--verbosity", "quiet").Expect(0);

        HashSet<string> ids = [.. Corpus.ParseLines(run).Select(r => r.GetProperty("id").GetString()!)];
        Assert.Equal(594, ids.Count);
        Assert.Contains("uac52a7797e71", ids);
        Assert.Contains("ueb0da183448e", ids);
        Assert.Equal(2, run.ErrorLines.Count(l => l.Contains("published ignored", StringComparison.Ordinal)));
    }

    public static TheoryData<string[], int> BadArguments => new()
    {
        { ["eval", "--gold", Corpus.Path, Corpus.Path], 1 },
        { ["eval", "--gold", Corpus.GoldPath, "--predictions", Corpus.GoldPath], 1 },
        { ["eval", "--min-f1", "1.01", Corpus.Path, "--gold", Corpus.GoldPath], 2 },
        { ["generate", "--out", "/proc/syndicate-cannot-be-here", "--stories", "2", "--data", Path.Combine(RepositoryPaths.Root, "fixtures", "seeds")], 1 },
        { ["generate", "--out", "/proc/syndicate-cannot-be-here", "--stories", "2"], 4 },
        { ["generate", "--data", "/nonexistent", "--out", "unused"], 2 },
        { ["generate", "--stories", "0", "--out", "unused"], 2 },
        { ["dedup", "--state", "", Corpus.Path], 2 },
        { ["dedup", "--state", " ", Corpus.Path], 2 },
        { ["cluster", "--window", "1e400d", Corpus.Path], 2 },
        { ["cluster", "--window", "99999999999d", Corpus.Path], 2 },
        { ["cluster", "--window", "-3d", Corpus.Path], 2 },
        { ["cluster", "--window", "0.0000001s", Corpus.Path], 2 },
        { ["cluster", "--bands", "100000x100000", Corpus.Path], 2 },
        { ["cluster", "--threshold", "1.5", Corpus.Path], 2 },
        { ["cluster", "--top", "-1", Corpus.Path], 2 },
        { ["bench", "--classic-sample", "-1", "--quick"], 2 },
        { ["bench", "--durable-sample", "-1", "--quick"], 2 },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_and_files_get_one_line_and_an_exit_code_never_a_stack_trace(string[] args, int exitCode)
    {
        CliResult run = SyndicateCli.Run(args).Expect(exitCode);

        run.ExpectNoStackTrace();
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.ErrorLines);
    }

    /// <summary>A fact that needs script(1) to give the command a terminal; skipped where it is missing.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    private sealed class ScriptFactAttribute : FactAttribute
    {
        public ScriptFactAttribute()
        {
            string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
            if (!OperatingSystem.IsLinux() || !path.Any(p => File.Exists(Path.Combine(p, "script"))))
            {
                Skip = "needs script(1) from util-linux to run the command on a terminal";
            }
        }
    }
}
