using Syndicate.Cleaning;

namespace Syndicate.Tests.Cleaning;

public sealed class LineTableTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_operations_match_a_dictionary(bool crowded)
    {
        // Crowded keys share their high 32 bits (the home slot) in groups, so probe runs are long, wrap around the end
        // of the table, and deletions must shift entries back across them.
        var random = new Random(crowded ? 11 : 12);
        var pool = new ulong[crowded ? 3_000 : 20_000];
        for (var i = 0; i < pool.Length; i++)
        {
            var high = crowded ? (ulong)random.Next(8) * 0x2000_0000UL + (i % 3 == 0 ? 0xFFFF_FFF0UL : 0) : (ulong)random.NextInt64();
            pool[i] = crowded ? (high << 32) | (uint)i : (ulong)random.NextInt64() ^ ((ulong)i << 63);
        }

        var table = new LineTable();
        var reference = new Dictionary<ulong, BoilerplateLearner.LineStat>();
        for (var op = 0; op < 100_000; op++)
        {
            var key = pool[random.Next(pool.Length)];
            switch (random.Next(4))
            {
                case 0:
                    Assert.Equal(reference.Remove(key), table.Remove(key));
                    break;
                case 1:
                    Assert.Equal(reference.TryGetValue(key, out var expected), table.TryGetValue(key, out var actual));
                    Assert.Equal(expected, actual);
                    break;
                default:
                    ref var stat = ref table.GetValueRefOrAddDefault(key, out var exists);
                    Assert.Equal(reference.ContainsKey(key), exists);
                    stat.Stories++;
                    stat.LastSeen = op;
                    reference[key] = stat;
                    break;
            }

            Assert.Equal(reference.Count, table.Count);
        }

        Assert.Equal(reference.OrderBy(e => e.Key), table.Entries.OrderBy(e => e.Key));
    }

    [Fact]
    public void Reserve_sizes_the_table_as_growth_would_and_keeps_what_it_holds()
    {
        var table = new LineTable();
        for (ulong key = 1; key <= 100; key++)
        {
            table.GetValueRefOrAddDefault(key * 0x9E37_79B9_7F4A_7C15UL, out _).Stories = (int)key;
        }

        table.Reserve(10_000);
        table.Reserve(5);
        Assert.Equal(100, table.Count);
        for (ulong key = 1; key <= 100; key++)
        {
            Assert.True(table.TryGetValue(key * 0x9E37_79B9_7F4A_7C15UL, out var stat));
            Assert.Equal((int)key, stat.Stories);
        }
    }
}
