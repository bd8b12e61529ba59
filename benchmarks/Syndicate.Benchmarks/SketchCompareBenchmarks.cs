using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Syndicate.Sketches;

namespace Syndicate.Benchmarks;

/// <summary>
/// Slot comparison of two k = 128 signatures that agree in about half their slots: the scalar reference
/// (baseline) against the vectorized dispatch, for full 32-bit slots and for 8-bit slots.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SketchCompareBenchmarks
{
    private const int Length = 128;

    private readonly uint[] _a = new uint[Length];
    private readonly uint[] _b = new uint[Length];
    private readonly byte[] _bytesA = new byte[Length];
    private readonly byte[] _bytesB = new byte[Length];

    [GlobalSetup]
    public void Setup()
    {
        var random = new SplitMix64(0xC0FFEE);
        for (var i = 0; i < Length; i++)
        {
            var value = random.NextUInt64();
            _a[i] = (uint)value;
            _b[i] = (value >> 63) == 0 ? _a[i] : (uint)(value >> 32);
            _bytesA[i] = (byte)_a[i];
            _bytesB[i] = (byte)_b[i];
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("uint")]
    public int ScalarUInt() => SignatureComparer.CountEqualScalar(_a, _b);

    [Benchmark]
    [BenchmarkCategory("uint")]
    public int VectorUInt() => SignatureComparer.CountEqual(_a, _b);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("byte")]
    public int ScalarByte() => SignatureComparer.CountEqualScalar(_bytesA, _bytesB);

    [Benchmark]
    [BenchmarkCategory("byte")]
    public int VectorByte() => SignatureComparer.CountEqual(_bytesA, _bytesB);
}
