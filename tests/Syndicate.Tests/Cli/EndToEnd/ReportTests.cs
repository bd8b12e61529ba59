using System.Text.Json;
using System.Text.RegularExpressions;
using Syndicate.Tests.Storage;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// <c>syndicate report --state DIR</c>: the stored clustering of a <c>dedup</c> state in every format of
/// <c>cluster</c>, the state left untouched.
/// </summary>
/// <remarks>
/// The ordering rule: report writes one row per stored article in order of arrival. The bundled corpus has distinct
/// ids and no window, so a <c>dedup</c> of it stores every article in input order, and the rows equal those of
/// <c>cluster</c> on the same input line by line; the state's runs may be split and checkpointed at will.
/// </remarks>
public sealed class ReportTests : IDisposable
{
    private static readonly Lazy<CliResult> s_clusterCsv = new(() => SyndicateCli.Run("cluster", Corpus.Path, "--format", "csv"));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A state holding the corpus, written by one dedup run.</summary>
    private string State()
    {
        string state = _dir.File("state");
        SyndicateCli.Run("dedup", "--state", state, Corpus.Path).ExpectClean();
        return state;
    }

    private static HashSet<string> Partition(IEnumerable<JsonElement> rows) =>
        rows.GroupBy(r => r.GetProperty("cluster").GetInt64())
            .Select(g => string.Join(' ', g.Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Jsonl_IsClustersJsonl_ForTheSameInput_LineByLine()
    {
        CliResult report = SyndicateCli.Run("report", "--state", State(), "--format", "jsonl").ExpectClean();

        Assert.Equal(Corpus.Ids.Count, report.Lines.Length);
        Assert.Equal(Corpus.ClusterJsonl.ExpectClean().Lines, report.Lines);
    }

    [Fact]
    public void A_state_built_over_two_runs_with_checkpoints_reports_the_same_clustering()
    {
        string state = _dir.File("state");
        int half = Corpus.Lines.Count / 2;
        string first = _dir.Write("day1.jsonl", string.Join('\n', Corpus.Lines.Take(half)) + "\n");
        string second = _dir.Write("day2.jsonl", string.Join('\n', Corpus.Lines.Skip(half)) + "\n");
        SyndicateCli.Run("dedup", "--state", state, "--checkpoint-bytes", "20000", first).ExpectClean();
        CliResult afterFirst = SyndicateCli.Run("report", "--state", state, "-f", "jsonl").ExpectClean();
        SyndicateCli.Run("dedup", "--state", state, "--checkpoint-bytes", "20000", second).ExpectClean();
        CliResult report = SyndicateCli.Run("report", "--state", state, "-f", "jsonl").ExpectClean();

        IReadOnlyList<JsonElement> cluster = Corpus.ParseLines(Corpus.ClusterJsonl);
        Assert.Equal(Partition(cluster), Partition(Corpus.ParseLines(report)));
        Assert.Equal(Corpus.ClusterJsonl.Lines, report.Lines);
        // Between the runs, the report holds exactly the first day's articles, in their order.
        Assert.Equal(Corpus.Ids.Take(half), Corpus.ParseLines(afterFirst).Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Csv_and_the_plain_table_are_those_of_cluster()
    {
        string state = State();
        CliResult csv = SyndicateCli.Run("report", "--state", state, "--format", "csv").ExpectClean();
        CliResult table = SyndicateCli.Run("report", "--state", state, "--format", "table", "--top", "100").ExpectClean();
        CliResult clusterTable = SyndicateCli.Run("cluster", Corpus.Path, "--format", "table", "--top", "100").ExpectClean();

        Assert.Equal(s_clusterCsv.Value.ExpectClean().StdoutBytes, csv.StdoutBytes);
        Assert.Equal(clusterTable.Stdout, table.Stdout);
        Assert.Contains("371 articles → 46 stories", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_holds_the_clusters_and_counts_of_cluster_and_names_the_state()
    {
        string state = State();
        string path = _dir.File("report.json");
        SyndicateCli.Run("report", "--state", state, "--format", "json", "--out", path).ExpectClean();
        CliResult cluster = SyndicateCli.Run("cluster", Corpus.Path, "--format", "json").ExpectClean();

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(path));
        using JsonDocument expected = JsonDocument.Parse(cluster.Stdout);
        JsonElement r = report.RootElement, e = expected.RootElement;
        Assert.Equal([state], r.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(e.GetProperty("options").GetRawText(), r.GetProperty("options").GetRawText());
        foreach (string count in new[] { "articles", "clusters", "multiMemberClusters", "duplicates", "nearDuplicates", "partials", "errors", "evicted" })
        {
            Assert.Equal(e.GetProperty("statistics").GetProperty(count).GetInt32(), r.GetProperty("statistics").GetProperty(count).GetInt32());
        }

        Assert.Equal(e.GetProperty("clusters").GetRawText(), r.GetProperty("clusters").GetRawText());
    }

    [Fact]
    public void Html_lists_the_stories_of_cluster_without_the_copies_diffs()
    {
        string state = State();
        string path = _dir.File("report.html");
        SyndicateCli.Run("report", "--state", state, "--format", "html", "-o", path).ExpectClean();
        string expectedPath = _dir.File("cluster.html");
        SyndicateCli.Run("cluster", Corpus.Path, "--format", "html", "-o", expectedPath).ExpectClean();
        string html = File.ReadAllText(path);
        string expected = File.ReadAllText(expectedPath);

        HtmlAssert.SelfContained(html);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        static string[] Stories(string page) => [.. Regex.Matches(page, "<section class=\"story\" id=\"s[0-9]+\">\n<h2 dir=\"auto\">[^<]*</h2>").Select(m => m.Value)];
        static string[] Copies(string page) => [.. Regex.Matches(page, "<li><span dir=\"ltr\"><code>[^<]+</code>").Select(m => m.Value)];
        Assert.NotEmpty(Stories(expected));
        Assert.Equal(Stories(expected), Stories(html));
        Assert.Equal(Copies(expected), Copies(html));
        Assert.Contains("without a word diff", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ins>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_size_keeps_the_stories_with_that_many_copies_and_their_articles()
    {
        string state = State();
        CliResult report = SyndicateCli.Run("report", "--state", state, "-f", "jsonl", "--min-size", "3").ExpectClean();

        IReadOnlyList<JsonElement> all = Corpus.ParseLines(Corpus.ClusterJsonl);
        var sizes = all.GroupBy(r => r.GetProperty("cluster").GetInt64()).ToDictionary(g => g.Key, g => g.Count());
        string[] expected = Corpus.ClusterJsonl.Lines.Where((_, i) => sizes[all[i].GetProperty("cluster").GetInt64()] >= 3).ToArray();
        Assert.NotEmpty(expected);
        Assert.True(expected.Length < all.Count);
        Assert.Equal(expected, report.Lines);
    }

    [Fact]
    public void Reporting_changes_no_file_of_the_state_in_any_format()
    {
        string state = State();
        string before = ReadOnlyOpenTests.Files(state);
        foreach (string format in new[] { "table", "json", "jsonl", "csv", "html" })
        {
            SyndicateCli.Run("report", "--state", state, "--format", format).ExpectClean();
        }

        Assert.Equal(before, ReadOnlyOpenTests.Files(state));

        // A state without its lock file (copied without it, say) does not get one either.
        string lockFile = Path.Combine(state, "LOCK");
        Assert.True(File.Exists(lockFile), "dedup left no LOCK file");
        File.Delete(lockFile);
        before = ReadOnlyOpenTests.Files(state);
        SyndicateCli.Run("report", "--state", state).ExpectClean();
        Assert.Equal(before, ReadOnlyOpenTests.Files(state));
        Assert.False(File.Exists(lockFile));

        // Nor is a damaged journal tail cut, as a dedup would: it is read past, with a warning.
        using (var journal = new FileStream(Path.Combine(state, "journal.bin"), FileMode.Append))
        {
            journal.Write(new byte[4096]);
        }

        before = ReadOnlyOpenTests.Files(state);
        CliResult torn = SyndicateCli.Run("report", "--state", state, "-f", "jsonl").Expect(0);
        Assert.Equal(Corpus.ClusterJsonl.Lines, torn.Lines);
        Assert.Contains("left as it is", Assert.Single(torn.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(SyndicateCli.Run("report", "--state", state, "-f", "jsonl", "-v", "quiet").Expect(0).Stderr);
        Assert.Equal(before, ReadOnlyOpenTests.Files(state));
    }

    [Fact]
    public void A_missing_empty_or_foreign_directory_is_one_line_and_exit_3_and_stays_as_it_was()
    {
        string missing = _dir.File("missing");
        string empty = Directory.CreateDirectory(_dir.File("empty")).FullName;
        string foreign = Directory.CreateDirectory(_dir.File("foreign")).FullName;
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");
        string file = _dir.Write("file.txt", "not a directory");

        foreach ((string path, string expected) in new[] { (missing, "no such state directory"), (empty, "not a Syndicate state directory"), (foreign, "not a Syndicate state directory"), (file, "no such state directory") })
        {
            CliResult run = SyndicateCli.Run("report", "--state", path).Expect(3);
            Assert.Equal($"syndicate: {path}: {expected}", Assert.Single(run.ErrorLines)[..(path.Length + 13 + expected.Length)]);
            Assert.Empty(run.StdoutBytes);
            run.ExpectNoStackTrace();
        }

        Assert.False(Directory.Exists(missing));
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(foreign).Select(Path.GetFileName));
    }

    [Fact]
    public void A_corrupt_state_is_one_line_and_exit_3()
    {
        string state = State();
        byte[] snapshot = File.ReadAllBytes(Path.Combine(state, "snapshot.bin"));
        snapshot[snapshot.Length / 2] ^= 0x40;
        File.WriteAllBytes(Path.Combine(state, "snapshot.bin"), snapshot);

        CliResult run = SyndicateCli.Run("report", "--state", state).Expect(3);
        Assert.StartsWith($"syndicate: {Path.Combine(state, "snapshot.bin")}: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        run.ExpectNoStackTrace();
    }

    [UnixFact]
    public void A_state_that_an_engine_is_writing_is_refused_with_exit_3()
    {
        string state = State();
        using (SyndicationEngine writer = SyndicationEngine.Open(state))
        {
            CliResult run = SyndicateCli.Run("report", "--state", state).Expect(3);
            Assert.Contains("in use", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        }

        SyndicateCli.Run("report", "--state", state).ExpectClean();
    }

    [Theory]
    [InlineData(new string[0], "give the state to read with --state DIR")]
    [InlineData(new[] { "--state", "" }, "--state: expected a directory")]
    [InlineData(new[] { "--state", "s", "--min-size", "0" }, "--min-size must be at least 1")]
    [InlineData(new[] { "--state", "s", "--top", "-1" }, "--top must not be negative")]
    [InlineData(new[] { "--state", "s", "--format", "xml" }, "--format: 'xml' is not one of")]
    [InlineData(new[] { "--state", "s", "input.jsonl" }, "input.jsonl")]
    public void Usage_errors_are_one_line_and_exit_2(string[] args, string expected)
    {
        CliResult run = SyndicateCli.Run(["report", .. args]).Expect(2);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.StdoutBytes);
        run.ExpectNoStackTrace();
    }
}
