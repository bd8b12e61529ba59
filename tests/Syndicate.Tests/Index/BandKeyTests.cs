using Syndicate.Index;

namespace Syndicate.Tests.Index;

public sealed class BandKeyTests
{
    [Fact]
    public void Every_byte_position_matters_for_every_length()
    {
        var random = new Random(7);
        for (var length = 1; length <= 40; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var key = BandKey.Compute(data);
            for (var position = 0; position < length; position++)
            {
                data[position] ^= 0x01;
                Assert.NotEqual(key, BandKey.Compute(data));
                data[position] ^= 0x01;
            }

            Assert.Equal(key, BandKey.Compute(data));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(13)]
    public void Low_bits_of_structured_inputs_are_uniform(int length)
    {
        // Counters are the most structured input a band can be; the table uses the key's low bits as the home slot.
        // With 1024 buckets and 102,400 keys the chi-square statistic has 1023 degrees of freedom: mean 1023,
        // standard deviation √2046 ≈ 45. The bound of 1023 + 6 · 45 is exceeded by uniform keys with probability
        // below 1e-8.
        const int Buckets = 1024;
        const int N = Buckets * 100;
        var counts = new int[Buckets];
        var data = new byte[length];
        for (var i = 0; i < N; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(data, i);
            counts[BandKey.Compute(data) & (Buckets - 1)]++;
        }

        var expected = (double)N / Buckets;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 1023 + (6 * 45), $"chi-square {chiSquare:F0}");
    }
}
