using System.Diagnostics;

namespace Syndicate.Cli.Benchmarking;

/// <summary>
/// Per-article latencies in bins of a tenth of a microsecond up to <see cref="RangeMicros"/>, and the largest exactly:
/// exact percentiles to 0.1 µs in a fixed 2 MB, whatever the run's size.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>Latencies above this (50 ms) are counted in the last bin; <see cref="MaxMicros"/> keeps the largest.</summary>
    public const int RangeMicros = 50_000;

    private const int BinsPerMicro = 10;

    private readonly int[] _bins = new int[(RangeMicros * BinsPerMicro) + 1];
    private long _maxTicks;

    /// <summary>Latencies recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The largest latency recorded, in microseconds.</summary>
    public double MaxMicros => _maxTicks * 1e6 / Stopwatch.Frequency;

    /// <summary>Records one latency of <paramref name="ticks"/> <see cref="Stopwatch"/> ticks.</summary>
    public void Record(long ticks)
    {
        long bin = ticks * 1_000_000L * BinsPerMicro / Stopwatch.Frequency;
        _bins[(int)Math.Clamp(bin, 0, _bins.Length - 1)]++;
        _maxTicks = Math.Max(_maxTicks, ticks);
        Count++;
    }

    /// <summary>Adds every latency <paramref name="other"/> recorded (one histogram per thread, merged after the run).</summary>
    public void Add(LatencyHistogram other)
    {
        for (int bin = 0; bin < _bins.Length; bin++)
        {
            _bins[bin] += other._bins[bin];
        }

        _maxTicks = Math.Max(_maxTicks, other._maxTicks);
        Count += other.Count;
    }

    /// <summary>
    /// The smallest latency, in microseconds (to the bin's 0.1 µs, rounded down), that at least <paramref name="quantile"/>
    /// of the recorded ones do not exceed; 0 when nothing was recorded.
    /// </summary>
    public double Percentile(double quantile)
    {
        if (Count == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(quantile * Count));
        long seen = 0;
        for (int bin = 0; bin < _bins.Length; bin++)
        {
            seen += _bins[bin];
            if (seen >= rank)
            {
                return bin == _bins.Length - 1 ? MaxMicros : (double)bin / BinsPerMicro;
            }
        }

        return MaxMicros;
    }
}
