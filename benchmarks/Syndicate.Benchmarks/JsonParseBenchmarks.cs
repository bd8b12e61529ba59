using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Syndicate.Cli.Input;

namespace Syndicate.Benchmarks;

/// <summary>
/// How fast does the JSON Lines reader turn a line into an article: its fast path (<see cref="JsonArticle.TryParse(ReadOnlySpan{byte}, out Article?, out string?)"/>,
/// one pass from UTF-8 to each string, declining to the reference when it must) against the reference parser
/// (<see cref="JsonArticle.TryParseReference"/>, <see cref="System.Text.Json.Utf8JsonReader"/>) on the same lines?
/// Each operation parses every line once; the articles are dropped as read, as <c>syndicate cluster</c> drops them.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class JsonParseBenchmarks
{
    /// <summary>How many lines one operation parses.</summary>
    internal const int Lines = 5000;

    private static readonly Lazy<byte[][]> s_lines = new(() => Load(Lines));

    private byte[][] _lines = [];

    /// <summary>UTF-8 bytes of the lines one operation parses, for the MB/s column.</summary>
    public static long BytesPerOperation() => s_lines.Value.Sum(l => (long)l.Length);

    [GlobalSetup]
    public void Setup()
    {
        _lines = s_lines.Value;
        if (_lines.Any(l => !JsonArticle.TryParse(l, out _, out _)))
        {
            throw new InvalidOperationException("A benchmark line does not parse.");
        }
    }

    [Benchmark(Baseline = true, Description = "Reference (Utf8JsonReader, GetString)")]
    public int Reference()
    {
        int characters = 0;
        foreach (byte[] line in _lines)
        {
            JsonArticle.TryParseReference(line, out Article? article, out _);
            characters += article!.Body.Length;
        }

        return characters;
    }

    [Benchmark(Description = "Fast path (one pass, SIMD decoding)")]
    public int Fast()
    {
        int characters = 0;
        foreach (byte[] line in _lines)
        {
            JsonArticle.TryParse(line, out Article? article, out _);
            characters += article!.Body.Length;
        }

        return characters;
    }

    // The first lines of SaudiNewsNet when the shared data is present, else the bundled synthetic corpus.
    private static byte[][] Load(int count)
    {
        string? corpus = ArticleCorpus.FindUpwards(Path.Combine("..", "shared", "data", "saudinewsnet.jsonl.gz"))
            ?? ArticleCorpus.FindUpwards(Path.Combine("shared", "data", "saudinewsnet.jsonl.gz"));
        using Stream stream = corpus is not null
            ? new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress)
            : File.OpenRead(ArticleCorpus.FindUpwards(Path.Combine("fixtures", "synthetic", "corpus.jsonl"))
                ?? throw new FileNotFoundException("Neither the shared corpus nor fixtures/synthetic/corpus.jsonl was found."));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<byte[]>(count);
        while (lines.Count < count && reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(Encoding.UTF8.GetBytes(line));
            }
        }

        return [.. lines];
    }
}
