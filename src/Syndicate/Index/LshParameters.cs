using System.Globalization;
using Syndicate.Internal;

namespace Syndicate.Index;

/// <summary>
/// The banding of a MinHash signature for locality-sensitive hashing: the signature's first
/// <see cref="Bands"/> × <see cref="Rows"/> slots are cut into <see cref="Bands"/> bands of
/// <see cref="Rows"/> consecutive slots, and two documents become candidates when all slots of at least one band agree.
/// </summary>
/// <remarks>
/// If each slot agrees independently with probability <c>s</c> (the Jaccard similarity, for MinHash), a pair becomes a
/// candidate with probability <c>1 − (1 − s^r)^b</c>, an S-curve whose steep part sits near <c>(1/b)^(1/r)</c>.
/// <see cref="Optimal"/> places that curve for a similarity threshold. The <see langword="default"/> value has zero
/// bands and is not a valid banding.
/// </remarks>
public readonly struct LshParameters : IEquatable<LshParameters>
{
    /// <summary>Creates a banding of <paramref name="bands"/> bands of <paramref name="rows"/> slots each.</summary>
    /// <param name="bands">The number of bands, at least 1.</param>
    /// <param name="rows">The number of signature slots per band, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A value is below 1, or <paramref name="bands"/> × <paramref name="rows"/> exceeds <see cref="int.MaxValue"/>.
    /// </exception>
    /// <remarks>Whether the signature has <paramref name="bands"/> × <paramref name="rows"/> slots is checked by its user.</remarks>
    public LshParameters(int bands, int rows)
    {
        if (bands < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(bands), "At least one band is required.");
        }

        if (rows < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(rows), "At least one row per band is required.");
        }

        if ((long)bands * rows > int.MaxValue)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(rows), "bands × rows must fit in an Int32.");
        }

        Bands = bands;
        Rows = rows;
    }

    /// <summary>Gets the number of bands <c>b</c>.</summary>
    public int Bands { get; }

    /// <summary>Gets the number of signature slots per band <c>r</c>.</summary>
    public int Rows { get; }

    /// <summary>Gets the number of signature slots the banding reads, <see cref="Bands"/> × <see cref="Rows"/>.</summary>
    public int SlotCount => Bands * Rows;

    /// <summary>Determines whether two bandings are equal.</summary>
    public static bool operator ==(LshParameters left, LshParameters right) => left.Equals(right);

    /// <summary>Determines whether two bandings differ.</summary>
    public static bool operator !=(LshParameters left, LshParameters right) => !left.Equals(right);

    /// <summary>
    /// Chooses the banding that minimises the weighted false-positive and false-negative areas for a similarity
    /// threshold, as the Python library datasketch does for <c>MinHashLSH</c>.
    /// </summary>
    /// <param name="threshold">The Jaccard similarity at and above which pairs should become candidates, in [0, 1].</param>
    /// <param name="signatureLength">The number of signature slots <c>k</c> available, at least 1.</param>
    /// <param name="falsePositiveWeight">The weight of <see cref="FalsePositiveArea"/>, finite and non-negative.</param>
    /// <param name="falseNegativeWeight">The weight of <see cref="FalseNegativeArea"/>, finite and non-negative.</param>
    /// <returns>
    /// The <c>(b, r)</c> with <c>b · r ≤ k</c> minimising <c>falsePositiveWeight · FP + falseNegativeWeight · FN</c>;
    /// among equal errors, the first met scanning <c>b</c> from 1 to <c>k</c> and, within it, <c>r</c> from 1 to
    /// <c>⌊k / b⌋</c>, which is datasketch's order.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, or both weights are zero.</exception>
    /// <remarks>
    /// Only the ratio of the weights matters; datasketch additionally requires them to sum to 1. Each area is the
    /// integral of a polynomial of degree <c>b · r ≤ k</c>, so a Gauss–Legendre rule of <c>⌊k / 2⌋ + 1</c> points is
    /// exact up to rounding (about 1e-15 here). The scan costs about <c>k² ln k / 2</c> multiplications: about a
    /// millisecond for <c>k = 128</c> and a few tens of milliseconds for <c>k = 2048</c>, so no cache is kept.
    /// </remarks>
    public static LshParameters Optimal(
        double threshold,
        int signatureLength,
        double falsePositiveWeight = 0.5,
        double falseNegativeWeight = 0.5)
    {
        if (!(threshold >= 0.0 && threshold <= 1.0))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(threshold), "The threshold must be in [0, 1].");
        }

        if (signatureLength < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(signatureLength), "The signature must have at least one slot.");
        }

        if (!(falsePositiveWeight >= 0.0 && double.IsFinite(falsePositiveWeight)))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(falsePositiveWeight), "The weight must be finite and non-negative.");
        }

        if (!(falseNegativeWeight >= 0.0 && double.IsFinite(falseNegativeWeight)))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(falseNegativeWeight), "The weight must be finite and non-negative.");
        }

        if (falsePositiveWeight == 0.0 && falseNegativeWeight == 0.0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(falseNegativeWeight), "At least one weight must be positive.");
        }

        var k = signatureLength;
        var (nodes, weights) = GaussLegendre.Rule(GaussLegendre.PointsForDegree(k));
        var points = nodes.Length;

        // The pairs (b, r) with b·r ≤ k, stored with b outer so the final scan can follow datasketch's order.
        // offsets[b] is where b's run of ⌊k/b⌋ entries starts.
        var offsets = new int[k + 2];
        for (var b = 1; b <= k; b++)
        {
            offsets[b + 1] = offsets[b] + (k / b);
        }

        var errors = new double[offsets[k + 1]];

        // The error is linear in the integrand, so accumulate node by node: at each node, q = 1 − s^r is fixed for a
        // given r and q^b follows from q^(b−1) by one multiplication. The fp side integrates 1 − q^b over [0, t],
        // the fn side q^b over [t, 1]; the affine maps from [-1, 1] scale the weights by half of each length.
        var fpHalf = 0.5 * threshold;
        var fnHalf = 0.5 * (1.0 - threshold);
        for (var i = 0; i < points; i++)
        {
            var sFp = fpHalf * (1.0 + nodes[i]);
            var sFn = threshold + (fnHalf * (1.0 + nodes[i]));
            var wFp = falsePositiveWeight * fpHalf * weights[i];
            var wFn = falseNegativeWeight * fnHalf * weights[i];
            var sFpPowR = 1.0;
            var sFnPowR = 1.0;
            for (var r = 1; r <= k; r++)
            {
                sFpPowR *= sFp;
                sFnPowR *= sFn;
                var qFp = 1.0 - sFpPowR;
                var qFn = 1.0 - sFnPowR;
                var qFpPowB = 1.0;
                var qFnPowB = 1.0;
                var maxB = k / r;
                for (var b = 1; b <= maxB; b++)
                {
                    qFpPowB *= qFp;
                    qFnPowB *= qFn;
                    errors[offsets[b] + r - 1] += (wFp * (1.0 - qFpPowB)) + (wFn * qFnPowB);
                }
            }
        }

        var best = double.PositiveInfinity;
        int bestBands = 0, bestRows = 0;
        for (var b = 1; b <= k; b++)
        {
            var maxR = k / b;
            for (var r = 1; r <= maxR; r++)
            {
                var error = errors[offsets[b] + r - 1];
                if (error < best)
                {
                    best = error;
                    bestBands = b;
                    bestRows = r;
                }
            }
        }

        return new LshParameters(bestBands, bestRows);
    }

    /// <summary>
    /// Returns the false-positive area <c>∫₀ᵗ 1 − (1 − s^r)^b ds</c>: the candidate probability summed over
    /// similarities below <paramref name="threshold"/>.
    /// </summary>
    /// <param name="threshold">The similarity threshold, in [0, 1].</param>
    /// <returns>The area, in [0, <paramref name="threshold"/>].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1].</exception>
    public double FalsePositiveArea(double threshold)
    {
        ValidateThreshold(threshold);
        return Integrate(0.0, threshold, falsePositive: true);
    }

    /// <summary>
    /// Returns the false-negative area <c>∫ₜ¹ (1 − s^r)^b ds</c>: the probability of missing a pair summed over
    /// similarities above <paramref name="threshold"/>.
    /// </summary>
    /// <param name="threshold">The similarity threshold, in [0, 1].</param>
    /// <returns>The area, in [0, 1 − <paramref name="threshold"/>].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1].</exception>
    public double FalseNegativeArea(double threshold)
    {
        ValidateThreshold(threshold);
        return Integrate(threshold, 1.0, falsePositive: false);
    }

    /// <summary>
    /// Returns the probability <c>1 − (1 − s^r)^b</c> that two documents whose signature slots agree independently
    /// with probability <paramref name="jaccard"/> share at least one band.
    /// </summary>
    /// <param name="jaccard">The per-slot agreement probability (the Jaccard similarity for MinHash), in [0, 1].</param>
    /// <returns>The candidate probability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jaccard"/> is outside [0, 1].</exception>
    public double CandidateProbability(double jaccard)
    {
        if (!(jaccard >= 0.0 && jaccard <= 1.0))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(jaccard), "The similarity must be in [0, 1].");
        }

        return 1.0 - Math.Pow(1.0 - Math.Pow(jaccard, Rows), Bands);
    }

    /// <inheritdoc/>
    public bool Equals(LshParameters other) => Bands == other.Bands && Rows == other.Rows;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LshParameters other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Bands, Rows);

    /// <summary>Returns the banding as <c>(b=…, r=…)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"(b={Bands}, r={Rows})");

    private static void ValidateThreshold(double threshold)
    {
        if (!(threshold >= 0.0 && threshold <= 1.0))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(threshold), "The threshold must be in [0, 1].");
        }
    }

    private double Integrate(double from, double to, bool falsePositive)
    {
        var (nodes, weights) = GaussLegendre.Rule(GaussLegendre.PointsForDegree(SlotCount));
        var half = 0.5 * (to - from);
        var sum = 0.0;
        for (var i = 0; i < nodes.Length; i++)
        {
            var s = from + (half * (1.0 + nodes[i]));
            var missProbability = Math.Pow(1.0 - Math.Pow(s, Rows), Bands);
            sum += weights[i] * (falsePositive ? 1.0 - missProbability : missProbability);
        }

        return half * sum;
    }
}
