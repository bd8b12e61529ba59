using System.Text;
using Syndicate.Cli.Evaluation;

namespace Syndicate.Tests.Cli.Evaluation;

public sealed class EvaluationReportTests
{
    // Story s1: wire copy w (original), reprint r, edited e, partial p. Story s2: hard negative h borrowing from s1.
    // Story s3: distractor d.
    private static readonly GoldRecord[] s_gold =
    [
        new("w", "s1", GoldKinds.Original, "Sputnik", original: true),
        new("r", "s1", GoldKinds.Reprint, "Sputnik", original: false),
        new("e", "s1", GoldKinds.Edited, "Sputnik", original: false),
        new("p", "s1", GoldKinds.Partial, "Sputnik", original: false),
        new("h", "s2", GoldKinds.HardNegative, "Sputnik", original: true, borrowedFrom: "s1"),
        new("d", "s3", GoldKinds.Distractor, wire: null, original: true),
    ];

    [Fact]
    public void Perfect_prediction()
    {
        var predictions = new[]
        {
            new ArticlePrediction("w", "1", Canonical: true, Wire: "Sputnik"),
            new ArticlePrediction("r", "1", Canonical: false, Wire: "sputnik"),
            new ArticlePrediction("e", "1", Canonical: false, Wire: "سبوتنيك"),
            new ArticlePrediction("p", "1", Canonical: false, Wire: "Sputnik"),
            new ArticlePrediction("h", "2", Canonical: true, Wire: "Sputnik"),
            new ArticlePrediction("d", "3", Canonical: true),
        };

        var report = EvaluationReport.Build(s_gold, predictions);

        Assert.Equal(1.0, report.Pairwise.F1);
        Assert.Equal(1.0, report.AdjustedRandIndex);
        Assert.All(report.RecallByKind, k => Assert.Equal((1, 1), (k.Total, k.Found)));
        Assert.Equal((1, 0), (report.HardNegatives, report.HardNegativesMerged));
        Assert.Equal((5, 5, 0), (report.WireArticles, report.WireCorrect, report.WireFalseAttributions));
        Assert.Equal((1, 1), (report.CanonicalStories, report.CanonicalIsOriginal));
    }

    [Fact]
    public void Merged_hard_negative_missed_partial_wrong_canonical_and_wire()
    {
        // The tool merges h into story s1's cluster, leaves p out, picks r as canonical, and credits d to Reuters.
        var predictions = new[]
        {
            new ArticlePrediction("w", "1", Canonical: false, Wire: "Sputnik"),
            new ArticlePrediction("r", "1", Canonical: true, Wire: "Sputnik"),
            new ArticlePrediction("e", "1", Canonical: false, Wire: "Sputnik"),
            new ArticlePrediction("p", "9", Canonical: true, Wire: null),
            new ArticlePrediction("h", "1", Canonical: false, Wire: "Sputnik"),
            new ArticlePrediction("d", "3", Canonical: true, Wire: "Reuters"),
            new ArticlePrediction("x", "7", Canonical: true),
        };

        var report = EvaluationReport.Build(s_gold, predictions);

        var recall = report.RecallByKind.ToDictionary(k => k.Kind);
        Assert.Equal(1, recall[GoldKinds.Reprint].Found);
        Assert.Equal(1, recall[GoldKinds.Edited].Found);
        Assert.Equal(0, recall[GoldKinds.Partial].Found);
        Assert.Equal(1, report.HardNegativesMerged);
        Assert.Equal((4, 1), (report.WireCorrect, report.WireFalseAttributions));
        Assert.Equal(0, report.CanonicalIsOriginal);
        Assert.Equal(1, report.UnknownPredictions);

        // Predicted {w,r,e,h} {p} {d} against gold {w,r,e,p} {h} {d}: true pairs C(3,2) = 3 (w,r,e),
        // predicted pairs C(4,2) = 6, gold pairs C(4,2) = 6: P = R = 1/2.
        Assert.Equal(0.5, report.Pairwise.Precision, 1e-12);
        Assert.Equal(0.5, report.Pairwise.Recall, 1e-12);
    }

    [Fact]
    public void Missing_predictions_are_singletons_without_wire_or_canonical()
    {
        var report = EvaluationReport.Build(s_gold, [new ArticlePrediction("w", "1", Canonical: true, Wire: "Sputnik")]);
        Assert.Equal(5, report.MissingPredictions);
        Assert.Equal(6, report.PredictedClusters);
        Assert.All(report.RecallByKind, k => Assert.Equal(0, k.Found));
        Assert.Equal(1, report.WireCorrect);
        Assert.Equal(1, report.CanonicalIsOriginal); // w is alone in its cluster and marked canonical.
        Assert.Contains("adjusted rand index", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_cli_output_schema()
    {
        const string Jsonl = """
            {"id":"w","cluster":3,"canonical":true,"relation":"original","similarity":1.0,"source":"sputnik","wire":"Sputnik"}
            {"id":"r","cluster":"3","canonical":false,"relation":"near-duplicate","similarity":0.93,"source":"okaz","wire":null}
            """;
        var predictions = PredictionJsonl.Read(new MemoryStream(Encoding.UTF8.GetBytes(Jsonl)));
        Assert.Equal(2, predictions.Count);
        Assert.Equal("3", predictions[0].Cluster);
        Assert.Equal(predictions[0].Cluster, predictions[1].Cluster);
        Assert.True(predictions[0].Canonical);
        Assert.Equal(0.93, predictions[1].Similarity);
        Assert.Null(predictions[1].Wire);
    }

    [Fact]
    public void Compilations_count_with_the_story_they_carry_and_against_the_one_that_leads_them()
    {
        // c leads with story s1's opening and carries story s2: a copy of s2 that must not join s1.
        GoldRecord[] gold =
        [
            new("w1", "s1", GoldKinds.Original, "Sputnik", original: true),
            new("w2", "s2", GoldKinds.Original, "Reuters", original: true),
            new("r2", "s2", GoldKinds.Reprint, "Reuters", original: false),
            new("c", "s2", GoldKinds.Compilation, "Reuters", original: false, borrowedFrom: "s1"),
        ];

        var right = EvaluationReport.Build(gold,
        [
            new ArticlePrediction("w1", "1", Canonical: true),
            new ArticlePrediction("w2", "2", Canonical: true),
            new ArticlePrediction("r2", "2", Canonical: false),
            new ArticlePrediction("c", "2", Canonical: false),
        ]);
        Assert.Equal((1, 1), right.RecallByKind.Where(k => k.Kind == GoldKinds.Compilation).Select(k => (k.Total, k.Found)).Single());
        Assert.Equal((1, 0), (right.Compilations, right.CompilationsMerged));
        Assert.Contains("compilations merged  0.0000  (0/1 with their lead story)", right.ToText(), StringComparison.Ordinal);

        // Filed with its lead story instead.
        var misfiled = EvaluationReport.Build(gold,
        [
            new ArticlePrediction("w1", "1", Canonical: true),
            new ArticlePrediction("w2", "2", Canonical: true),
            new ArticlePrediction("r2", "2", Canonical: false),
            new ArticlePrediction("c", "1", Canonical: false),
        ]);
        Assert.Equal(0, misfiled.RecallByKind.Single(k => k.Kind == GoldKinds.Compilation).Found);
        Assert.Equal(1, misfiled.CompilationsMerged);

        // A corpus without compilations reports no line for them.
        Assert.DoesNotContain(EvaluationReport.Build(s_gold, [new ArticlePrediction("w", "1", Canonical: true)]).RecallByKind, k => k.Kind == GoldKinds.Compilation);
    }
}
