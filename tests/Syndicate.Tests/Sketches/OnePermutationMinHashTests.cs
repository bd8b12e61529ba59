using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

public sealed class OnePermutationMinHashTests
{
    [Fact]
    public void FillBins_VectorLanesMatchTheScalarLoop()
    {
        // The vector path mixes four hashes at once and keeps the minima lane by lane; the bins must end as the
        // scalar loop leaves them, for every tail length and signature length, on seeded random hashes (with
        // repeats, so that ties between a lane and the bin it meets are met too).
        var random = new Random(20261206);
        foreach (int k in new[] { 1, 3, 64, 128, 256, 1000 })
        {
            foreach (int n in Enumerable.Range(0, 41).Concat([255, 1024, 5000]))
            {
                ulong seed = (ulong)random.NextInt64();
                ulong[] hashes = [.. Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 && n > 0 ? (ulong)random.Next(8) : (ulong)random.NextInt64())];
                var expected = new ulong[k];
                var actual = new ulong[k];
                expected.AsSpan().Fill(ulong.MaxValue);
                actual.AsSpan().Fill(ulong.MaxValue);
                OnePermutationMinHash.FillBinsScalar(hashes, seed, expected);
                OnePermutationMinHash.FillBinsVector(hashes, seed, actual);
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Compute_SingleElement_SharesItWithEveryLargerSetContainingIt()
    {
        // {x} against {x} ∪ R: J = 1/(|R| + 1). With |R| = 0 every slot agrees; otherwise some must.
        var hasher = new OnePermutationMinHash(128, 21);
        var x = Sketchers.RandomSet(1, 1);
        Assert.Equal(Sketchers.Sign(hasher, x), Sketchers.Sign(hasher, x.ToArray()));
        var single = Sketchers.Sign(hasher, x);
        var withOne = Sketchers.Sign(hasher, [x[0], 12345]);
        Assert.InRange(SignatureComparer.CountEqual(single, withOne), 1, 127);
    }

    [Fact]
    public void Compute_SingleElement_SaltsEachSlot()
    {
        // Densification copies the one occupied bin into all 256 slots, but each slot maps the element
        // through its own salt, so the slot values differ and b-bit false matches stay independent.
        var hasher = new OnePermutationMinHash(256, 4);
        var single = Sketchers.Sign(hasher, [42UL]);
        Assert.Equal(256, single.Distinct().Count());
    }

    [Fact]
    public void Compute_LongSignature_UsesAPooledBuffer()
    {
        var hasher = new OnePermutationMinHash(2000, 8);
        var pair = SetPair.Create(3000, 3000, 3000, 8);
        Assert.Equal(Sketchers.Sign(hasher, pair.A), Sketchers.Sign(hasher, pair.B));
        Assert.DoesNotContain(uint.MaxValue, Sketchers.Sign(hasher, pair.A));
    }

    [Fact]
    public void Compute_Golden()
    {
        // Recorded from this implementation when the scheme was fixed. Changing the permutation, binning,
        // densification probes or slot mapping changes every stored signature, so it must fail here first.
        // Six elements in eight bins leave some bins empty, so densification is pinned as well.
        ulong[] input = [0x0123456789ABCDEF, 0xFEDCBA9876543210, 0, 1, ulong.MaxValue, 0x1FFFFFFFFFFFFFFF];
        uint[] expected = [0xC46AF257, 0x354A15E7, 0x4C35CD76, 0xB4A62334, 0x1EAFC2A5, 0x8CBBB540, 0xAD1D9089, 0x8BE003E0];
        Assert.Equal(expected, Sketchers.Sign(new OnePermutationMinHash(8, 42), input));
    }
}
