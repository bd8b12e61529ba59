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
    public void Labels_without_strata_beside_them_are_an_error()
    {
        using var dir = new TempDirectory();
        string labels = dir.Write("c.wires.jsonl", string.Join('\n', s_labels) + "\n");

        var error = Assert.Throws<InputException>(() => WireSample.Load(labels));
        Assert.StartsWith($"{labels}: no strata.json beside it", error.Error.ToString(), StringComparison.Ordinal);
    }
}
