using System.Globalization;
using Syndicate.Cli.Evaluation;
using Syndicate.Clustering;
using Syndicate.Tests.Cli.EndToEnd;

namespace Syndicate.Tests.Engine;

/// <summary>
/// The engine's default options on the bundled labelled corpus (371 copies of 46 stories, with hard negatives that
/// reuse other stories' background paragraphs). The bounds are the quality the defaults were chosen for
/// (benchmarks/results/sweep.md), with a small margin: a change that costs real quality fails here.
/// </summary>
public class QualityGateTests
{
    private static readonly Lazy<EvaluationReport> s_report = new(Evaluate);

    private static EvaluationReport Evaluate()
    {
        List<GeneratedArticle> corpus;
        using (FileStream stream = File.OpenRead(TestData.FixturePath("synthetic", "corpus.jsonl")))
        {
            corpus = CorpusJsonl.ReadCorpus(stream);
        }

        List<GoldRecord> gold = CorpusJsonl.ReadGold(TestData.FixturePath("synthetic", "gold.jsonl"));
        var engine = new SyndicationEngine();
        engine.AddRange(corpus.Select(a => a.ToArticle()).ToList());
        var predictions = new List<ArticlePrediction>();
        foreach (Cluster c in engine.GetClusters())
        {
            foreach (ClusterMember m in c.Members)
            {
                predictions.Add(new ArticlePrediction(m.Id, c.Id.ToString(CultureInfo.InvariantCulture), m.Id == c.CanonicalId, m.Relation.ToString(), m.Similarity, m.Source, c.Wire));
            }
        }

        return EvaluationReport.Build(gold, predictions);
    }

    [Fact]
    public void Pairwise_precision_and_recall_are_high()
    {
        EvaluationReport r = s_report.Value;
        Assert.Equal(0, r.MissingPredictions);
        Assert.True(r.Pairwise.Precision >= 0.99, $"precision {r.Pairwise.Precision:F4}");
        Assert.True(r.Pairwise.F1 >= 0.97, $"F1 {r.Pairwise.F1:F4}");
        Assert.True(r.BCubed.F1 >= 0.97, $"B-cubed F1 {r.BCubed.F1:F4}");
        Assert.True(r.AdjustedRandIndex >= 0.97, $"ARI {r.AdjustedRandIndex:F4}");
    }

    [Fact]
    public void No_hard_negative_is_merged_into_the_story_it_borrowed_from()
    {
        EvaluationReport r = s_report.Value;
        Assert.True(r.HardNegatives >= 5);
        Assert.Equal(0, r.HardNegativesMerged);
    }

    [Fact]
    public void Every_kind_of_copy_is_found()
    {
        foreach (KindRecall kind in s_report.Value.RecallByKind)
        {
            Assert.True(kind.Recall >= (kind.Kind == "partial" ? 0.9 : 0.97), $"{kind.Kind} recall {kind.Recall:F4} ({kind.Found}/{kind.Total})");
        }
    }

    [Fact]
    public void Wire_and_canonical_are_right()
    {
        EvaluationReport r = s_report.Value;
        Assert.True(r.WireAccuracy >= 0.97, $"wire accuracy {r.WireAccuracy:F4}");
        Assert.Equal(0, r.WireFalseAttributions);
        Assert.True(r.CanonicalIsOriginalRate >= 0.95, $"canonical = original {r.CanonicalIsOriginalRate:F4}");
    }

    [Fact]
    public void The_eval_command_enforces_its_thresholds()
    {
        // Standard input is not a terminal here, so the bundled sample is named rather than implied.
        SyndicateCli.Run("eval", TestData.FixturePath("synthetic", "corpus.jsonl"), "--gold", TestData.FixturePath("synthetic", "gold.jsonl"), "--min-f1", "0.97", "--max-hard-negative-merges", "0").Expect(0);
        // A gate above 1 is refused; a prediction that links nothing fails --min-f1.
        SyndicateCli.Run("eval", "--min-f1", "1.01").Expect(2);
        using var temp = new TempDirectory();
        string gold = TestData.FixturePath("synthetic", "gold.jsonl");
        string singletons = temp.Write("singletons.jsonl", string.Concat(CorpusJsonl.ReadGold(gold).Select((g, i) => $"{{\"id\":\"{g.Id}\",\"cluster\":{i}}}\n")));
        CliResult failing = SyndicateCli.Run("eval", "--gold", gold, "--predictions", singletons, "--min-f1", "0.5").Expect(5);
        Assert.Contains("pairwise F1 0.0000 is below --min-f1 0.5", failing.Stderr, StringComparison.Ordinal);
    }
}
