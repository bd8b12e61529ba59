using BenchmarkDotNet.Attributes;
using Syndicate.Fingerprinting;
using Syndicate.Sketches;

namespace Syndicate.Benchmarks;

/// <summary>
/// The engine on real articles (SaudiNewsNet when the shared data is present, the seed documents otherwise): the
/// fingerprint alone (clean, normalize, shingle, sketch; the baseline), <c>Add</c> one by one into a fresh engine,
/// <c>AddRange</c> with one and two threads, and <c>Query</c> against an engine holding the articles. One operation
/// is one article, so Docs/s is articles per second and Allocated is bytes per article.
/// </summary>
[MemoryDiagnoser]
[DocsPerSecondColumn]
public class EngineBenchmarks
{
    private const int Articles = 2000;

    private Article[] _articles = [];
    private SyndicationEngine _engine = null!;
    private SyndicationEngine _filled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _articles = ArticleCorpus.LoadArticles(Articles, out string origin);
        Console.WriteLine($"// corpus: {origin}, {_articles.Length} articles, {ArticleCorpus.Utf8Bytes(_articles.Select(a => a.Body)) / _articles.Length} UTF-8 bytes per body");
        _filled = new SyndicationEngine();
        _filled.AddRange(_articles, 1);
    }

    [IterationSetup(Targets = [nameof(Add), nameof(AddRangeOneThread), nameof(AddRangeTwoThreads)])]
    public void NewEngine() => _engine = new SyndicationEngine();

    [Benchmark(Baseline = true, OperationsPerInvoke = Articles)]
    public int Fingerprint()
    {
        int sum = 0;
        foreach (Article article in _articles)
        {
            Fingerprint print = _filled.Fingerprint(article);
            sum += print.ShingleCount;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Add()
    {
        int sum = 0;
        foreach (Article article in _articles)
        {
            sum += _engine.Add(article).ClusterSize;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int AddRangeOneThread() => _engine.AddRange(_articles, 1).Count;

    [Benchmark(OperationsPerInvoke = Articles)]
    public int AddRangeTwoThreads() => _engine.AddRange(_articles, 2).Count;

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Query()
    {
        int sum = 0;
        foreach (Article article in _articles)
        {
            sum += _filled.Query(article).ClusterSize;
        }

        return sum;
    }
}
