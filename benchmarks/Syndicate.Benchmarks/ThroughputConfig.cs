using BenchmarkDotNet.Configs;

namespace Syndicate.Benchmarks;

/// <summary>Default configuration plus the <see cref="ThroughputColumn"/>.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn());
    }
}
