using System.Numerics;
using System.Runtime.CompilerServices;
using Syndicate.Internal;

namespace Syndicate.Index;

/// <summary>
/// A banded LSH index over dense integer document handles that stores no object per entry and no key per table slot.
/// </summary>
/// <remarks>
/// <para>
/// Band <c>i</c> of a signature is the byte range <c>[i · rows · bytesPerRow, (i + 1) · rows · bytesPerRow)</c>;
/// bytes past the last band are ignored. Each band has an open-addressing hash table (linear probing, load at most
/// 3/4, grown by half when an insert would pass that) from the band's 32-bit <see cref="BandKey"/> to the most
/// recently inserted handle with that key. The other handles with the key hang off it in a singly linked chain stored
/// in one flat array, <c>next[handle · bands + band]</c>.
/// </para>
/// <para>
/// A table slot is one <see cref="uint"/> and holds no key: its low <c>h</c> bits are <c>head + 1</c> (so an all-zero
/// slot is empty), where <c>h</c> is the bit length of the handle capacity, and its other <c>32 − h</c> bits are the
/// low bits of the key, a tag that rejects almost every slot of another key without looking further. The full key of
/// a slot is recomputed from the head's signature, which an <see cref="ISignatureSource"/> supplies: a lookup does
/// that only when the tag matches, and growth reads the heads' signatures in handle order. An entry's home slot is
/// <c>⌊key · capacity / 2³²⌋</c>, so capacities need not be powers of two. Without a source the index keeps a copy of
/// each handle's banded bytes itself.
/// </para>
/// <para>
/// Memory is therefore <c>4 / load</c> bytes per distinct key per band plus <c>4 · bands + 4</c> bytes per handle
/// (chain links and the query stamp), the handle arrays growing by a quarter at a time, and nothing is allocated per
/// insert, removal or query once the arrays have grown. <see cref="Remove"/> recomputes the keys from the same
/// signature, unlinks the handle by walking each chain from its head (so it costs the handle's position in the chain:
/// insertion order is newest first), and deletes an emptied slot by backward-shift deletion, which leaves no
/// tombstones behind but recomputes the key of each entry it considers moving.
/// </para>
/// <para>
/// The same class indexes any fixed set of keys per document: with <c>rows = 1, bytesPerRow = 4</c> each 32-bit
/// value of the signature is a band of its own.
/// </para>
/// <para>
/// Not thread-safe. Even <see cref="Query"/> writes (to the de-duplication stamps), so every call must be serialised
/// by the owner.
/// </para>
/// </remarks>
internal sealed class LshIndex
{
    private const int EndOfChain = -1;

    // Queries keep the band keys on the stack up to this many bands.
    private const int MaxStackBands = 64;

    // A table is grown before an insert would take it past 3/4 full; linear probing degrades quickly beyond that.
    private const int MaxLoadNumerator = 3;
    private const int MaxLoadDenominator = 4;
    private const int MinTableCapacity = 16;
    private const int MaxTableCapacity = 1 << 30;

    private readonly int _bands;
    private readonly int _bandBytes;
    private readonly ISignatureSource _source;
    private readonly OwnedSignatures? _owned;
    private readonly uint[][] _tables;
    private readonly int[] _tableCounts;

    // _next[handle * _bands + band]: the next older handle with the same key in that band, or EndOfChain.
    private int[] _next;

    // _stamps[handle] == _generation when the handle has already been reported by the current query.
    private int[] _stamps;

    // One bit per handle: set while the handle is indexed.
    private ulong[] _present;
    private int _handleCapacity;

    // A slot's low _handleBits bits hold head + 1; the bits above them hold the key shifted left by _handleBits.
    private int _handleBits;
    private int _generation;

    /// <summary>Creates an empty index that keeps a copy of the banded bytes of every inserted signature.</summary>
    /// <param name="bands">The number of bands, at least 1.</param>
    /// <param name="rows">The number of signature slots per band, at least 1.</param>
    /// <param name="bytesPerRow">The number of bytes per signature slot, at least 1.</param>
    /// <param name="initialCapacity">The number of handles (and distinct keys per band) to size the arrays for.</param>
    public LshIndex(int bands, int rows, int bytesPerRow, int initialCapacity = 1024)
        : this(bands, rows, bytesPerRow, null, initialCapacity)
    {
    }

    /// <summary>Creates an empty index that reads stored signatures from <paramref name="source"/>.</summary>
    /// <param name="bands">The number of bands, at least 1.</param>
    /// <param name="rows">The number of signature slots per band, at least 1.</param>
    /// <param name="bytesPerRow">The number of bytes per signature slot, at least 1.</param>
    /// <param name="source">
    /// Supplies, for every indexed handle, the signature it was inserted with; or <see langword="null"/> to keep copies.
    /// </param>
    /// <param name="initialCapacity">The number of handles (and distinct keys per band) to size the arrays for.</param>
    public LshIndex(int bands, int rows, int bytesPerRow, ISignatureSource? source, int initialCapacity = 1024)
    {
        if (bands < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(bands), "At least one band is required.");
        }

        if (rows < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(rows), "At least one row per band is required.");
        }

        if (bytesPerRow < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(bytesPerRow), "At least one byte per row is required.");
        }

        if ((long)bands * rows * bytesPerRow > Array.MaxLength)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(bands), "bands × rows × bytesPerRow is too large.");
        }

        if (initialCapacity < 1 || initialCapacity > Array.MaxLength / bands)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(initialCapacity), "The initial capacity is out of range.");
        }

        _bands = bands;
        Rows = rows;
        BytesPerRow = bytesPerRow;
        _bandBytes = rows * bytesPerRow;
        if (source is null)
        {
            _owned = new OwnedSignatures(bands * _bandBytes);
            source = _owned;
        }

        _source = source;
        var tableCapacity = TableCapacityFor(initialCapacity);
        _tables = new uint[bands][];
        for (var band = 0; band < bands; band++)
        {
            _tables[band] = new uint[tableCapacity];
        }

        _tableCounts = new int[bands];
        _handleCapacity = initialCapacity;
        _handleBits = HandleBitsFor(initialCapacity);
        _next = new int[initialCapacity * bands];
        _stamps = new int[initialCapacity];
        _present = new ulong[(initialCapacity + 63) >> 6];
        _owned?.Resize(initialCapacity);
    }

    /// <summary>Gets the number of bands.</summary>
    public int Bands => _bands;

    /// <summary>Gets the number of signature slots per band.</summary>
    public int Rows { get; }

    /// <summary>Gets the number of bytes per signature slot.</summary>
    public int BytesPerRow { get; }

    /// <summary>Gets the number of signature bytes the bands cover; signatures must be at least this long.</summary>
    public int SignatureBytes => _bands * _bandBytes;

    /// <summary>Gets the number of indexed handles.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Gets the bytes held by the index's arrays, headers included (and the copied signatures when the index keeps
    /// them), for reporting bytes per indexed document.
    /// </summary>
    public long EstimatedBytes
    {
        get
        {
            // A one-dimensional array of primitives costs a 24-byte header (object header, method table, length)
            // on 64-bit runtimes; the jagged outer array holds one reference per band.
            const long ArrayHeader = 24;
            var bytes = (ArrayHeader * 2) + (8L * _bands) + (4L * _tableCounts.Length);
            foreach (var table in _tables)
            {
                bytes += ArrayHeader + (4L * table.Length);
            }

            bytes += (ArrayHeader * 3) + (4L * _next.Length) + (4L * _stamps.Length) + (8L * _present.Length);
            if (_owned is not null)
            {
                bytes += ArrayHeader + _owned.Length;
            }

            return bytes;
        }
    }

    /// <summary>Returns whether <paramref name="handle"/> is indexed.</summary>
    /// <param name="handle">A non-negative handle.</param>
    /// <returns><see langword="true"/> when the handle was inserted and not removed since.</returns>
    public bool Contains(int handle) =>
        handle >= 0 && handle < _handleCapacity && (_present[handle >> 6] & (1UL << handle)) != 0;

    /// <summary>Indexes <paramref name="handle"/> under every band of <paramref name="signature"/>.</summary>
    /// <param name="handle">A non-negative handle not currently indexed. Handles should be dense: arrays grow to the largest one.</param>
    /// <param name="signature">
    /// The signature, at least <see cref="SignatureBytes"/> long; with an <see cref="ISignatureSource"/>, the one it
    /// will return for the handle from now on.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handle"/> is negative.</exception>
    /// <exception cref="ArgumentException">The signature is too short.</exception>
    /// <exception cref="InvalidOperationException">The handle is already indexed.</exception>
    public void Insert(int handle, ReadOnlySpan<byte> signature)
    {
        if (handle < 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(handle), "Handles are non-negative.");
        }

        ValidateSignature(signature);
        if (handle >= _handleCapacity)
        {
            GrowHandles(handle);
        }

        ref var presentWord = ref _present[handle >> 6];
        var bit = 1UL << handle;
        if ((presentWord & bit) != 0)
        {
            ThrowHelper.InvalidOperation("The handle is already indexed; remove it first.");
        }

        _owned?.Store(handle, signature);
        var next = _next;
        var linkBase = handle * _bands;
        for (var band = 0; band < _bands; band++)
        {
            if (_tableCounts[band] >= _tables[band].Length / MaxLoadDenominator * MaxLoadNumerator)
            {
                GrowTable(band);
            }

            var table = _tables[band];
            var key = BandKey.Compute(signature.Slice(band * _bandBytes, _bandBytes));
            var slot = FindSlot(table, band, key);
            if (slot >= 0)
            {
                next[linkBase + band] = HeadOf(table[slot]);
            }
            else
            {
                slot = ~slot;
                next[linkBase + band] = EndOfChain;
                _tableCounts[band]++;
            }

            table[slot] = Pack(key, handle);
        }

        presentWord |= bit;
        Count++;
    }

    /// <summary>Removes <paramref name="handle"/>, which was inserted with the same <paramref name="signature"/> bytes.</summary>
    /// <param name="handle">An indexed handle.</param>
    /// <param name="signature">The signature it was inserted with (at least the bytes the bands cover must match).</param>
    /// <exception cref="ArgumentException">
    /// The signature is too short, or does not lead to the handle in some band; the index is then left unchanged.
    /// </exception>
    /// <exception cref="InvalidOperationException">The handle is not indexed.</exception>
    [SkipLocalsInit]
    public void Remove(int handle, ReadOnlySpan<byte> signature)
    {
        ValidateSignature(signature);
        if (!Contains(handle))
        {
            ThrowHelper.InvalidOperation("The handle is not indexed.");
        }

        // First locate the handle in every band, so that a wrong signature throws before anything changes. Unlinking
        // in one band moves nothing in another band's table, so the positions found stay valid for the second pass.
        const int StackLimit = 128;
        Span<int> found = _bands <= StackLimit ? stackalloc int[StackLimit * 2] : new int[_bands * 2];
        var next = _next;
        var linkBase = handle * _bands;
        for (var band = 0; band < _bands; band++)
        {
            var table = _tables[band];
            var key = BandKey.Compute(signature.Slice(band * _bandBytes, _bandBytes));
            var slot = FindSlotOf(table, band, key, handle);
            if (slot < 0)
            {
                ThrowHelper.Argument(nameof(signature), "The signature does not match the one the handle was inserted with.");
            }

            var previous = EndOfChain;
            var current = HeadOf(table[slot]);
            while (current != handle)
            {
                if (current == EndOfChain)
                {
                    ThrowHelper.Argument(nameof(signature), "The signature does not match the one the handle was inserted with.");
                }

                previous = current;
                current = next[(current * _bands) + band];
            }

            found[band * 2] = slot;
            found[(band * 2) + 1] = previous;
        }

        for (var band = 0; band < _bands; band++)
        {
            var slot = found[band * 2];
            var previous = found[(band * 2) + 1];
            var successor = next[linkBase + band];
            if (previous != EndOfChain)
            {
                next[(previous * _bands) + band] = successor;
            }
            else if (successor != EndOfChain)
            {
                // The tag bits stay: they belong to the key, which the successor shares.
                var table = _tables[band];
                table[slot] = (table[slot] & ~HandleMask) | (uint)(successor + 1);
            }
            else
            {
                DeleteSlot(band, slot);
                _tableCounts[band]--;
            }

            next[linkBase + band] = EndOfChain;
        }

        _present[handle >> 6] &= ~(1UL << handle);
        Count--;
    }

    /// <summary>
    /// Appends to <paramref name="candidates"/> every distinct indexed handle that shares at least one band key with
    /// <paramref name="signature"/>, band by band and, within a band, newest first.
    /// </summary>
    /// <param name="signature">The query signature, at least <see cref="SignatureBytes"/> long.</param>
    /// <param name="candidates">The list to append to; existing items are kept and not considered.</param>
    /// <param name="maxCandidates">Stop after appending this many handles.</param>
    /// <remarks>
    /// Key collisions can add handles that share no band; nothing is excluded, including a handle whose own
    /// signature is the query.
    /// </remarks>
    /// <exception cref="ArgumentException">The signature is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCandidates"/> is negative.</exception>
    public void Query(ReadOnlySpan<byte> signature, List<int> candidates, int maxCandidates = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ValidateSignature(signature);
        if (maxCandidates < 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxCandidates), "The maximum must be non-negative.");
        }

        if (maxCandidates == 0 || Count == 0)
        {
            return;
        }

        var generation = NextGeneration();
        var stamps = _stamps;
        var next = _next;
        var bands = _bands;
        var added = 0;

        // Every band's home slot is read first, in a loop without branches, so that the cache misses of the 25 or
        // so tables overlap instead of being paid one after another; an empty home slot settles the band at once.
        Span<uint> keys = bands <= MaxStackBands ? stackalloc uint[MaxStackBands] : new uint[bands];
        Span<uint> homes = bands <= MaxStackBands ? stackalloc uint[MaxStackBands] : new uint[bands];
        for (var band = 0; band < bands; band++)
        {
            var key = BandKey.Compute(signature.Slice(band * _bandBytes, _bandBytes));
            var table = _tables[band];
            keys[band] = key;
            homes[band] = table[LinearProbing.Home(key, table.Length)];
        }

        for (var band = 0; band < bands; band++)
        {
            if (homes[band] == 0)
            {
                continue;
            }

            var table = _tables[band];
            var slot = FindSlot(table, band, keys[band]);
            if (slot < 0)
            {
                continue;
            }

            for (var handle = HeadOf(table[slot]); handle != EndOfChain; handle = next[(handle * bands) + band])
            {
                if (stamps[handle] != generation)
                {
                    stamps[handle] = generation;
                    candidates.Add(handle);
                    if (++added == maxCandidates)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Appends to <paramref name="hits"/> one entry per band in which an indexed handle shares the key of
    /// <paramref name="signature"/>: a handle appears once for every band it shares, so the count of its entries is its
    /// number of band hits, which grows with the similarity of the two signatures.
    /// </summary>
    /// <param name="signature">The query signature, at least <see cref="SignatureBytes"/> long.</param>
    /// <param name="hits">The list to append to; existing items are kept.</param>
    /// <param name="maxPerBand">Read at most this many handles of one band's key, newest first.</param>
    /// <exception cref="ArgumentException">The signature is too short.</exception>
    public void QueryHits(ReadOnlySpan<byte> signature, List<int> hits, int maxPerBand = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ValidateSignature(signature);
        if (Count == 0)
        {
            return;
        }

        if (maxPerBand <= MaxInterleavedDepth && _bands <= MaxInterleavedBands)
        {
            QueryHitsInterleaved(signature, hits, Math.Max(0, maxPerBand));
        }
        else
        {
            QueryHitsSerial(signature, hits, maxPerBand);
        }
    }

    /// <summary>
    /// <see cref="QueryHits"/> one band after another, each band's chain walked to its end or to
    /// <paramref name="maxPerBand"/>: the walk for deep reads, and the reference the interleaved walk is tested against.
    /// </summary>
    internal void QueryHitsSerial(ReadOnlySpan<byte> signature, List<int> hits, int maxPerBand)
    {
        var next = _next;
        var bands = _bands;
        for (var band = 0; band < bands; band++)
        {
            var head = Head(signature, band);
            var left = maxPerBand;
            for (var handle = head; handle != EndOfChain && left-- > 0; handle = next[(handle * bands) + band])
            {
                hits.Add(handle);
            }
        }
    }

    /// <summary>The deepest per-band read <see cref="QueryHits"/> walks with the bands interleaved.</summary>
    internal const int MaxInterleavedDepth = 32;

    /// <summary>The most bands <see cref="QueryHits"/> walks interleaved.</summary>
    internal const int MaxInterleavedBands = 64;

    /// <summary>
    /// <see cref="QueryHits"/> with every band's chain walked one step at a time in turn, so that the reads of different
    /// bands, each a likely cache miss, are in flight together instead of one chain after another; the hits are then
    /// appended band by band, in the order of the one-band-at-a-time walk.
    /// </summary>
    [SkipLocalsInit]
    private void QueryHitsInterleaved(ReadOnlySpan<byte> signature, List<int> hits, int maxPerBand)
    {
        var bands = _bands;
        var next = _next;
        Span<int> current = stackalloc int[bands];
        Span<int> lengths = stackalloc int[bands];
        Span<int> staged = stackalloc int[bands * maxPerBand];
        var active = 0;
        for (var band = 0; band < bands; band++)
        {
            current[band] = Head(signature, band);
            lengths[band] = 0;
            active += current[band] != EndOfChain ? 1 : 0;
        }

        for (var step = 0; step < maxPerBand && active > 0; step++)
        {
            for (var band = 0; band < bands; band++)
            {
                var handle = current[band];
                if (handle == EndOfChain)
                {
                    continue;
                }

                staged[(band * maxPerBand) + step] = handle;
                lengths[band] = step + 1;
                var following = next[(handle * bands) + band];
                current[band] = following;
                active -= following == EndOfChain ? 1 : 0;
            }
        }

        for (var band = 0; band < bands; band++)
        {
            hits.AddRange(staged.Slice(band * maxPerBand, lengths[band]));
        }
    }

    /// <summary>The newest handle that shares <paramref name="signature"/>'s key in <paramref name="band"/>, or <see cref="EndOfChain"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Head(ReadOnlySpan<byte> signature, int band)
    {
        var key = BandKey.Compute(signature.Slice(band * _bandBytes, _bandBytes));
        var table = _tables[band];
        if (table[LinearProbing.Home(key, table.Length)] == 0)
        {
            return EndOfChain;
        }

        var slot = FindSlot(table, band, key);
        return slot < 0 ? EndOfChain : HeadOf(table[slot]);
    }

    /// <summary>Returns the smallest table capacity that holds <paramref name="keys"/> keys within the load limit.</summary>
    internal static int TableCapacityFor(int keys)
    {
        var needed = ((long)keys * MaxLoadDenominator / MaxLoadNumerator) + 1;
        return (int)Math.Clamp(needed, MinTableCapacity, MaxTableCapacity);
    }

    /// <summary>Returns the number of occupied slots in <paramref name="band"/>'s table, for tests.</summary>
    internal int DistinctKeys(int band) => _tableCounts[band];

    /// <summary>Returns the slot count of <paramref name="band"/>'s table, for tests.</summary>
    internal int TableCapacity(int band) => _tables[band].Length;

    /// <summary>Returns the number of low slot bits that hold a handle, for tests.</summary>
    internal int HandleBits => _handleBits;

    private uint HandleMask => (1u << _handleBits) - 1;

    /// <summary>Returns the bit length of <paramref name="capacity"/>, which holds every <c>handle + 1</c> below it.</summary>
    private static int HandleBitsFor(int capacity) => 32 - BitOperations.LeadingZeroCount((uint)capacity);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Pack(uint key, int head) => (key << _handleBits) | (uint)(head + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HeadOf(uint entry) => (int)(entry & HandleMask) - 1;

    /// <summary>Recomputes the key of <paramref name="handle"/> in <paramref name="band"/> from its stored signature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint KeyOf(int handle, int band) => BandKey.Compute(_source.Signature(handle).Slice(band * _bandBytes, _bandBytes));

    /// <summary>
    /// Returns the slot holding <paramref name="key"/>, or the complement of the empty slot where it would go.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindSlot(uint[] table, int band, uint key)
    {
        var shift = _handleBits;
        var mask = (1u << shift) - 1;
        var tag = key << shift;
        var capacity = table.Length;
        var slot = LinearProbing.Home(key, capacity);
        while (true)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                return ~slot;
            }

            if ((entry & ~mask) == tag && KeyOf((int)(entry & mask) - 1, band) == key)
            {
                return slot;
            }

            if (++slot == capacity)
            {
                slot = 0;
            }
        }
    }

    /// <summary>
    /// Returns the slot holding <paramref name="key"/>, given that <paramref name="handle"/> is indexed under it, or
    /// -1. A slot headed by the handle itself needs no key recomputation: a handle heads at most one slot per band.
    /// </summary>
    private int FindSlotOf(uint[] table, int band, uint key, int handle)
    {
        var shift = _handleBits;
        var mask = (1u << shift) - 1;
        var tag = key << shift;
        var capacity = table.Length;
        var slot = LinearProbing.Home(key, capacity);
        while (true)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((entry & ~mask) == tag)
            {
                var head = (int)(entry & mask) - 1;
                if (head == handle || KeyOf(head, band) == key)
                {
                    return slot;
                }
            }

            if (++slot == capacity)
            {
                slot = 0;
            }
        }
    }

    /// <summary>
    /// Empties <paramref name="hole"/> in <paramref name="band"/>'s table without tombstones: every later entry of the
    /// same probe run whose home slot does not lie cyclically in (hole, position] is moved back into the hole, which
    /// then moves to where it was. This keeps the invariant that no empty slot lies between an entry's home slot and
    /// its position.
    /// </summary>
    private void DeleteSlot(int band, int hole)
    {
        var table = _tables[band];
        var capacity = table.Length;
        var position = hole;
        while (true)
        {
            if (++position == capacity)
            {
                position = 0;
            }

            var entry = table[position];
            if (entry == 0)
            {
                break;
            }

            if (LinearProbing.MayFill(LinearProbing.Home(KeyOf(HeadOf(entry), band), capacity), hole, position, capacity))
            {
                table[hole] = entry;
                hole = position;
            }
        }

        table[hole] = 0;
    }

    private void ValidateSignature(ReadOnlySpan<byte> signature)
    {
        if (signature.Length < _bands * _bandBytes)
        {
            ThrowHelper.Argument(nameof(signature), "The signature is shorter than the bands cover.");
        }
    }

    private int NextGeneration()
    {
        if (++_generation == 0)
        {
            // After 2^32 queries the stamps could alias an old generation; start over from clean stamps.
            Array.Clear(_stamps);
            _generation = 1;
        }

        return _generation;
    }

    /// <summary>
    /// Sizes the index for <paramref name="handles"/> handles, each band table as if every key were distinct, so that
    /// inserting up to that many grows nothing. Tables that already hold keys are rebuilt once, with the same keys and
    /// chains, and by at least half their size, as growing would: a caller that reserves a few more handles at a time
    /// does not rebuild every table at each call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handles"/> is too large for this index.</exception>
    internal void EnsureCapacity(int handles)
    {
        if (handles > _handleCapacity)
        {
            GrowHandles(handles - 1);
        }

        var capacity = TableCapacityFor(handles);
        for (var band = 0; band < _bands; band++)
        {
            if (_tables[band].Length >= capacity)
            {
                continue;
            }

            if (_tableCounts[band] == 0)
            {
                _tables[band] = new uint[capacity];
            }
            else
            {
                var length = _tables[band].Length;
                RebuildTable(band, (int)Math.Min(Math.Max(capacity, length + ((long)length >> 1)), MaxTableCapacity));
            }
        }
    }

    /// <summary>
    /// Sizes an empty index for <paramref name="handles"/> handles at once, each band table as if every key were
    /// distinct, so that a bulk load (reopening a saved state) grows nothing; <see cref="Compact"/> afterwards gives
    /// the tables back the room the shared keys did not use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The index is not empty.</exception>
    internal void Reserve(int handles)
    {
        if (Count != 0)
        {
            ThrowHelper.InvalidOperation("Only an empty index can be reserved.");
        }

        EnsureCapacity(handles);
    }

    /// <summary>
    /// Indexes <paramref name="handles"/>, in that order, into an empty index whose signatures come from its
    /// <see cref="ISignatureSource"/>: the same keys and chains as <see cref="Insert"/> called for each in turn, with
    /// every band's table at the size <see cref="Compact"/> gives it (<see cref="TableCapacityFor"/> its distinct keys).
    /// </summary>
    /// <remarks>
    /// Built for reopening a large state, where inserting handle by handle touches every band's table and every
    /// signature at random. Here the signatures are read once per group of bands, in list order, into a band-major
    /// matrix of keys (at most <see cref="BuildMatrixEntries"/> of them, so a group is fewer bands for more handles);
    /// then each band is built alone from its column of keys, first in a scratch table that holds each key whole beside
    /// its newest handle, so that no stored signature is re-read to compare keys, then moved into a band table sized
    /// for the distinct keys the scratch table counted. Each band's chain links replace its keys in the matrix and are
    /// written to the handle-major link array a group at a time.
    /// </remarks>
    /// <param name="handles">The handles, oldest first.</param>
    /// <param name="matrixEntries">The most keys held at once; smaller only in tests, to build in several groups.</param>
    /// <exception cref="InvalidOperationException">The index is not empty, keeps its own signatures, or a handle repeats.</exception>
    internal void InsertAll(ReadOnlySpan<int> handles, int matrixEntries = BuildMatrixEntries)
    {
        if (Count != 0 || _owned is not null)
        {
            ThrowHelper.InvalidOperation("Only an empty index that reads its signatures from a source can be filled at once.");
        }

        var maxHandle = -1;
        foreach (var handle in handles)
        {
            if (handle < 0)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(handles), "Handles are non-negative.");
            }

            maxHandle = Math.Max(maxHandle, handle);
        }

        if (maxHandle >= _handleCapacity)
        {
            GrowHandles(maxHandle);
        }

        foreach (var handle in handles)
        {
            ref var presentWord = ref _present[handle >> 6];
            var bit = 1UL << handle;
            if ((presentWord & bit) != 0)
            {
                ThrowHelper.InvalidOperation("A handle is listed twice.");
            }

            ValidateSignature(_source.Signature(handle));
            presentWord |= bit;
        }

        Count = handles.Length;
        var count = handles.Length;
        if (count == 0)
        {
            return;
        }

        var groupBands = Math.Clamp(matrixEntries / count, 1, _bands);
        var matrix = new uint[groupBands * count];
        var scratch = new ulong[TableCapacityFor(count)];
        for (var first = 0; first < _bands; first += groupBands)
        {
            var group = Math.Min(groupBands, _bands - first);
            for (var i = 0; i < count; i++)
            {
                var signature = _source.Signature(handles[i]);
                for (var g = 0; g < group; g++)
                {
                    matrix[(g * count) + i] = BandKey.Compute(signature.Slice((first + g) * _bandBytes, _bandBytes));
                }
            }

            for (var g = 0; g < group; g++)
            {
                BuildBand(first + g, handles, matrix.AsSpan(g * count, count), scratch);
            }

            var next = _next;
            for (var i = 0; i < count; i++)
            {
                var links = next.AsSpan((handles[i] * _bands) + first, group);
                for (var g = 0; g < group; g++)
                {
                    links[g] = (int)matrix[(g * count) + i];
                }
            }
        }
    }

    /// <summary>The most band keys <see cref="InsertAll"/> holds at once (32 MiB of them).</summary>
    internal const int BuildMatrixEntries = 1 << 23;

    /// <summary>
    /// Builds <paramref name="band"/>'s table from the keys of <paramref name="handles"/> in <paramref name="column"/>,
    /// replacing each key with the handle's chain link (the previous handle with the key, or <see cref="EndOfChain"/>).
    /// <paramref name="scratch"/> has room for every handle's key within the load limit.
    /// </summary>
    private void BuildBand(int band, ReadOnlySpan<int> handles, Span<uint> column, ulong[] scratch)
    {
        // A scratch slot holds the key in its high half and the newest handle with it, plus one, in its low half.
        Array.Clear(scratch);
        var capacity = scratch.Length;
        var distinct = 0;
        for (var i = 0; i < column.Length; i++)
        {
            var key = (ulong)column[i] << 32;
            var newest = (uint)(handles[i] + 1);
            var slot = LinearProbing.Home(column[i], capacity);
            while (true)
            {
                var entry = scratch[slot];
                if (entry == 0)
                {
                    column[i] = unchecked((uint)EndOfChain);
                    distinct++;
                    break;
                }

                if ((entry & 0xFFFF_FFFF_0000_0000UL) == key)
                {
                    column[i] = (uint)entry - 1;
                    break;
                }

                if (++slot == capacity)
                {
                    slot = 0;
                }
            }

            scratch[slot] = key | newest;
        }

        // Keys are distinct now, so placing one needs no comparison; taken in scratch order, their home slots in the
        // band table mostly ascend (both tables map a key to its slot by its high bits).
        var tableCapacity = TableCapacityFor(distinct);
        var table = new uint[tableCapacity];
        foreach (var entry in scratch)
        {
            if (entry == 0)
            {
                continue;
            }

            var key = (uint)(entry >> 32);
            var slot = LinearProbing.Home(key, tableCapacity);
            while (table[slot] != 0)
            {
                if (++slot == tableCapacity)
                {
                    slot = 0;
                }
            }

            table[slot] = Pack(key, (int)(uint)entry - 1);
        }

        _tables[band] = table;
        _tableCounts[band] = distinct;
    }

    /// <summary>Rebuilds every band table whose keys fit a smaller table within the load limit at that size.</summary>
    internal void Compact()
    {
        for (var band = 0; band < _bands; band++)
        {
            var capacity = TableCapacityFor(_tableCounts[band]);
            if (capacity < _tables[band].Length)
            {
                RebuildTable(band, capacity);
            }
        }
    }

    /// <summary>Moves <paramref name="band"/> to a table half as large again.</summary>
    private void GrowTable(int band)
    {
        var old = _tables[band];
        if (old.Length >= MaxTableCapacity)
        {
            ThrowHelper.InvalidOperation("The band table cannot grow further.");
        }

        RebuildTable(band, (int)Math.Min(old.Length + ((long)old.Length >> 1), MaxTableCapacity));
    }

    /// <summary>
    /// Moves <paramref name="band"/>'s keys into a new table of <paramref name="capacity"/> slots. The heads are first
    /// marked in a bitmap and then re-placed in handle order, so that their signatures are read sequentially rather
    /// than in table order.
    /// </summary>
    private void RebuildTable(int band, int capacity)
    {
        var old = _tables[band];

        var mask = HandleMask;
        var heads = new ulong[(_handleCapacity + 63) >> 6];
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var head = (int)(entry & mask) - 1;
                heads[head >> 6] |= 1UL << head;
            }
        }

        var grown = new uint[capacity];
        for (var word = 0; word < heads.Length; word++)
        {
            var bits = heads[word];
            while (bits != 0)
            {
                var head = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var key = KeyOf(head, band);
                var slot = LinearProbing.Home(key, capacity);
                while (grown[slot] != 0)
                {
                    if (++slot == capacity)
                    {
                        slot = 0;
                    }
                }

                grown[slot] = Pack(key, head);
            }
        }

        _tables[band] = grown;
    }

    private void GrowHandles(int handle)
    {
        var maxHandles = Array.MaxLength / _bands;
        if (handle >= maxHandles)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(handle), "The handle is too large for this index.");
        }

        // A quarter at a time: the links are most of the per-handle memory, so the slack is kept small.
        var capacity = (int)Math.Min(Math.Max(_handleCapacity + ((long)_handleCapacity >> 2), (long)handle + 1), maxHandles);
        var next = new int[capacity * _bands];
        Array.Copy(_next, next, _next.Length);
        var stamps = new int[capacity];
        Array.Copy(_stamps, stamps, _stamps.Length);
        var present = new ulong[(capacity + 63) >> 6];
        Array.Copy(_present, present, _present.Length);
        _next = next;
        _stamps = stamps;
        _present = present;
        _handleCapacity = capacity;
        _owned?.Resize(capacity);

        var bits = HandleBitsFor(capacity);
        if (bits != _handleBits)
        {
            Retag(bits);
        }
    }

    /// <summary>
    /// Widens the handle field of every slot to <paramref name="bits"/> bits; the tag keeps the key's low bits that
    /// still fit above it.
    /// </summary>
    private void Retag(int bits)
    {
        var oldMask = HandleMask;
        var shift = bits - _handleBits;
        foreach (var table in _tables)
        {
            for (var slot = 0; slot < table.Length; slot++)
            {
                var entry = table[slot];
                if (entry != 0)
                {
                    table[slot] = ((entry & ~oldMask) << shift) | (entry & oldMask);
                }
            }
        }

        _handleBits = bits;
    }

    /// <summary>The banded bytes of every inserted handle, for an index created without a source.</summary>
    private sealed class OwnedSignatures : ISignatureSource
    {
        private readonly int _width;
        private byte[] _bytes = [];

        public OwnedSignatures(int width) => _width = width;

        public long Length => _bytes.LongLength;

        public ReadOnlySpan<byte> Signature(int handle) => _bytes.AsSpan(handle * _width, _width);

        public void Store(int handle, ReadOnlySpan<byte> signature) =>
            signature[.._width].CopyTo(_bytes.AsSpan(handle * _width, _width));

        public void Resize(int handles) => Array.Resize(ref _bytes, checked(handles * _width));
    }
}
