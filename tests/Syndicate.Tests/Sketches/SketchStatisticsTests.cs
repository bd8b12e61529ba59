using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

/// <summary>
/// Checks the sketches' estimates against their sampling distributions on set pairs of exactly known
/// Jaccard similarity J: sizes 10 to 10,000, J from 0.1 to 0.9, k = 64, 128, 256.
/// </summary>
/// <remarks>
/// <para>
/// Every bound is z standard errors from the theory (see <see cref="EstimatorModel"/>), never fitted to the
/// observed values. The seeds are fixed, so the outcome is deterministic; what z controls is the chance that
/// a correct implementation meets an unlucky set of seeds. This file makes about 370 two-sided checks
/// (means, 8-bit means, differences, variances) and <see cref="SmallSetStatisticsTests"/> about 130 more;
/// at z = 5 each has a normal tail probability of 5.7e-7, so by the union bound a correct implementation
/// fails any of them with probability below 3e-4. At z = 3, a common choice for a single check, about one
/// false failure would be expected per run.
/// </para>
/// <para>
/// Variances: classic MinHash slots are independent Bernoulli(J), so the sample variance of T estimates is
/// close to σ²·χ²_{T−1}/(T−1), σ² = J(1 − J)/k, and lies in a Wilson–Hilferty band at z = 5; the slight
/// non-normality of a binomial mean is absorbed by Satterthwaite's effective degrees of freedom. The
/// densified OPH estimator's variance is R(u, k)·J(1 − J)/k with R derived exactly in
/// <see cref="EstimatorModel.OphVarianceRatio"/>: R is below 1 once the union fills the bins (sampling
/// without replacement) and rises to about 1.5 for sets much smaller than k, where two elements that share
/// a bin hide one of them from every slot. Its distribution is not close to normal for tiny sets, so the
/// variance is checked through the mean of the squared standardized errors, which is 1 under the model,
/// with a standard error estimated from the data themselves.
/// </para>
/// </remarks>
public sealed class SketchStatisticsTests : IClassFixture<SketchTrials>
{
    private const double Z = 5.0;

    private readonly SketchTrials _trials;

    public SketchStatisticsTests(SketchTrials trials) => _trials = trials;

    public static TheoryData<string, int> NamesAndSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in SketchTrials.Names)
        {
            foreach (var size in SketchTrials.Sizes)
            {
                data.Add(name, size);
            }
        }

        return data;
    }

    public static TheoryData<int> Sizes() => [.. SketchTrials.Sizes];

    [Theory]
    [MemberData(nameof(NamesAndSizes))]
    public void Mean_IsWithinSamplingErrorOfTheTrueJaccard(string name, int size)
    {
        // E[Ĵ] = J for both sketches; the mean of T independent trials has variance σ²/T.
        AssertAll(name, size, c => CheckMean("plain", c.Plain, c.Jaccard, c.PlainVariance));
    }

    [Theory]
    [MemberData(nameof(NamesAndSizes))]
    public void BBitMean_IsWithinSamplingErrorOfTheTrueJaccard(string name, int size)
    {
        // The 8-bit estimator (P̂ − 2^−8)/(1 − 2^−8) is unbiased up to its clamp at 0, which for J ≥ 0.1
        // shifts the mean by less than 1e-6; its variance is P(1 − P)/(k(1 − 2^−8)²) for independent slots.
        AssertAll(name, size, c => CheckMean("8-bit", c.BBit, c.BBitMean, c.BBitVariance));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Mean_OnePermutationAgreesWithClassic(int size)
    {
        // Both are unbiased estimates of the same J from independent seeds, so their difference of means
        // has variance σ²_classic/T + σ²_oph/T.
        AssertAll(Sketchers.Classic, size, (classic, j, k) =>
        {
            var oph = _trials.Get(Sketchers.OnePermutation, size, j, k);
            var difference = Mean(oph.Plain) - Mean(classic.Plain);
            var bound = Z * Math.Sqrt((classic.PlainVariance / classic.Trials) + (oph.PlainVariance / oph.Trials));
            return Math.Abs(difference) <= bound
                ? null
                : $"OPH − classic = {difference:F5}, bound ±{bound:F5}";
        });
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Variance_ClassicIsInTheChiSquareBand(int size)
    {
        AssertAll(Sketchers.Classic, size, c =>
        {
            if (c.Trials < 2)
            {
                return null; // no sample variance from a single trial
            }

            var sample = SampleVariance(c.Plain);
            var sigma2 = c.PlainVariance;

            // Var(s²/σ²) ≈ 2/(T − 1) + κ/T for excess kurtosis κ; matching it to χ²_ν/ν gives ν.
            var kappa = EstimatorModel.BinomialMeanExcessKurtosis(c.Jaccard, c.Length);
            var dof = 2.0 / ((2.0 / (c.Trials - 1)) + (kappa / c.Trials));
            var low = sigma2 * EstimatorModel.ChiSquareOverDofQuantile(dof, -Z);
            var high = sigma2 * EstimatorModel.ChiSquareOverDofQuantile(dof, Z);
            return sample >= low && sample <= high
                ? null
                : $"s² = {sample:E3}, band [{low:E3}, {high:E3}] around σ² = {sigma2:E3}";
        });
    }

    [Theory]
    [MemberData(nameof(NamesAndSizes))]
    public void Variance_MatchesTheModelAcrossJaccardValues(string name, int size)
    {
        var failures = new List<string>();
        foreach (var k in SketchTrials.Lengths)
        {
            var cases = Enumerable.Range(0, SketchTrials.TargetJaccards.Length)
                .Select(j => _trials.Get(name, size, j, k))
                .ToArray();
            var failure = CheckStandardizedSquares(cases.SelectMany(c => c.Plain.Select(x => (x - c.Jaccard) * (x - c.Jaccard) / c.PlainVariance)).ToArray());
            if (failure is not null)
            {
                failures.Add($"k={k} R=[{string.Join(", ", cases.Select(c => c.VarianceRatio.ToString("F3")))}]: {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Variance_OnePermutationIsAtMostAboutClassic(int size)
    {
        // The derived ratio itself: about 1 + u/(2(u − 1)) for u ≪ k, so at most about 1.55 for the
        // smallest union here (u = 11), and below 1 once the union is a few times k.
        foreach (var j in Enumerable.Range(0, SketchTrials.TargetJaccards.Length))
        {
            foreach (var k in SketchTrials.Lengths)
            {
                var c = _trials.Get(Sketchers.OnePermutation, size, j, k);
                Assert.InRange(c.VarianceRatio, 0.0, 1.6);
                if (c.Union >= 4 * k)
                {
                    Assert.True(c.VarianceRatio < 1.0, c.ToString());
                }
            }
        }
    }

    /// <summary>
    /// Tests that standardized squared errors average to 1. Their variance is 2 for a normal estimator
    /// and larger for heavy-tailed ones; the sample value is used, floored at 2 so that a few trials
    /// cannot understate it.
    /// </summary>
    internal static string? CheckStandardizedSquares(double[] squares)
    {
        if (squares.Length < 2)
        {
            return null;
        }

        var mean = Mean(squares);
        var spread = Math.Max(SampleVariance(squares), 2.0);
        var bound = Z * Math.Sqrt(spread / squares.Length);
        return Math.Abs(mean - 1.0) <= bound ? null : $"mean of (Ĵ − J)²/σ² = {mean:F3}, expected 1 ± {bound:F3}";
    }

    internal static string? CheckMean(string label, double[] estimates, double expected, double variance)
    {
        var mean = Mean(estimates);
        var bound = Z * Math.Sqrt(variance / estimates.Length);

        // A zero variance (J = 0 or 1) still allows the 2^−32 false slot matches.
        return Math.Abs(mean - expected) <= bound + 1e-6 ? null : $"{label} mean {mean:F5}, expected {expected:F5} ± {bound:F5}";
    }

    internal static double Mean(double[] values) => values.Average();

    internal static double SampleVariance(double[] values)
    {
        var mean = Mean(values);
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    private void AssertAll(string name, int size, Func<SketchCase, string?> check) =>
        AssertAll(name, size, (c, _, _) => check(c));

    private void AssertAll(string name, int size, Func<SketchCase, int, int, string?> check)
    {
        var failures = new List<string>();
        for (var j = 0; j < SketchTrials.TargetJaccards.Length; j++)
        {
            foreach (var k in SketchTrials.Lengths)
            {
                var c = _trials.Get(name, size, j, k);
                if (check(c, j, k) is { } failure)
                {
                    failures.Add($"{c}: {failure}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
