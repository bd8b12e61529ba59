using System.Runtime.CompilerServices;
using Syndicate.Internal;

namespace Syndicate.Internal;

/// <summary>
/// How a <see cref="HandleTable{TKey, TKeys}"/> finds the key of a stored handle: the owner keeps the keys (in its
/// document table), so the table stores handles only.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal interface IHandleKeys<TKey>
{
    /// <summary>Returns the 32-bit hash of <paramref name="key"/>.</summary>
    public uint Hash(TKey key);

    /// <summary>Returns the hash of the key of <paramref name="handle"/>, a handle the table holds.</summary>
    public uint HashOf(int handle);

    /// <summary>Returns whether <paramref name="handle"/>, a handle the table holds, has the key <paramref name="key"/>.</summary>
    public bool Matches(int handle, TKey key);
}

/// <summary>
/// A map from keys to document handles that stores one <see cref="uint"/> per slot and no key: an open-addressing
/// table (linear probing, load at most 3/4, doubled when full) whose slots hold <c>handle + 1</c> in the low 27 bits and
/// the low 5 bits of the key's hash above them. A lookup asks <typeparamref name="TKeys"/> to compare keys only where
/// that tag matches; growth and backward-shift deletion recompute the hashes of the stored handles.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TKeys">Reads and hashes the keys of stored handles.</typeparam>
/// <remarks>Handles must be below 2²⁷ − 1, which every document table keeps to. Not thread-safe.</remarks>
internal sealed class HandleTable<TKey, TKeys>
    where TKeys : struct, IHandleKeys<TKey>
{
    /// <summary>One past the largest handle the slots can hold.</summary>
    public const int MaxHandles = (1 << HandleBits) - 1;

    private const int HandleBits = 27;
    private const uint HandleMask = (1u << HandleBits) - 1;
    private const int MinCapacity = 16;
    private const int MaxCapacity = 1 << 30;

    private readonly TKeys _keys;
    private uint[] _slots = new uint[MinCapacity];

    /// <summary>Creates an empty table.</summary>
    /// <param name="keys">Reads the keys of stored handles.</param>
    public HandleTable(TKeys keys) => _keys = keys;

    /// <summary>Gets the number of stored handles.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the bytes held by the slot array, header included.</summary>
    public long EstimatedBytes => 24 + (4L * _slots.Length);

    /// <summary>
    /// Sizes the table for <paramref name="count"/> handles at once: the capacity adding them one by one would double
    /// to, without rehashing every stored key at each doubling. A table that already holds keys is rehashed once.
    /// </summary>
    public void Reserve(int count)
    {
        var capacity = (long)_slots.Length;
        while (count > capacity / 4 * 3 && capacity < MaxCapacity)
        {
            capacity *= 2;
        }

        if (capacity > _slots.Length)
        {
            Resize((int)capacity);
        }
    }

    /// <summary>Finds the handle stored under <paramref name="key"/>.</summary>
    /// <returns><see langword="true"/> when the key is present.</returns>
    public bool TryGetValue(TKey key, out int handle)
    {
        var slot = Find(key, _keys.Hash(key));
        handle = slot >= 0 ? (int)(_slots[slot] & HandleMask) - 1 : -1;
        return slot >= 0;
    }

    /// <summary>Stores <paramref name="handle"/> under <paramref name="key"/> unless the key is present already.</summary>
    /// <returns><see langword="true"/> when the handle was stored.</returns>
    public bool TryAdd(TKey key, int handle)
    {
        if ((uint)handle >= MaxHandles)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(handle), "The handle is too large for this table.");
        }

        if (Count >= _slots.Length / 4 * 3)
        {
            Grow();
        }

        var hash = _keys.Hash(key);
        var slot = Find(key, hash);
        if (slot >= 0)
        {
            return false;
        }

        _slots[~slot] = Pack(hash, handle);
        Count++;
        return true;
    }

    /// <summary>Removes <paramref name="key"/> and the handle stored under it.</summary>
    /// <returns><see langword="true"/> when the key was present.</returns>
    public bool Remove(TKey key)
    {
        var slot = Find(key, _keys.Hash(key));
        if (slot < 0)
        {
            return false;
        }

        DeleteSlot(slot);
        Count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Pack(uint hash, int handle) => (hash << HandleBits) | (uint)(handle + 1);

    /// <summary>Returns the slot holding <paramref name="key"/>, or the complement of the empty slot where it would go.</summary>
    private int Find(TKey key, uint hash)
    {
        var slots = _slots;
        var tag = hash << HandleBits;
        var slot = LinearProbing.Home(hash, slots.Length);
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return ~slot;
            }

            if ((entry & ~HandleMask) == tag && _keys.Matches((int)(entry & HandleMask) - 1, key))
            {
                return slot;
            }

            if (++slot == slots.Length)
            {
                slot = 0;
            }
        }
    }

    /// <summary>Backward-shift deletion, as in <see cref="Index.LshIndex"/>: no tombstones are left behind.</summary>
    private void DeleteSlot(int hole)
    {
        var slots = _slots;
        var capacity = slots.Length;
        var position = hole;
        while (true)
        {
            if (++position == capacity)
            {
                position = 0;
            }

            var entry = slots[position];
            if (entry == 0)
            {
                break;
            }

            if (LinearProbing.MayFill(LinearProbing.Home(_keys.HashOf((int)(entry & HandleMask) - 1), capacity), hole, position, capacity))
            {
                slots[hole] = entry;
                hole = position;
            }
        }

        slots[hole] = 0;
    }

    private void Grow()
    {
        if (_slots.Length >= MaxCapacity)
        {
            ThrowHelper.InvalidOperation("The table cannot grow further.");
        }

        // Doubling rather than a smaller step: every growth rehashes all keys, which are read from the documents, and
        // at 4 bytes a slot the extra slack costs under a byte per article.
        Resize((int)Math.Min((long)_slots.Length * 2, MaxCapacity));
    }

    /// <summary>Moves every stored handle into a table of <paramref name="capacity"/> slots.</summary>
    private void Resize(int capacity)
    {
        var old = _slots;
        var grown = new uint[capacity];
        foreach (var entry in old)
        {
            if (entry == 0)
            {
                continue;
            }

            var handle = (int)(entry & HandleMask) - 1;
            var hash = _keys.HashOf(handle);
            var slot = LinearProbing.Home(hash, capacity);
            while (grown[slot] != 0)
            {
                if (++slot == capacity)
                {
                    slot = 0;
                }
            }

            grown[slot] = Pack(hash, handle);
        }

        _slots = grown;
    }
}
