using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Syndicate.Index;

namespace Syndicate.Benchmarks;

/// <summary>
/// Insert and query cost of <see cref="LshIndex"/> against a dictionary-of-lists baseline, per document, for 128-byte
/// signatures (128 one-byte slots) under the (9, 13) and (25, 5) bandings. The corpus is random documents of which one
/// in ten is a near-copy (each slot kept with probability 0.9) of an earlier one, so some band chains are longer than
/// one; half the queries are near-copies (slot agreement 0.85) of indexed documents and half are unrelated.
/// Insert times are for building the whole index from empty (divide by <see cref="Documents"/>); query times are per
/// query. Retained bytes per document are printed from the global setup of the query benchmarks ("// bytes/doc").
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LshIndexBenchmarks
{
    private const int SignatureBytes = 128;
    private const int Queries = 10_000;

    private byte[] _signatures = [];
    private byte[] _queries = [];
    private LshIndex? _index;
    private NaiveLshIndex? _naive;
    private readonly List<int> _candidates = new(4096);

    /// <summary>Gets or sets the number of indexed documents.</summary>
    [Params(100_000, 1_000_000)]
    public int Documents { get; set; }

    /// <summary>Gets or sets the banding as "bands x rows".</summary>
    [Params("9x13", "25x5")]
    public string Banding { get; set; } = "9x13";

    private int Bands => int.Parse(Banding.AsSpan(0, Banding.IndexOf('x')));

    private int Rows => int.Parse(Banding.AsSpan(Banding.IndexOf('x') + 1));

    [GlobalSetup(Targets = [nameof(InsertNaive), nameof(InsertCompact)])]
    public void SetupInsert() => Generate();

    [GlobalSetup(Target = nameof(QueryNaive))]
    public void SetupQueryNaive()
    {
        Generate();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _naive = BuildNaive();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// bytes/doc naive {Banding} N={Documents}: {(double)(after - before) / Documents:F1} (GC heap growth)");
    }

    [GlobalSetup(Target = nameof(QueryCompact))]
    public void SetupQueryCompact()
    {
        Generate();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _index = BuildCompact();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// bytes/doc compact {Banding} N={Documents}: {(double)(after - before) / Documents:F1} (GC heap growth), {(double)_index.EstimatedBytes / Documents:F1} (EstimatedBytes)");
    }

    [BenchmarkCategory("Insert")]
    [Benchmark(Baseline = true)]
    public object InsertNaive() => BuildNaive();

    [BenchmarkCategory("Insert")]
    [Benchmark]
    public object InsertCompact() => BuildCompact();

    [BenchmarkCategory("Query")]
    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public long QueryNaive()
    {
        long total = 0;
        for (var q = 0; q < Queries; q++)
        {
            _candidates.Clear();
            _naive!.Query(_queries.AsSpan(q * SignatureBytes, SignatureBytes), _candidates);
            total += _candidates.Count;
        }

        return total;
    }

    [BenchmarkCategory("Query")]
    [Benchmark(OperationsPerInvoke = Queries)]
    public long QueryCompact()
    {
        long total = 0;
        for (var q = 0; q < Queries; q++)
        {
            _candidates.Clear();
            _index!.Query(_queries.AsSpan(q * SignatureBytes, SignatureBytes), _candidates);
            total += _candidates.Count;
        }

        return total;
    }

    private LshIndex BuildCompact()
    {
        // Default initial capacity: the arrays grow as an engine's would. Stored signatures are read from the
        // corpus, as the engine's index reads them from its document table.
        var index = new LshIndex(Bands, Rows, bytesPerRow: 1, new SignatureArray(_signatures, SignatureBytes));
        for (var handle = 0; handle < Documents; handle++)
        {
            index.Insert(handle, _signatures.AsSpan(handle * SignatureBytes, SignatureBytes));
        }

        return index;
    }

    private NaiveLshIndex BuildNaive()
    {
        var index = new NaiveLshIndex(Bands, Rows, bytesPerRow: 1);
        for (var handle = 0; handle < Documents; handle++)
        {
            index.Insert(handle, _signatures.AsSpan(handle * SignatureBytes, SignatureBytes));
        }

        return index;
    }

    private void Generate()
    {
        var random = new Random(20240611);
        _signatures = new byte[Documents * SignatureBytes];
        random.NextBytes(_signatures);
        for (var doc = 1; doc < Documents; doc++)
        {
            if (random.Next(10) == 0)
            {
                CopyWithAgreement(random, random.Next(doc), 0.9, _signatures, _signatures.AsSpan(doc * SignatureBytes, SignatureBytes));
            }
        }

        _queries = new byte[Queries * SignatureBytes];
        random.NextBytes(_queries);
        for (var q = 0; q < Queries; q += 2)
        {
            CopyWithAgreement(random, random.Next(Documents), 0.85, _signatures, _queries.AsSpan(q * SignatureBytes, SignatureBytes));
        }
    }

    private sealed class SignatureArray(byte[] signatures, int width) : ISignatureSource
    {
        public ReadOnlySpan<byte> Signature(int handle) => signatures.AsSpan(handle * width, width);
    }

    private static void CopyWithAgreement(Random random, int source, double agreement, byte[] from, Span<byte> to)
    {
        var original = from.AsSpan(source * SignatureBytes, SignatureBytes);
        for (var slot = 0; slot < SignatureBytes; slot++)
        {
            to[slot] = random.NextDouble() < agreement ? original[slot] : (byte)(original[slot] ^ (1 + random.Next(255)));
        }
    }
}
