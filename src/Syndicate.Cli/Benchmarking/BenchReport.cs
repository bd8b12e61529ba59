using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Syndicate.Cli.Benchmarking;

/// <summary>Writes <see cref="BenchResults"/> as Markdown tables or as JSON.</summary>
internal static class BenchReport
{
    public static string ToMarkdown(BenchResults r)
    {
        var sb = new StringBuilder();
        Line(sb, $"Machine: {r.Machine}");
        Line(sb, $"Corpus: {r.Corpus}: {r.RealArticles:N0} real articles, {r.MeanArticleBytes:N0} UTF-8 bytes of title and body on average; larger sizes add variants with {r.Mutation:P0} of words replaced.");
        Line(sb, "");
        Line(sb, "Read + parse (JSON Lines already in memory, one thread; MB/s by wall time; kept: every article held for the runs below, streamed: each dropped as read, as `cluster` reads)");
        Line(sb, "");
        Line(sb, "| parse | articles | JSONL MB | gunzip s | parse s | parse CPU s | MB/s | MB/CPU-s | articles/s |");
        Line(sb, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        ReadResult read = r.Read;
        Line(sb, $"| kept | {read.Articles:N0} | {read.JsonlBytes / 1e6:N1} | {read.GunzipSeconds:F2} | {read.Seconds:F2} | {read.CpuSeconds:F2} | {read.MegabytesPerSecond:N0} | {read.JsonlBytes / 1e6 / read.CpuSeconds:N0} | {read.ArticlesPerSecond:N0} |");
        Line(sb, $"| streamed | {read.Articles:N0} | {read.JsonlBytes / 1e6:N1} | - | {read.StreamSeconds:F2} | {read.StreamCpuSeconds:F2} | {read.StreamMegabytesPerSecond:N0} | {read.JsonlBytes / 1e6 / read.StreamCpuSeconds:N0} | {read.StreamArticlesPerSecond:N0} |");
        Line(sb, "");
        Line(sb, "Engine end to end (clean → normalize → fingerprint → index → cluster; articles/CPU-s is the figure to trust on a shared machine; with 1 thread the CPU time is split into fingerprint and index+cluster)");
        Line(sb, "");
        Line(sb, "| articles | threads | wall s | CPU s | articles/s | articles/CPU-s | MB/s | fingerprint µs | index+cluster µs | alloc B/article | GC 0/1/2 | clusters | engine B/article | retained B/article | peak WS MB |");
        Line(sb, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (RunResult run in r.Runs)
        {
            string fp = run.Threads == 1 ? (run.FingerprintSeconds * 1e6 / run.Size).ToString("N1", CultureInfo.InvariantCulture) : "-";
            string ix = run.Threads == 1 ? (run.IndexSeconds * 1e6 / run.Size).ToString("N1", CultureInfo.InvariantCulture) : "-";
            Line(sb, $"| {run.Size:N0} | {run.Threads} | {run.Seconds:F2} | {run.CpuSeconds:F2} | {run.ArticlesPerSecond:N0} | {run.ArticlesPerCpuSecond:N0} | {run.MegabytesPerSecond:N0} | {fp} | {ix} | {run.AllocatedBytesPerArticle:N0} | {run.Gen0}/{run.Gen1}/{run.Gen2} | {run.Clusters:N0} | {run.EngineBytesPerArticle:N0} | {run.RetainedBytesPerArticle:N0} | {run.PeakWorkingSet / 1e6:N0} |");
        }

        if (r.Runs.Any(run => run.Latency is { Count: > 0 }))
        {
            Line(sb, "");
            Line(sb, "Latency of one article, one thread: wall µs from its fingerprint to its verdict (`Fingerprint` + `Add`), as an in-process caller waits for `Add`; on a shared machine the largest values include time the thread was not running");
            Line(sb, "");
            Line(sb, "| articles | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |");
            Line(sb, "|---:|---:|---:|---:|---:|---:|");
            foreach (RunResult run in r.Runs)
            {
                if (run.Latency is { Count: > 0 } l)
                {
                    Line(sb, $"| {run.Size:N0} | {l.Percentile(0.5):N1} | {l.Percentile(0.9):N1} | {l.Percentile(0.99):N1} | {l.Percentile(0.999):N1} | {l.MaxMicros:N1} |");
                }
            }
        }

        foreach (RunResult run in r.Runs)
        {
            if (run.ReopenSeconds is { } reopen)
            {
                Line(sb, "");
                Line(sb, $"Reopening the durable state of {run.Size:N0} articles (snapshot {run.SnapshotBytes / 1e6:N0} MB): {reopen:F2} s wall (snapshot read, checksums verified, indexes rebuilt).");
            }
        }

        if (r.Durable is { Count: > 0 } durable)
        {
            Line(sb, "");
            Line(sb, $"Adding one article at a time, the first {durable[0].Articles:N0} real articles: in memory, and to a durable state whose journal holds each article before `Add` returns (Process: one write per article; FlushToDisk: and an fsync, shared by an `AddRange` batch or by the threads adding at once), in {Path.GetTempPath()}; one thread unless the state says otherwise; wall µs until each article's verdict");
            Line(sb, "");
            Line(sb, "| state | articles | wall s | articles/s | p50 µs | p99 µs | p99.9 µs | max µs | time ÷ in memory |");
            Line(sb, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (DurableResult d in durable)
            {
                LatencyHistogram l = d.Latency;
                Line(sb, $"| {d.State} | {d.Articles:N0} | {d.Seconds:F2} | {d.ArticlesPerSecond:N0} | {l.Percentile(0.5):N1} | {l.Percentile(0.99):N1} | {l.Percentile(0.999):N1} | {l.MaxMicros:N1} | {d.Seconds / durable[0].Seconds:F2} |");
            }
        }

        if (r.Classic is { } c)
        {
            Line(sb, "");
            Line(sb, "Classic k-permutation MinHash against one-permutation hashing (same articles, one thread)");
            Line(sb, "");
            Line(sb, "| articles | fast engine articles/s | classic engine articles/s | engine speedup |");
            Line(sb, "|---:|---:|---:|---:|");
            Line(sb, $"| {c.Articles:N0} | {c.FastArticlesPerSecond:N0} | {c.ClassicArticlesPerSecond:N0} | {c.EngineSpeedup:F1}x |");
        }

        return sb.ToString();
    }

    public static void WriteJson(Stream stream, BenchResults r)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("machine", r.Machine);
        w.WriteString("corpus", r.Corpus);
        w.WriteNumber("realArticles", r.RealArticles);
        w.WriteNumber("meanArticleBytes", Math.Round(r.MeanArticleBytes, 1));
        w.WriteNumber("mutation", r.Mutation);
        w.WriteStartObject("read");
        w.WriteNumber("articles", r.Read.Articles);
        w.WriteNumber("jsonlBytes", r.Read.JsonlBytes);
        w.WriteNumber("gunzipSeconds", Round(r.Read.GunzipSeconds));
        w.WriteNumber("seconds", Round(r.Read.Seconds));
        w.WriteNumber("cpuSeconds", Round(r.Read.CpuSeconds));
        w.WriteNumber("megabytesPerSecond", Round(r.Read.MegabytesPerSecond));
        w.WriteNumber("megabytesPerCpuSecond", Round(r.Read.JsonlBytes / 1e6 / r.Read.CpuSeconds));
        w.WriteNumber("articlesPerSecond", Round(r.Read.ArticlesPerSecond));
        w.WriteNumber("streamSeconds", Round(r.Read.StreamSeconds));
        w.WriteNumber("streamCpuSeconds", Round(r.Read.StreamCpuSeconds));
        w.WriteNumber("streamMegabytesPerSecond", Round(r.Read.StreamMegabytesPerSecond));
        w.WriteNumber("streamMegabytesPerCpuSecond", Round(r.Read.JsonlBytes / 1e6 / r.Read.StreamCpuSeconds));
        w.WriteEndObject();
        w.WriteStartArray("runs");
        foreach (RunResult run in r.Runs)
        {
            w.WriteStartObject();
            w.WriteNumber("articles", run.Size);
            w.WriteNumber("threads", run.Threads);
            w.WriteNumber("seconds", Round(run.Seconds));
            w.WriteNumber("cpuSeconds", Round(run.CpuSeconds));
            w.WriteNumber("articlesPerSecond", Round(run.ArticlesPerSecond));
            w.WriteNumber("articlesPerCpuSecond", Round(run.ArticlesPerCpuSecond));
            w.WriteNumber("megabytesPerSecond", Round(run.MegabytesPerSecond));
            if (run.Threads == 1)
            {
                w.WriteNumber("fingerprintSeconds", Round(run.FingerprintSeconds));
                w.WriteNumber("indexClusterSeconds", Round(run.IndexSeconds));
            }

            w.WriteNumber("allocatedBytesPerArticle", Round(run.AllocatedBytesPerArticle));
            w.WriteNumber("gen0", run.Gen0);
            w.WriteNumber("gen1", run.Gen1);
            w.WriteNumber("gen2", run.Gen2);
            w.WriteNumber("clusters", run.Clusters);
            w.WriteNumber("engineBytesPerArticle", Round(run.EngineBytesPerArticle));
            w.WriteNumber("retainedBytesPerArticle", Round(run.RetainedBytesPerArticle));
            w.WriteNumber("peakWorkingSetBytes", run.PeakWorkingSet);
            if (run.Latency is { Count: > 0 } latency)
            {
                WriteLatency(w, latency);
            }

            if (run.ReopenSeconds is { } reopenSeconds)
            {
                w.WriteNumber("reopenSeconds", Round(reopenSeconds));
                w.WriteNumber("snapshotBytes", run.SnapshotBytes ?? 0);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (r.Durable is { Count: > 0 } durable)
        {
            w.WriteStartArray("durable");
            foreach (DurableResult d in durable)
            {
                w.WriteStartObject();
                w.WriteString("state", d.State);
                w.WriteNumber("articles", d.Articles);
                w.WriteNumber("seconds", Round(d.Seconds));
                w.WriteNumber("articlesPerSecond", Round(d.ArticlesPerSecond));
                WriteLatency(w, d.Latency);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (r.Classic is { } c)
        {
            w.WriteStartObject("classic");
            w.WriteNumber("articles", c.Articles);
            w.WriteNumber("fastArticlesPerSecond", Round(c.FastArticlesPerSecond));
            w.WriteNumber("classicArticlesPerSecond", Round(c.ClassicArticlesPerSecond));
            w.WriteNumber("engineSpeedup", Round(c.EngineSpeedup));
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter w, LatencyHistogram latency)
    {
        w.WriteStartObject("latencyMicros");
        w.WriteNumber("count", latency.Count);
        w.WriteNumber("p50", Round(latency.Percentile(0.5)));
        w.WriteNumber("p90", Round(latency.Percentile(0.9)));
        w.WriteNumber("p99", Round(latency.Percentile(0.99)));
        w.WriteNumber("p999", Round(latency.Percentile(0.999)));
        w.WriteNumber("max", Round(latency.MaxMicros));
        w.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, 3);

    private static void Line(StringBuilder sb, FormattableString text) => sb.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
