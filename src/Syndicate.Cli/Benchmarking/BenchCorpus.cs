using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Syndicate.Cli.Commands;
using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;
using Syndicate.Sketches;

namespace Syndicate.Cli.Benchmarking;

/// <summary>
/// The articles a benchmark runs on: the real articles of the input files, then as many synthetic variants of them as
/// a size asks for. A variant of round <c>r</c> of article <c>a</c> has a new id and a seeded fraction of its words
/// replaced by words from other articles, so a large corpus holds near-duplicates, not exact copies.
/// </summary>
internal sealed class BenchCorpus
{
    private readonly Article[] _articles;
    private readonly string[] _vocabulary;
    private readonly double _mutation;
    private readonly ulong _seed;

    private BenchCorpus(Article[] articles, string origin, long jsonlBytes, double gunzipSeconds, double parseSeconds, double parseCpuSeconds, double streamSeconds, double streamCpuSeconds, double mutation, ulong seed)
    {
        _articles = articles;
        Origin = origin;
        JsonlBytes = jsonlBytes;
        GunzipSeconds = gunzipSeconds;
        ParseSeconds = parseSeconds;
        ParseCpuSeconds = parseCpuSeconds;
        StreamSeconds = streamSeconds;
        StreamCpuSeconds = streamCpuSeconds;
        _mutation = mutation;
        _seed = seed;
        TextBytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Body) + (a.Title is null ? 0 : Encoding.UTF8.GetByteCount(a.Title)));
        _vocabulary = articles.Take(2000)
            .SelectMany(a => a.Body.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        if (_vocabulary.Length == 0)
        {
            _vocabulary = ["x"];
        }
    }

    /// <summary>Where the real articles came from.</summary>
    public string Origin { get; }

    /// <summary>The real articles, in input order.</summary>
    public IReadOnlyList<Article> Real => _articles;

    /// <summary>Uncompressed JSON Lines bytes of the inputs.</summary>
    public long JsonlBytes { get; }

    /// <summary>UTF-8 bytes of the real articles' titles and bodies.</summary>
    public long TextBytes { get; }

    /// <summary>Mean UTF-8 bytes of title and body per real article.</summary>
    public double MeanTextBytes => _articles.Length == 0 ? 0 : (double)TextBytes / _articles.Length;

    /// <summary>Wall time spent decompressing the inputs (not part of parsing).</summary>
    public double GunzipSeconds { get; }

    /// <summary>Wall time of reading and parsing the uncompressed JSON Lines from memory.</summary>
    public double ParseSeconds { get; }

    /// <summary>Process CPU time of reading and parsing.</summary>
    public double ParseCpuSeconds { get; }

    /// <summary>
    /// Wall time of reading and parsing the same bytes with each article dropped as it is read, as <c>cluster</c>
    /// consumes them: the parser's own cost, without the garbage collector promoting every article kept.
    /// </summary>
    public double StreamSeconds { get; }

    /// <summary>Process CPU time of the streamed parse.</summary>
    public double StreamCpuSeconds { get; }

    /// <summary>
    /// Loads <c>*.jsonl.gz</c> (and <c>*.jsonl</c>) files of <paramref name="dataDirectory"/>, or the bundled fixture when
    /// it is null. Each file is decompressed into memory first, so the parse time is the reader's alone.
    /// </summary>
    public static BenchCorpus Load(string? dataDirectory, double mutation, ulong seed, Action<string> progress)
    {
        var payloads = new List<(string Name, byte[] Bytes)>();
        double gunzip = 0;
        string origin;
        if (dataDirectory is not null)
        {
            string[] files = [.. Directory.GetFiles(dataDirectory, "*.jsonl.gz").Concat(Directory.GetFiles(dataDirectory, "*.jsonl")).Order(StringComparer.Ordinal)];
            if (files.Length == 0)
            {
                throw new UsageException($"no *.jsonl.gz or *.jsonl files in {dataDirectory}");
            }

            foreach (string file in files)
            {
                progress($"decompressing {Path.GetFileName(file)}");
                long start = Stopwatch.GetTimestamp();
                using var input = File.OpenRead(file);
                using var memory = new MemoryStream();
                if (file.EndsWith(".gz", StringComparison.Ordinal))
                {
                    using var gzip = new GZipStream(input, CompressionMode.Decompress);
                    gzip.CopyTo(memory);
                }
                else
                {
                    input.CopyTo(memory);
                }

                gunzip += Stopwatch.GetElapsedTime(start).TotalSeconds;
                payloads.Add((Path.GetFileName(file), memory.ToArray()));
            }

            origin = string.Join(", ", payloads.Select(p => p.Name));
        }
        else
        {
            string? fixture = FindUpwards(Path.Combine("fixtures", "synthetic", "corpus.jsonl"));
            if (fixture is not null)
            {
                payloads.Add(("fixtures/synthetic/corpus.jsonl", File.ReadAllBytes(fixture)));
            }
            else
            {
                using Stream stream = typeof(BenchCorpus).Assembly.GetManifestResourceStream("Syndicate.Cli.sample.jsonl")
                    ?? throw new InvalidOperationException("The bundled sample is missing from this build.");
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                payloads.Add(("bundled sample", memory.ToArray()));
            }

            origin = payloads[0].Name;
        }

        // Parse twice and keep the faster pass: the first also pays for JIT compilation of the reader.
        var articles = new List<Article>();
        (double parse, double parseCpu) = TimeParse(payloads, 2, pass =>
        {
            progress(pass == 0 ? "parsing (warm-up)" : "parsing");
            articles.Clear();
        }, articles.Add);

        // Then twice more with every article dropped as it is read.
        long characters = 0;
        (double streamed, double streamedCpu) = TimeParse(payloads, 2, _ => progress("parsing (streamed)"), a => characters += a.Body.Length);
        if (characters != 2 * articles.Sum(a => (long)a.Body.Length))
        {
            throw new InvalidOperationException("The streamed parse read other articles than the kept one.");
        }

        return new BenchCorpus([.. articles], origin, payloads.Sum(p => (long)p.Bytes.Length), gunzip, parse, parseCpu, streamed, streamedCpu, mutation, seed);
    }

    /// <summary>
    /// Reads and parses <paramref name="payloads"/> <paramref name="passes"/> times, giving each article to
    /// <paramref name="consume"/>; the wall and process CPU seconds of the fastest pass.
    /// </summary>
    private static (double Seconds, double CpuSeconds) TimeParse(List<(string Name, byte[] Bytes)> payloads, int passes, Action<int> beforePass, Action<Article> consume)
    {
        (double Seconds, double CpuSeconds) best = (double.MaxValue, 0);
        for (int pass = 0; pass < passes; pass++)
        {
            beforePass(pass);
            long start = Stopwatch.GetTimestamp();
            TimeSpan cpu = Environment.CpuUsage.TotalTime;
            foreach (var (_, bytes) in payloads)
            {
                using var memory = new MemoryStream(bytes, writable: false);
                var reader = new ArticleReader(["-"], InputFormat.Auto, ErrorMode.Fail, _ => { }, memory);
                foreach (InputRecord record in reader.Read())
                {
                    consume(record.Article);
                }
            }

            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (seconds < best.Seconds)
            {
                best = (seconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
            }
        }

        return best;
    }

    /// <summary>The article at <paramref name="index"/> of a corpus of any size: real articles first, then variants.</summary>
    public Article Get(int index)
    {
        Article real = _articles[index % _articles.Length];
        int round = index / _articles.Length;
        if (round == 0)
        {
            return real;
        }

        var random = new SplitMix64(_seed ^ ((ulong)index * 0x9E3779B97F4A7C15UL));
        string body = Mutate(real.Body, random);
        return new Article(real.Id + "~" + round.ToString(System.Globalization.CultureInfo.InvariantCulture), real.Source, body)
        {
            Title = real.Title,
            Url = real.Url,
            Published = real.Published,
        };
    }

    /// <summary>Fills <paramref name="batch"/> with the articles from <paramref name="start"/> on.</summary>
    public void Fill(List<Article> batch, int start, int count)
    {
        batch.Clear();
        for (int i = 0; i < count; i++)
        {
            batch.Add(Get(start + i));
        }
    }

    private string Mutate(string body, SplitMix64 random)
    {
        var sb = new StringBuilder(body.Length + 64);
        int threshold = (int)(_mutation * 1_000_000);
        int i = 0;
        while (i < body.Length)
        {
            int end = i;
            while (end < body.Length && body[end] is not (' ' or '\n'))
            {
                end++;
            }

            if (end > i && random.NextInt(1_000_000) < threshold)
            {
                sb.Append(_vocabulary[random.NextInt(_vocabulary.Length)]);
            }
            else
            {
                sb.Append(body, i, end - i);
            }

            if (end < body.Length)
            {
                sb.Append(body[end]);
            }

            i = end + 1;
        }

        return sb.ToString();
    }

    /// <summary>Looks for <paramref name="relative"/> in the current directory and each of its parents.</summary>
    public static string? FindUpwards(string relative)
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.GetFullPath(Path.Combine(dir.FullName, relative));
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
