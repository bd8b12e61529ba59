using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>Bad input: one line on stderr naming the file and line, a documented exit code, never a stack trace.</summary>
public sealed class InputErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MalformedLine_AndMissingField_AreSkipped_AndReported_ByDefault()
    {
        string bad = WriteBadJsonl();

        CliResult run = SyndicateCli.Run("cluster", bad, "--format", "jsonl").Expect(0);

        Assert.Equal(["ok-1", "ok-2"], Corpus.ParseLines(run).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(2, run.Diagnostics.Length);
        Assert.StartsWith($"syndicate: {bad}:2: invalid JSON", run.Diagnostics[0], StringComparison.Ordinal);
        Assert.Equal($"syndicate: {bad}:3: missing field 'body'", run.Diagnostics[1]);
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void OnErrorFail_StopsAtTheFirstBadRecord_WithExitCode1()
    {
        string bad = WriteBadJsonl();

        CliResult run = SyndicateCli.Run("cluster", bad, "--format", "jsonl", "--on-error", "fail").Expect(1);

        Assert.Empty(run.StdoutBytes);
        Assert.StartsWith($"syndicate: {bad}:2: invalid JSON", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void MissingFile_AndUnknownFormat_AreReported_TheOtherInputsProcessed_AndTheRunFails()
    {
        string missing = _dir.File("missing.jsonl");
        string unknown = _dir.File("notes.dat");
        File.WriteAllText(unknown, "plain words, not an article format\n");
        string good = _dir.File("good.jsonl");
        File.WriteAllLines(good, Corpus.Lines.Take(3));

        // The articles that could be read are reported, but an input that could not be read fails the run.
        CliResult run = SyndicateCli.Run("cluster", missing, unknown, good, "--format", "jsonl", "--on-error", "skip").Expect(1);

        Assert.Equal(Corpus.Ids.Take(3), Corpus.ParseLines(run).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(
            [
                $"syndicate: {missing}: file not found",
                $"syndicate: {unknown}: unknown format: not JSON Lines, JSON, RSS or Atom, nor CSV with a header naming an id column, by extension or content",
                $"syndicate: 2 inputs could not be read completely ({missing}, {unknown}): exit code 1.",
            ],
            run.ErrorLines);
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void MissingFile_UnderOnErrorFail_ExitsWithCode1()
    {
        string missing = _dir.File("missing.jsonl");

        CliResult run = SyndicateCli.Run("cluster", missing, "--on-error", "fail", "--format", "csv").Expect(1);

        Assert.Equal([$"syndicate: {missing}: file not found"], run.ErrorLines);
        Assert.Empty(run.StdoutBytes);
    }

    [Fact]
    public void MalformedFeed_IsReported_WithItsLine()
    {
        string feed = _dir.File("broken.rss");
        File.WriteAllText(feed, "<rss version=\"2.0\"><channel><title>T</title>\n<item><title>unclosed</item>\n</channel></rss>\n");

        // The only input fails, so nothing was read: that is an input error even under --on-error skip.
        CliResult run = SyndicateCli.Run("cluster", feed, "--format", "jsonl").Expect(1);

        Assert.Equal(3, run.ErrorLines.Length);
        Assert.StartsWith($"syndicate: {feed}:2: malformed XML", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal($"syndicate: 1 input could not be read completely ({feed}): exit code 1.", run.ErrorLines[1]);
        Assert.Equal("syndicate: no article could be read from the inputs.", run.ErrorLines[2]);
        Assert.Empty(run.StdoutBytes);
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void UnwritableOut_ExitsWithCode4_NamingThePath()
    {
        string target = Path.Combine(_dir.Path, "no-such-folder", "report.json");

        CliResult run = SyndicateCli.Run("cluster", Corpus.SeedsPath, "--format", "json", "--out", target).Expect(4);

        Assert.StartsWith($"syndicate: cannot write {target}", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        run.ExpectNoStackTrace();
    }

    private string WriteBadJsonl()
    {
        string path = _dir.File("bad.jsonl");
        File.WriteAllLines(path,
        [
            JsonSerializer.Serialize(new { id = "ok-1", source = "a", title = "t", body = "the council approved the new budget for the city schools today" }),
            "{\"id\": \"broken\", \"source\": ",
            JsonSerializer.Serialize(new { id = "no-body", source = "b", url = "https://example.com/no-body" }),
            JsonSerializer.Serialize(new { id = "ok-2", source = "c", title = "t", body = "the council approved the new budget for the city schools today" }),
        ]);
        return path;
    }
}
