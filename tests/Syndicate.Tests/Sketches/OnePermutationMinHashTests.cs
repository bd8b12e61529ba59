using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

public sealed class OnePermutationMinHashTests
{
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
