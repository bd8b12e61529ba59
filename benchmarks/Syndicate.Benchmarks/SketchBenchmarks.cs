using BenchmarkDotNet.Attributes;
using Syndicate.Sketches;

namespace Syndicate.Benchmarks;

/// <summary>
/// Signature throughput of classic MinHash (k hash evaluations per shingle, the baseline) against
/// one-permutation hashing with optimal densification (one hash per shingle plus O(k) densification),
/// for shingle sets of short, typical and long news articles.
/// </summary>
[MemoryDiagnoser]
[DocsPerSecondColumn]
public class SketchBenchmarks
{
    private ulong[] _shingles = [];
    private uint[] _signature = [];
    private ClassicMinHash _classic = null!;
    private OnePermutationMinHash _onePermutation = null!;

    [Params(64, 128, 256)]
    public int K { get; set; }

    /// <summary>Distinct shingle hashes per document: a short brief, a typical article, a long feature.</summary>
    [Params(150, 400, 1500)]
    public int Shingles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SplitMix64(0x5EEDBE9C);
        var distinct = new HashSet<ulong>();
        while (distinct.Count < Shingles)
        {
            distinct.Add(random.NextUInt64());
        }

        _shingles = [.. distinct];
        _signature = new uint[K];
        _classic = new ClassicMinHash(K, 42);
        _onePermutation = new OnePermutationMinHash(K, 42);
    }

    [Benchmark(Baseline = true)]
    public uint Classic()
    {
        _classic.Compute(_shingles, _signature);
        return _signature[0];
    }

    [Benchmark]
    public uint OnePermutation()
    {
        _onePermutation.Compute(_shingles, _signature);
        return _signature[0];
    }
}
