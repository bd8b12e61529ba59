using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// The COUNTER development half (real reuse of agency copy by Urdu newspapers, labelled by the corpus's authors),
/// scored end to end by <c>syndicate eval</c>. Skipped when <c>../shared/data</c> is absent.
/// </summary>
/// <remarks>
/// The floors are what the engine gave when these tests were written: wd 29/76 linked, pd 4/131, nd 0/90, pairwise
/// precision 33/36, with the two articles whose <c>published</c> is not a date dropped by the reader. They guard
/// against regressions; the targets (wd ≥ 0.85, pd ≥ 0.35, nd ≤ 0.05) are checked by
/// <c>syndicate eval --min-link-rate wd=0.85,pd=0.35 --max-link-rate nd=0.05</c>.
/// </remarks>
public sealed class CounterEvalTests
{
    private const string Gold = "counter-urdu-dev/gold.jsonl";
    private const string Corpus = "counter-urdu-dev/corpus.jsonl.gz";

    [SharedDataFact(Gold, Corpus)]
    public void Link_rates_of_the_current_engine()
    {
        CliResult result = SyndicateCli.Run("eval", "--gold", SharedData.File(Gold), SharedData.File(Corpus), "--format", "json").Expect(0);

        using var json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(594, root.GetProperty("texts").GetInt32());
        Assert.Equal(297, root.GetProperty("sources").GetInt32());
        JsonElement rates = root.GetProperty("linkRate");
        Assert.Equal(76, rates.GetProperty("wd").GetProperty("total").GetInt32());
        Assert.Equal(131, rates.GetProperty("pd").GetProperty("total").GetInt32());
        Assert.Equal(90, rates.GetProperty("nd").GetProperty("total").GetInt32());
        // The default engine links 51 wd, 17 pd and 2 nd texts (29, 4 and 0 before rewrites were linked; 53, 19 and 2
        // before a rewrite needed a word-shingle containment of 0.15).
        Assert.InRange(rates.GetProperty("wd").GetProperty("linked").GetInt32(), 48, 76);
        Assert.InRange(rates.GetProperty("pd").GetProperty("linked").GetInt32(), 10, 131);
        Assert.InRange(rates.GetProperty("nd").GetProperty("linked").GetInt32(), 0, 4);

        // Every record the reader could not use is one labelled text without a prediction, and is named on stderr.
        int unreadable = root.GetProperty("unreadableInputs").GetInt32();
        Assert.Equal(unreadable, root.GetProperty("missingPredictions").GetInt32());
        Assert.True(result.ErrorLines.Count(l => l.Contains("corpus.jsonl.gz:", StringComparison.Ordinal)) >= unreadable, result.Stderr);
        Assert.InRange(root.GetProperty("pairwise").GetProperty("precision").GetDouble(), 0.85, 1.0);
    }

    [SharedDataFact(Gold, Corpus)]
    public void The_targets_gate_exits_5_with_one_line_per_kind_missed()
    {
        CliResult result = SyndicateCli.Run("eval", "--gold", SharedData.File(Gold), SharedData.File(Corpus), "--min-link-rate", "wd=1", "--max-link-rate", "nd=1", "--verbosity", "quiet");

        // wd cannot reach 1 while texts are left unread or unlinked; nd = 1 is always met.
        result.Expect(5);
        Assert.Single(result.ErrorLines, l => l.Contains("is below --min-link-rate wd=1", StringComparison.Ordinal));
        Assert.DoesNotContain("--max-link-rate", result.Stderr, StringComparison.Ordinal);
    }

    [SharedDataFact(Gold, Corpus)]
    public void Another_run_saved_as_predictions_scores_the_same()
    {
        using var temp = new TempDirectory();
        CliResult cluster = SyndicateCli.Run("cluster", SharedData.File(Corpus), "--format", "jsonl", "--out", temp.File("p.jsonl"));
        cluster.Expect(0);

        string direct = SyndicateCli.Run("eval", "--gold", SharedData.File(Gold), SharedData.File(Corpus)).Expect(0).Stdout;
        string saved = SyndicateCli.Run("eval", "--gold", SharedData.File(Gold), "--predictions", temp.File("p.jsonl")).Expect(0).Stdout;

        string Rates(string text) => string.Join('\n', text.Split('\n').Where(l => l.StartsWith("link rate", StringComparison.Ordinal) || l.StartsWith("pairwise", StringComparison.Ordinal)));
        Assert.Equal(Rates(direct), Rates(saved));
    }
}
