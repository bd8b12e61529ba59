using System.Buffers;
using BenchmarkDotNet.Attributes;
using Syndicate.Cleaning;
using Syndicate.Fingerprinting;
using Syndicate.Text;

namespace Syndicate.Benchmarks;

/// <summary>
/// The four stages of fingerprinting timed apart on real articles, each through the fingerprinter's own stage method
/// (clean, normalize paragraph by paragraph, shingle, sketch), so that the sum is what <c>engine.Fingerprint</c> spends
/// and a change to a stage shows in its own row. Each stage's input is the previous stage's output, computed once in
/// the setup. One operation is one article.
/// </summary>
[MemoryDiagnoser]
[DocsPerSecondColumn]
public class FingerprintStageBenchmarks
{
    private const int Articles = 2000;

    private Fingerprinter _fingerprinter = null!;
    private Article[] _articles = [];
    private string[] _cleaned = [];
    private string[] _stories = [];
    private ulong[][] _shingles = [];
    private char[] _buffer = [];
    private ulong[] _lineHashes = [];
    private ulong[]? _shingleBuffer;
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        var options = SyndicationOptions.Default;
        _fingerprinter = new Fingerprinter(options);
        _articles = ArticleCorpus.LoadArticles(Articles, out string origin);
        _cleaned = [.. _articles.Select(a => _fingerprinter.Clean(a).Body)];
        _buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        _lineHashes = ArrayPool<ulong>.Shared.Rent(64);
        _stories = new string[_articles.Length];
        _shingles = new ulong[_articles.Length][];
        for (int i = 0; i < _articles.Length; i++)
        {
            int lines = 0;
            bool excluded = false;
            int length = _fingerprinter.Normalize(_cleaned[i], ref _buffer, ref _lineHashes, ref lines, null, ref excluded);
            _stories[i] = new string(_fingerprinter.StoryText(_buffer.AsSpan(0, length)));
            int count = _fingerprinter.Shingle(_stories[i], ref _shingleBuffer);
            _shingles[i] = _shingleBuffer.AsSpan(0, count).ToArray();
        }

        _signature = new byte[options.SignatureLength];
        Console.WriteLine($"// corpus: {origin}, {_articles.Length} articles");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        ArrayPool<ulong>.Shared.Return(_lineHashes);
        if (_shingleBuffer is not null)
        {
            ArrayPool<ulong>.Shared.Return(_shingleBuffer);
        }
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Clean()
    {
        int sum = 0;
        foreach (Article article in _articles)
        {
            CleanedArticle cleaned = _fingerprinter.Clean(article);
            sum += cleaned.Body.Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Normalize()
    {
        int sum = 0;
        foreach (string text in _cleaned)
        {
            int lines = 0;
            bool excluded = false;
            sum += _fingerprinter.Normalize(text, ref _buffer, ref _lineHashes, ref lines, null, ref excluded);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public ulong Shingle()
    {
        ulong sum = 0;
        foreach (string story in _stories)
        {
            sum += (ulong)_fingerprinter.Shingle(story, ref _shingleBuffer);
            sum ^= Shingler.ContentHash(story, SyndicationOptions.Default.Seed);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Sketch()
    {
        int sum = 0;
        foreach (ulong[] shingles in _shingles)
        {
            sum += _fingerprinter.Sketch(shingles, _signature).Length + _signature[0];
        }

        return sum;
    }
}
