using Syndicate.Index;

namespace Syndicate.Tests.Index;

public sealed class LshIndexStatisticalTests
{
    /// <summary>
    /// Pairs whose one-byte slots agree independently with probability <c>p</c> must become candidates with
    /// probability <c>1 − (1 − p^r)^b</c>. Each of <c>N</c> pairs is a Bernoulli trial, so the observed rate has
    /// standard deviation <c>√(P (1 − P) / N)</c>; the test allows 4.5 of them (a two-sided chance of about 7e-6 per
    /// case for a correct index, with a fixed seed on top). Unrelated documents share a band with probability about
    /// <c>b · 2^(−8r)</c> per pair, which adds under 1e-4 to the rate at these sizes.
    /// </summary>
    [Theory]
    [InlineData(25, 5, 0.5, 101)]
    [InlineData(25, 5, 0.3, 102)]
    [InlineData(9, 13, 0.8, 103)]
    [InlineData(9, 13, 0.9, 104)]
    [InlineData(42, 3, 0.4, 105)]
    public void Candidate_rate_matches_the_s_curve(int bands, int rows, double agreement, int seed)
    {
        const int Pairs = 4000;
        const int SignatureBytes = 128;
        var parameters = new LshParameters(bands, rows);
        var index = new LshIndex(bands, rows, bytesPerRow: 1, initialCapacity: Pairs);
        var random = new Random(seed);
        var originals = new byte[Pairs][];
        for (var handle = 0; handle < Pairs; handle++)
        {
            originals[handle] = new byte[SignatureBytes];
            random.NextBytes(originals[handle]);
            index.Insert(handle, originals[handle]);
        }

        var hits = 0;
        var candidates = new List<int>();
        var variant = new byte[SignatureBytes];
        for (var handle = 0; handle < Pairs; handle++)
        {
            for (var slot = 0; slot < SignatureBytes; slot++)
            {
                // Disagreeing slots get a value guaranteed to differ.
                variant[slot] = random.NextDouble() < agreement
                    ? originals[handle][slot]
                    : (byte)(originals[handle][slot] ^ (1 + random.Next(255)));
            }

            candidates.Clear();
            index.Query(variant, candidates);
            if (candidates.Contains(handle))
            {
                hits++;
            }
        }

        var expected = parameters.CandidateProbability(agreement);
        var sd = Math.Sqrt(expected * (1 - expected) / Pairs);
        var observed = (double)hits / Pairs;
        Assert.True(
            Math.Abs(observed - expected) <= 4.5 * sd,
            $"observed {observed:F4}, expected {expected:F4} ± {4.5 * sd:F4}");
    }
}
