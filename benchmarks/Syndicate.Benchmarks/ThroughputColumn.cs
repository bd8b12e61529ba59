using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Syndicate.Benchmarks;

/// <summary>
/// Adds an "MB/s" column (10^6 bytes per second of mean time). Bytes per operation come from a "Size" parameter when
/// the benchmark has one, otherwise from a public static <c>BytesPerOperation()</c> method on the benchmark class.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Throughput in 10^6 bytes of input per second, from the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var bytes = BytesPerOperation(benchmarkCase);
        if (statistics is null || bytes is null || statistics.Mean <= 0)
        {
            return "NA";
        }

        var megabytesPerSecond = bytes.Value / statistics.Mean * 1e9 / 1e6;
        return megabytesPerSecond.ToString("N1", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    private static long? BytesPerOperation(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Size"] is int size)
        {
            return size;
        }

        var method = benchmarkCase.Descriptor.Type.GetMethod("BytesPerOperation", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
        return method?.Invoke(null, null) is long bytes ? bytes : null;
    }
}
