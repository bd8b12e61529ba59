using Syndicate.Cli.Evaluation;

namespace Syndicate.Tests.Cli.Evaluation;

public sealed class LinkReportTests
{
    // Agency texts s1, s2 (one story, two copies of one agency text, as COUNTER has), s3, s4. Newspaper texts:
    // w1 wholly derived from s1, w2 from s3; p1 partially derived from s1, p2 from s4; n1 written apart about s3's event.
    private static readonly LinkLabel[] s_labels =
    [
        new("s1", LinkKinds.Source, null, "p1"),
        new("s2", LinkKinds.Source, null, "p1"),
        new("s3", LinkKinds.Source, null, "p3"),
        new("s4", LinkKinds.Source, null, "p4"),
        new("w1", LinkKinds.WhollyDerived, "s1", "p1"),
        new("w2", LinkKinds.WhollyDerived, "s3", "p3"),
        new("p1", LinkKinds.PartiallyDerived, "s1", "p1"),
        new("p2", LinkKinds.PartiallyDerived, "s4", "p4"),
        new("n1", LinkKinds.NonDerived, "s3", "n3"),
    ];

    [Fact]
    public void Link_rates_and_pairs_on_a_hand_computed_case()
    {
        // Clusters: {s1, s2, w1, p1}, {s3, w2, n1}, {s4}, {p2}.
        ArticlePrediction[] predictions =
        [
            new("s1", "A", true), new("s2", "A", false), new("w1", "A", false), new("p1", "A", false),
            new("s3", "B", true), new("w2", "B", false), new("n1", "B", false),
            new("s4", "C", true), new("p2", "D", true), new("stray", "E", true),
        ];

        LinkReport report = LinkReport.Build(s_labels, predictions, unreadableInputs: 0);

        Assert.Equal((2, 2, 0), (report.Rate("wd").Total, report.Rate("wd").Linked, report.Rate("wd").NotRead));
        Assert.Equal((2, 1), (report.Rate("pd").Total, report.Rate("pd").Linked));
        Assert.Equal((1, 1), (report.Rate("nd").Total, report.Rate("nd").Linked));
        Assert.Equal(1, report.UnknownPredictions);

        // Cluster A has C(4,2) = 6 pairs: (w1,s1) and (p1,s1) are positives; (s1,s2), (s2,w1), (s2,p1), (w1,p1) lie in
        // one story and are not scored. Cluster B has 3: (w2,s3) positive, (n1,s3) and (n1,w2) false positives.
        Assert.Equal(3, report.Pairwise.TruePositivePairs);
        Assert.Equal(5, report.Pairwise.PredictedPairs);
        Assert.Equal(4, report.Pairwise.GoldPairs);
        Assert.Equal(4, report.UnscoredPairs);
        Assert.Equal(3.0 / 5, report.Pairwise.Precision, 1e-12);
        Assert.Equal(3.0 / 4, report.Pairwise.Recall, 1e-12);
    }

    [Fact]
    public void A_text_that_carries_a_story_is_linked_with_its_members()
    {
        // As above, but p2 is in a cluster of its own that carries cluster C (s4's): it is linked to s4, and the carried
        // pair (p2, s4) is a positive. s1 carries cluster B: its pairs with s3, w2 and n1 are false positives.
        ArticlePrediction[] predictions =
        [
            new("s1", "A", true, Carries: ["B"]), new("s2", "A", false), new("w1", "A", false), new("p1", "A", false),
            new("s3", "B", true), new("w2", "B", false), new("n1", "B", false),
            new("s4", "C", true), new("p2", "D", true, Carries: ["C", "D"]),
        ];

        LinkReport report = LinkReport.Build(s_labels, predictions, unreadableInputs: 0);

        Assert.Equal((2, 2), (report.Rate("pd").Total, report.Rate("pd").Linked));
        Assert.Equal(4, report.Pairwise.TruePositivePairs);
        Assert.Equal(5 + 1 + 3, report.Pairwise.PredictedPairs);
    }

    [Fact]
    public void A_text_that_was_not_read_is_not_linked()
    {
        // s1 was dropped by the reader: w1 and p1 cannot be linked to it; s3 and w2 are linked.
        ArticlePrediction[] predictions = [new("w1", "A", true), new("p1", "A", false), new("s3", "B", true), new("w2", "B", false)];

        LinkReport report = LinkReport.Build(s_labels, predictions, unreadableInputs: 1);

        Assert.Equal((2, 1, 1), (report.Rate("wd").Total, report.Rate("wd").Linked, report.Rate("wd").NotRead));
        Assert.Equal((0, 2), (report.Rate("pd").Linked, report.Rate("pd").NotRead));
        Assert.Equal(5, report.MissingPredictions);
        Assert.Contains("1 unreadable input records", report.ToText(), StringComparison.Ordinal);
        Assert.Contains("wd 1/2; 1 not read, counted as not linked", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_stories_a_source_and_its_derived_texts_form_one()
    {
        LinkLabel[] labels = [.. s_labels.Select(l => l with { Story = null })];
        ArticlePrediction[] predictions = [new("s1", "A", true), new("w1", "A", false), new("p1", "A", false), new("n1", "A", false)];

        LinkReport report = LinkReport.Build(labels, predictions, unreadableInputs: 0);

        // (s1,w1), (s1,p1) positives; (w1,p1) one story, not scored; n1 with each of the three: false positives.
        Assert.Equal((2L, 5L, 1L), (report.Pairwise.TruePositivePairs, report.Pairwise.PredictedPairs, report.UnscoredPairs));
    }

    [Theory]
    [InlineData("wd=0.85,pd=0.35", "wd", 0.85)]
    [InlineData(" nd = 0.05 ", "nd", 0.05)]
    public void Rate_gates_parse(string text, string kind, double rate) =>
        Assert.Equal(rate, RateGates.Parse(text, "--min-link-rate")![kind]);

    [Theory]
    [InlineData("wd=1.01", "from 0 to 1")]
    [InlineData("wd=-0.1", "from 0 to 1")]
    [InlineData("wd=NaN", "from 0 to 1")]
    [InlineData("xx=0.5", "kind 'xx'")]
    [InlineData("wd", "KIND=RATE")]
    [InlineData("wd=0.1,wd=0.2", "twice")]
    public void Rate_gates_refuse_bad_values(string text, string message)
    {
        FormatException e = Assert.Throws<FormatException>(() => RateGates.Parse(text, "--min-link-rate"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
