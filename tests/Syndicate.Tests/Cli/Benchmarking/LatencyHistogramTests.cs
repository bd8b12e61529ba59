using System.Diagnostics;
using System.Text.Json;
using Syndicate.Cli.Benchmarking;
using Syndicate.Sketches;
using Syndicate.Tests.Cli.EndToEnd;

namespace Syndicate.Tests.Cli.Benchmarking;

/// <summary>The bench's per-article latency percentiles.</summary>
public sealed class LatencyHistogramTests
{
    private static long Ticks(double micros) => (long)Math.Round(micros * Stopwatch.Frequency / 1e6);

    [Fact]
    public void Percentiles_are_the_nearest_rank_of_the_sorted_latencies_to_a_tenth_of_a_microsecond()
    {
        var rng = new SplitMix64(20261207);
        var histogram = new LatencyHistogram();
        var ticks = new List<long>();
        for (int i = 0; i < 20_000; i++)
        {
            // Mostly tens of microseconds, a tail of milliseconds.
            double micros = i % 100 == 0 ? 1_000 + rng.NextInt(20_000) : 10 + (rng.NextInt(1_000_000) / 10_000.0);
            long t = Ticks(micros);
            ticks.Add(t);
            histogram.Record(t);
        }

        ticks.Sort();
        foreach (double q in new[] { 0.0001, 0.5, 0.9, 0.99, 0.999, 1.0 })
        {
            long rank = Math.Max(1, (long)Math.Ceiling(q * ticks.Count));
            double expected = ticks[(int)rank - 1] * 1e6 / Stopwatch.Frequency;
            double actual = histogram.Percentile(q);
            Assert.True(actual <= expected && expected - actual < 0.1 + 1e-9, $"p{q}: {actual} against {expected}");
        }

        Assert.Equal(ticks[^1] * 1e6 / Stopwatch.Frequency, histogram.MaxMicros, 6);
        Assert.Equal(ticks.Count, histogram.Count);
    }

    [Fact]
    public void Latencies_beyond_the_range_report_the_largest_and_an_empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.Percentile(0.5));
        histogram.Record(Ticks(20));
        histogram.Record(Ticks(LatencyHistogram.RangeMicros * 3));
        Assert.Equal(20, histogram.Percentile(0.5), 1);
        Assert.Equal(LatencyHistogram.RangeMicros * 3, histogram.Percentile(0.99), 3);
        Assert.Equal(LatencyHistogram.RangeMicros * 3, histogram.MaxMicros, 3);
    }

    [SharedDataFact("saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz")]
    public void Bench_reports_the_latency_of_its_one_thread_runs_and_of_durable_adds()
    {
        using var dir = new TempDirectory();
        string json = Path.Combine(dir.Path, "bench.json");
        CliResult run = SyndicateCli.Run("bench", "--quick", "--classic-sample", "0", "--data", SharedData.Directory, "--out", json).Expect(0);
        Assert.Contains("| articles | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |", run.Stdout, StringComparison.Ordinal);

        using JsonDocument results = JsonDocument.Parse(File.ReadAllBytes(json));
        foreach (JsonElement engineRun in results.RootElement.GetProperty("runs").EnumerateArray())
        {
            bool oneThread = engineRun.GetProperty("threads").GetInt32() == 1;
            Assert.Equal(oneThread, engineRun.TryGetProperty("latencyMicros", out JsonElement latency));
            if (oneThread)
            {
                double[] values = [.. new[] { "p50", "p90", "p99", "p999", "max" }.Select(name => latency.GetProperty(name).GetDouble())];
                AssertOrdered(values);
            }
        }

        // The quick run adds 300 real articles one by one in memory, then journalled, then journalled and flushed, then
        // flushed a batch at a time, then flushed with four threads adding at once.
        Assert.Contains("| journal, FlushToDisk | 300 |", run.Stdout, StringComparison.Ordinal);
        JsonElement[] durable = [.. results.RootElement.GetProperty("durable").EnumerateArray()];
        Assert.Equal(["in memory", "journal, Process", "journal, FlushToDisk", "journal, FlushToDisk, AddRange of 64", "journal, FlushToDisk, 4 threads each adding one at a time"], durable.Select(d => d.GetProperty("state").GetString()));
        foreach (JsonElement d in durable)
        {
            Assert.Equal(300, d.GetProperty("articles").GetInt32());
            JsonElement latency = d.GetProperty("latencyMicros");
            AssertOrdered([.. new[] { "p50", "p90", "p99", "p999", "max" }.Select(name => latency.GetProperty(name).GetDouble())]);
            Assert.Equal(300, latency.GetProperty("count").GetInt64());
        }
    }

    [Fact]
    public void Histograms_of_several_threads_merge_into_the_histogram_of_all_their_latencies()
    {
        var rng = new SplitMix64(20261208);
        var all = new LatencyHistogram();
        LatencyHistogram[] parts = [new(), new(), new()];
        for (int i = 0; i < 9_000; i++)
        {
            long t = Ticks(5 + (rng.NextInt(3_000_000) / 100.0));
            all.Record(t);
            parts[i % 3].Record(t);
        }

        var merged = new LatencyHistogram();
        foreach (LatencyHistogram part in parts)
        {
            merged.Add(part);
        }

        Assert.Equal(all.Count, merged.Count);
        Assert.Equal(all.MaxMicros, merged.MaxMicros);
        foreach (double q in new[] { 0.001, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0 })
        {
            Assert.Equal(all.Percentile(q), merged.Percentile(q));
        }
    }

    private static void AssertOrdered(double[] values)
    {
        Assert.True(values[0] > 0, "p50 above zero");
        for (int i = 1; i < values.Length; i++)
        {
            Assert.True(values[i] >= values[i - 1], $"percentiles in order: {string.Join(", ", values)}");
        }
    }
}
