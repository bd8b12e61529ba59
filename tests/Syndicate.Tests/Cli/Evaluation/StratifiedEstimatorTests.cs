using Syndicate.Cli.Evaluation;

namespace Syndicate.Tests.Cli.Evaluation;

public sealed class StratifiedEstimatorTests
{
    private static readonly PairObservation s_sameLinked = new(Same: true, Linked: true);
    private static readonly PairObservation s_sameMissed = new(Same: true, Linked: false);
    private static readonly PairObservation s_wrongLink = new(Same: false, Linked: true);
    private static readonly PairObservation s_apart = new(Same: false, Linked: false);

    // Stratum A: N = 100, 4 judged, weight 25: SAME∧linked ×2, SAME missed, non-SAME linked.
    // Stratum B: N = 1000, 5 judged, weight 200: SAME missed ×2, apart ×2, non-SAME linked.
    private static readonly JudgedStratum[] s_strata =
    [
        new("A", 100, [s_sameLinked, s_sameLinked, s_sameMissed, s_wrongLink]),
        new("B", 1000, [s_sameMissed, s_sameMissed, s_apart, s_apart, s_wrongLink]),
    ];

    [Fact]
    public void Weights_each_judged_pair_by_its_stratum_size_over_its_sample_size()
    {
        FrameTotals totals = StratifiedEstimator.Estimate(s_strata);

        // T̂P = 25·2 = 50; Ŝ = 25·3 + 200·2 = 475; L̂ = 25·3 + 200·1 = 275.
        Assert.Equal(50.0, totals.TruePositives, 1e-12);
        Assert.Equal(475.0, totals.Same, 1e-12);
        Assert.Equal(275.0, totals.Linked, 1e-12);
        Assert.Equal(50.0 / 475, totals.Recall, 1e-12);
        Assert.Equal(50.0 / 275, totals.Precision, 1e-12);
        Assert.Equal(50.0 / 1000, totals.ConservativePrecision(1000), 1e-12);
    }

    [Fact]
    public void A_stratum_without_judged_pairs_contributes_nothing_and_undefined_ratios_are_NaN()
    {
        FrameTotals totals = StratifiedEstimator.Estimate([new JudgedStratum("empty", 5000, []), new JudgedStratum("apart", 10, [s_apart])]);

        Assert.Equal((0.0, 0.0, 0.0), (totals.TruePositives, totals.Same, totals.Linked));
        Assert.True(double.IsNaN(totals.Recall));
        Assert.True(double.IsNaN(totals.Precision));
        Assert.True(double.IsNaN(totals.ConservativePrecision(0)));
    }

    [Fact]
    public void Bootstrap_is_deterministic_for_a_seed_and_changes_with_it()
    {
        BootstrapIntervals first = StratifiedEstimator.Bootstrap(s_strata, 1000, 500, seed: 7);
        BootstrapIntervals again = StratifiedEstimator.Bootstrap(s_strata, 1000, 500, seed: 7);
        BootstrapIntervals other = StratifiedEstimator.Bootstrap(s_strata, 1000, 500, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Recall, other.Recall);
    }

    [Fact]
    public void Bootstrap_of_a_sample_without_variation_has_no_width()
    {
        JudgedStratum[] strata = [new("all-good", 40, [s_sameLinked, s_sameLinked, s_sameLinked]), new("apart", 900, [s_apart, s_apart])];

        BootstrapIntervals ci = StratifiedEstimator.Bootstrap(strata, linkedPairs: 60, replicates: 200);

        Assert.Equal(new Interval(1.0, 1.0), ci.Recall);
        Assert.Equal(new Interval(1.0, 1.0), ci.Precision);
        // T̂P = 40 of L = 60 linked pairs in the corpus.
        Assert.Equal(new Interval(40.0 / 60, 40.0 / 60), ci.ConservativePrecision);
        Assert.Equal(0, ci.Undefined);
    }

    [Fact]
    public void Bootstrap_interval_matches_the_binomial_standard_error()
    {
        // One stratum, every pair linked, half of them SAME: precision is a sample proportion p̂ = 0.5 over n = 100,
        // whose standard error is √(p(1−p)/n) = 0.05, so the 95% interval is about 0.5 ± 1.96·0.05 = [0.402, 0.598].
        var sample = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? s_sameLinked : s_wrongLink).ToArray();

        BootstrapIntervals ci = StratifiedEstimator.Bootstrap([new JudgedStratum("linked", 5000, sample)], 5000, StratifiedEstimator.DefaultReplicates);

        Assert.InRange(ci.Precision.Lower, 0.38, 0.42);
        Assert.InRange(ci.Precision.Upper, 0.58, 0.62);
        // Recall is 1 in every replicate: each SAME pair is linked.
        Assert.Equal(new Interval(1.0, 1.0), ci.Recall);
    }

    [Fact]
    public void Replicates_that_draw_no_SAME_pair_are_left_out_and_counted()
    {
        // One SAME pair among 20: a replicate draws none of them with probability (19/20)^20 ≈ 0.358.
        var sample = Enumerable.Range(0, 20).Select(i => i == 0 ? s_sameLinked : s_apart).ToArray();

        BootstrapIntervals ci = StratifiedEstimator.Bootstrap([new JudgedStratum("s", 20, sample)], 1, 2000);

        Assert.InRange(ci.Undefined, 2000 * 0.30, 2000 * 0.42);
        Assert.Equal(new Interval(1.0, 1.0), ci.Recall);
    }

    [Theory]
    [InlineData(0.5, 2.5)]
    [InlineData(0.025, 1.075)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    public void Quantile_interpolates_between_order_statistics(double p, double expected) =>
        Assert.Equal(expected, StratifiedEstimator.Quantile([1.0, 2.0, 3.0, 4.0], p), 1e-12);
}
