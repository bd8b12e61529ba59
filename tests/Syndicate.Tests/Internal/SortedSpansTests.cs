using Syndicate.Internal;
using Syndicate.Sketches;

namespace Syndicate.Tests.Internal;

public sealed class SortedSpansTests
{
    [Fact]
    public void Counts_the_values_two_ascending_spans_share_as_a_set_intersection_does()
    {
        var rng = new SplitMix64(11);
        for (int round = 0; round < 500; round++)
        {
            ulong[] a = Draw(rng), b = Draw(rng);

            Assert.Equal(a.Intersect(b).Count(), SortedSpans.CountCommon<ulong>(a, b));
            Assert.Equal(SortedSpans.CountCommon<ulong>(a, b), SortedSpans.CountCommon<ulong>(b, a));
        }

        Assert.Equal(0, SortedSpans.CountCommon<uint>([], [1, 2]));
        Assert.Equal(2, SortedSpans.CountCommon<uint>([1, 3, uint.MaxValue], [2, 3, uint.MaxValue]));
    }

    /// <summary>Up to 40 distinct values from a small range (so that spans overlap), ascending.</summary>
    private static ulong[] Draw(SplitMix64 rng)
    {
        var values = new SortedSet<ulong>();
        int count = rng.NextInt(0, 40);
        while (values.Count < count)
        {
            values.Add((ulong)rng.NextInt(0, 60));
        }

        return [.. values];
    }
}
