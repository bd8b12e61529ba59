using Syndicate.Index;

namespace Syndicate.Tests.Index;

public sealed class LshParametersTests
{
    // The first five rows are what datasketch's MinHashLSH chooses for equal weights. All rows were computed by
    // lsh_optimal_reference.py in this folder, which integrates the polynomial areas exactly (binomial expansion at
    // 160 significant digits in mpmath) and agrees with datasketch's scipy-based scan on every row. The smallest
    // relative gap between the optimum and the runner-up among these rows is 1.2e-5 (t = 0.9, k = 128), far above
    // the integrator's rounding, so no row depends on how near-ties are broken.
    public static TheoryData<double, int, double, double, int, int> ReferenceOptima => new()
    {
        { 0.5, 128, 0.5, 0.5, 25, 5 },
        { 0.8, 128, 0.5, 0.5, 9, 13 },
        { 0.9, 128, 0.5, 0.5, 5, 25 },
        { 0.5, 256, 0.5, 0.5, 42, 6 },
        { 0.3, 128, 0.5, 0.5, 37, 3 },
        { 0.4, 64, 0.5, 0.5, 16, 4 },
        { 0.4, 128, 0.5, 0.5, 32, 4 },
        { 0.4, 256, 0.5, 0.5, 51, 5 },
        { 0.6, 64, 0.5, 0.5, 10, 6 },
        { 0.6, 128, 0.5, 0.5, 18, 7 },
        { 0.6, 256, 0.5, 0.5, 32, 8 },
        { 0.7, 64, 0.5, 0.5, 8, 8 },
        { 0.7, 128, 0.5, 0.5, 14, 9 },
        { 0.7, 256, 0.5, 0.5, 25, 10 },
        { 0.85, 64, 0.5, 0.5, 4, 15 },
        { 0.85, 128, 0.5, 0.5, 8, 16 },
        { 0.85, 256, 0.5, 0.5, 13, 19 },
        { 0.75, 256, 0.5, 0.5, 21, 12 },
        { 0.75, 256, 0.1, 0.9, 28, 9 },
        { 0.8, 128, 0.2, 0.8, 12, 10 },
        { 0.6, 128, 0.9, 0.1, 12, 10 },
        { 0.5, 100, 0.5, 0.5, 20, 5 },
        { 0.7, 50, 0.5, 0.5, 7, 7 },
    };

    // Areas from the same script (exact polynomial integration), to check the integrator and not only the argmin.
    public static TheoryData<double, int, int, double, double> ReferenceAreas => new()
    {
        { 0.5, 25, 5, 0.053721591197239048, 0.033752509448832531 },
        { 0.8, 9, 13, 0.025311863203366375, 0.033282136012204098 },
        { 0.3, 1, 1, 0.045, 0.245 },
        { 0.5, 1, 128, 1.1390449135874879e-41, 0.49224806201550388 },
    };

    [Theory]
    [MemberData(nameof(ReferenceOptima))]
    public void Optimal_matches_reference(double threshold, int k, double fpWeight, double fnWeight, int bands, int rows)
    {
        var parameters = LshParameters.Optimal(threshold, k, fpWeight, fnWeight);

        Assert.Equal(new LshParameters(bands, rows), parameters);
    }

    [Theory]
    [MemberData(nameof(ReferenceAreas))]
    public void Areas_match_exact_integration(double threshold, int bands, int rows, double fp, double fn)
    {
        var parameters = new LshParameters(bands, rows);

        Assert.Equal(fp, parameters.FalsePositiveArea(threshold), 1e-14);
        Assert.Equal(fn, parameters.FalseNegativeArea(threshold), 1e-14);
    }

    [Fact]
    public void Optimal_uses_default_equal_weights()
    {
        Assert.Equal(new LshParameters(9, 13), LshParameters.Optimal(0.8, 128));
    }

    [Fact]
    public void Optimal_depends_only_on_the_weight_ratio()
    {
        Assert.Equal(LshParameters.Optimal(0.75, 256, 0.1, 0.9), LshParameters.Optimal(0.75, 256, 1.0, 9.0));
    }

    [Fact]
    public void Optimal_is_the_minimum_of_the_weighted_areas_over_all_bandings()
    {
        // Brute force with the instance integrator, independent of Optimal's incremental accumulation.
        const double Threshold = 0.65;
        const int K = 40;
        var best = double.PositiveInfinity;
        var expected = default(LshParameters);
        for (var b = 1; b <= K; b++)
        {
            for (var r = 1; r <= K / b; r++)
            {
                var candidate = new LshParameters(b, r);
                var error = (0.3 * candidate.FalsePositiveArea(Threshold)) + (0.7 * candidate.FalseNegativeArea(Threshold));
                if (error < best)
                {
                    best = error;
                    expected = candidate;
                }
            }
        }

        Assert.Equal(expected, LshParameters.Optimal(Threshold, K, 0.3, 0.7));
    }

    [Fact]
    public void Optimal_handles_extreme_thresholds_and_tiny_signatures()
    {
        // t = 0: no false positives possible, so the most permissive banding (k bands of one row) wins.
        Assert.Equal(new LshParameters(64, 1), LshParameters.Optimal(0.0, 64));

        // t = 1: no false negatives possible, so the strictest banding (one band of k rows) wins.
        Assert.Equal(new LshParameters(1, 64), LshParameters.Optimal(1.0, 64));

        Assert.Equal(new LshParameters(1, 1), LshParameters.Optimal(0.5, 1));
    }

    [Fact]
    public void Optimal_is_fast_enough_for_construction()
    {
        // Warm up the quadrature rule cache, then time a typical call. The bound is generous for a shared machine;
        // the call itself takes well under a millisecond.
        LshParameters.Optimal(0.8, 128);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            LshParameters.Optimal(0.5 + (i * 0.01), 128);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"10 calls took {watch.Elapsed}.");
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1.0)]
    public void CandidateProbability_is_exact_at_the_ends(double jaccard, double expected)
    {
        Assert.Equal(expected, new LshParameters(9, 13).CandidateProbability(jaccard));
    }

    [Fact]
    public void CandidateProbability_follows_the_s_curve()
    {
        var parameters = new LshParameters(20, 5);

        Assert.Equal(1 - Math.Pow(1 - Math.Pow(0.6, 5), 20), parameters.CandidateProbability(0.6), 1e-15);
        Assert.True(parameters.CandidateProbability(0.3) < parameters.CandidateProbability(0.5));
        Assert.True(parameters.CandidateProbability(0.5) < parameters.CandidateProbability(0.7));
    }

    [Fact]
    public void Miss_areas_on_both_sides_add_up_to_the_closed_form()
    {
        // Below t the miss area is t − FP, above it FN; together they are ∫₀¹ (1 − s)^b ds = 1 / (b + 1) for r = 1.
        var parameters = new LshParameters(7, 1);
        var missBelow = 0.4 - parameters.FalsePositiveArea(0.4);
        var missAbove = parameters.FalseNegativeArea(0.4);

        Assert.Equal(1.0 / 8.0, missBelow + missAbove, 1e-15);
    }

    [Theory]
    [InlineData(-0.1, 128, 0.5, 0.5)]
    [InlineData(1.1, 128, 0.5, 0.5)]
    [InlineData(double.NaN, 128, 0.5, 0.5)]
    [InlineData(0.5, 0, 0.5, 0.5)]
    [InlineData(0.5, 128, -0.5, 0.5)]
    [InlineData(0.5, 128, 0.5, double.PositiveInfinity)]
    [InlineData(0.5, 128, 0.0, 0.0)]
    public void Optimal_rejects_invalid_arguments(double threshold, int k, double fpWeight, double fnWeight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LshParameters.Optimal(threshold, k, fpWeight, fnWeight));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-3, 4)]
    [InlineData(65536, 65536)]
    public void Constructor_rejects_invalid_arguments(int bands, int rows)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshParameters(bands, rows));
    }

    [Fact]
    public void Equality_and_text()
    {
        var a = new LshParameters(9, 13);
        var b = new LshParameters(9, 13);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new LshParameters(13, 9));
        Assert.Equal(117, a.SlotCount);
        Assert.Equal("(b=9, r=13)", a.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(65)]
    [InlineData(300)]
    public void Gauss_Legendre_rule_is_exact_for_its_degree(int points)
    {
        var (nodes, weights) = GaussLegendre.Rule(points);

        // ∫₋₁¹ x^d dx = 2 / (d + 1) for even d and 0 for odd d, for every d ≤ 2n − 1. The monomials are evaluated at
        // nodes of magnitude below 1, so rounding stays near machine precision even for high degrees.
        for (var degree = 0; degree <= (2 * points) - 1; degree += Math.Max(1, points / 8))
        {
            var sum = 0.0;
            for (var i = 0; i < points; i++)
            {
                sum += weights[i] * Math.Pow(nodes[i], degree);
            }

            var expected = degree % 2 == 0 ? 2.0 / (degree + 1) : 0.0;
            Assert.True(Math.Abs(expected - sum) < 1e-13, $"degree {degree}: {sum} vs {expected}");
        }

        for (var i = 1; i < points; i++)
        {
            Assert.True(nodes[i - 1] < nodes[i]);
        }
    }
}
