using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>Where reports go and what reaches a terminal: <c>--out</c> targets, write errors, control characters, windows.</summary>
public sealed partial class OutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Window_EveryInputArticleKeepsItsLine_AndEvictionsAreCounted()
    {
        CliResult lines = SyndicateCli.Run("cluster", Corpus.Path, "--format", "jsonl", "--window", "6h").ExpectClean();
        CliResult json = SyndicateCli.Run("cluster", Corpus.Path, "--format", "json", "--window", "6h").ExpectClean();

        IReadOnlyList<JsonElement> rows = Corpus.ParseLines(lines);
        Assert.Equal(Corpus.Ids, rows.Select(r => r.GetProperty("id").GetString()));
        JsonElement statistics = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("statistics");
        Assert.Equal(Corpus.Ids.Count, statistics.GetProperty("articles").GetInt32());
        int evicted = statistics.GetProperty("evicted").GetInt32();
        Assert.InRange(evicted, 1, Corpus.Ids.Count - 1);
        // Every row names a story and a relation that agrees with it: the canonical copy is the original.
        Assert.All(rows, r => Assert.Equal(r.GetProperty("canonical").GetBoolean(), r.GetProperty("relation").GetString() == "original"));
        Assert.All(rows, r => Assert.True(r.GetProperty("cluster").GetInt64() > 0));
    }

    [Fact]
    public void Out_ThroughASymlink_ReplacesItsTarget_AndKeepsTheLink()
    {
        string target = _dir.Write("target.jsonl", "old\n");
        string link = _dir.File("link.jsonl");
        File.CreateSymbolicLink(link, target);

        SyndicateCli.Run("cluster", Corpus.Path, "--format", "jsonl", "--out", link).ExpectClean();

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(Corpus.ClusterJsonl.StdoutBytes, File.ReadAllBytes(target));
        Assert.Equal(2, Directory.GetFileSystemEntries(_dir.Path).Length);
    }

    [Fact]
    public void Out_Dash_IsStandardOutput()
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--format", "jsonl", "--out", "-").ExpectClean();

        Assert.Equal(Corpus.ClusterJsonl.StdoutBytes, run.StdoutBytes);
        Assert.False(File.Exists(Path.Combine(Evaluation.RepositoryPaths.Root, "-")));
    }

    [Fact]
    public void Out_IntoAMissingDirectory_OrEmpty_IsOneLine()
    {
        string missing = Path.Combine(_dir.File("no such folder"), "report.jsonl");
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--out", missing).Expect(4);
        Assert.Equal($"syndicate: cannot write {missing}: the directory {Path.GetDirectoryName(missing)} does not exist.", Assert.Single(run.ErrorLines));

        CliResult empty = SyndicateCli.Run("cluster", Corpus.Path, "--out", "").Expect(2);
        Assert.Equal("syndicate: --out: expected a path, or - for standard output; got an empty path.", Assert.Single(empty.ErrorLines));
    }

    [UnixFact]
    public void Out_IntoAFifo_WritesStraightIn()
    {
        string fifo = _dir.File("report.fifo");
        Assert.Equal(0, MakeFifo(Encoding.UTF8.GetBytes(fifo + "\0"), 0x180));
        Task<byte[]> reader = Task.Run(() => File.ReadAllBytes(fifo));

        SyndicateCli.Run("cluster", Corpus.Path, "--format", "jsonl", "--out", fifo).ExpectClean();

        Assert.True(reader.Wait(TimeSpan.FromMinutes(1)), "the FIFO's reader never saw the end of the report");
        Assert.Equal(Corpus.ClusterJsonl.StdoutBytes, reader.Result);
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_dir.Path));
    }

    [UnixFact("/dev/full")]
    public void Out_DiskFull_ExitsWithCode4_InOneLine()
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--format", "jsonl", "--out", "/dev/full").Expect(4);

        Assert.StartsWith("syndicate: cannot write /dev/full: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        run.ExpectNoStackTrace();
    }

    [UnixFact("/dev/full", "/bin/sh")]
    public void Stdout_DiskFull_ExitsWithCode4_InOneLine()
    {
        CliResult run = ShellCli.Run($"\"$DOTNET\" \"$CLI\" cluster \"{Corpus.Path}\" --format jsonl > /dev/full").Expect(4);

        Assert.Equal("syndicate: cannot write standard output: No space left on device", Assert.Single(run.ErrorLines));
        run.ExpectNoStackTrace();
    }

    [UnixFact("/bin/sh")]
    public void Stdout_BrokenPipe_ExitsWithCode4_InOneLine()
    {
        // The full report (over 200 kB) outgrows the pipe's buffer, so writing goes on after head has gone.
        CliResult run = ShellCli.Run($"{{ \"$DOTNET\" \"$CLI\" cluster \"{Corpus.Path}\" --format json 2>\"{_dir.File("err")}\"; echo $? >\"{_dir.File("rc")}\"; }} | head -c 1 >/dev/null");

        run.Expect(0);
        Assert.Equal("4", File.ReadAllText(_dir.File("rc")).Trim());
        Assert.Equal("syndicate: cannot write standard output: Broken pipe", File.ReadAllText(_dir.File("err")).Trim());
    }

    [Fact]
    public void Table_NeutralisesControlCharacters_InEveryField()
    {
        const string Hostile = "\u001b[2J\u001b]0;pwned\u0007 title \u202Eevil\u202C \u2066x\u2069 \u009b31m";
        string input = _dir.Write("hostile.jsonl", string.Join('\n', Enumerable.Range(0, 2).Select(i => JsonSerializer.Serialize(new
        {
            id = $"id{i}\u001b[31m",
            source = "outlet\u0007" + i,
            title = Hostile,
            body = "The same story body, long enough to be compared as a copy of the other one, carried twice by two outlets on the same day.",
            published = "2024-01-01T00:00:00Z",
        }))) + "\n");

        CliResult run = SyndicateCli.Run("cluster", input, "--format", "table").ExpectClean();

        Assert.Contains("title", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("␛[2J", run.Stdout, StringComparison.Ordinal);
        foreach (char c in run.Stdout)
        {
            Assert.False(c is < ' ' and not '\n' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069', $"U+{(int)c:X4} reached the table");
        }
    }

    [Fact]
    public void Messages_NeutraliseControlCharacters()
    {
        string notADirectory = _dir.Write("state\u001b]0;pwned\u0007\u202E.txt", "not a state");

        CliResult run = SyndicateCli.Run("dedup", "--state", notADirectory, Corpus.Path).Expect(3);

        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("state␛]0;pwned␇<U+202E>.txt", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u0007', run.Stderr);
    }

    [Fact]
    public void DedupWarnings_NeutraliseControlCharacters()
    {
        string input = _dir.Write("w.jsonl", "{\"id\":\"a\",\"source\":\"s\",\"body\":\"text\",\"published\":\"\\u001b]0;pwned\\u0007 2014-99-99\"}\n");

        CliResult run = SyndicateCli.Run("dedup", "--state", _dir.File("state"), input).Expect(0);

        Assert.Contains("␛]0;pwned␇", Assert.Single(run.Diagnostics), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr);
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static partial int MakeFifo(byte[] path, uint mode);
}
