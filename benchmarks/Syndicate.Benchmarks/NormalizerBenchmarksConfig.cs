using BenchmarkDotNet.Configs;

namespace Syndicate.Benchmarks;

/// <summary>Adds the MB/s column to <see cref="NormalizerBenchmarks"/>, measured on the same bodies.</summary>
internal sealed class NormalizerBenchmarksConfig : ManualConfig
{
    private static readonly Lazy<long> s_bytes = new(
        () => ArticleCorpus.Utf8Bytes(ArticleCorpus.LoadBodies(NormalizerBenchmarks.Articles, out _)));

    public NormalizerBenchmarksConfig() => AddColumn(new MegabytesPerSecondColumn(() => s_bytes.Value));
}
