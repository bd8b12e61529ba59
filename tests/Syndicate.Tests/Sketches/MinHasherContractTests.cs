using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

/// <summary>Behaviour every <see cref="IMinHasher"/> must share, run against each implementation.</summary>
public sealed class MinHasherContractTests
{
    public static TheoryData<string> All => [Sketchers.Classic, Sketchers.OnePermutation];

    [Theory]
    [MemberData(nameof(All))]
    public void Constructor_RejectsNonPositiveLength(string name)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sketchers.Create(name, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sketchers.Create(name, -5, 1));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Length_IsTheConstructorArgument(string name)
    {
        Assert.Equal(1, Sketchers.Create(name, 1, 1).Length);
        Assert.Equal(200, Sketchers.Create(name, 200, 1).Length);
        Assert.Equal(700, Sketchers.Create(name, 700, 1).Length);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_RejectsShortDestination(string name)
    {
        var hasher = Sketchers.Create(name, 16, 1);
        var set = Sketchers.RandomSet(10, 1);
        Assert.Throws<ArgumentException>(() => hasher.Compute(set, new uint[15]));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_WritesOnlyTheFirstLengthSlots(string name)
    {
        var hasher = Sketchers.Create(name, 16, 1);
        var set = Sketchers.RandomSet(10, 1);
        var destination = new uint[20];
        destination.AsSpan().Fill(0xDEADBEEF);
        hasher.Compute(set, destination);
        Assert.Equal(Sketchers.Sign(hasher, set), destination[..16]);
        Assert.All(destination[16..], slot => Assert.Equal(0xDEADBEEFu, slot));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_EmptyInput_FillsEverySlotWithMaxValue(string name)
    {
        foreach (var length in new[] { 1, 64, 600 })
        {
            var signature = Sketchers.Sign(Sketchers.Create(name, length, 3), []);
            Assert.All(signature, slot => Assert.Equal(uint.MaxValue, slot));
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_IsDeterministicForLengthAndSeed(string name)
    {
        var set = Sketchers.RandomSet(300, 7);
        Assert.Equal(
            Sketchers.Sign(Sketchers.Create(name, 128, 99), set),
            Sketchers.Sign(Sketchers.Create(name, 128, 99), set));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_DifferentSeeds_GiveUnrelatedSignatures(string name)
    {
        // Under different seeds the same set's slots agree only by a 2^-32 accident.
        var set = Sketchers.RandomSet(300, 7);
        var first = Sketchers.Sign(Sketchers.Create(name, 128, 1), set);
        var second = Sketchers.Sign(Sketchers.Create(name, 128, 2), set);
        Assert.True(SignatureComparer.CountEqual(first, second) <= 1);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_DependsOnlyOnTheSetOfValues(string name)
    {
        var hasher = Sketchers.Create(name, 64, 5);
        foreach (var size in new[] { 1, 2, 5, 10, 100, 1000 })
        {
            var set = Sketchers.RandomSet(size, (ulong)size);
            var reordered = set.Reverse().Concat(set.Where((_, i) => i % 3 == 0)).ToArray();
            Assert.Equal(Sketchers.Sign(hasher, set), Sketchers.Sign(hasher, reordered));
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_DisjointSets_AgreeInAlmostNoSlot(string name)
    {
        var hasher = Sketchers.Create(name, 256, 11);
        foreach (var size in new[] { 1, 2, 5, 10, 100, 1000 })
        {
            var pair = SetPair.Create(size, size, 0, (ulong)size);
            var equal = SignatureComparer.CountEqual(Sketchers.Sign(hasher, pair.A), Sketchers.Sign(hasher, pair.B));
            Assert.True(equal <= 1, $"size {size}: {equal} equal slots");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Compute_NonEmptySmallSets_LeaveNoEmptyMarker(string name)
    {
        // The densified sketch must fill every bin even when the set has fewer elements than bins.
        var hasher = Sketchers.Create(name, 256, 13);
        foreach (var size in new[] { 1, 2, 5, 10 })
        {
            var signature = Sketchers.Sign(hasher, Sketchers.RandomSet(size, (ulong)size + 100));
            Assert.DoesNotContain(uint.MaxValue, signature);
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Slots_LowAndHighBytesAreUniform(string name)
    {
        // 400 random sets × 64 slots = 25,600 bytes over 256 cells, 100 expected per cell. Pearson's
        // statistic is χ² with 255 degrees of freedom (mean 255, sd √510 ≈ 22.6); the bound is its
        // Wilson–Hilferty quantile at z = 5, about 400. Small sets are included: densified slots must
        // be uniform too.
        var hasher = Sketchers.Create(name, 64, 17);
        var low = new int[256];
        var high = new int[256];
        var samples = 0;
        for (var s = 0; s < 400; s++)
        {
            var size = (s % 4) switch { 0 => 3, 1 => 20, 2 => 100, _ => 300 };
            foreach (var slot in Sketchers.Sign(hasher, Sketchers.RandomSet(size, (ulong)s + 5000)))
            {
                low[slot & 0xFF]++;
                high[slot >> 24]++;
                samples++;
            }
        }

        var bound = 255 * EstimatorModel.ChiSquareOverDofQuantile(255, 5.0);
        Assert.InRange(PearsonStatistic(low, samples), 0, bound);
        Assert.InRange(PearsonStatistic(high, samples), 0, bound);
    }

    private static double PearsonStatistic(int[] counts, int samples)
    {
        var expected = (double)samples / counts.Length;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }
}
