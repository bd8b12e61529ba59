using System.Numerics;
using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021), seeded
/// through SplitMix64 as its authors recommend. Test data comes from this generator rather than
/// <see cref="Random"/>, whose seeded output is not guaranteed to stay the same across .NET versions.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var seeder = new SplitMix64(seed);
        _s0 = seeder.NextUInt64();
        _s1 = seeder.NextUInt64();
        _s2 = seeder.NextUInt64();
        _s3 = seeder.NextUInt64();
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, bound), by Lemire's multiply-shift with rejection.</summary>
    public int NextInt(int bound)
    {
        var range = (ulong)bound;
        while (true)
        {
            var high = Math.BigMul(NextUInt64(), range, out var low);
            if (low >= (0UL - range) % range)
            {
                return (int)high;
            }
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
