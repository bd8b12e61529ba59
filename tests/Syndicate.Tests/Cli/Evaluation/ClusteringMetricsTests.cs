using Syndicate.Cli.Evaluation;
using Syndicate.Sketches;

namespace Syndicate.Tests.Cli.Evaluation;

public sealed class ClusteringMetricsTests
{
    private const double Tolerance = 1e-12;

    // Six articles. Gold stories: {a,b,c} {d,e} {f}. Predicted clusters: {a,b} {c,d,e} {f}.
    // Contingency cells n_ij: (P1,G1)=2, (P2,G1)=1, (P2,G2)=2, (P3,G3)=1; rows a = 2,3,1; columns b = 3,2,1.
    private static readonly Dictionary<string, string> s_gold = new()
    {
        ["a"] = "G1",
        ["b"] = "G1",
        ["c"] = "G1",
        ["d"] = "G2",
        ["e"] = "G2",
        ["f"] = "G3",
    };

    private static readonly Dictionary<string, string> s_predicted = new()
    {
        ["a"] = "P1",
        ["b"] = "P1",
        ["c"] = "P2",
        ["d"] = "P2",
        ["e"] = "P2",
        ["f"] = "P3",
    };

    [Fact]
    public void Pairwise_matches_hand_count()
    {
        // True pairs: C(2,2) + C(1,2) + C(2,2) + C(1,2) = 1 + 0 + 1 + 0 = 2 ({a,b} and {d,e}).
        // Predicted pairs: C(2,2) + C(3,2) + C(1,2) = 1 + 3 + 0 = 4. Gold pairs: C(3,2) + C(2,2) + 0 = 3 + 1 = 4.
        // Precision = 2/4, recall = 2/4, F1 = 1/2.
        var scores = ClusteringMetrics.Pairwise(s_predicted, s_gold);
        Assert.Equal(2, scores.TruePositivePairs);
        Assert.Equal(4, scores.PredictedPairs);
        Assert.Equal(4, scores.GoldPairs);
        Assert.Equal(0.5, scores.Precision, Tolerance);
        Assert.Equal(0.5, scores.Recall, Tolerance);
        Assert.Equal(0.5, scores.F1, Tolerance);
    }

    [Fact]
    public void AdjustedRandIndex_matches_hand_computation()
    {
        // C(6,2) = 15 pairs. Expected index E = 4 * 4 / 15 = 16/15; maximum = (4 + 4) / 2 = 4.
        // ARI = (2 - 16/15) / (4 - 16/15) = (14/15) / (44/15) = 14/44 = 7/22.
        Assert.Equal(7.0 / 22.0, ClusteringMetrics.AdjustedRandIndex(s_predicted, s_gold), Tolerance);
    }

    [Fact]
    public void BCubed_matches_hand_computation()
    {
        // Per-item precision |pred ∩ gold| / |pred|: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3, f 1/1; sum 14/3, mean 7/9.
        // Per-item recall |pred ∩ gold| / |gold|: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2, f 1/1; sum 14/3, mean 7/9.
        // F1 of two equal values is that value.
        var scores = ClusteringMetrics.BCubed(s_predicted, s_gold);
        Assert.Equal(7.0 / 9.0, scores.Precision, Tolerance);
        Assert.Equal(7.0 / 9.0, scores.Recall, Tolerance);
        Assert.Equal(7.0 / 9.0, scores.F1, Tolerance);
    }

    [Fact]
    public void Asymmetric_example_separates_precision_from_recall()
    {
        // Gold {a,b,c,d}; predicted {a,b} {c,d}. True pairs 1 + 1 = 2, predicted 2, gold C(4,2) = 6.
        // Pairwise P = 1, R = 2/6 = 1/3, F1 = 2 * (1/3) / (4/3) = 1/2.
        // B-cubed: every item has precision 2/2 and recall 2/4: P = 1, R = 1/2, F1 = 2/3.
        // ARI: C(4,2) = 6, E = 2 * 6 / 6 = 2, maximum = (2 + 6) / 2 = 4, ARI = (2 - 2) / (4 - 2) = 0.
        var gold = new Dictionary<string, string> { ["a"] = "g", ["b"] = "g", ["c"] = "g", ["d"] = "g" };
        var predicted = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y" };

        var pairwise = ClusteringMetrics.Pairwise(predicted, gold);
        Assert.Equal(1.0, pairwise.Precision, Tolerance);
        Assert.Equal(1.0 / 3.0, pairwise.Recall, Tolerance);
        Assert.Equal(0.5, pairwise.F1, Tolerance);

        var bcubed = ClusteringMetrics.BCubed(predicted, gold);
        Assert.Equal(1.0, bcubed.Precision, Tolerance);
        Assert.Equal(0.5, bcubed.Recall, Tolerance);
        Assert.Equal(2.0 / 3.0, bcubed.F1, Tolerance);

        Assert.Equal(0.0, ClusteringMetrics.AdjustedRandIndex(predicted, gold), Tolerance);
    }

    [Fact]
    public void Identical_partitions_score_one_whatever_the_labels()
    {
        var relabelled = s_gold.ToDictionary(p => p.Key, p => "cluster-" + p.Value);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(relabelled, s_gold), Tolerance);
        Assert.Equal(1.0, ClusteringMetrics.Pairwise(relabelled, s_gold).F1, Tolerance);
        Assert.Equal(1.0, ClusteringMetrics.BCubed(relabelled, s_gold).F1, Tolerance);
    }

    [Fact]
    public void All_singletons_against_all_singletons()
    {
        // No pairs anywhere: precision and recall are vacuously 1, the ARI denominator vanishes (identical partitions).
        var singletons = Enumerable.Range(0, 5).ToDictionary(i => i.ToString(), i => i.ToString());
        var scores = ClusteringMetrics.Pairwise(singletons, singletons);
        Assert.Equal((0L, 0L, 0L), (scores.TruePositivePairs, scores.PredictedPairs, scores.GoldPairs));
        Assert.Equal(1.0, scores.F1);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(singletons, singletons));
        Assert.Equal(1.0, ClusteringMetrics.BCubed(singletons, singletons).F1);
    }

    [Fact]
    public void One_cluster_against_singletons()
    {
        // Five items, gold all singletons, predicted one cluster: C(5,2) = 10 predicted pairs, none true.
        // Pairwise P = 0/10 = 0, R = 1 (no gold pairs), F1 = 0.
        // B-cubed P = 1/5 for every item, R = 1: F1 = 2 * 0.2 / 1.2 = 1/3.
        // ARI: E = 10 * 0 / 10 = 0, maximum = (10 + 0) / 2 = 5, ARI = (0 - 0) / 5 = 0.
        var singletons = Enumerable.Range(0, 5).ToDictionary(i => i.ToString(), i => i.ToString());
        var oneCluster = singletons.ToDictionary(p => p.Key, _ => "all");

        var pairwise = ClusteringMetrics.Pairwise(oneCluster, singletons);
        Assert.Equal(0.0, pairwise.Precision);
        Assert.Equal(1.0, pairwise.Recall);
        Assert.Equal(0.0, pairwise.F1);

        var bcubed = ClusteringMetrics.BCubed(oneCluster, singletons);
        Assert.Equal(0.2, bcubed.Precision, Tolerance);
        Assert.Equal(1.0, bcubed.Recall, Tolerance);
        Assert.Equal(1.0 / 3.0, bcubed.F1, Tolerance);

        Assert.Equal(0.0, ClusteringMetrics.AdjustedRandIndex(oneCluster, singletons), Tolerance);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(oneCluster, oneCluster));
    }

    [Fact]
    public void Missing_predictions_count_as_singletons_and_extra_ids_are_ignored()
    {
        // Predicting only a and b, plus an unknown id z, is the same as predicting {a,b} {c} {d} {e} {f}.
        var partial = new Dictionary<string, string> { ["a"] = "P1", ["b"] = "P1", ["z"] = "P1" };
        var explicitSingletons = new Dictionary<string, string>
        {
            ["a"] = "P1",
            ["b"] = "P1",
            ["c"] = "s1",
            ["d"] = "s2",
            ["e"] = "s3",
            ["f"] = "s4",
        };

        Assert.Equal(ClusteringMetrics.Pairwise(explicitSingletons, s_gold), ClusteringMetrics.Pairwise(partial, s_gold));
        Assert.Equal(ClusteringMetrics.BCubed(explicitSingletons, s_gold), ClusteringMetrics.BCubed(partial, s_gold));
        Assert.Equal(
            ClusteringMetrics.AdjustedRandIndex(explicitSingletons, s_gold),
            ClusteringMetrics.AdjustedRandIndex(partial, s_gold),
            Tolerance);
    }

    [Fact]
    public void AdjustedRandIndex_of_random_partitions_is_near_zero()
    {
        // Under the permutation model the ARI has expectation exactly 0 (that is its construction). For n = 2000 items
        // drawn uniformly into 40 clusters on each side, a simulation of 400 draws gives a standard deviation of about
        // 7e-4, so each draw within 0.005 (about 7 deviations) and the mean of 20 draws within 0.002 (about 12
        // deviations of the mean) hold with any seed; a biased estimator would sit near the plain Rand index instead.
        var sum = 0.0;
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var rng = new SplitMix64(seed);
            var gold = new Dictionary<string, string>();
            var predicted = new Dictionary<string, string>();
            for (var i = 0; i < 2000; i++)
            {
                var id = i.ToString();
                gold[id] = rng.NextInt(40).ToString();
                predicted[id] = rng.NextInt(40).ToString();
            }

            var ari = ClusteringMetrics.AdjustedRandIndex(predicted, gold);
            Assert.InRange(ari, -0.005, 0.005);
            sum += ari;
        }

        Assert.InRange(sum / 20, -0.002, 0.002);
    }

    [Fact]
    public void Empty_input_scores_one()
    {
        var empty = new Dictionary<string, string>();
        Assert.Equal(1.0, ClusteringMetrics.Pairwise(empty, empty).F1);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(empty, empty));
        Assert.Equal(1.0, ClusteringMetrics.BCubed(empty, empty).F1);
    }
}
