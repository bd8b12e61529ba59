namespace Syndicate.Cli.Benchmarking;

/// <summary>Process CPU time: on a shared machine wall time counts other processes' work too.</summary>
internal static class CpuTime
{
    /// <summary>Process CPU time of <paramref name="work"/>, in <see cref="TimeSpan"/> ticks.</summary>
    public static long Ticks(Action work)
    {
        TimeSpan before = Environment.CpuUsage.TotalTime;
        work();
        return (Environment.CpuUsage.TotalTime - before).Ticks;
    }

    /// <summary><see cref="TimeSpan"/> ticks in seconds.</summary>
    public static double Seconds(long ticks) => (double)ticks / TimeSpan.TicksPerSecond;
}
