using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

/// <summary>
/// Runs every sketch over a grid of set pairs with known Jaccard similarity, once per test class: T trials
/// per case, each with a different sketch seed, recording the plain and the 8-bit estimates.
/// </summary>
/// <remarks>
/// Trial counts are sized for run time (see <see cref="TrialsFor"/>). The mean checks stay meaningful
/// with few trials, as their bound shrinks with k·T; the variance checks are informative mostly for the
/// small and medium sets. Classic signatures are
/// computed once at the largest k per trial: their first k′ slots are exactly the signature of length k′
/// with the same seed (checked by <see cref="ClassicMinHashTests"/>), so the smaller k reuse that work.
/// </remarks>
public sealed class SketchTrials
{
    public const int Bits = 8;

    public static readonly int[] Sizes = [10, 100, 1000, 10000];
    public static readonly double[] TargetJaccards = [0.1, 0.3, 0.5, 0.7, 0.9];
    public static readonly int[] Lengths = [64, 128, 256];
    public static readonly string[] Names = [Sketchers.Classic, Sketchers.OnePermutation];

    private readonly Dictionary<(string Name, int Size, int Jaccard, int Length), SketchCase> _cases = [];

    public SketchTrials()
    {
        foreach (var size in Sizes)
        {
            for (var j = 0; j < TargetJaccards.Length; j++)
            {
                var pair = SetPair.WithJaccard(size, TargetJaccards[j], (ulong)((size * 31) + j));
                foreach (var name in Names)
                {
                    foreach (var c in Run(name, pair, Lengths, TrialsFor(name, size)))
                    {
                        _cases[(name, size, j, c.Length)] = c;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Trials per case. Classic MinHash costs 2·n·256 multiply-mods per trial (the smaller k reuse the
    /// prefix), so the large sets get one or a few trials; one-permutation hashing costs O(n + k) and gets
    /// more. The variance checks need at least two trials and are informative for the smaller sets,
    /// which is enough for classic MinHash, whose variance does not depend on n.
    /// </summary>
    public static int TrialsFor(string name, int size) => (name, size) switch
    {
        (Sketchers.Classic, <= 10) => 200,
        (Sketchers.Classic, <= 100) => 50,
        (Sketchers.Classic, <= 1000) => 6,
        (Sketchers.Classic, _) => 1,
        (_, <= 10) => 300,
        (_, <= 100) => 200,
        (_, <= 1000) => 50,
        _ => 10,
    };

    public SketchCase Get(string name, int size, int jaccardIndex, int length) => _cases[(name, size, jaccardIndex, length)];

    /// <summary>Runs <paramref name="trials"/> seeds of one sketch on one pair, for each signature length.</summary>
    internal static SketchCase[] Run(string name, SetPair pair, int[] lengths, int trials)
    {
        var maxLength = lengths.Max();
        var shareSignatures = name == Sketchers.Classic;
        var plain = lengths.Select(_ => new double[trials]).ToArray();
        var bBit = lengths.Select(_ => new double[trials]).ToArray();
        var signatureA = new uint[maxLength];
        var signatureB = new uint[maxLength];
        var bytesA = new byte[maxLength];
        var bytesB = new byte[maxLength];
        for (var t = 0; t < trials; t++)
        {
            var seed = 1_000_003L * (t + 1);
            if (shareSignatures)
            {
                var hasher = Sketchers.Create(name, maxLength, seed);
                hasher.Compute(pair.A, signatureA);
                hasher.Compute(pair.B, signatureB);
            }

            for (var l = 0; l < lengths.Length; l++)
            {
                var k = lengths[l];
                if (!shareSignatures)
                {
                    var hasher = Sketchers.Create(name, k, seed);
                    hasher.Compute(pair.A, signatureA);
                    hasher.Compute(pair.B, signatureB);
                }

                for (var i = 0; i < k; i++)
                {
                    bytesA[i] = (byte)signatureA[i];
                    bytesB[i] = (byte)signatureB[i];
                }

                plain[l][t] = SimilarityEstimator.Jaccard(SignatureComparer.CountEqual(signatureA.AsSpan(0, k), signatureB.AsSpan(0, k)), k);
                bBit[l][t] = SimilarityEstimator.JaccardBBit(SignatureComparer.CountEqual(bytesA.AsSpan(0, k), bytesB.AsSpan(0, k)), k, Bits);
            }
        }

        return lengths.Select((k, l) =>
        {
            var ratio = name == Sketchers.OnePermutation ? EstimatorModel.OphVarianceRatio(pair.Union, k) : 1.0;
            return new SketchCase(pair.Jaccard, pair.Union, k, ratio, plain[l], bBit[l]);
        }).ToArray();
    }
}
