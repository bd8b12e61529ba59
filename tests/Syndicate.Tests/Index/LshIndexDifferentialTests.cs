using Syndicate.Index;

namespace Syndicate.Tests.Index;

/// <summary>
/// Seeded random operation sequences run against <see cref="LshIndex"/> and a plain reference built from a dictionary
/// keyed by the band's bytes. Every query must return the same handles in the same order: band by band, newest first.
/// </summary>
public sealed class LshIndexDifferentialTests
{
    [Theory]
    [InlineData(5, 3, 1, 1, 50_000, 11, false)]      // MinHash-style bands, starting from the smallest arrays
    [InlineData(9, 13, 1, 64, 50_000, 12, false)]    // the (9, 13) banding over 128 one-byte slots
    [InlineData(4, 1, 4, 1, 50_000, 13, false)]      // four 32-bit lead keys per document
    [InlineData(5, 3, 1, 1, 50_000, 14, true)]       // the same, keys recomputed from an external signature source
    [InlineData(25, 5, 1, 16, 30_000, 15, true)]     // the engine's (25, 5) banding
    [InlineData(4, 1, 4, 1, 50_000, 16, true)]
    public void Random_operations_match_the_reference(int bands, int rows, int bytesPerRow, int initialCapacity, int operations, int seed, bool externalSource)
    {
        var harness = new Harness(bands, rows, bytesPerRow, initialCapacity, seed, variantsPerBand: 40, maxLive: 3000, externalSource);
        harness.Run(operations);
        harness.RemoveAll();
    }

    [Fact]
    public void Backward_shift_deletion_keeps_a_small_busy_table_consistent()
    {
        // At most 11 live documents with mostly unique bands keep every table at its minimum of 16 slots and up to
        // 11/16 full, so probe runs are long, wrap around the end of the array, and are cut by deletions constantly.
        var harness = new Harness(bands: 3, rows: 2, bytesPerRow: 1, initialCapacity: 1, seed: 21, variantsPerBand: 1000, maxLive: 11, externalSource: true);
        harness.Run(30_000);

        for (var band = 0; band < 3; band++)
        {
            Assert.Equal(16, harness.Index.TableCapacity(band));
        }

        harness.RemoveAll();
    }

    private sealed class Harness : ISignatureSource
    {
        private readonly int _bands;
        private readonly int _bandBytes;
        private readonly int _variantsPerBand;
        private readonly int _maxLive;
        private readonly Random _random;
        private readonly byte[][][] _variants;
        private readonly Dictionary<(int Band, string Bytes), List<int>> _reference = [];
        private readonly Dictionary<int, byte[]> _live = [];
        private readonly Stack<int> _freeHandles = new();
        private readonly List<int> _actual = [];
        private int _nextHandle;

        public Harness(int bands, int rows, int bytesPerRow, int initialCapacity, int seed, int variantsPerBand, int maxLive, bool externalSource)
        {
            _bands = bands;
            _bandBytes = rows * bytesPerRow;
            _variantsPerBand = variantsPerBand;
            _maxLive = maxLive;
            _random = new Random(seed);
            Index = new LshIndex(bands, rows, bytesPerRow, externalSource ? this : null, initialCapacity);

            // Each band draws from a small pool of contents most of the time, so many documents share bands and
            // chains get long; the rest of the time its bytes are fresh, so tables keep gaining and losing keys.
            _variants = new byte[bands][][];
            for (var band = 0; band < bands; band++)
            {
                _variants[band] = new byte[variantsPerBand][];
                for (var v = 0; v < variantsPerBand; v++)
                {
                    _variants[band][v] = RandomBytes(_bandBytes);
                }
            }
        }

        public LshIndex Index { get; }

        // The index may only ask for live handles.
        public ReadOnlySpan<byte> Signature(int handle) => _live[handle];

        public void Run(int operations)
        {
            for (var op = 0; op < operations; op++)
            {
                var roll = _random.NextDouble();
                if (_live.Count == 0 || (roll < 0.45 && _live.Count < _maxLive))
                {
                    Insert();
                }
                else if (roll < 0.70)
                {
                    RemoveRandom();
                }
                else
                {
                    Query(op % 2 == 0 ? MutatedLiveSignature() : NewSignature());
                }

                Assert.Equal(_live.Count, Index.Count);
            }
        }

        public void RemoveAll()
        {
            while (_live.Count > 0)
            {
                RemoveRandom();
                if (_live.Count % 97 == 0)
                {
                    Query(NewSignature());
                }
            }

            Assert.Equal(0, Index.Count);
            for (var band = 0; band < _bands; band++)
            {
                Assert.Equal(0, Index.DistinctKeys(band));
            }
        }

        private void Insert()
        {
            // Reuse the most recently freed handle, as the engine does, so handles stay dense.
            var handle = _freeHandles.Count > 0 ? _freeHandles.Pop() : _nextHandle++;
            var signature = NewSignature();
            _live.Add(handle, signature);
            Index.Insert(handle, signature);
            for (var band = 0; band < _bands; band++)
            {
                var key = (band, BandText(signature, band));
                if (!_reference.TryGetValue(key, out var chain))
                {
                    chain = [];
                    _reference.Add(key, chain);
                }

                chain.Add(handle);
            }
        }

        private void RemoveRandom()
        {
            var handle = _live.Keys.ElementAt(_random.Next(_live.Count));
            var signature = _live[handle];
            Index.Remove(handle, signature);
            _live.Remove(handle);
            _freeHandles.Push(handle);
            for (var band = 0; band < _bands; band++)
            {
                var key = (band, BandText(signature, band));
                var chain = _reference[key];
                chain.Remove(handle);
                if (chain.Count == 0)
                {
                    _reference.Remove(key);
                }
            }
        }

        private void Query(byte[] signature)
        {
            var expected = new List<int>();
            var seen = new HashSet<int>();
            for (var band = 0; band < _bands; band++)
            {
                if (_reference.TryGetValue((band, BandText(signature, band)), out var chain))
                {
                    for (var i = chain.Count - 1; i >= 0; i--)
                    {
                        if (seen.Add(chain[i]))
                        {
                            expected.Add(chain[i]);
                        }
                    }
                }
            }

            _actual.Clear();
            Index.Query(signature, _actual);
            Assert.Equal(expected, _actual);

            if (expected.Count > 1)
            {
                var max = _random.Next(expected.Count);
                _actual.Clear();
                Index.Query(signature, _actual, max);
                Assert.Equal(expected.Take(max), _actual);
            }
        }

        private byte[] NewSignature()
        {
            var signature = new byte[_bands * _bandBytes];
            for (var band = 0; band < _bands; band++)
            {
                var content = _random.NextDouble() < 0.8
                    ? _variants[band][_random.Next(_variantsPerBand)]
                    : RandomBytes(_bandBytes);
                content.CopyTo(signature, band * _bandBytes);
            }

            return signature;
        }

        private byte[] MutatedLiveSignature()
        {
            var signature = (byte[])_live.Values.ElementAt(_random.Next(_live.Count)).Clone();
            signature[_random.Next(signature.Length)] ^= (byte)(1 + _random.Next(255));
            return signature;
        }

        private byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            _random.NextBytes(bytes);
            return bytes;
        }

        private string BandText(byte[] signature, int band) =>
            Convert.ToHexString(signature, band * _bandBytes, _bandBytes);
    }
}
