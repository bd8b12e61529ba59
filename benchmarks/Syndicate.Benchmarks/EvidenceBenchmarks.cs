using System.Buffers;
using BenchmarkDotNet.Attributes;
using Syndicate.Fingerprinting;
using Syndicate.Sketches;

namespace Syndicate.Benchmarks;

/// <summary>
/// The hot loops of a fingerprint's evidence and sketches, each beside the reference loop it must equal, on the story
/// texts of real articles: the character grams, the one-permutation MinHash bins (of the character grams and of the
/// word shingles) and the number sample. Answers whether each faster path pays on this machine. One operation is one
/// article.
/// </summary>
[MemoryDiagnoser]
[DocsPerSecondColumn]
public class EvidenceBenchmarks
{
    private const int Articles = 2000;

    private string[] _stories = [];
    private ulong[][] _grams = [];
    private ulong[][] _shingles = [];
    private ulong[] _scratch = [];
    private ulong[] _characterBins = [];
    private ulong[] _wordBins = [];
    private byte[] _row = [];
    private long _seed;

    [GlobalSetup]
    public void Setup()
    {
        var options = SyndicationOptions.Default;
        _seed = options.Seed;
        var fingerprinter = new Fingerprinter(options);
        Article[] articles = ArticleCorpus.LoadArticles(Articles, out string origin);
        char[] buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        ulong[] lineHashes = ArrayPool<ulong>.Shared.Rent(64);
        ulong[]? shingleBuffer = null;
        _stories = new string[articles.Length];
        _grams = new ulong[articles.Length][];
        _shingles = new ulong[articles.Length][];
        for (int i = 0; i < articles.Length; i++)
        {
            int lines = 0;
            bool excluded = false;
            int length = fingerprinter.Normalize(fingerprinter.Clean(articles[i]).Body, ref buffer, ref lineHashes, ref lines, null, ref excluded);
            _stories[i] = new string(fingerprinter.StoryText(buffer.AsSpan(0, length)));
            var grams = new ulong[Math.Max(1, _stories[i].Length)];
            _grams[i] = grams[..Evidence.CharacterGramsScalar(_stories[i], _seed, grams)];
            int count = fingerprinter.Shingle(_stories[i], ref shingleBuffer);
            _shingles[i] = shingleBuffer.AsSpan(0, count).ToArray();
        }

        ArrayPool<char>.Shared.Return(buffer);
        ArrayPool<ulong>.Shared.Return(lineHashes);
        _scratch = new ulong[_stories.Max(s => s.Length) + 1];
        _characterBins = new ulong[Evidence.CharacterSlots];
        _wordBins = new ulong[options.SignatureLength];
        _row = new byte[Evidence.RowBytes];
        Console.WriteLine($"// corpus: {origin}, {_stories.Length} articles, vector mix accelerated: {SplitMix64.IsVectorMixAccelerated} (AVX-512DQ/VL: {System.Runtime.Intrinsics.X86.Avx512DQ.VL.IsSupported}, AVX2: {System.Runtime.Intrinsics.X86.Avx2.IsSupported})");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Articles)]
    public int CharacterGramsScalar()
    {
        int sum = 0;
        foreach (string story in _stories)
        {
            sum += Evidence.CharacterGramsScalar(story, _seed, _scratch);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int CharacterGramsVector()
    {
        int sum = 0;
        foreach (string story in _stories)
        {
            sum += Evidence.CharacterGramsVector(story, _seed, _scratch);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public ulong CharacterBinsScalar() => Bins(_grams, _characterBins, vector: false);

    [Benchmark(OperationsPerInvoke = Articles)]
    public ulong CharacterBinsVector() => Bins(_grams, _characterBins, vector: true);

    [Benchmark(OperationsPerInvoke = Articles)]
    public ulong WordBinsScalar() => Bins(_shingles, _wordBins, vector: false);

    [Benchmark(OperationsPerInvoke = Articles)]
    public ulong WordBinsVector() => Bins(_shingles, _wordBins, vector: true);

    [Benchmark(OperationsPerInvoke = Articles)]
    public byte NumbersByTokens()
    {
        byte sum = 0;
        foreach (string story in _stories)
        {
            Evidence.WriteNumbersByTokens(story, _seed, _row);
            sum ^= _row[^1];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public byte NumbersByDigitSearch()
    {
        byte sum = 0;
        foreach (string story in _stories)
        {
            Evidence.WriteNumbers(story, _seed, _row);
            sum ^= _row[^1];
        }

        return sum;
    }

    private ulong Bins(ulong[][] sets, ulong[] bins, bool vector)
    {
        ulong sum = 0;
        foreach (ulong[] set in sets)
        {
            bins.AsSpan().Fill(ulong.MaxValue);
            if (vector)
            {
                OnePermutationMinHash.FillBinsVector(set, (ulong)_seed, bins);
            }
            else
            {
                OnePermutationMinHash.FillBinsScalar(set, (ulong)_seed, bins);
            }

            sum ^= bins[0];
        }

        return sum;
    }
}
