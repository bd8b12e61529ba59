using System.Runtime.Intrinsics;
using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

/// <summary>The vector mixer equals the scalar one lane by lane, on every path the host has.</summary>
public sealed class SplitMix64Tests
{
    private static readonly ulong[] s_constants = [0xBF58476D1CE4E5B9UL, 0x94D049BB133111EBUL, 0x9E3779B97F4A7C15UL, 1, 0xFFFFFFFFUL, 1UL << 32, ulong.MaxValue];

    private static IEnumerable<Vector256<ulong>> Lanes()
    {
        var random = new SplitMix64(20261206);
        ulong[] edges = [0, 1, 0xFFFF, 0xFFFFFFFFUL, 1UL << 32, ulong.MaxValue, ulong.MaxValue - 1, 0x8000000000000000UL];
        yield return Vector256.Create(edges[0], edges[1], edges[2], edges[3]);
        yield return Vector256.Create(edges[4], edges[5], edges[6], edges[7]);
        for (int i = 0; i < 5000; i++)
        {
            yield return Vector256.Create(random.NextUInt64(), random.NextUInt64(), random.NextUInt64() & 0xFFFF, random.NextUInt64() >> 32);
        }
    }

    [Fact]
    public void Vector_mix_equals_the_scalar_mix_in_every_lane()
    {
        foreach (Vector256<ulong> lanes in Lanes())
        {
            Vector256<ulong> mixed = SplitMix64.Mix(lanes);
            for (int l = 0; l < Vector256<ulong>.Count; l++)
            {
                Assert.Equal(SplitMix64.Mix(lanes[l]), mixed[l]);
            }
        }
    }

    [Avx2Fact]
    public void The_AVX2_multiply_gives_the_low_64_bits_of_each_product()
    {
        // AVX-512 hosts take the one-instruction multiply in MultiplyLow; the AVX2 form is tested here on any host with AVX2.
        foreach (Vector256<ulong> lanes in Lanes())
        {
            foreach (ulong constant in s_constants)
            {
                Vector256<ulong> product = SplitMix64.MultiplyLowAvx2(lanes, constant);
                Vector256<ulong> general = SplitMix64.MultiplyLow(lanes, constant);
                for (int l = 0; l < Vector256<ulong>.Count; l++)
                {
                    Assert.Equal(unchecked(lanes[l] * constant), product[l]);
                    Assert.Equal(unchecked(lanes[l] * constant), general[l]);
                }
            }
        }
    }
}
