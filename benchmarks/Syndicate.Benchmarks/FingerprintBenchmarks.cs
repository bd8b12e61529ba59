using BenchmarkDotNet.Attributes;
using Syndicate.Sketches;
using Syndicate.Text;

namespace Syndicate.Benchmarks;

/// <summary>
/// Classic k-permutation MinHash (the baseline) against one-permutation hashing with densification, on the word
/// shingles of real Arabic articles, in the same run so that the ratio is the speedup. <c>Sketch</c> times the
/// signature alone; <c>Fingerprint</c> the whole per-article path (clean, normalize, shingle, sketch). One operation
/// is one article.
/// </summary>
[MemoryDiagnoser]
[DocsPerSecondColumn]
public class FingerprintBenchmarks
{
    private const int Articles = 500;

    private Article[] _articles = [];
    private ulong[][] _shingles = [];
    private uint[] _slots = [];
    private ClassicMinHash _classic = null!;
    private OnePermutationMinHash _onePermutation = null!;
    private SyndicationEngine _classicEngine = null!;
    private SyndicationEngine _fastEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = SyndicationOptions.Default;
        _articles = ArticleCorpus.LoadArticles(Articles, out string origin);
        _shingles = new ulong[_articles.Length][];
        for (int i = 0; i < _articles.Length; i++)
        {
            string normalized = TextNormalizer.Normalize(_articles[i].Body, options.Normalization);
            var buffer = new ulong[Math.Max(1, Shingler.MaxWordShingles(normalized.Length))];
            int count = Shingler.WordShingles(normalized, options.ShingleSize, options.Seed, buffer);
            _shingles[i] = buffer[..count];
        }

        Console.WriteLine($"// corpus: {origin}, {_shingles.Sum(s => s.Length) / Math.Max(1, _shingles.Length)} shingles per article");
        _slots = new uint[options.SignatureLength];
        _classic = new ClassicMinHash(options.SignatureLength, options.Seed);
        _onePermutation = new OnePermutationMinHash(options.SignatureLength, options.Seed);
        _classicEngine = new SyndicationEngine(new SyndicationOptions { UseClassicMinHash = true });
        _fastEngine = new SyndicationEngine();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Articles)]
    public uint ClassicSketch()
    {
        uint sum = 0;
        foreach (ulong[] shingles in _shingles)
        {
            if (shingles.Length > 0)
            {
                _classic.Compute(shingles, _slots);
                sum += _slots[0];
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public uint OnePermutationSketch()
    {
        uint sum = 0;
        foreach (ulong[] shingles in _shingles)
        {
            if (shingles.Length > 0)
            {
                _onePermutation.Compute(shingles, _slots);
                sum += _slots[0];
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int ClassicFingerprint()
    {
        int sum = 0;
        foreach (Article article in _articles)
        {
            sum += _classicEngine.Fingerprint(article).ShingleCount;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int OnePermutationFingerprint()
    {
        int sum = 0;
        foreach (Article article in _articles)
        {
            sum += _fastEngine.Fingerprint(article).ShingleCount;
        }

        return sum;
    }
}
