using Syndicate.Index;

namespace Syndicate.Tests.Index;

public sealed class LshIndexTests
{
    private const int Bands = 4;
    private const int Rows = 3;

    [Fact]
    public void Insert_query_remove_round_trip()
    {
        var index = new LshIndex(Bands, Rows, 1);
        var a = Signature(1, 2, 3, 4);
        var b = Signature(1, 9, 9, 9);    // shares band 0 with a
        var c = Signature(7, 7, 7, 7);    // shares nothing

        index.Insert(0, a);
        index.Insert(1, b);
        index.Insert(2, c);

        Assert.Equal(3, index.Count);
        Assert.Equal([1, 0], QueryAll(index, a));     // band 0 chain, newest first
        Assert.Equal([1, 0], QueryAll(index, b));
        Assert.Equal([2], QueryAll(index, c));
        Assert.Empty(QueryAll(index, Signature(5, 5, 5, 5)));

        index.Remove(1, b);

        Assert.Equal(2, index.Count);
        Assert.False(index.Contains(1));
        Assert.Equal([0], QueryAll(index, b));
        Assert.Equal([0], QueryAll(index, a));

        index.Remove(0, a);
        index.Remove(2, c);

        Assert.Equal(0, index.Count);
        Assert.Empty(QueryAll(index, a));
        for (var band = 0; band < Bands; band++)
        {
            Assert.Equal(0, index.DistinctKeys(band));
        }
    }

    [Fact]
    public void Query_orders_by_band_then_newest_first_and_reports_each_handle_once()
    {
        var index = new LshIndex(Bands, Rows, 1);
        index.Insert(0, Signature(1, 2, 0, 0));
        index.Insert(1, Signature(1, 3, 0, 5));
        index.Insert(2, Signature(9, 2, 0, 0));
        index.Insert(3, Signature(1, 2, 8, 8));

        // Band 0 (value 1): 3, 1, 0; band 1 (value 2): 3, 2, 0 → adds 2; bands 2 and 3 add nothing new.
        Assert.Equal([3, 1, 0, 2], QueryAll(index, Signature(1, 2, 0, 0)));
    }

    [Fact]
    public void Query_hits_lists_a_handle_once_per_shared_band_newest_first_within_a_band()
    {
        var index = new LshIndex(Bands, Rows, 1);
        index.Insert(0, Signature(1, 2, 0, 0));
        index.Insert(1, Signature(1, 3, 0, 5));
        index.Insert(2, Signature(9, 2, 0, 0));
        index.Insert(3, Signature(1, 2, 8, 8));

        var hits = new List<int> { 42 };
        index.QueryHits(Signature(1, 2, 0, 0), hits);

        // Band 0: 3, 1, 0; band 1: 3, 2, 0; band 2: 2, 1, 0; band 3: 2, 0. The existing item is kept.
        Assert.Equal([42, 3, 1, 0, 3, 2, 0, 2, 1, 0, 2, 0], hits);

        hits.Clear();
        index.QueryHits(Signature(1, 2, 0, 0), hits, maxPerBand: 1);
        Assert.Equal([3, 3, 2, 2], hits);
    }

    [Fact]
    public void Interleaved_band_walk_equals_the_serial_walk()
    {
        // The character index's shape (32 bands of 2 two-byte rows) over a small alphabet, so that keys are shared by
        // long chains, with removals and reused handles; every depth the interleaved walk takes, against the serial one.
        const int bands = 32;
        var index = new LshIndex(bands, 2, 2);
        var random = new Random(20261206);
        var signatures = new Dictionary<int, byte[]>();
        byte[] Draw()
        {
            var signature = new byte[bands * 4];
            for (int i = 0; i < signature.Length; i++)
            {
                signature[i] = (byte)random.Next(3);
            }

            return signature;
        }

        for (int handle = 0; handle < 3000; handle++)
        {
            signatures[handle] = Draw();
            index.Insert(handle, signatures[handle]);
            if (handle % 7 == 3)
            {
                int gone = random.Next(handle + 1);
                if (signatures.Remove(gone, out byte[]? removed))
                {
                    index.Remove(gone, removed);
                }
            }
        }

        int[] depths = [0, 1, 2, 3, 5, 16, LshIndex.MaxInterleavedDepth];
        for (int query = 0; query < 300; query++)
        {
            byte[] signature = query % 2 == 0 ? Draw() : signatures.Values.ElementAt(random.Next(signatures.Count));
            foreach (int depth in depths)
            {
                var expected = new List<int> { -7 };
                var actual = new List<int> { -7 };
                index.QueryHitsSerial(signature, expected, depth);
                index.QueryHits(signature, actual, depth);
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Query_appends_and_keeps_existing_items()
    {
        var index = new LshIndex(Bands, Rows, 1);
        index.Insert(5, Signature(1, 1, 1, 1));
        var list = new List<int> { 42, 5 };

        index.Query(Signature(1, 1, 1, 1), list);

        Assert.Equal([42, 5, 5], list);
    }

    [Fact]
    public void Query_stops_at_max_candidates_with_a_prefix_of_the_full_answer()
    {
        var index = new LshIndex(Bands, Rows, 1);
        for (var handle = 0; handle < 20; handle++)
        {
            index.Insert(handle, Signature(1, handle % 3, handle % 5, handle));
        }

        var query = Signature(1, 1, 1, 1);
        var all = QueryAll(index, query);
        Assert.Equal(20, all.Count);

        for (var max = 0; max <= 21; max++)
        {
            var list = new List<int>();
            index.Query(query, list, max);
            Assert.Equal(all.Take(max), list);
        }
    }

    [Fact]
    public void Removed_handle_can_be_reused_with_a_different_signature()
    {
        var index = new LshIndex(Bands, Rows, 1);
        var first = Signature(1, 2, 3, 4);
        var second = Signature(5, 6, 7, 8);
        index.Insert(0, first);
        index.Insert(1, first);

        index.Remove(0, first);
        index.Insert(0, second);

        Assert.Equal([1], QueryAll(index, first));
        Assert.Equal([0], QueryAll(index, second));

        index.Remove(0, second);
        index.Insert(0, first);

        Assert.Equal([0, 1], QueryAll(index, first));
        Assert.Empty(QueryAll(index, second));
    }

    [Fact]
    public void Long_chains_of_identical_signatures_survive_removal_from_head_middle_and_tail()
    {
        const int N = 1000;
        var index = new LshIndex(Bands, Rows, 1, initialCapacity: 4);
        var same = Signature(3, 1, 4, 1);
        for (var handle = 0; handle < N; handle++)
        {
            index.Insert(handle, same);
        }

        for (var band = 0; band < Bands; band++)
        {
            Assert.Equal(1, index.DistinctKeys(band));
        }

        var expected = Enumerable.Range(0, N).Reverse().ToList();
        Assert.Equal(expected, QueryAll(index, same));

        // Newest (head), oldest (tail), then every third one from the middle.
        var removed = new List<int> { N - 1, 0 };
        removed.AddRange(Enumerable.Range(1, N - 2).Where(h => h % 3 == 0));
        foreach (var handle in removed)
        {
            index.Remove(handle, same);
            expected.Remove(handle);
            Assert.Equal(expected.Count, index.Count);
        }

        Assert.Equal(expected, QueryAll(index, same));

        foreach (var handle in expected.ToList())
        {
            index.Remove(handle, same);
        }

        Assert.Equal(0, index.Count);
        Assert.Empty(QueryAll(index, same));
        for (var band = 0; band < Bands; band++)
        {
            Assert.Equal(0, index.DistinctKeys(band));
        }
    }

    [Fact]
    public void Grows_past_its_initial_capacity()
    {
        const int N = 20_000;
        var index = new LshIndex(Bands, Rows, 1, initialCapacity: 1);
        var initialBytes = index.EstimatedBytes;
        var signatures = new byte[N][];
        var random = new Random(1234);
        for (var handle = 0; handle < N; handle++)
        {
            signatures[handle] = new byte[Bands * Rows];
            random.NextBytes(signatures[handle]);
            index.Insert(handle, signatures[handle]);
        }

        Assert.Equal(N, index.Count);
        for (var band = 0; band < Bands; band++)
        {
            // Load stays at or below 3/4 after growth.
            Assert.True(index.DistinctKeys(band) * 4 <= index.TableCapacity(band) * 3);
        }

        Assert.True(index.EstimatedBytes > initialBytes);
        for (var handle = 0; handle < N; handle += 97)
        {
            Assert.Contains(handle, QueryAll(index, signatures[handle]));
        }
    }

    [Fact]
    public void A_reserved_then_compacted_index_answers_as_one_grown_step_by_step()
    {
        // Many copies share band keys, as in a reopened state: the reserved tables are sized for all keys distinct
        // and compaction must shrink them to what the distinct keys need without changing any answer.
        const int N = 5_000;
        byte[][] signatures = NearCopies(N, seed: 99);

        var grown = new LshIndex(Bands, Rows, 1, initialCapacity: 1);
        var reserved = new LshIndex(Bands, Rows, 1, initialCapacity: 1);
        reserved.Reserve(N);
        for (var handle = 0; handle < N; handle++)
        {
            grown.Insert(handle, signatures[handle]);
            reserved.Insert(handle, signatures[handle]);
        }

        Assert.Throws<InvalidOperationException>(() => reserved.Reserve(N));
        var before = Enumerable.Range(0, Bands).Select(reserved.TableCapacity).ToArray();
        reserved.Compact();
        for (var band = 0; band < Bands; band++)
        {
            Assert.Equal(grown.DistinctKeys(band), reserved.DistinctKeys(band));
            Assert.Equal(LshIndex.TableCapacityFor(reserved.DistinctKeys(band)), reserved.TableCapacity(band));
            Assert.True(reserved.TableCapacity(band) < before[band]);
        }

        for (var handle = 0; handle < N; handle += 7)
        {
            Assert.Equal(QueryAll(grown, signatures[handle]), QueryAll(reserved, signatures[handle]));
        }
    }

    [Fact]
    public void An_index_sized_while_filled_answers_as_one_grown_step_by_step_and_grows_no_more()
    {
        // EnsureCapacity on an index that already holds keys (a caller reserving room for the rest of a batch): the
        // tables are rebuilt once, with the same chains, and inserting up to the reserved count resizes nothing.
        const int N = 5_000;
        byte[][] signatures = NearCopies(N, seed: 41);

        var grown = new LshIndex(Bands, Rows, 1, initialCapacity: 1);
        var sized = new LshIndex(Bands, Rows, 1, initialCapacity: 1);
        for (var handle = 0; handle < N / 5; handle++)
        {
            grown.Insert(handle, signatures[handle]);
            sized.Insert(handle, signatures[handle]);
        }

        sized.EnsureCapacity(N);
        var capacities = Enumerable.Range(0, Bands).Select(sized.TableCapacity).ToArray();
        var bytes = sized.EstimatedBytes;
        Assert.All(capacities, c => Assert.True(c >= LshIndex.TableCapacityFor(N)));
        for (var handle = 0; handle < N / 5; handle += 3)
        {
            Assert.Equal(QueryAll(grown, signatures[handle]), QueryAll(sized, signatures[handle]));
        }

        for (var handle = N / 5; handle < N; handle++)
        {
            grown.Insert(handle, signatures[handle]);
            sized.Insert(handle, signatures[handle]);
        }

        Assert.Equal(capacities, Enumerable.Range(0, Bands).Select(sized.TableCapacity).ToArray());
        Assert.Equal(bytes, sized.EstimatedBytes);
        for (var handle = 0; handle < N; handle += 7)
        {
            Assert.Equal(QueryAll(grown, signatures[handle]), QueryAll(sized, signatures[handle]));
        }

        // Removals and re-inserts after the resize go on alike.
        for (var handle = 0; handle < N; handle += 5)
        {
            grown.Remove(handle, signatures[handle]);
            sized.Remove(handle, signatures[handle]);
        }

        for (var handle = 1; handle < N; handle += 11)
        {
            Assert.Equal(QueryAll(grown, signatures[handle]), QueryAll(sized, signatures[handle]));
        }
    }

    [Fact]
    public void Reserving_one_more_handle_at_a_time_rebuilds_the_tables_only_as_growing_would()
    {
        // AddRange reserves its batch; a caller adding small batches must not rebuild every table at each one.
        const int N = 5_000;
        byte[][] signatures = NearCopies(N, seed: 43);
        var index = new LshIndex(Bands, Rows, 1, initialCapacity: 1);
        var capacities = new HashSet<int>();
        for (var handle = 0; handle < N; handle++)
        {
            index.EnsureCapacity(handle + 1);
            index.Insert(handle, signatures[handle]);
            capacities.Add(index.TableCapacity(0));
        }

        // Growth by half: about log(N) / log(1.5) sizes, not one per call.
        Assert.InRange(capacities.Count, 1, 25);
        for (var handle = 0; handle < N; handle += 11)
        {
            Assert.Contains(handle, QueryAll(index, signatures[handle]));
        }
    }

    [Theory]
    [InlineData(true, LshIndex.BuildMatrixEntries)]
    [InlineData(false, LshIndex.BuildMatrixEntries)]
    [InlineData(false, 3 * 4_545)] // groups of three bands and a shorter last group
    [InlineData(true, 1)] // one band at a time
    public void Filled_band_by_band_an_index_answers_as_one_filled_handle_by_handle(bool reserve, int matrixEntries)
    {
        // Handles in a restore's order (by arrival, not by handle), many sharing band keys.
        const int N = 5_000;
        var random = new Random(7);
        byte[][] signatures = NearCopies(N, seed: 7);

        int[] order = [.. Enumerable.Range(0, N).Where(h => h % 11 != 3).OrderBy(_ => random.Next())];
        var source = new JaggedSource(signatures);
        var oneByOne = new LshIndex(Bands, Rows, 1, source, initialCapacity: 1);
        var allAtOnce = new LshIndex(Bands, Rows, 1, source, initialCapacity: 1);
        if (reserve)
        {
            oneByOne.Reserve(N);
            allAtOnce.Reserve(N);
        }

        foreach (int handle in order)
        {
            oneByOne.Insert(handle, signatures[handle]);
        }

        allAtOnce.InsertAll(order, matrixEntries);

        // Filled at once, every band's table has the size a reserved index has after Compact.
        oneByOne.Compact();
        Assert.Equal(oneByOne.Count, allAtOnce.Count);
        for (var band = 0; band < Bands; band++)
        {
            Assert.Equal(oneByOne.DistinctKeys(band), allAtOnce.DistinctKeys(band));
            Assert.Equal(LshIndex.TableCapacityFor(allAtOnce.DistinctKeys(band)), allAtOnce.TableCapacity(band));
            if (reserve)
            {
                Assert.Equal(oneByOne.TableCapacity(band), allAtOnce.TableCapacity(band));
            }
        }

        for (var handle = 0; handle < N; handle += 3)
        {
            Assert.Equal(oneByOne.Contains(handle), allAtOnce.Contains(handle));
            Assert.Equal(QueryAll(oneByOne, signatures[handle]), QueryAll(allAtOnce, signatures[handle]));
        }

        // Both go on alike: removals (heads of chains and links inside them) and inserts of the handles left out.
        for (var i = 0; i < order.Length; i += 5)
        {
            oneByOne.Remove(order[i], signatures[order[i]]);
            allAtOnce.Remove(order[i], signatures[order[i]]);
        }

        for (var handle = 3; handle < N; handle += 11)
        {
            oneByOne.Insert(handle, signatures[handle]);
            allAtOnce.Insert(handle, signatures[handle]);
        }

        for (var handle = 0; handle < N; handle += 2)
        {
            Assert.Equal(oneByOne.Contains(handle), allAtOnce.Contains(handle));
            Assert.Equal(QueryAll(oneByOne, signatures[handle]), QueryAll(allAtOnce, signatures[handle]));
        }

        Assert.Throws<InvalidOperationException>(() => allAtOnce.InsertAll([order[0]]));
    }

    /// <summary>Random signatures, two in three a copy of one of the ten before with one byte changed.</summary>
    private static byte[][] NearCopies(int count, int seed)
    {
        var random = new Random(seed);
        var signatures = new byte[count][];
        for (var handle = 0; handle < count; handle++)
        {
            signatures[handle] = new byte[Bands * Rows];
            if (handle >= 10 && random.Next(3) != 0)
            {
                signatures[handle - random.Next(1, 10)].CopyTo(signatures[handle], 0);
                signatures[handle][random.Next(Bands * Rows)] = (byte)random.Next(256);
            }
            else
            {
                random.NextBytes(signatures[handle]);
            }
        }

        return signatures;
    }

    private sealed class JaggedSource(byte[][] signatures) : ISignatureSource
    {
        public ReadOnlySpan<byte> Signature(int handle) => signatures[handle];
    }

    [Fact]
    public void Sparse_large_handle_grows_the_handle_arrays()
    {
        var index = new LshIndex(Bands, Rows, 1, initialCapacity: 2);
        var signature = Signature(1, 2, 3, 4);

        index.Insert(5000, signature);

        Assert.True(index.Contains(5000));
        Assert.Equal([5000], QueryAll(index, signature));
    }

    [Fact]
    public void Bytes_past_the_last_band_are_ignored()
    {
        var index = new LshIndex(2, 2, 1);
        index.Insert(0, [1, 2, 3, 4, 99]);

        Assert.Equal([0], QueryAll(index, [1, 2, 3, 4, 0, 0]));
        index.Remove(0, [1, 2, 3, 4]);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Lead_key_configuration_indexes_each_32_bit_value_separately()
    {
        // Four 32-bit keys per document, each its own band.
        var index = new LshIndex(bands: 4, rows: 1, bytesPerRow: 4);
        index.Insert(0, Keys(10, 20, 30, 40));
        index.Insert(1, Keys(11, 21, 31, 40));
        index.Insert(2, Keys(50, 60, 70, 80));

        Assert.Equal(16, index.SignatureBytes);
        Assert.Equal([0, 1], QueryAll(index, Keys(10, 0, 0, 40)));
        Assert.Equal([2], QueryAll(index, Keys(0, 0, 70, 0)));

        index.Remove(0, Keys(10, 20, 30, 40));
        Assert.Equal([1], QueryAll(index, Keys(10, 0, 0, 40)));
    }

    [Fact]
    public void Remove_with_a_wrong_signature_throws_and_changes_nothing()
    {
        var index = new LshIndex(Bands, Rows, 1);
        var a = Signature(1, 2, 3, 4);
        var b = Signature(1, 2, 3, 5);
        index.Insert(0, a);
        index.Insert(1, b);

        // Bands 0-2 lead to handle 0, band 3 does not: the first pass must fail before unlinking anything.
        Assert.Throws<ArgumentException>(() => index.Remove(0, b));
        Assert.Throws<ArgumentException>(() => index.Remove(0, Signature(9, 9, 9, 9)));

        Assert.Equal(2, index.Count);
        Assert.Equal([1, 0], QueryAll(index, a));
        index.Remove(0, a);
        index.Remove(1, b);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Misuse_is_rejected()
    {
        var index = new LshIndex(Bands, Rows, 1);
        var signature = Signature(1, 2, 3, 4);
        index.Insert(0, signature);

        Assert.Throws<InvalidOperationException>(() => index.Insert(0, signature));
        Assert.Throws<InvalidOperationException>(() => index.Remove(1, signature));
        Assert.Throws<InvalidOperationException>(() => index.Remove(100_000, signature));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Insert(-1, signature));
        Assert.Throws<ArgumentException>(() => index.Insert(1, new byte[Bands * Rows - 1]));
        Assert.Throws<ArgumentException>(() => index.Query(new byte[3], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query(signature, [], -1));
        Assert.Throws<ArgumentNullException>(() => index.Query(signature, null!));
        Assert.False(index.Contains(-1));
        Assert.Equal(1, index.Count);
    }

    [Theory]
    [InlineData(0, 1, 1, 16)]
    [InlineData(1, 0, 1, 16)]
    [InlineData(1, 1, 0, 16)]
    [InlineData(1, 1, 1, 0)]
    public void Constructor_rejects_invalid_arguments(int bands, int rows, int bytesPerRow, int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshIndex(bands, rows, bytesPerRow, capacity));
    }

    [Fact]
    public void Estimated_bytes_account_for_tables_links_and_copied_signatures()
    {
        var index = new LshIndex(9, 13, 1, initialCapacity: 1000);
        var tableSlots = LshIndex.TableCapacityFor(1000);

        // 9 tables of 4-byte slots, 9 links and one stamp per handle, one presence bit per handle, a copy of the
        // 117 banded bytes per handle, plus headers.
        var arrays = (9L * tableSlots * 4) + (1000L * 9 * 4) + (1000L * 4) + (16 * 8) + (1000L * 117);
        Assert.InRange(index.EstimatedBytes, arrays, arrays + 1024);
    }

    [Fact]
    public void Estimated_bytes_exclude_signatures_read_from_a_source()
    {
        var source = new ArraySource(new byte[1000 * 128], 128);
        var index = new LshIndex(25, 5, 1, source, initialCapacity: 1000);
        var tableSlots = LshIndex.TableCapacityFor(1000);

        var arrays = (25L * tableSlots * 4) + (1000L * 25 * 4) + (1000L * 4) + (16 * 8);
        Assert.InRange(index.EstimatedBytes, arrays, arrays + 1024);
    }

    [Fact]
    public void A_source_backed_index_answers_like_one_that_copies_signatures()
    {
        const int N = 30_000;
        const int Width = 128;
        var random = new Random(77);
        var signatures = new byte[N * Width];
        random.NextBytes(signatures);
        for (var handle = 1; handle < N; handle++)
        {
            // Every third document is a near-copy of an earlier one, so chains form.
            if (handle % 3 == 0)
            {
                var original = random.Next(handle);
                signatures.AsSpan(original * Width, Width).CopyTo(signatures.AsSpan(handle * Width, Width));
                signatures[(handle * Width) + random.Next(Width)] ^= 0x5A;
            }
        }

        var copying = new LshIndex(25, 5, 1, initialCapacity: 1);
        var reading = new LshIndex(25, 5, 1, new ArraySource(signatures, Width), initialCapacity: 1);
        for (var handle = 0; handle < N; handle++)
        {
            copying.Insert(handle, signatures.AsSpan(handle * Width, Width));
            reading.Insert(handle, signatures.AsSpan(handle * Width, Width));
        }

        // Remove every fifth document from both, then compare answers for indexed and perturbed signatures.
        for (var handle = 0; handle < N; handle += 5)
        {
            copying.Remove(handle, signatures.AsSpan(handle * Width, Width));
            reading.Remove(handle, signatures.AsSpan(handle * Width, Width));
        }

        Assert.Equal(copying.Count, reading.Count);
        var query = new byte[Width];
        for (var q = 0; q < 2000; q++)
        {
            signatures.AsSpan(random.Next(N) * Width, Width).CopyTo(query);
            query[random.Next(Width)] ^= 0x33;
            Assert.Equal(QueryAll(copying, query), QueryAll(reading, query));
        }

        for (var band = 0; band < 25; band++)
        {
            Assert.Equal(copying.DistinctKeys(band), reading.DistinctKeys(band));
            Assert.True(reading.DistinctKeys(band) * 4 <= reading.TableCapacity(band) * 3);
        }

        // Handle bits follow the handle capacity (growing from 1), so 30,000 handles need at least 15 bits.
        Assert.InRange(reading.HandleBits, 15, 16);
    }

    [Fact]
    public void Colliding_band_keys_share_a_chain_as_if_the_keys_were_stored()
    {
        // Two different 3-byte bands with the same 32-bit key: a birthday search over 3-byte values finds one.
        var seen = new Dictionary<uint, int>();
        int first = -1, second = -1;
        for (var value = 0; value < 1 << 24 && first < 0; value++)
        {
            var key = BandKey.Compute([(byte)value, (byte)(value >> 8), (byte)(value >> 16)]);
            if (!seen.TryAdd(key, value))
            {
                first = seen[key];
                second = value;
            }
        }

        Assert.True(first >= 0);
        byte[] a = [(byte)first, (byte)(first >> 8), (byte)(first >> 16)];
        byte[] b = [(byte)second, (byte)(second >> 8), (byte)(second >> 16)];
        var index = new LshIndex(1, 3, 1, initialCapacity: 1);
        index.Insert(0, a);
        index.Insert(1, b);

        Assert.Equal(1, index.DistinctKeys(0));
        Assert.Equal([1, 0], QueryAll(index, a));
        index.Remove(1, b);
        Assert.Equal([0], QueryAll(index, b));
        index.Remove(0, a);
        Assert.Equal(0, index.DistinctKeys(0));
    }

    [Fact]
    public void Query_does_not_allocate_once_the_list_has_room()
    {
        var index = new LshIndex(Bands, Rows, 1);
        for (var handle = 0; handle < 100; handle++)
        {
            index.Insert(handle, Signature(handle % 7, handle % 11, handle % 13, 1));
        }

        var list = new List<int>(256);
        var query = Signature(1, 2, 3, 1);
        index.Query(query, list);
        list.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            list.Clear();
            index.Query(query, list);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(100, list.Count);
    }

    internal static List<int> QueryAll(LshIndex index, ReadOnlySpan<byte> signature)
    {
        var list = new List<int>();
        index.Query(signature, list);
        return list;
    }

    // A signature of Bands bands whose Rows bytes all equal the band's value, so equal values mean a shared band.
    private static byte[] Signature(params int[] bandValues)
    {
        var signature = new byte[Bands * Rows];
        for (var band = 0; band < Bands; band++)
        {
            signature.AsSpan(band * Rows, Rows).Fill((byte)bandValues[band]);
        }

        return signature;
    }

    private sealed class ArraySource(byte[] signatures, int width) : ISignatureSource
    {
        public ReadOnlySpan<byte> Signature(int handle) => signatures.AsSpan(handle * width, width);
    }

    private static byte[] Keys(params uint[] keys)
    {
        var bytes = new byte[keys.Length * 4];
        for (var i = 0; i < keys.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), keys[i]);
        }

        return bytes;
    }
}
