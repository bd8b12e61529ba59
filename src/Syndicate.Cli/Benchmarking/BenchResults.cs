namespace Syndicate.Cli.Benchmarking;

/// <summary>Everything one <c>syndicate bench</c> run measured.</summary>
internal sealed class BenchResults
{
    public required string Machine { get; init; }

    public required string Corpus { get; init; }

    public required int RealArticles { get; init; }

    public required double MeanArticleBytes { get; init; }

    public required double Mutation { get; init; }

    public required ReadResult Read { get; init; }

    public required List<RunResult> Runs { get; init; }

    public ClassicResult? Classic { get; set; }

    /// <summary>Articles added one by one in memory and to durable states, when measured.</summary>
    public List<DurableResult>? Durable { get; set; }
}

/// <summary>
/// Reading and parsing JSON Lines held in memory: with every article kept (the bench's corpus), and streamed, each
/// article dropped as it is read.
/// </summary>
internal sealed record ReadResult(int Articles, long JsonlBytes, double GunzipSeconds, double Seconds, double CpuSeconds, double StreamSeconds, double StreamCpuSeconds)
{
    public double MegabytesPerSecond => JsonlBytes / 1e6 / Seconds;

    public double ArticlesPerSecond => Articles / Seconds;

    public double StreamMegabytesPerSecond => JsonlBytes / 1e6 / StreamSeconds;

    public double StreamArticlesPerSecond => Articles / StreamSeconds;
}

/// <summary>One corpus size through one engine with a given parallelism.</summary>
internal sealed record RunResult(
    int Size,
    int Threads,
    double Seconds,
    double CpuSeconds,
    double FingerprintSeconds,
    double IndexSeconds,
    long TextBytes,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    int Clusters,
    double EngineBytesPerArticle,
    double RetainedBytesPerArticle,
    long PeakWorkingSet)
{
    /// <summary>Wall seconds to reopen this engine's state from disk (snapshot load and index rebuild), when measured.</summary>
    public double? ReopenSeconds { get; init; }

    /// <summary>Size of the snapshot file, when measured.</summary>
    public long? SnapshotBytes { get; init; }

    /// <summary>Each article's wall time from fingerprint to verdict, in the one-thread runs.</summary>
    public LatencyHistogram? Latency { get; init; }

    public double ArticlesPerSecond => Size / Seconds;

    public double ArticlesPerCpuSecond => Size / CpuSeconds;

    public double MegabytesPerSecond => TextBytes / 1e6 / Seconds;

    public double AllocatedBytesPerArticle => (double)AllocatedBytes / Size;
}

/// <summary>The same articles through the fast and the classic MinHash engine.</summary>
internal sealed record ClassicResult(int Articles, double FastSeconds, double ClassicSeconds)
{
    public double FastArticlesPerSecond => Articles / FastSeconds;

    public double ClassicArticlesPerSecond => Articles / ClassicSeconds;

    public double EngineSpeedup => ClassicSeconds / FastSeconds;
}

/// <summary>
/// Real articles added one at a time to one engine: <paramref name="State"/> names it (in memory, or the durability of
/// its journal). <paramref name="Seconds"/> includes opening and closing a durable state.
/// </summary>
internal sealed record DurableResult(string State, int Articles, double Seconds, LatencyHistogram Latency)
{
    public double ArticlesPerSecond => Articles / Seconds;
}
