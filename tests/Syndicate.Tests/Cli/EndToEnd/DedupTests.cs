using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary><c>syndicate dedup --state DIR</c>: a feed filter whose state carries one run's stories into the next.</summary>
public sealed class DedupTests : IDisposable
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
        // Feeds repeat items from one poll to the next; an article the state already holds is not news again.
        Assert.Empty(again.StdoutBytes);
    }

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
            Assert.Equal(s_verdictFields, verdict.EnumerateObject().Select(p => p.Name));
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
