using Syndicate.Clustering;
using Syndicate.Internal;

namespace Syndicate.Tests.Internal;

public sealed class HandleTableTests
{
    [Fact]
    public void Random_operations_match_a_dictionary()
    {
        // Keys collide on purpose: a few hundred distinct hashes for thousands of keys, so tags match often and
        // lookups have to fall back to comparing keys.
        var keys = new long[50_000];
        var table = new HandleTable<long, Keys>(new Keys(keys));
        var reference = new Dictionary<long, int>();
        var handleOf = new Dictionary<int, long>();
        var free = new Stack<int>();
        var nextHandle = 0;
        var random = new Random(5);
        for (var op = 0; op < 200_000; op++)
        {
            var key = (long)random.Next(6000);
            if (random.Next(3) != 0)
            {
                var expected = !reference.ContainsKey(key);
                var handle = free.Count > 0 ? free.Pop() : nextHandle++;
                keys[handle] = key;
                Assert.Equal(expected, table.TryAdd(key, handle));
                if (expected)
                {
                    reference.Add(key, handle);
                    handleOf.Add(handle, key);
                }
                else
                {
                    free.Push(handle);
                }
            }
            else if (reference.Remove(key, out var handle))
            {
                Assert.True(table.Remove(key));
                handleOf.Remove(handle);
                free.Push(handle);
            }
            else
            {
                Assert.False(table.Remove(key));
            }

            var probe = (long)random.Next(6000);
            Assert.Equal(reference.TryGetValue(probe, out var want), table.TryGetValue(probe, out var got));
            if (reference.ContainsKey(probe))
            {
                Assert.Equal(want, got);
            }

            Assert.Equal(reference.Count, table.Count);
        }

        foreach (var (key, handle) in reference)
        {
            Assert.True(table.TryGetValue(key, out var got));
            Assert.Equal(handle, got);
        }
    }

    [Fact]
    public void Reserving_a_filled_table_keeps_every_key_and_then_grows_no_more()
    {
        const int N = 20_000;
        var keys = new long[N];
        var table = new HandleTable<long, Keys>(new Keys(keys));
        for (var handle = 0; handle < N / 4; handle++)
        {
            keys[handle] = handle * 7L;
            Assert.True(table.TryAdd(keys[handle], handle));
        }

        table.Reserve(N);
        var reserved = table.EstimatedBytes;
        for (var handle = 0; handle < N / 4; handle++)
        {
            Assert.True(table.TryGetValue(handle * 7L, out var got));
            Assert.Equal(handle, got);
        }

        for (var handle = N / 4; handle < N; handle++)
        {
            keys[handle] = handle * 7L;
            Assert.True(table.TryAdd(keys[handle], handle));
        }

        Assert.Equal(reserved, table.EstimatedBytes);
        Assert.Equal(N, table.Count);
        for (var handle = 0; handle < N; handle += 3)
        {
            Assert.True(table.TryGetValue(handle * 7L, out var got));
            Assert.Equal(handle, got);
        }

        table.Reserve(N / 2);
        Assert.Equal(reserved, table.EstimatedBytes);
    }

    [Fact]
    public void Rejects_handles_beyond_the_slot_width()
    {
        var table = new HandleTable<long, Keys>(new Keys([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.TryAdd(1, HandleTable<long, Keys>.MaxHandles));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.TryAdd(1, -1));
    }

    private readonly struct Keys(long[] keys) : IHandleKeys<long>
    {
        public uint Hash(long key) => (uint)(key % 300) * 0x9E3779B1u;

        public uint HashOf(int handle) => Hash(keys[handle]);

        public bool Matches(int handle, long key) => keys[handle] == key;
    }
}
