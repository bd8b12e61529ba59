using System.Text;
using BenchmarkDotNet.Attributes;

namespace Syndicate.Benchmarks;

/// <summary>
/// A caller holding an article's body as UTF-8 bytes (a feed payload, a queue message): decoding it to a string first
/// (the baseline) against creating the article from the bytes, each followed by the fingerprint, on real articles.
/// Both give the same fingerprint (<c>Utf8ArticleTests</c>). One operation is one article.
/// </summary>
[MemoryDiagnoser]
[DocsPerSecondColumn]
public class Utf8ArticleBenchmarks
{
    private const int Articles = 2000;

    private byte[][] _bodies = [];
    private Article[] _articles = [];
    private SyndicationEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _articles = ArticleCorpus.LoadArticles(Articles, out string origin);
        _bodies = [.. _articles.Select(a => Encoding.UTF8.GetBytes(a.Body))];
        _engine = new SyndicationEngine();
        Console.WriteLine($"// corpus: {origin}, {_articles.Length} articles, {_bodies.Sum(b => (long)b.Length) / Math.Max(1, _bodies.Length)} UTF-8 bytes of body on average");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Articles)]
    public int DecodedToString()
    {
        int sum = 0;
        for (int i = 0; i < _bodies.Length; i++)
        {
            Article a = _articles[i];
            var article = new Article(a.Id, a.Source, Encoding.UTF8.GetString(_bodies[i])) { Title = a.Title };
            sum += _engine.Fingerprint(article).ShingleCount;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int FromUtf8Bytes()
    {
        int sum = 0;
        for (int i = 0; i < _bodies.Length; i++)
        {
            Article a = _articles[i];
            var article = new Article(a.Id, a.Source, _bodies[i]) { Title = a.Title };
            sum += _engine.Fingerprint(article).ShingleCount;
        }

        return sum;
    }
}
