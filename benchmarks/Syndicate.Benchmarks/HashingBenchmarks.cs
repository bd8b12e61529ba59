using System.IO.Hashing;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Syndicate.Internal;

namespace Syndicate.Benchmarks;

/// <summary>
/// XXH3-64 one-shot hashing (System.IO.Hashing) by input size, against the simplest reasonable 64-bit hash (FNV-1a,
/// one multiply per byte); <c>Utf16</c> is the library's text entry point (the same bytes seen as chars).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class HashingBenchmarks
{
    private byte[] _data = [];

    [Params(16, 64, 256, 4096, 65536)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(20240601).NextBytes(_data);
    }

    [Benchmark(Baseline = true)]
    public ulong Fnv1a64() => Fnv1a64(_data);

    [Benchmark]
    public ulong XxHash3Unseeded() => XxHash3.HashToUInt64(_data, 0);

    [Benchmark]
    public ulong XxHash3Seeded() => XxHash3.HashToUInt64(_data, 12345);

    [Benchmark]
    public ulong Utf16Seeded() => Utf16Hash.XxHash3(MemoryMarshal.Cast<byte, char>(_data), 12345);

    private static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        // FNV-1a 64: offset basis 14695981039346656037, prime 1099511628211 (Fowler, Noll, Vo).
        var hash = 14695981039346656037UL;
        foreach (var value in data)
        {
            hash = (hash ^ value) * 1099511628211UL;
        }

        return hash;
    }
}
