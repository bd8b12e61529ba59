using BenchmarkDotNet.Attributes;
using Syndicate.Text;

namespace Syndicate.Benchmarks;

/// <summary>
/// How fast is <see cref="TextNormalizer"/> on real Arabic news, compared with a naive
/// normalizer? Each operation normalizes every article body of the corpus once.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class NormalizerBenchmarks
{
    private static readonly Lazy<long> s_bytes = new(() => ArticleCorpus.Utf8Bytes(ArticleCorpus.LoadBodies(Articles, out _)));

    /// <summary>UTF-8 bytes of the bodies one operation normalizes, for the MB/s column.</summary>
    public static long BytesPerOperation() => s_bytes.Value;

    /// <summary>How many articles one operation normalizes.</summary>
    internal const int Articles = 2000;

    private string[] _bodies = [];
    private char[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _bodies = ArticleCorpus.LoadBodies(Articles, out _);
        _buffer = new char[TextNormalizer.GetMaxOutputLength(_bodies.Max(b => b.Length))];
        _ = TextNormalizer.Normalize("تهيئة");
    }

    [Benchmark(Baseline = true, Description = "Naive (categories, dictionary, StringBuilder)")]
    public int Naive()
    {
        int total = 0;
        foreach (string body in _bodies)
        {
            total += NaiveNormalizer.Normalize(body).Length;
        }

        return total;
    }

    [Benchmark(Description = "TextNormalizer.Normalize(string)")]
    public int NormalizeString()
    {
        int total = 0;
        foreach (string body in _bodies)
        {
            total += TextNormalizer.Normalize(body).Length;
        }

        return total;
    }

    [Benchmark(Description = "TextNormalizer.TryNormalize(span)")]
    public int TryNormalizeSpan()
    {
        int total = 0;
        char[] buffer = _buffer;
        foreach (string body in _bodies)
        {
            TextNormalizer.TryNormalize(body, buffer, out int written);
            total += written;
        }

        return total;
    }
}
