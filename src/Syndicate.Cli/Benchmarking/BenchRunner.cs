using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Syndicate.Fingerprinting;
using Syndicate.Storage;

namespace Syndicate.Cli.Benchmarking;

/// <summary>Runs the measurements of <c>syndicate bench</c>.</summary>
internal sealed class BenchRunner
{
    private const int BatchSize = 4096;

    private readonly BenchCorpus _corpus;
    private readonly SyndicationOptions _options;
    private readonly Action<string> _progress;

    public BenchRunner(BenchCorpus corpus, SyndicationOptions options, Action<string> progress)
    {
        _corpus = corpus;
        _options = options;
        _progress = progress;
    }

    /// <summary>
    /// The pipelined run: the wall and CPU time, the bytes allocated and the text bytes of the whole run. Beyond the
    /// corpus's own articles, making the varied copies (<see cref="BenchCorpus.Fill"/>) runs in the fingerprint stage
    /// and is timed with it; the one-thread run makes them outside its timing.
    /// </summary>
    private (long Wall, TimeSpan Cpu, long Allocated, long Bytes) RunPipelined(SyndicationEngine engine, int size, int threads)
    {
        IEnumerable<List<Article>> Batches()
        {
            for (int start = 0; start < size; start += BatchSize)
            {
                var batch = new List<Article>(BatchSize);
                _corpus.Fill(batch, start, Math.Min(BatchSize, size - start));
                yield return batch;
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads - 1 };
        Fingerprint[] Prints(List<Article> batch)
        {
            var prints = new Fingerprint[batch.Count];
            Parallel.For(0, batch.Count, parallel, i => prints[i] = engine.Fingerprint(batch[i]));
            return prints;
        }

        long bytes = 0, done = 0, lastReport = Stopwatch.GetTimestamp();
        long alloc0 = GC.GetTotalAllocatedBytes(precise: false);
        TimeSpan cpu0 = Environment.CpuUsage.TotalTime;
        long t0 = Stopwatch.GetTimestamp();
        foreach ((List<Article> batch, Fingerprint[] prints) in Commands.ClusterRun.Ahead(Batches(), b => (b, Prints(b)), capacity: 2))
        {
            bytes += TextBytes(batch);
            for (int i = 0; i < batch.Count; i++)
            {
                engine.Add(batch[i], prints[i]);
            }

            done += batch.Count;
            if (Stopwatch.GetElapsedTime(lastReport).TotalSeconds >= 5)
            {
                lastReport = Stopwatch.GetTimestamp();
                _progress($"  {done:N0}/{size:N0} articles, {done / (Environment.CpuUsage.TotalTime - cpu0).TotalSeconds:N0}/CPU-s");
            }
        }

        long wall = Stopwatch.GetTimestamp() - t0;
        return (wall, Environment.CpuUsage.TotalTime - cpu0, GC.GetTotalAllocatedBytes(precise: false) - alloc0, bytes);
    }

    /// <summary>
    /// Feeds <paramref name="size"/> articles to a new engine in batches. One thread runs the two halves of
    /// <c>Add</c> apart so that fingerprinting and indexing are timed separately; with more threads, as in the
    /// <c>cluster</c> command, the next batch is fingerprinted on <paramref name="threads"/> − 1 of them while this
    /// thread inserts the batch before (<see cref="Commands.ClusterRun.Ahead"/>), with the same clusters.
    /// </summary>
    public RunResult Run(int size, int threads, bool reopenState = false)
    {
        ForceCollect();
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var engine = new SyndicationEngine(_options);
        var batch = new List<Article>(BatchSize);
        long wall = 0, fingerprint = 0, index = 0, allocated = 0, bytes = 0;
        TimeSpan cpu = TimeSpan.Zero;
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long lastReport = Stopwatch.GetTimestamp();

        // One thread: each article's wall time from its fingerprint to its verdict, as an in-process caller waits for
        // Add (the two halves timed in their own loops and summed).
        LatencyHistogram? latency = threads == 1 ? new LatencyHistogram() : null;
        long[] fingerprintTicks = threads == 1 ? new long[BatchSize] : [];

        // A batch run knows its size, as AddRange does: the engine reserves it up front, and the reservation's time and
        // bytes count with the run (with index and cluster in the one-thread split).
        long reserveAlloc0 = GC.GetTotalAllocatedBytes(precise: false);
        TimeSpan reserveCpu0 = Environment.CpuUsage.TotalTime;
        long reserve0 = Stopwatch.GetTimestamp();
        index = CpuTime.Ticks(() => engine.EnsureCapacity(size));
        wall = Stopwatch.GetTimestamp() - reserve0;
        cpu = Environment.CpuUsage.TotalTime - reserveCpu0;
        allocated = GC.GetTotalAllocatedBytes(precise: false) - reserveAlloc0;
        if (threads > 1)
        {
            (long runWall, TimeSpan runCpu, long runAllocated, bytes) = RunPipelined(engine, size, threads);
            wall += runWall;
            cpu += runCpu;
            allocated += runAllocated;
        }

        for (int start = 0; threads == 1 && start < size; start += BatchSize)
        {
            _corpus.Fill(batch, start, Math.Min(BatchSize, size - start));
            bytes += TextBytes(batch);
            long alloc0 = GC.GetTotalAllocatedBytes(precise: false);
            TimeSpan cpu0 = Environment.CpuUsage.TotalTime;
            long t0 = Stopwatch.GetTimestamp();
            {
                var prints = new Fingerprint[batch.Count];
                fingerprint += CpuTime.Ticks(() =>
                {
                    for (int i = 0; i < batch.Count; i++)
                    {
                        long started = Stopwatch.GetTimestamp();
                        prints[i] = engine.Fingerprint(batch[i]);
                        fingerprintTicks[i] = Stopwatch.GetTimestamp() - started;
                    }
                });
                index += CpuTime.Ticks(() =>
                {
                    for (int i = 0; i < batch.Count; i++)
                    {
                        long started = Stopwatch.GetTimestamp();
                        engine.Add(batch[i], prints[i]);
                        latency!.Record(fingerprintTicks[i] + (Stopwatch.GetTimestamp() - started));
                    }
                });
            }

            wall += Stopwatch.GetTimestamp() - t0;
            cpu += Environment.CpuUsage.TotalTime - cpu0;
            allocated += GC.GetTotalAllocatedBytes(precise: false) - alloc0;
            if (Stopwatch.GetElapsedTime(lastReport).TotalSeconds >= 5)
            {
                lastReport = Stopwatch.GetTimestamp();
                _progress($"  {start + batch.Count:N0}/{size:N0} articles, {(start + batch.Count) / cpu.TotalSeconds:N0}/CPU-s");
            }
        }

        batch.Clear();
        gen0 = GC.CollectionCount(0) - gen0;
        gen1 = GC.CollectionCount(1) - gen1;
        gen2 = GC.CollectionCount(2) - gen2;
        var statistics = engine.GetStatistics();
        ForceCollect();
        long retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        double? reopen = null;
        long? snapshotBytes = null;
        if (reopenState)
        {
            (reopen, snapshotBytes) = MeasureReopen(engine);
        }

        GC.KeepAlive(engine);
        return new RunResult(size, threads, (double)wall / Stopwatch.Frequency, cpu.TotalSeconds, CpuTime.Seconds(fingerprint), CpuTime.Seconds(index),
            bytes, allocated, gen0, gen1, gen2, statistics.Clusters, statistics.BytesPerArticle, (double)retained / size, peak)
        {
            ReopenSeconds = reopen,
            SnapshotBytes = snapshotBytes,
            Latency = latency,
        };
    }

    /// <summary>Saves the engine's state to a temporary directory and times reopening it, as a restarted aggregator would.</summary>
    private (double Seconds, long SnapshotBytes) MeasureReopen(SyndicationEngine engine)
    {
        string dir = Path.Combine(Path.GetTempPath(), "syndicate-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            _progress($"  saving and reopening the state of {engine.Count:N0} articles");
            engine.Export(dir);
            long bytes = new FileInfo(Path.Combine(dir, "snapshot.bin")).Length;
            ForceCollect();
            long t0 = Stopwatch.GetTimestamp();
            using SyndicationEngine reopened = SyndicationEngine.Open(dir, _options);
            double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            if (reopened.Count != engine.Count)
            {
                throw new InvalidOperationException($"reopened {reopened.Count} articles of {engine.Count}");
            }

            return (seconds, bytes);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The same real articles added one at a time, as an in-process caller adds them, to an engine in memory and to
    /// durable engines journalling each article before <c>Add</c> returns (<see cref="Durability.Process"/>: a write
    /// system call per article; <see cref="Durability.FlushToDisk"/>: also an fsync, shared by the adds in flight: by the
    /// articles of an <c>AddRange</c> batch, or by threads adding at once), each state in a new temporary directory.
    /// </summary>
    public List<DurableResult> Durable(int sample)
    {
        const int Batch = 64;
        const int Threads = 4;
        List<Article> articles = [.. _corpus.Real.Take(sample)];
        var results = new List<DurableResult>();
        (string Label, Durability? Durability, int Batch, int Threads)[] states =
        [
            ("in memory", null, 1, 1),
            ("journal, Process", Durability.Process, 1, 1),
            ("journal, FlushToDisk", Durability.FlushToDisk, 1, 1),
            ($"journal, FlushToDisk, AddRange of {Batch}", Durability.FlushToDisk, Batch, 1),
            ($"journal, FlushToDisk, {Threads} threads each adding one at a time", Durability.FlushToDisk, 1, Threads),
        ];
        foreach ((string label, Durability? durability, int batch, int threads) in states)
        {
            _progress($"{articles.Count:N0} articles, {label}");
            string dir = Path.Combine(Path.GetTempPath(), "syndicate-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                ForceCollect();
                var latency = new LatencyHistogram();
                long t0 = Stopwatch.GetTimestamp();
                using (SyndicationEngine engine = durability is { } mode ? SyndicationEngine.Open(dir, _options, durability: mode) : new SyndicationEngine(_options))
                {
                    if (threads == 1)
                    {
                        AddAll(engine, articles, 0, 1, batch, latency);
                    }
                    else
                    {
                        // Each thread adds every threads-th article; their adds interleave, as a feed reader's workers' do.
                        var histograms = new LatencyHistogram[threads];
                        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                        {
                            histograms[t] = new LatencyHistogram();
                            AddAll(engine, articles, t, threads, batch, histograms[t]);
                        });
                        foreach (LatencyHistogram h in histograms)
                        {
                            latency.Add(h);
                        }
                    }
                }

                double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                results.Add(new DurableResult(label, articles.Count, seconds, latency));
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }

        return results;
    }

    /// <summary>Adds articles <paramref name="first"/>, <paramref name="first"/> + <paramref name="step"/>, … one at a time or in batches, recording each one's wait for its verdict.</summary>
    private static void AddAll(SyndicationEngine engine, List<Article> articles, int first, int step, int batch, LatencyHistogram latency)
    {
        if (batch == 1)
        {
            for (int i = first; i < articles.Count; i += step)
            {
                long started = Stopwatch.GetTimestamp();
                engine.Add(articles[i]);
                latency.Record(Stopwatch.GetTimestamp() - started);
            }

            return;
        }

        for (int start = first; start < articles.Count; start += batch)
        {
            int count = Math.Min(batch, articles.Count - start);
            long started = Stopwatch.GetTimestamp();
            engine.AddRange(articles.GetRange(start, count), maxDegreeOfParallelism: 1);

            // Each article of a batch waits for the batch's verdicts.
            long elapsed = Stopwatch.GetTimestamp() - started;
            for (int i = 0; i < count; i++)
            {
                latency.Record(elapsed);
            }
        }
    }

    /// <summary>The same real articles through the fast engine and the classic MinHash engine, one thread each.</summary>
    public ClassicResult Classic(int sample)
    {
        List<Article> articles = [.. _corpus.Real.Take(sample)];
        _progress($"classic MinHash vs one-permutation on {articles.Count} articles");
        var classicOptions = CopyWithClassic(_options);

        // Warm both paths up on a few articles so that neither timing pays for JIT compilation.
        new SyndicationEngine(_options).AddRange(articles.Take(200).ToList(), 1);
        new SyndicationEngine(classicOptions).AddRange(articles.Take(50).ToList(), 1);

        double fast = CpuTime.Seconds(CpuTime.Ticks(() => new SyndicationEngine(_options).AddRange(articles, 1)));
        double classic = CpuTime.Seconds(CpuTime.Ticks(() => new SyndicationEngine(classicOptions).AddRange(articles, 1)));
        return new ClassicResult(articles.Count, fast, classic);
    }

    /// <summary>One line naming the machine and runtime, for the results.</summary>
    public static string MachineLine()
    {
        string cpu = RuntimeInformation.ProcessArchitecture.ToString();
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                string? model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (model is not null)
                {
                    cpu = model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        string simd = Vector512.IsHardwareAccelerated ? "AVX-512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {simd}; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }

    private static SyndicationOptions CopyWithClassic(SyndicationOptions o) => new()
    {
        ShingleSize = o.ShingleSize,
        ShingleKind = o.ShingleKind,
        SignatureLength = o.SignatureLength,
        Seed = o.Seed,
        UseClassicMinHash = true,
        SimilarityThreshold = o.SimilarityThreshold,
        ContainmentThreshold = o.ContainmentThreshold,
        ChainingThreshold = o.ChainingThreshold,
        Lsh = o.Lsh,
        LshThreshold = o.LshThreshold,
        MaxCandidates = o.MaxCandidates,
        Normalization = o.Normalization,
        Gazetteer = o.Gazetteer,
        CanonicalPolicy = o.CanonicalPolicy,
        BoilerplateMinStories = o.BoilerplateMinStories,
        Window = o.Window,
    };

    private static long TextBytes(List<Article> articles)
    {
        long sum = 0;
        foreach (Article a in articles)
        {
            sum += Encoding.UTF8.GetByteCount(a.Body) + (a.Title is null ? 0 : Encoding.UTF8.GetByteCount(a.Title));
        }

        return sum;
    }

    private static void ForceCollect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
