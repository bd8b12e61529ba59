using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary><c>syndicate dedup --state DIR</c>: a feed filter whose state carries one run's stories into the next.</summary>
public sealed partial class DedupTests : IDisposable
{
    private static readonly string[] s_articleFields = ["id", "source", "url", "published", "title", "body", "syndicate"];
    private static readonly string[] s_verdictFields = ["verdict", "cluster", "canonical", "similarity", "matched", "wire", "canonicalChanged", "inserted"];
    private static readonly string[] s_verdicts = ["new", "duplicate", "near-duplicate", "partial"];

    private readonly TempDirectory _dir = new();
    private readonly string _firstHalf;
    private readonly string _secondHalf;
    private readonly int _half = Corpus.Lines.Count / 2;

    public DedupTests()
    {
        _firstHalf = _dir.File("day1.jsonl");
        _secondHalf = _dir.File("day2.jsonl");
        File.WriteAllLines(_firstHalf, Corpus.Lines.Take(_half));
        File.WriteAllLines(_secondHalf, Corpus.Lines.Skip(_half));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SecondRun_KnowsTheFirstRunsStories()
    {
        string state = _dir.File("state");
        string fresh = _dir.File("fresh");

        CliResult day1 = SyndicateCli.Run("dedup", "--state", state, _firstHalf).ExpectClean();
        Assert.True(File.Exists(Path.Combine(state, "snapshot.bin")), "no snapshot.bin in the state directory");
        Assert.True(File.Exists(Path.Combine(state, "journal.bin")), "no journal.bin in the state directory");
        CliResult day2 = SyndicateCli.RunWithInput(File.ReadAllText(_secondHalf), "dedup", "--state", state).ExpectClean();
        CliResult alone = SyndicateCli.Run("dedup", "--state", fresh, _secondHalf).ExpectClean();
        CliResult together = SyndicateCli.Run("dedup", "--state", _dir.File("together"), Corpus.Path).ExpectClean();

        IReadOnlyList<JsonElement> first = Corpus.ParseLines(day1);
        IReadOnlyList<JsonElement> second = Corpus.ParseLines(day2);
        AssertEchoesInput(first, Corpus.Articles.Take(_half).ToArray());
        AssertEchoesInput(second, Corpus.Articles.Skip(_half).ToArray());

        // Two runs with the state in between decide exactly what one run over the whole corpus decides.
        Assert.Equal(together.Lines.Skip(_half), day2.Lines);

        // Every story (by the gold labels) that had an article on day 1 is recognised on day 2: at least one of its
        // day-2 articles joins a day-1 cluster, and no article that joins one is called new.
        var day1Clusters = first.Select(Cluster).ToHashSet();
        var day1Stories = first.Select(a => Corpus.Stories[Id(a)]).ToHashSet(StringComparer.Ordinal);
        var continued = second.Where(a => day1Stories.Contains(Corpus.Stories[Id(a)])).ToList();
        Assert.NotEmpty(continued);
        foreach (IGrouping<string, JsonElement> story in continued.GroupBy(a => Corpus.Stories[Id(a)], StringComparer.Ordinal))
        {
            Assert.Contains(story, a => day1Clusters.Contains(Cluster(a)));
        }

        Assert.All(second.Where(a => day1Clusters.Contains(Cluster(a))), a => Assert.NotEqual("new", Verdict(a)));

        // Without the state the same articles start those stories afresh.
        IReadOnlyList<JsonElement> withoutState = Corpus.ParseLines(alone);
        Assert.True(
            withoutState.Count(a => Verdict(a) == "new") > second.Count(a => Verdict(a) == "new"),
            "the state made no difference to the number of new stories");
    }

    [Fact]
    public void A_roundup_line_names_the_stories_it_carried_when_it_was_added_also_when_fed_again()
    {
        string input = _dir.File("roundup.jsonl");
        Syndicate.Tests.Clustering.CarrierTests.WriteReleasesAndRoundup(input);
        string state = _dir.File("state");

        IReadOnlyList<JsonElement> lines = Corpus.ParseLines(SyndicateCli.Run("dedup", "--state", state, input).ExpectClean());
        Assert.Equal(["seizure", "campaign", "roundup"], lines.Select(Id));
        JsonElement roundup = lines[2].GetProperty("syndicate");
        Assert.Equal(Cluster(lines[0]), roundup.GetProperty("cluster").GetInt64());
        Assert.Equal([Cluster(lines[1])], roundup.GetProperty("carries").EnumerateArray().Select(c => c.GetInt64()));
        Assert.All(lines.Take(2), l => Assert.False(l.GetProperty("syndicate").TryGetProperty("carries", out _)));

        // Fed again, the roundup gets the verdict it got when added, the carried story too; the report lists the carrier.
        IReadOnlyList<JsonElement> again = Corpus.ParseLines(SyndicateCli.Run("dedup", "--state", state, input).ExpectClean());
        Assert.False(again[2].GetProperty("syndicate").GetProperty("inserted").GetBoolean());
        Assert.Equal([Cluster(lines[1])], again[2].GetProperty("syndicate").GetProperty("carries").EnumerateArray().Select(c => c.GetInt64()));
        IReadOnlyList<JsonElement> report = Corpus.ParseLines(SyndicateCli.Run("report", "--state", state, "--format", "jsonl").ExpectClean());
        JsonElement listed = Assert.Single(report, l => Id(l) == "roundup");
        Assert.Equal([Cluster(lines[1])], listed.GetProperty("carries").EnumerateArray().Select(c => c.GetInt64()));
    }

    [Fact]
    public void AnIdTheStateHoldsForAnotherText_IsAnError_NamingTheLine()
    {
        string state = _dir.File("state");
        string reused = _dir.File("reused.jsonl");
        JsonElement first = JsonDocument.Parse(Corpus.Lines[0]).RootElement;
        string id = first.GetProperty("id").GetString()!;
        File.WriteAllLines(reused, [
            Corpus.Lines[0],
            JsonSerializer.Serialize(new { id, source = "another", body = "نص آخر تماما لا علاقة له بالخبر الأول، نشر تحت المعرف نفسه." }),
        ]);

        SyndicateCli.Run("dedup", "--state", state, _firstHalf).ExpectClean();
        CliResult skip = SyndicateCli.Run("dedup", "--state", state, reused);
        CliResult fail = SyndicateCli.Run("dedup", "--state", state, "--on-error", "fail", reused);

        // The same text again is the held article; the other text under its id is named, and gets no verdict line.
        Assert.Single(skip.Lines);
        string error = Assert.Single(skip.ErrorLines, l => l.Contains("already used", StringComparison.Ordinal));
        Assert.Contains($"{reused}:2: id \"{id}\"", error, StringComparison.Ordinal);
        Assert.Equal(1, fail.ExitCode);
        Assert.Contains(fail.ErrorLines, l => l.Contains($"{reused}:2:", StringComparison.Ordinal));
    }

    [Fact]
    public void AFeedItemWhoseGuidTheStateHoldsForAnotherOutlet_IsAddedUnderItsSource()
    {
        // The state holds the wire's item under its guid; another outlet's feed carrying it under the same guid is
        // added as "{source}/{guid}", as one run reading both feeds would add it, and feeding it again is no error.
        string state = _dir.File("state");
        string sputnik = _dir.File("sputnik.xml");
        string urdupoint = _dir.File("urdupoint.xml");
        string corrected = _dir.File("urdupoint-corrected.xml");
        const string Body = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة بسعة خمسمئة سرير، ويضم أقساما للطوارئ والعناية المركزة وجراحة القلب.";
        File.WriteAllText(sputnik, Feed("Sputnik", Body));
        File.WriteAllText(urdupoint, Feed("UrduPoint", Body));
        File.WriteAllText(corrected, Feed("UrduPoint", "نص آخر تماما لا علاقة له بالخبر الأول، نشر تحت المعرف نفسه من المنفذ نفسه."));

        SyndicateCli.Run("dedup", "--state", state, sputnik).ExpectClean();
        CliResult second = SyndicateCli.Run("dedup", "--state", state, urdupoint).ExpectClean();
        CliResult again = SyndicateCli.Run("dedup", "--state", state, urdupoint).ExpectClean();
        CliResult together = SyndicateCli.Run("dedup", "--state", _dir.File("together"), sputnik, urdupoint).ExpectClean();
        CliResult other = SyndicateCli.Run("dedup", "--state", state, corrected);

        JsonElement added = Assert.Single(Corpus.ParseLines(second));
        Assert.Equal("UrduPoint/wire-1", Id(added));
        Assert.Equal("duplicate", Verdict(added));
        Assert.Equal(second.Lines, together.Lines.Skip(1));

        // Fed again, it is the article the state holds, with the verdict it got when it was added.
        Assert.Equal(second.Lines.Select(l => l.Replace("\"inserted\":true", "\"inserted\":false", StringComparison.Ordinal)), again.Lines);

        // An item of the same outlet under that guid with another text is another article: an error, as before,
        // naming the id its outlet's item is held under.
        Assert.Empty(other.Lines);
        Assert.Contains(other.ErrorLines, l => l.Contains($"{corrected}:4: id \"UrduPoint/wire-1\" was already used", StringComparison.Ordinal));
    }

    private static string Feed(string outlet, string body) =>
        $"""
        <rss version="2.0">
          <channel>
            <title>{outlet}</title>
            <item>
              <guid isPermaLink="false">wire-1</guid>
              <title>مستشفى جديد</title>
              <pubDate>Mon, 07 Dec 2026 08:00:00 GMT</pubDate>
              <description>{body}</description>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void NewOnly_WritesOnlyTheArticlesThatStartAStory_AndNothingTwice()
    {
        string state = _dir.File("state");

        CliResult all = SyndicateCli.Run("dedup", "--state", _dir.File("all"), Corpus.Path).ExpectClean();
        CliResult newOnly = SyndicateCli.Run("dedup", "--state", state, "--new-only", Corpus.Path).ExpectClean();
        CliResult again = SyndicateCli.Run("dedup", "--state", state, "--new-only", _secondHalf).ExpectClean();

        string[] expected = all.Lines.Where(l => Verdict(JsonDocument.Parse(l).RootElement) == "new").ToArray();
        Assert.NotEmpty(expected);
        Assert.True(expected.Length < all.Lines.Length);
        Assert.Equal(expected, newOnly.Lines);
        // Re-fed articles get the verdict they got when added, so the new ones among them are written again (a reader
        // that died before reading them gets them by re-feeding), marked as not inserted.
        string[] secondHalfIds = Corpus.Ids.Skip(_half).ToArray();
        string[] expectedAgain = expected.Where(l => secondHalfIds.Contains(Id(JsonDocument.Parse(l).RootElement))).ToArray();
        Assert.NotEmpty(expectedAgain);
        Assert.Equal(expectedAgain.Select(l => l.Replace("\"inserted\":true", "\"inserted\":false", StringComparison.Ordinal)), again.Lines);
    }

    [Fact]
    public void ReFedArticles_GetTheVerdictTheyGotWhenAdded_FromTheSnapshot()
    {
        string state = _dir.File("state");
        CliResult first = SyndicateCli.Run("dedup", "--state", state, Corpus.Path).ExpectClean();
        CliResult again = SyndicateCli.Run("dedup", "--state", state, Corpus.Path).ExpectClean();

        Assert.Equal(Corpus.Ids.Count, again.Lines.Length);
        for (int i = 0; i < first.Lines.Length; i++)
        {
            JsonElement was = JsonDocument.Parse(first.Lines[i]).RootElement.GetProperty("syndicate");
            JsonElement now = JsonDocument.Parse(again.Lines[i]).RootElement.GetProperty("syndicate");
            foreach (string field in new[] { "verdict", "cluster", "canonical", "similarity", "matched", "wire" })
            {
                Assert.Equal(was.GetProperty(field).ToString(), now.GetProperty(field).ToString());
            }

            Assert.False(now.GetProperty("inserted").GetBoolean());
        }
    }

    [UnixFact("/bin/sh")]
    public void BrokenStdout_StopsTheRun_AndReFeedingDeliversWhatWasMissed()
    {
        string state = _dir.File("state");
        string rc = _dir.File("rc");
        string err = _dir.File("err");
        CliResult all = SyndicateCli.Run("dedup", "--state", _dir.File("all"), Corpus.Path).ExpectClean();

        // head takes the first line and goes; every later line hits a closed pipe.
        CliResult head = ShellCli.Run($"{{ \"$DOTNET\" \"$CLI\" dedup --state \"{state}\" \"{Corpus.Path}\" 2>\"{err}\"; echo $? >\"{rc}\"; }} | head -n 1");
        Assert.Equal(all.Lines[0], Assert.Single(head.Lines));
        Assert.Equal("4", File.ReadAllText(rc).Trim());
        Assert.Equal("syndicate: cannot write standard output: Broken pipe", File.ReadAllText(err).Trim());

        // The run stopped at the first failed write: only the lines the pipe took (a few of 371) were journaled.
        CliResult newOnly = SyndicateCli.Run("dedup", "--state", state, "--new-only", Corpus.Path).ExpectClean();
        int held = newOnly.Lines.Count(l => !Inserted(l));
        Assert.InRange(held, 1, Corpus.Ids.Count / 4);

        // Every article that started a story is delivered by the re-feed, with the verdict a clean run gives it.
        string[] expected = all.Lines.Where(l => Verdict(JsonDocument.Parse(l).RootElement) == "new").ToArray();
        Assert.Equal(expected.Select(WithoutInserted), newOnly.Lines.Select(WithoutInserted));
    }

    [UnixFact]
    public void SigTerm_FinishesTheArticleInHand_PrintsTheSummary_AndExitsWith143() => StopBySignal(15, 143, "SIGTERM");

    [Fact]
    public async Task EachArticle_IsAnswered_BeforeTheNextArrives()
    {
        // A feed sends an article when it has one: its verdict must not wait for the next (nor for the end of input).
        using var process = Process.Start(SyndicateCli.StartInfo("dedup", "--state", _dir.File("state")))!;
        try
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            for (int i = 0; i < 3; i++)
            {
                await process.StandardInput.WriteLineAsync(Corpus.Lines[i]);
                await process.StandardInput.FlushAsync();
                Task<string?> answer = process.StandardOutput.ReadLineAsync();
                Assert.True(await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMinutes(1))) == answer, $"no verdict for line {i + 1} while the input stays open");
                Assert.Equal(Corpus.Ids[i], JsonDocument.Parse((await answer)!).RootElement.GetProperty("id").GetString());
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(process.ExitCode == 0, await stderr);
        }
        finally
        {
            // A failed assertion must not leave the run behind.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // A process started with SIGINT ignored (a background job of a shell script, nohup, some test runners) keeps it
    // ignored, and so would the run under test; env(1) gives it the default disposition, as an interactive shell would.
    [UnixFact("/usr/bin/env")]
    public void SigInt_FinishesTheArticleInHand_PrintsTheSummary_AndExitsWith130() => StopBySignal(2, 130, "SIGINT");

    [UnixFact("/usr/bin/env")]
    public async Task SigInt_IgnoredWhenTheRunStarted_StaysIgnored_AndSigTermStillStopsTheRun()
    {
        string state = _dir.File("state");
        using var process = Process.Start(WithSigInt(SyndicateCli.StartInfo("dedup", "--state", state), "--ignore-signal=INT"))!;
        try
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteLineAsync(Corpus.Lines[0]);
            await process.StandardInput.FlushAsync();
            // Its line comes back: the run is past its start, with its signal handlers registered.
            Task<string?> answer = process.StandardOutput.ReadLineAsync();
            Assert.True(await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMinutes(1))) == answer, "no verdict for the first line");

            Assert.Equal(0, Kill(process.Id, 2));
            Assert.False(process.WaitForExit(TimeSpan.FromSeconds(2)), "an ignored SIGINT stopped the run");

            Assert.Equal(0, Kill(process.Id, 15));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(143, process.ExitCode);
            Assert.Contains("dedup: 1 article: ", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            // A failed assertion must not leave the run behind.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Starts the run through env(1) with SIGINT's disposition set by <paramref name="option"/>.</summary>
    private static ProcessStartInfo WithSigInt(ProcessStartInfo info, string option)
    {
        info.ArgumentList.Insert(0, info.FileName);
        info.ArgumentList.Insert(0, option);
        info.FileName = "/usr/bin/env";
        return info;
    }

    private void StopBySignal(int signal, int code, string name)
    {
        string state = _dir.File("state");
        ProcessStartInfo info = SyndicateCli.StartInfo("dedup", "--state", state);
        if (signal == 2)
        {
            info = WithSigInt(info, "--default-signal=INT");
        }

        using var process = Process.Start(info)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        // Read while feeding: a process whose output nobody reads stops reading its input.
        int received = 0;
        Task reading = Task.Run(() =>
        {
            while (received < _half && process.StandardOutput.ReadLine() is not null)
            {
                Interlocked.Increment(ref received);
            }
        });
        foreach (string line in Corpus.Lines.Take(_half))
        {
            process.StandardInput.WriteLine(line);
        }

        process.StandardInput.Flush();
        // Every line sent has come back: the process now waits for more input, holding the state open.
        Assert.True(reading.Wait(TimeSpan.FromMinutes(1)), $"{received} of {_half} lines came back");
        Assert.Equal(_half, received);

        Assert.Equal(0, Kill(process.Id, signal));
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            // Say how far the stop got: its summary line on stderr is written before the state is closed.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{name} did not stop the run within a minute; its stderr: '{stderr.Result}'");
        }

        process.WaitForExit();

        Assert.Equal(code, process.ExitCode);
        Assert.Contains($"dedup: {_half} articles", stderr.Result, StringComparison.Ordinal);
        Assert.Contains("Stopped by " + name, stderr.Result, StringComparison.Ordinal);
        CliResult again = SyndicateCli.Run("dedup", "--state", state, _firstHalf).ExpectClean();
        Assert.Equal(_half, again.Lines.Length);
        Assert.All(again.Lines, l => Assert.False(Inserted(l)));
    }

    [UnixFact("/usr/bin/script", "/bin/sh")]
    public void OnATerminal_StderrGetsASummary()
    {
        // script(1) gives the run a terminal; its standard output still goes to a file.
        string state = _dir.File("state");
        string output = _dir.File("out.jsonl");
        CliResult run = ShellCli.Run($"script -qec '\"$DOTNET\" \"$CLI\" dedup --state \"{state}\" \"{Corpus.Path}\" > \"{output}\"' /dev/null").Expect(0);

        Assert.Equal(Corpus.Ids.Count, File.ReadAllLines(output).Length);
        int fresh = File.ReadAllLines(output).Count(l => Verdict(JsonDocument.Parse(l).RootElement) == "new");
        Assert.Contains($"syndicate: dedup: {Corpus.Ids.Count} articles: {fresh} new, {Corpus.Ids.Count - fresh} copies of a known story", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ZerosAfterThePowerCut_AreCutFromTheJournal_WithAWarning()
    {
        string state = _dir.File("state");
        SyndicateCli.Run("dedup", "--state", state, "--checkpoint-bytes", "1000000000", _firstHalf).ExpectClean();
        string journal = Path.Combine(state, "journal.bin");
        long intact = new FileInfo(journal).Length;
        using (var stream = new FileStream(journal, FileMode.Append))
        {
            stream.Write(new byte[4096]);
        }

        CliResult run = SyndicateCli.Run("dedup", "--state", state, _secondHalf).Expect(0);

        Assert.Equal(Corpus.Ids.Count - _half, run.Lines.Length);
        string warning = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"syndicate: warning: {journal}: ", warning, StringComparison.Ordinal);
        Assert.Contains($"offset {intact}: 0 records (4096 bytes) dropped", warning, StringComparison.Ordinal);
        // Nothing acknowledged was lost: the first run's articles are all still held.
        CliResult again = SyndicateCli.Run("dedup", "--state", state, _firstHalf).ExpectClean();
        Assert.All(again.Lines, l => Assert.False(Inserted(l)));
    }

    [Fact]
    public void MissingSnapshot_IsNamedAsMissing()
    {
        string state = _dir.File("state");
        SyndicateCli.Run("dedup", "--state", state, _firstHalf).ExpectClean();
        File.Delete(Path.Combine(state, "snapshot.bin"));

        CliResult run = SyndicateCli.Run("dedup", "--state", state, _secondHalf).Expect(3);

        Assert.StartsWith($"syndicate: {Path.Combine(state, "snapshot.bin")}: the snapshot is missing", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.StdoutBytes);
    }

    [Fact]
    public void AFolderOfOtherFiles_IsNotMadeAState()
    {
        string folder = _dir.File("mine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        CliResult run = SyndicateCli.Run("dedup", "--state", folder, _firstHalf).Expect(3);

        Assert.Contains("not a Syndicate state directory", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void OptionsStoredWithTheState_StayInForce_AndAConflictSaysHowToChangeThem()
    {
        string state = _dir.File("state");
        SyndicateCli.Run("dedup", "--state", state, "--window", "6h", "--threshold", "0.7", _firstHalf).ExpectClean();

        // A run that does not repeat them keeps them.
        SyndicateCli.Run("dedup", "--state", state, _secondHalf).ExpectClean();
        SyndicationOptions stored = SyndicationEngine.ReadOptions(state)!;
        Assert.Equal(TimeSpan.FromHours(6), stored.Window);
        Assert.Equal(0.7, stored.SimilarityThreshold);

        // Repeating them is fine; contradicting them is an error that names the way to change them.
        SyndicateCli.Run("dedup", "--state", state, "--threshold", "0.7", "--window", "6h", _secondHalf).ExpectClean();
        CliResult conflict = SyndicateCli.Run("dedup", "--state", state, "--window", "1h", _secondHalf).Expect(2);
        Assert.Contains("--window 1h differs from 6h", Assert.Single(conflict.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("--change-options", conflict.Stderr, StringComparison.Ordinal);
        Assert.Empty(conflict.StdoutBytes);
        Assert.Equal(TimeSpan.FromHours(6), SyndicationEngine.ReadOptions(state)!.Window);

        CliResult fixedOption = SyndicateCli.Run("dedup", "--state", state, "--shingle-size", "4", "--change-options", _secondHalf).Expect(2);
        Assert.Contains("cannot change for an existing state", fixedOption.Stderr, StringComparison.Ordinal);

        SyndicateCli.Run("dedup", "--state", state, "--window", "1h", "--change-options", _secondHalf).ExpectClean();
        Assert.Equal(TimeSpan.FromHours(1), SyndicationEngine.ReadOptions(state)!.Window);
        Assert.Equal(0.7, SyndicationEngine.ReadOptions(state)!.SimilarityThreshold);
    }

    private static bool Inserted(string line) => JsonDocument.Parse(line).RootElement.GetProperty("syndicate").GetProperty("inserted").GetBoolean();

    private static string WithoutInserted(string line) =>
        line.Replace("\"inserted\":true", "", StringComparison.Ordinal).Replace("\"inserted\":false", "", StringComparison.Ordinal);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [Fact]
    public void CorruptState_ExitsWithCode3_NamingTheFile()
    {
        string state = _dir.File("state");
        SyndicateCli.Run("dedup", "--state", state, _firstHalf).ExpectClean();
        string snapshot = Path.Combine(state, "snapshot.bin");
        byte[] bytes = File.ReadAllBytes(snapshot);
        for (int i = bytes.Length / 2; i < bytes.Length / 2 + 16; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(snapshot, bytes);

        CliResult run = SyndicateCli.Run("dedup", "--state", state, _secondHalf).Expect(3);

        Assert.Empty(run.StdoutBytes);
        Assert.StartsWith($"syndicate: {snapshot}: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void StateThatIsAFile_ExitsWithCode3()
    {
        string notADirectory = _dir.File("state.txt");
        File.WriteAllText(notADirectory, "not a state directory");

        CliResult run = SyndicateCli.Run("dedup", "--state", notADirectory, _firstHalf).Expect(3);

        Assert.StartsWith($"syndicate: {notADirectory}: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        run.ExpectNoStackTrace();
    }

    private static void AssertEchoesInput(IReadOnlyList<JsonElement> output, IReadOnlyList<JsonElement> input)
    {
        Assert.Equal(input.Count, output.Count);
        for (int i = 0; i < input.Count; i++)
        {
            JsonElement o = output[i];
            Assert.Equal(s_articleFields, o.EnumerateObject().Select(p => p.Name));
            foreach (string field in new[] { "id", "source", "url", "title", "body" })
            {
                Assert.Equal(input[i].GetProperty(field).GetString(), o.GetProperty(field).GetString());
            }

            Assert.Equal(input[i].GetProperty("published").GetDateTimeOffset(), o.GetProperty("published").GetDateTimeOffset());
            JsonElement verdict = o.GetProperty("syndicate");
            // A roundup that carries other stories has one field more, at the end.
            Assert.Equal(s_verdictFields, verdict.EnumerateObject().Select(p => p.Name).Where(n => n != "carries"));
            Assert.Contains(verdict.GetProperty("verdict").GetString(), s_verdicts);
            Assert.InRange(verdict.GetProperty("similarity").GetDouble(), 0.0, 1.0);
            Assert.True(verdict.GetProperty("inserted").GetBoolean());
            if (Verdict(o) == "new")
            {
                Assert.Equal(Id(o), verdict.GetProperty("canonical").GetString());
            }
        }
    }

    private static string Id(JsonElement article) => article.GetProperty("id").GetString()!;

    private static long Cluster(JsonElement article) => article.GetProperty("syndicate").GetProperty("cluster").GetInt64();

    private static string Verdict(JsonElement article) => article.GetProperty("syndicate").GetProperty("verdict").GetString()!;
}
