namespace Syndicate.Tests.Sketches;

/// <summary>
/// Sampling distributions of the MinHash estimators, used to derive the bounds of the statistical tests.
/// </summary>
internal static class EstimatorModel
{
    /// <summary>
    /// The ratio R of the variance of the densified one-permutation estimator to the classic MinHash
    /// variance J(1 − J)/k, for a union of <paramref name="union"/> elements and k bins.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Slot i of A and B agrees exactly when the element e_i that densified OPH selects for slot i of
    /// A ∪ B lies in A ∩ B (the first bin of i's probe sequence that A ∪ B occupies decides both
    /// signatures). Let X_i = 1[e_i ∈ A ∩ B], u = |A ∪ B|, s = |A ∩ B|, J = s/u. The hash treats all
    /// elements alike, so given e_i = e_j the element is uniform over A ∪ B, and given e_i ≠ e_j the pair
    /// is a uniform pair of distinct elements. With q = P(e_i = e_j) for i ≠ j:
    /// P(X_i = X_j = 1) = qJ + (1 − q)·s(s − 1)/(u(u − 1)), hence Cov(X_i, X_j) = J(1 − J)(qu − 1)/(u − 1) and
    /// Var(Ĵ) = J(1 − J)/k · [1 + (k − 1)(qu − 1)/(u − 1)].
    /// Classic MinHash picks e_i independently per slot, q = 1/u, and the bracket is 1.
    /// </para>
    /// <para>
    /// For OPH, let m be the number of bins that the u elements occupy. Two distinct occupied bins hold
    /// different minima; an empty bin's probes hit a uniformly chosen occupied bin, independently of other
    /// bins' probes. So for a pair of distinct slots, P(same element | m) = (1 − m(m − 1)/(k(k − 1)))/m, averaged
    /// over the exact occupancy distribution of u balls in k bins. For u ≫ k every bin is occupied, q = 0
    /// and R = 1 − (k − 1)/(u − 1): sampling without replacement. For u ≪ k, m ≈ u − u²/(2k) and
    /// R ≈ 1 + u/(2(u − 1)), from 2 at u = 2 towards 1.5, because an element that shares a bin with a
    /// smaller one is never selected.
    /// </para>
    /// </remarks>
    public static double OphVarianceRatio(int union, int k)
    {
        if (union <= 1 || k <= 1)
        {
            return 1.0;
        }

        // occupancy[m] = P(m bins occupied) after t elements, updated in place from high m to low m.
        var occupancy = new double[k + 1];
        occupancy[0] = 1.0;
        for (var t = 1; t <= union; t++)
        {
            for (var m = Math.Min(t, k); m >= 1; m--)
            {
                occupancy[m] = (occupancy[m] * m / k) + (occupancy[m - 1] * (k - m + 1) / k);
            }

            occupancy[0] = 0.0;
        }

        var q = 0.0;
        var pairs = (double)k * (k - 1);
        for (var m = 1; m <= k; m++)
        {
            q += occupancy[m] * (1.0 - (m * (m - 1.0) / pairs)) / m;
        }

        return 1.0 + ((k - 1) * ((q * union) - 1.0) / (union - 1.0));
    }

    /// <summary>Variance of the plain estimator: R·J(1 − J)/k.</summary>
    public static double PlainVariance(double jaccard, int k, double ratio) => ratio * jaccard * (1.0 - jaccard) / k;

    /// <summary>
    /// Variance of the b-bit estimator. A truncated slot agrees when the full slots agree (X_i), or when
    /// different elements share their low b bits, an independent Bernoulli(c) event with c = 2^−b:
    /// Y_i = X_i + (1 − X_i)·F_i. Then Ĵ_b = (Ȳ − c)/(1 − c) has variance
    /// Var(X̄) + c(1 − J)/((1 − c)k), which for independent slots (R = 1) equals Li and König's
    /// P(1 − P)/(k(1 − c)²) with P = J + (1 − J)c.
    /// </summary>
    public static double BBitVariance(double jaccard, int k, int bits, double ratio)
    {
        var c = Math.ScaleB(1.0, -bits);
        return PlainVariance(jaccard, k, ratio) + (c * (1.0 - jaccard) / ((1.0 - c) * k));
    }

    /// <summary>
    /// The expected value of the b-bit estimator after its clamp at 0, for k independent slots that each
    /// agree with probability P = J + (1 − J)·2^−b: E[max(0, (X/k − c)/(1 − c))] with X ~ Binomial(k, P).
    /// </summary>
    /// <remarks>
    /// Without the clamp the estimator is unbiased; the clamp raises the mean only when P̂ &lt; c is likely,
    /// that is for J near 0, where the differences from J are about 0.001 at k = 64. For J ≥ 0.1 the
    /// correction is below 1e-6. For one-permutation hashing the slots are not independent, but where the
    /// clamp matters (J ≈ 0) the agreeing slots are the salted 2^−b false matches, which are.
    /// </remarks>
    public static double ClampedBBitMean(double jaccard, int k, int bits)
    {
        var c = Math.ScaleB(1.0, -bits);
        var p = jaccard + ((1.0 - jaccard) * c);
        if (p >= 1.0)
        {
            return 1.0;
        }

        var mean = 0.0;
        var probability = Math.Pow(1.0 - p, k);
        for (var x = 0; x <= k; x++)
        {
            mean += probability * Math.Max(0.0, (((double)x / k) - c) / (1.0 - c));
            probability *= (k - x) / (x + 1.0) * p / (1.0 - p);
        }

        return mean;
    }

    /// <summary>
    /// Excess kurtosis of the mean of k independent Bernoulli(J) slots, (1 − 6J(1 − J))/(kJ(1 − J)).
    /// </summary>
    public static double BinomialMeanExcessKurtosis(double jaccard, int k)
    {
        var pq = jaccard * (1.0 - jaccard);
        return pq == 0 ? 0 : (1.0 - (6.0 * pq)) / (k * pq);
    }

    /// <summary>
    /// The Wilson–Hilferty approximation of the quantile of χ²_ν / ν at standard normal deviate z:
    /// (1 − 2/(9ν) + z·√(2/(9ν)))³, floored at 0.
    /// </summary>
    public static double ChiSquareOverDofQuantile(double dof, double z)
    {
        var v = 2.0 / (9.0 * dof);
        var root = 1.0 - v + (z * Math.Sqrt(v));
        return root <= 0 ? 0 : root * root * root;
    }
}
