using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Evaluation;

/// <summary>Judged wires: the labels and their strata are read strictly, and the estimates are the weighted ones.</summary>
public sealed class WireSampleTests
{
    private const string Strata = """
        {"seed": 1, "corpora": {"c": {"file": "c.jsonl", "strata": {"named": {"population": 40, "sampled": 4}, "unnamed": {"population": 600, "sampled": 2}}}}}
        """;

    private static readonly string[] s_labels =
    [
        """{"corpus":"c","id":"a1","stratum":"named","wire":"Reuters","reason":"dateline"}""",
        """{"corpus":"c","id":"a2","stratum":"named","wire":"AFP","reason":"according to AFP"}""",
        """{"corpus":"c","id":"a3","stratum":"named","wire":"none","reason":"own report"}""",
        """{"corpus":"c","id":"a4","stratum":"named","wire":"AP","reason":"closing credit"}""",
        """{"corpus":"c","id":"b1","stratum":"unnamed","wire":"none","reason":"own report"}""",
        """{"corpus":"c","id":"b2","stratum":"unnamed","wire":"none","reason":"own report"}""",
    ];

    [Fact]
    public void Estimates_weight_each_article_by_its_stratum()
    {
        using var dir = new TempDirectory();
        dir.Write("strata.json", Strata);
        string labels = dir.Write("c.wires.jsonl", string.Join('\n', s_labels) + "\n");

        WireSample sample = WireSample.Load(labels);
        // a1 right, a2 missed, a3 given a wire wrongly, a4 given another agency; b1, b2 right (none).
        var given = new Dictionary<string, string?> { ["a1"] = "Reuters", ["a2"] = null, ["a3"] = "SANA", ["a4"] = "AFP", ["b1"] = null, ["b2"] = null };
        WireReport report = WireReport.Build(sample, given, replicates: 200);

        // Weights 10 (named) and 300 (unnamed). Credited: a1, a2, a4 (30); given: a1, a3, a4 (30); agreed: a1 (10).
        Assert.Equal(1.0 / 3, report.Estimates.Recall, 9);
        Assert.Equal(1.0 / 3, report.Estimates.Precision, 9);
        // Answered as the readers did: a1 (10) and b1, b2 (600) of 640.
        Assert.Equal(610.0 / 640, report.Accuracy, 9);
        Assert.Equal(["a2", "a4"], report.Missed.Select(m => m.Id));
        Assert.Equal(["a3", "a4"], report.Wrong.Select(m => m.Id));
        Assert.True(report.Intervals.Recall.Lower <= report.Estimates.Recall && report.Estimates.Recall <= report.Intervals.Recall.Upper);
    }

    [Fact]
    public void A_stratum_whose_count_differs_from_the_draw_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("strata.json", Strata);
        string labels = dir.Write("c.wires.jsonl", string.Join('\n', s_labels[..5]) + "\n");

        var error = Assert.Throws<InputException>(() => WireSample.Load(labels));
        Assert.Equal($"{labels}: stratum 'unnamed' has 1 judged articles, but strata.json says 2 were drawn", error.Error.ToString());
    }

    [Fact]
    public void An_article_judged_twice_is_an_error_at_its_line()
    {
        using var dir = new TempDirectory();
        dir.Write("strata.json", Strata);
        string labels = dir.Write("c.wires.jsonl", string.Join('\n', [.. s_labels, s_labels[0]]) + "\n");

        var error = Assert.Throws<InputException>(() => WireSample.Load(labels));
        Assert.Equal($"{labels}:7: id \"a1\" is judged twice", error.Error.ToString());
    }

    [Fact]
    public void Samples_of_one_corpus_pool_into_one_with_each_stratum_whole()
    {
        // The first sample as above; a later one drawn from what it left of 'named' (36 of 40) only.
        using var dir = new TempDirectory();
        dir.Write(Path.Combine("first", "strata.json"), Strata);
        string first = dir.Write(Path.Combine("first", "c.wires.jsonl"), string.Join('\n', s_labels) + "\n");
        dir.Write(Path.Combine("later", "strata.json"), """
            {"seed": 2, "corpora": {"c": {"file": "c.jsonl", "strata": {"named": {"population": 36, "sampled": 2}}}}}
            """);
        string later = dir.Write(Path.Combine("later", "c.wires.jsonl"), """
            {"corpus":"c","id":"a5","stratum":"named","wire":"Reuters","reason":"dateline"}
            {"corpus":"c","id":"a6","stratum":"named","wire":"none","reason":"own report"}
            """ + "\n");

        WireSample pooled = Assert.Single(WireSample.PoolByCorpus([WireSample.Load(later), WireSample.Load(first)]));
        var given = new Dictionary<string, string?> { ["a1"] = "Reuters", ["a2"] = null, ["a3"] = "SANA", ["a4"] = "AFP", ["a5"] = "Reuters", ["a6"] = null, ["b1"] = null, ["b2"] = null };
        WireReport report = WireReport.Build(pooled, given, replicates: 200);

        // N_h stays 40 for 'named', now with 6 judged (weight 40/6); 'unnamed' keeps 600 over 2 (300).
        Assert.Equal([later, first], pooled.LabelsPaths);
        Assert.Equal(new Dictionary<string, long> { ["named"] = 40, ["unnamed"] = 600 }, pooled.Strata);
        // Credited a1, a2, a4, a5; given a1, a3, a4, a5; agreed a1, a5: 2 of 4 both ways.
        Assert.Equal(0.5, report.Estimates.Recall, 9);
        Assert.Equal(0.5, report.Estimates.Precision, 9);
        // Answered as the readers did: a1, a5, a6 (3 × 40/6 = 20) and b1, b2 (600) of 640.
        Assert.Equal(620.0 / 640, report.Accuracy, 9);
    }

    [Fact]
    public void A_later_sample_not_drawn_from_what_the_first_left_cannot_be_pooled()
    {
        using var dir = new TempDirectory();
        dir.Write(Path.Combine("first", "strata.json"), Strata);
        string first = dir.Write(Path.Combine("first", "c.wires.jsonl"), string.Join('\n', s_labels) + "\n");
        string laterStrata = dir.Write(Path.Combine("later", "strata.json"), """
            {"seed": 2, "corpora": {"c": {"file": "c.jsonl", "strata": {"named": {"population": 38, "sampled": 1}}}}}
            """);
        string later = dir.Write(Path.Combine("later", "c.wires.jsonl"), """{"corpus":"c","id":"a5","stratum":"named","wire":"none","reason":"r"}""" + "\n");
        dir.Write(Path.Combine("again", "strata.json"), """
            {"seed": 3, "corpora": {"c": {"file": "c.jsonl", "strata": {"named": {"population": 36, "sampled": 1}}}}}
            """);
        string again = dir.Write(Path.Combine("again", "c.wires.jsonl"), s_labels[0] + "\n");

        var population = Assert.Throws<InputException>(() => WireSample.PoolByCorpus([WireSample.Load(first), WireSample.Load(later)]));
        var twice = Assert.Throws<InputException>(() => WireSample.PoolByCorpus([WireSample.Load(first), WireSample.Load(again)]));

        Assert.Equal(
            $"{laterStrata}: cannot be pooled with {Path.Combine(Path.GetDirectoryName(first)!, "strata.json")}: stratum 'named' of c has a population of 38, not the 36 that sample leaves (a later sample is drawn from the rest of the stratum)",
            population.Error.ToString());
        Assert.Equal($"{again}:1: id \"a1\" is also judged in {first} (line 1): pooled samples must be disjoint", twice.Error.ToString());
    }

    [Fact]
    public void Labels_without_strata_beside_them_are_an_error()
    {
        using var dir = new TempDirectory();
        string labels = dir.Write("c.wires.jsonl", string.Join('\n', s_labels) + "\n");

        var error = Assert.Throws<InputException>(() => WireSample.Load(labels));
        Assert.StartsWith($"{labels}: no strata.json beside it", error.Error.ToString(), StringComparison.Ordinal);
    }
}
