using BenchmarkDotNet.Attributes;
using Syndicate.Hashing;

namespace Syndicate.Benchmarks;

/// <summary>
/// XXH3-64 one-shot hashing by input size: how much the vector kernels buy over the scalar reference, and how both
/// compare with the simplest reasonable 64-bit hash (FNV-1a, one multiply per byte).
/// </summary>
/// <remarks>Inputs of 240 bytes or less never reach the long path, so Scalar, Vector128 and Vector256 coincide there.</remarks>
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
    public ulong XxHash3Scalar() => XxHash3.HashToUInt64Scalar(_data, 0);

    [Benchmark]
    public ulong XxHash3Vector128() => XxHash3.HashToUInt64Vector128(_data, 0);

    [Benchmark]
    public ulong XxHash3Vector256() => XxHash3.HashToUInt64Vector256(_data, 0);

    [Benchmark]
    public ulong XxHash3Seeded() => XxHash3.HashToUInt64(_data, 12345);

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
