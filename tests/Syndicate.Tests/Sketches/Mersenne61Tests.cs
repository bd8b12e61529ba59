using System.Numerics;
using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

public sealed class Mersenne61Tests
{
    private const ulong P = (1UL << 61) - 1;
    private static readonly BigInteger s_prime = (BigInteger.One << 61) - 1;

    // Values around the prime, powers of two where the folding changes, and the top of the 64-bit range.
    private static readonly ulong[] s_edgeValues =
    [
        0, 1, 2, 3, 7, 8,
        P - 2, P - 1, P, P + 1, P + 7, P + 8,
        1UL << 60, 1UL << 61, (1UL << 61) + 1, 1UL << 62, 1UL << 63,
        2 * P, 2 * P + 1, 3 * P, 7 * P, 8 * P, 8 * P + 6,
        ulong.MaxValue - 8, ulong.MaxValue - 7, ulong.MaxValue - 1, ulong.MaxValue,
        0x5555555555555555, 0xAAAAAAAAAAAAAAAA, 0x1FFFFFFFFFFFFFFF, 0xE000000000000000,
    ];

    [Fact]
    public void Prime_IsTwoToThe61MinusOne() => Assert.Equal(s_prime, new BigInteger(Mersenne61.Prime));

    [Fact]
    public void Reduce_MatchesBigInteger_OnEdgeValues()
    {
        foreach (var x in s_edgeValues)
        {
            Assert.Equal((ulong)(new BigInteger(x) % s_prime), Mersenne61.Reduce(x));
        }
    }

    [Fact]
    public void MulMod_MatchesBigInteger_OnAllPairsOfEdgeValues()
    {
        foreach (var a in s_edgeValues)
        {
            foreach (var b in s_edgeValues)
            {
                Assert.Equal(Reference(a, b, 0), Mersenne61.MulMod(a, b));
            }
        }
    }

    [Fact]
    public void MulMod_MatchesBigInteger_OnRandomPairs()
    {
        var random = new Xoshiro256StarStar(0x6D756C6D6F64);
        for (var n = 0; n < 100_000; n++)
        {
            // Mix full-range operands with operands below p, the case the sketches use.
            var a = random.NextUInt64();
            var b = (n & 1) == 0 ? random.NextUInt64() : random.NextUInt64() >> 3;
            var expected = Reference(a, b, 0);
            var actual = Mersenne61.MulMod(a, b);
            if (expected != actual)
            {
                Assert.Fail($"MulMod(0x{a:X16}, 0x{b:X16}) = 0x{actual:X16}, expected 0x{expected:X16}.");
            }
        }
    }

    [Fact]
    public void MulAdd_MatchesBigInteger_OnReducedOperands()
    {
        ulong[] reduced = [0, 1, 2, P - 2, P - 1, 1UL << 60, (1UL << 60) + 12345];
        foreach (var a in reduced)
        {
            foreach (var x in reduced)
            {
                foreach (var b in reduced)
                {
                    Assert.Equal(Reference(a, x, b), Mersenne61.MulAdd(a, x, b));
                }
            }
        }

        var random = new Xoshiro256StarStar(0x6D756C616464);
        for (var n = 0; n < 20_000; n++)
        {
            var a = Mersenne61.Reduce(random.NextUInt64());
            var x = Mersenne61.Reduce(random.NextUInt64());
            var b = Mersenne61.Reduce(random.NextUInt64());
            var expected = Reference(a, x, b);
            if (expected != Mersenne61.MulAdd(a, x, b))
            {
                Assert.Fail($"MulAdd(0x{a:X16}, 0x{x:X16}, 0x{b:X16}) != 0x{expected:X16}.");
            }
        }
    }

    private static ulong Reference(ulong a, ulong b, ulong c) =>
        (ulong)(((new BigInteger(a) * new BigInteger(b)) + new BigInteger(c)) % s_prime);
}
