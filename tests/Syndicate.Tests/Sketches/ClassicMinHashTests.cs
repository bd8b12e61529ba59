using System.Numerics;
using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

public sealed class ClassicMinHashTests
{
    private static readonly BigInteger s_prime = (BigInteger.One << 61) - 1;

    [Fact]
    public void Coefficients_AreInTheirRanges()
    {
        var hasher = new ClassicMinHash(1000, 123);
        Assert.All(hasher.Multipliers.ToArray(), a => Assert.InRange(a, 1UL, Mersenne61.Prime - 1));
        Assert.All(hasher.Offsets.ToArray(), b => Assert.InRange(b, 0UL, Mersenne61.Prime - 1));
    }

    [Fact]
    public void Compute_MatchesBigIntegerReference()
    {
        // The reference evaluates (a·x + b) mod p in arbitrary precision, element by element.
        var hasher = new ClassicMinHash(64, 2024);
        foreach (var size in new[] { 1, 7, 150 })
        {
            var set = Sketchers.RandomSet(size, (ulong)size);
            set[0] = ulong.MaxValue; // the largest input, which is not below p
            var expected = new uint[64];
            for (var i = 0; i < 64; i++)
            {
                var a = new BigInteger(hasher.Multipliers[i]);
                var b = new BigInteger(hasher.Offsets[i]);
                var min = set.Select(x => (ulong)(((a * (new BigInteger(x) % s_prime)) + b) % s_prime)).Min();
                expected[i] = ClassicMinHash.ToSlot(min);
            }

            Assert.Equal(expected, Sketchers.Sign(hasher, set));
        }
    }

    [Fact]
    public void Compute_ShorterSignature_IsAPrefixOfTheLongerOne()
    {
        var set = Sketchers.RandomSet(200, 3);
        var longer = Sketchers.Sign(new ClassicMinHash(128, 77), set);
        var shorter = Sketchers.Sign(new ClassicMinHash(48, 77), set);
        Assert.Equal(longer[..48], shorter);
    }

    [Fact]
    public void Compute_LongSignature_UsesAPooledBuffer()
    {
        // Above the stack threshold; the prefix property checks the pooled path against the stack path.
        var set = Sketchers.RandomSet(50, 9);
        var longer = Sketchers.Sign(new ClassicMinHash(1500, 5), set);
        var shorter = Sketchers.Sign(new ClassicMinHash(256, 5), set);
        Assert.Equal(shorter, longer[..256]);
    }

    [Fact]
    public void Compute_Golden()
    {
        // Recorded from this implementation when the scheme was fixed (the BigInteger test above checks its
        // arithmetic). Changing the coefficient stream, the arithmetic or the slot mapping changes every
        // stored signature, so it must fail here first.
        ulong[] input = [0x0123456789ABCDEF, 0xFEDCBA9876543210, 0, 1, ulong.MaxValue, 0x1FFFFFFFFFFFFFFF];
        uint[] expected = [0xC35A9F4A, 0x486E119A, 0x3A973BAC, 0x9CB53CB8, 0xCC966015, 0xE616D1E8, 0x022C2F48, 0x9ED3182C];
        Assert.Equal(expected, Sketchers.Sign(new ClassicMinHash(8, 42), input));
    }
}
