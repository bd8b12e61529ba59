using System.CommandLine;
using System.Globalization;
using System.Text;
using Syndicate.Cli.Benchmarking;

namespace Syndicate.Cli.Commands;

/// <summary>
/// <c>syndicate bench</c>: end-to-end throughput on a large corpus: reading, the engine at
/// growing sizes and thread counts, memory per article, and the classic MinHash path on a sample for comparison.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The largest size whose durable state is saved and reopened, as a restarted aggregator would.</summary>
    private const int ReopenMaxSize = 1_000_000;

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Directory of *.jsonl.gz / *.jsonl corpora. Default: shared/data found in the current directory or a parent, else the bundled fixture." };
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated corpus sizes; beyond the real articles, seeded variants are added.", DefaultValueFactory = _ => "10000,100000,1000000" };
        var threads = new Option<string>("--threads") { Description = "Comma-separated degrees of parallelism of AddRange.", DefaultValueFactory = _ => "1,2" };
        var classic = new Option<int>("--classic-sample") { Description = "Articles run through the classic k-permutation MinHash engine (and the fast one) for the speedup; 0 skips it.", DefaultValueFactory = _ => 2000 };
        var mutation = new Option<double>("--mutation") { Description = "Share of words replaced in each synthetic variant.", DefaultValueFactory = _ => 0.05 };
        var seed = new Option<long>("--seed") { Description = "Seed of the variant generator.", DefaultValueFactory = _ => 42 };
        var durable = new Option<int>("--durable-sample") { Description = "Real articles added one by one in memory and to durable states (journal written, and flushed to disk), for the cost of durability; 0 skips it.", DefaultValueFactory = _ => 2000 };
        var quick = new Option<bool>("--quick") { Description = "A short run: sizes 10000, one and two threads, small samples." };
        var format = new Option<string>("--format", "-f") { Description = "table (Markdown) or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--out", "-o") { Description = "Also write the results to this file: JSON for *.json, Markdown otherwise." };
        var command = new Command("bench", "Measure throughput and memory on a large corpus: read+parse, clean, normalize, shingle, sketch, index+cluster, at growing sizes and thread counts, against classic MinHash on a sample. Progress on stderr.");
        command.Options.Add(data);
        command.Options.Add(sizes);
        command.Options.Add(threads);
        command.Options.Add(classic);
        command.Options.Add(durable);
        command.Options.Add(mutation);
        command.Options.Add(seed);
        command.Options.Add(quick);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            bool isQuick = result.GetValue(quick);
            int[] sizeList = isQuick && result.GetResult(sizes) is null or { Implicit: true } ? [10_000] : ParseList(result.GetValue(sizes)!, "--sizes");
            int[] threadList = ParseList(result.GetValue(threads)!, "--threads");
            int classicSample = isQuick && result.GetResult(classic) is null or { Implicit: true } ? 300 : result.GetValue(classic);
            if (classicSample < 0)
            {
                throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--classic-sample must be 0 (skip) or more, got {classicSample}."));
            }

            int durableSample = isQuick && result.GetResult(durable) is null or { Implicit: true } ? 300 : result.GetValue(durable);
            if (durableSample < 0)
            {
                throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--durable-sample must be 0 (skip) or more, got {durableSample}."));
            }

            double mutationRate = result.GetValue(mutation);
            if (mutationRate is < 0 or > 1)
            {
                throw new UsageException("--mutation must be between 0 and 1");
            }

            string? dataDir = result.GetValue(data) ?? BenchCorpus.FindUpwards(Path.Combine("shared", "data"));
            if (dataDir is not null && !Directory.Exists(dataDir))
            {
                throw new UsageException($"--data {dataDir}: no such directory");
            }

            if (dataDir is not null && Directory.GetFiles(dataDir, "*.jsonl*").Length == 0)
            {
                dataDir = null;
            }

            static void Progress(string message) => Console.Error.WriteLine("bench: " + message);
            BenchCorpus corpus = BenchCorpus.Load(dataDir, mutationRate, (ulong)result.GetValue(seed), Progress);
            if (corpus.Real.Count == 0)
            {
                throw new UsageException("the corpus holds no articles");
            }

            var options = SyndicationOptions.Default;
            var runner = new BenchRunner(corpus, options, Progress);
            var results = new BenchResults
            {
                Machine = BenchRunner.MachineLine(),
                Corpus = corpus.Origin,
                RealArticles = corpus.Real.Count,
                MeanArticleBytes = corpus.MeanTextBytes,
                Mutation = mutationRate,
                Read = new ReadResult(corpus.Real.Count, corpus.JsonlBytes, corpus.GunzipSeconds, corpus.ParseSeconds, corpus.ParseCpuSeconds, corpus.StreamSeconds, corpus.StreamCpuSeconds),
                Runs = [],
            };

            // A first small run compiles the engine's code paths, so the first measured size does not pay for JIT.
            Progress("warm-up");
            runner.Run(Math.Min(2000, sizeList.Min()), 1);
            int reopenSize = sizeList.Where(s => s <= ReopenMaxSize).DefaultIfEmpty(sizeList.Min()).Max();
            foreach (int size in sizeList.Order())
            {
                foreach (int t in threadList)
                {
                    Progress($"{size:N0} articles, {t} thread(s)");
                    // The largest single-thread run of at most ReopenMaxSize articles also measures reopening its
                    // state from disk; beyond that the saved state and a second engine would not fit beside the first.
                    bool reopen = size == reopenSize && t == threadList.Min();
                    RunResult run = runner.Run(size, t, reopen);
                    Progress(string.Create(CultureInfo.InvariantCulture, $"  {run.Seconds:F2} s, {run.ArticlesPerSecond:N0} articles/s"));
                    results.Runs.Add(run);
                }
            }

            if (durableSample > 0)
            {
                results.Durable = runner.Durable(durableSample);
            }

            if (classicSample > 0)
            {
                results.Classic = runner.Classic(classicSample);
            }

            if (result.GetValue(output) is { } path)
            {
                CliRunner.WriteOutput(path, stream =>
                {
                    if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    {
                        BenchReport.WriteJson(stream, results);
                    }
                    else
                    {
                        stream.Write(Encoding.UTF8.GetBytes(BenchReport.ToMarkdown(results)));
                    }
                });
            }

            if (result.GetValue(format) == "json")
            {
                CliRunner.WriteOutput(null, stream => BenchReport.WriteJson(stream, results));
            }
            else
            {
                Console.Out.Write(BenchReport.ToMarkdown(results));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int[] ParseList(string text, string name)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                throw new UsageException($"{name}: '{part}' is not a positive integer");
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            throw new UsageException($"{name} needs at least one value");
        }

        return [.. values];
    }
}
