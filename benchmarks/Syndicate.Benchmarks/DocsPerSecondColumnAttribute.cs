using BenchmarkDotNet.Attributes;

namespace Syndicate.Benchmarks;

/// <summary>Adds the <see cref="DocsPerSecondColumn"/> to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DocsPerSecondColumnAttribute : ColumnConfigBaseAttribute
{
    public DocsPerSecondColumnAttribute()
        : base(new DocsPerSecondColumn())
    {
    }
}
