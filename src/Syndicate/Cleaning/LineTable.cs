using System.Numerics;
using System.Runtime.CompilerServices;
using Syndicate.Internal;

namespace Syndicate.Cleaning;

/// <summary>
/// The <see cref="BoilerplateLearner"/>'s map from a line key to its statistics: an open-addressing table (linear
/// probing, load at most 3/4, doubled when full, backward-shift deletion) of key and statistics side by side, with one
/// occupancy bit per slot. Not thread-safe.
/// </summary>
/// <remarks>
/// A key's home slot is its high 32 bits scaled to the capacity (<see cref="LinearProbing.Home"/>). Line keys are
/// already hashes (the XXH3 of a paragraph mixed with its source's key, <see cref="BoilerplateLearner.Key"/>), so those
/// bits spread evenly without hashing again, and home slots ascend with the keys: a snapshot, which stores the lines in
/// key order, is restored by writing the table nearly front to back instead of at random, as a general-purpose
/// dictionary would (where that was most of the time of reopening a large state).
/// </remarks>
internal sealed class LineTable
{
    private const int MinCapacity = 16;
    private const int MaxCapacity = 1 << 30;

    private ulong[] _keys = new ulong[MinCapacity];
    private BoilerplateLearner.LineStat[] _stats = new BoilerplateLearner.LineStat[MinCapacity];
    private ulong[] _used = new ulong[1];

    /// <summary>The number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The keys and their statistics, in slot order (not key order).</summary>
    public IEnumerable<KeyValuePair<ulong, BoilerplateLearner.LineStat>> Entries
    {
        get
        {
            for (var slot = 0; slot < _keys.Length; slot++)
            {
                if (IsUsed(slot))
                {
                    yield return new KeyValuePair<ulong, BoilerplateLearner.LineStat>(_keys[slot], _stats[slot]);
                }
            }
        }
    }

    /// <summary>Finds the statistics of <paramref name="key"/>.</summary>
    public bool TryGetValue(ulong key, out BoilerplateLearner.LineStat stat)
    {
        var slot = Find(key);
        stat = slot >= 0 ? _stats[slot] : default;
        return slot >= 0;
    }

    /// <summary>The statistics of <paramref name="key"/>, added as zeros when missing; valid until the next change.</summary>
    public ref BoilerplateLearner.LineStat GetValueRefOrAddDefault(ulong key, out bool exists)
    {
        var slot = Find(key);
        exists = slot >= 0;
        if (!exists)
        {
            if (Count >= _keys.Length / 4 * 3)
            {
                Resize(checked(_keys.Length * 2));
                slot = Find(key);
            }

            slot = ~slot;
            _keys[slot] = key;
            _stats[slot] = default;
            _used[slot >> 6] |= 1UL << slot;
            Count++;
        }

        return ref _stats[slot];
    }

    /// <summary>Removes <paramref name="key"/> and its statistics.</summary>
    /// <returns><see langword="true"/> when the key was present.</returns>
    public bool Remove(ulong key)
    {
        var hole = Find(key);
        if (hole < 0)
        {
            return false;
        }

        var keys = _keys;
        var capacity = keys.Length;
        var position = hole;
        while (true)
        {
            if (++position == capacity)
            {
                position = 0;
            }

            if (!IsUsed(position))
            {
                break;
            }

            if (LinearProbing.MayFill(Home(keys[position], capacity), hole, position, capacity))
            {
                keys[hole] = keys[position];
                _stats[hole] = _stats[position];
                hole = position;
            }
        }

        _used[hole >> 6] &= ~(1UL << hole);
        _stats[hole] = default;
        Count--;
        return true;
    }

    /// <summary>Sizes the table for <paramref name="count"/> keys at once: the capacity adding them would double to.</summary>
    public void Reserve(int count)
    {
        var capacity = (long)_keys.Length;
        while (count > capacity / 4 * 3 && capacity < MaxCapacity)
        {
            capacity *= 2;
        }

        if (capacity > _keys.Length)
        {
            Resize((int)capacity);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(ulong key, int capacity) => LinearProbing.Home((uint)(key >> 32), capacity);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsUsed(int slot) => (_used[slot >> 6] & (1UL << slot)) != 0;

    /// <summary>Returns the slot holding <paramref name="key"/>, or the complement of the empty slot where it would go.</summary>
    private int Find(ulong key)
    {
        var keys = _keys;
        var capacity = keys.Length;
        var slot = Home(key, capacity);
        while (true)
        {
            if (!IsUsed(slot))
            {
                return ~slot;
            }

            if (keys[slot] == key)
            {
                return slot;
            }

            if (++slot == capacity)
            {
                slot = 0;
            }
        }
    }

    /// <summary>Moves every key to a table of <paramref name="capacity"/> slots, in slot order (so nearly in key order).</summary>
    private void Resize(int capacity)
    {
        if (capacity > MaxCapacity)
        {
            ThrowHelper.InvalidOperation("The boilerplate line table cannot grow further.");
        }

        // Only the occupancy bits must start cleared: a slot's key and statistics are written before it is marked used.
        var keys = GC.AllocateUninitializedArray<ulong>(capacity);
        var stats = GC.AllocateUninitializedArray<BoilerplateLearner.LineStat>(capacity);
        var used = new ulong[(capacity + 63) >> 6];
        for (var word = 0; word < _used.Length; word++)
        {
            var bits = _used[word];
            while (bits != 0)
            {
                var old = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var slot = Home(_keys[old], capacity);
                while ((used[slot >> 6] & (1UL << slot)) != 0)
                {
                    if (++slot == capacity)
                    {
                        slot = 0;
                    }
                }

                keys[slot] = _keys[old];
                stats[slot] = _stats[old];
                used[slot >> 6] |= 1UL << slot;
            }
        }

        _keys = keys;
        _stats = stats;
        _used = used;
    }
}
