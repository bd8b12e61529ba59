using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

public sealed class SignatureComparerTests
{
    private const int MaxLength = 300;

    // Fractions of positions forced equal; 0 and 1 exercise all-different and all-equal vectors.
    private static readonly double[] s_equalityRates = [0.0, 0.05, 0.5, 0.9, 1.0];

    [Fact]
    public void CountEqual_UInt_EveryRungMatchesScalar_ForAllLengths()
    {
        var random = new Xoshiro256StarStar(0xC0DE);
        for (var length = 0; length <= MaxLength; length++)
        {
            foreach (var rate in s_equalityRates)
            {
                var (a, b) = MakePair(random, length, rate, v => (uint)v);
                var expected = SignatureComparer.CountEqualScalar(a, b);
                Assert.Equal(expected, SignatureComparer.CountEqualVector128(a, b));
                Assert.Equal(expected, SignatureComparer.CountEqualVector256(a, b));
                Assert.Equal(expected, SignatureComparer.CountEqual(a, b));
            }
        }
    }

    [Fact]
    public void CountEqual_Byte_EveryRungMatchesScalar_ForAllLengths()
    {
        var random = new Xoshiro256StarStar(0xB17E);
        for (var length = 0; length <= MaxLength; length++)
        {
            foreach (var rate in s_equalityRates)
            {
                var (a, b) = MakePair(random, length, rate, v => (byte)v);
                var expected = SignatureComparer.CountEqualScalar(a, b);
                Assert.Equal(expected, SignatureComparer.CountEqualVector128(a, b));
                Assert.Equal(expected, SignatureComparer.CountEqualVector256(a, b));
                Assert.Equal(expected, SignatureComparer.CountEqual(a, b));
            }
        }
    }

    [Fact]
    public void CountEqual_Scalar_CountsKnownExample()
    {
        uint[] a = [1, 2, 3, 4, 5];
        uint[] b = [1, 0, 3, 0, 5];
        Assert.Equal(3, SignatureComparer.CountEqualScalar(a, b));
        Assert.Equal(3, SignatureComparer.CountEqualScalar("abcde"u8, "abXdX"u8));
    }

    [Fact]
    public void CountEqual_Byte_LongInput_DoesNotOverflowLaneCounters()
    {
        // 255 × 32 bytes would wrap 8-bit lane counters; the mask-and-popcount path must not.
        var a = new byte[100_003];
        var b = new byte[100_003];
        Assert.Equal(a.Length, SignatureComparer.CountEqual(a, b));
        b[^1] = 1;
        Assert.Equal(a.Length - 1, SignatureComparer.CountEqual(a, b));
    }

    [Fact]
    public void CountEqual_RejectsDifferentLengths()
    {
        Assert.Throws<ArgumentException>(() => SignatureComparer.CountEqual(new uint[3], new uint[4]));
        Assert.Throws<ArgumentException>(() => SignatureComparer.CountEqual(new byte[3], new byte[4]));
    }

    private static (T[] A, T[] B) MakePair<T>(Xoshiro256StarStar random, int length, double rate, Func<ulong, T> convert)
    {
        var a = new T[length];
        var b = new T[length];
        for (var i = 0; i < length; i++)
        {
            var raw = random.NextUInt64();
            a[i] = convert(raw);

            // A non-zero change of the low 8 bits makes the narrowed values differ as well.
            b[i] = random.NextDouble() < rate ? a[i] : convert(raw ^ (1UL + (ulong)random.NextInt(255)));
        }

        return (a, b);
    }
}
