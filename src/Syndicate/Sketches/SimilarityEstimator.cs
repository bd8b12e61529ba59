using Syndicate.Internal;

namespace Syndicate.Sketches;

/// <summary>
/// Turns counts of equal signature slots into similarity estimates.
/// </summary>
public static class SimilarityEstimator
{
    /// <summary>
    /// The plain MinHash estimator of the Jaccard similarity (Broder 1997): the fraction of equal slots.
    /// </summary>
    /// <remarks>
    /// Each slot of a full-width signature is equal with probability J, so the fraction is unbiased with
    /// variance J(1 − J)/k for <see cref="ClassicMinHash"/> (independent slots) and close to it for
    /// <see cref="OnePermutationMinHash"/>.
    /// </remarks>
    /// <param name="equalSlots">The number of equal slots, from <see cref="SignatureComparer"/>.</param>
    /// <param name="length">The signature length k; must be positive.</param>
    /// <returns>The estimate of J, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> is not positive, or <paramref name="equalSlots"/> is outside [0, length].
    /// </exception>
    public static double Jaccard(int equalSlots, int length)
    {
        ValidateCounts(equalSlots, length);
        return (double)equalSlots / length;
    }

    /// <summary>
    /// The b-bit MinHash estimator of the Jaccard similarity (Li and König, "b-Bit Minwise Hashing",
    /// WWW 2010), for signatures of which only the low <paramref name="bits"/> bits of each slot are kept.
    /// </summary>
    /// <remarks>
    /// Truncated slots also agree when different minima share their low bits. With uniformly distributed
    /// slot values that happens with probability 2^−b, so a slot agrees with probability
    /// P = J + (1 − J)·2^−b, which solved for J gives J = (P − 2^−b) / (1 − 2^−b). This is Li and König's
    /// formula in the limit of a universe much larger than the sets, which applies here because the sketches
    /// spread slot values uniformly instead of keeping raw minima. The
    /// observed fraction of equal slots stands in for P, and the result is clamped to [0, 1]. Its variance
    /// is P(1 − P) / (k·(1 − 2^−b)²) for independent slots.
    /// </remarks>
    /// <param name="equalSlots">The number of equal truncated slots.</param>
    /// <param name="length">The signature length k; must be positive.</param>
    /// <param name="bits">The bits b kept per slot, from 1 to 32.</param>
    /// <returns>The estimate of J, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> is not positive, <paramref name="equalSlots"/> is outside [0, length], or
    /// <paramref name="bits"/> is outside [1, 32].
    /// </exception>
    public static double JaccardBBit(int equalSlots, int length, int bits)
    {
        ValidateCounts(equalSlots, length);
        if (bits is < 1 or > 32)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(bits), "The bits per slot must be between 1 and 32.");
        }

        var chance = Math.ScaleB(1.0, -bits);
        var p = (double)equalSlots / length;
        return Math.Clamp((p - chance) / (1.0 - chance), 0.0, 1.0);
    }

    /// <summary>
    /// Estimates the containment |A ∩ B| / min(|A|, |B|) from an estimate of the Jaccard similarity and the
    /// exact set sizes: how much of the smaller document is found in the larger one.
    /// </summary>
    /// <remarks>
    /// From J = |A ∩ B| / |A ∪ B| and |A ∪ B| = |A| + |B| − |A ∩ B| follows
    /// J·(|A| + |B|) = |A ∩ B|·(1 + J), so |A ∩ B| = J/(1 + J)·(|A| + |B|). Dividing by the smaller size gives
    /// the containment, clamped to [0, 1] because an estimated J can imply more overlap than the smaller set
    /// holds. If either set is empty the result is 0: an empty document contains no shared text.
    /// </remarks>
    /// <param name="jaccard">The Jaccard similarity (or its estimate), in [0, 1].</param>
    /// <param name="sizeA">The number of distinct shingles of A; not negative.</param>
    /// <param name="sizeB">The number of distinct shingles of B; not negative.</param>
    /// <returns>The containment estimate, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="jaccard"/> is outside [0, 1] or NaN, or a size is negative.
    /// </exception>
    public static double Containment(double jaccard, int sizeA, int sizeB)
    {
        if (!(jaccard >= 0.0 && jaccard <= 1.0))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(jaccard), "The Jaccard similarity must be in [0, 1].");
        }

        if (sizeA < 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(sizeA), "A set size cannot be negative.");
        }

        if (sizeB < 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(sizeB), "A set size cannot be negative.");
        }

        var smaller = Math.Min(sizeA, sizeB);
        if (smaller == 0)
        {
            return 0.0;
        }

        var intersection = jaccard / (1.0 + jaccard) * ((double)sizeA + sizeB);
        return Math.Clamp(intersection / smaller, 0.0, 1.0);
    }

    private static void ValidateCounts(int equalSlots, int length)
    {
        if (length <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(length), "The signature length must be positive.");
        }

        if ((uint)equalSlots > (uint)length)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(equalSlots), "The number of equal slots must be between 0 and the length.");
        }
    }
}
