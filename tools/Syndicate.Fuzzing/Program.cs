using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Syndicate.Fuzzing;

/// <summary>
/// <c>dotnet run -c Release --project tools/Syndicate.Fuzzing -- --cases N --seed S</c>: runs N seeded fuzz cases
/// through every input path of <c>syndicate</c> (JSON Lines, JSON, RSS, Atom and text readers, datelines, the
/// normalizer, the cleaner, the engine) and prints what happened. A maintenance tool; it is not packed.
/// </summary>
/// <remarks>Exit codes: 0 no failure, 1 an escaped exception, a broken invariant or a hang, 2 a bad command line.</remarks>
internal static class Program
{
    private const int Ok = 0;
    private const int FuzzFailed = 1;
    private const int UsageError = 2;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var cases = new Option<long>("--cases") { Description = "How many cases to run.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "The seed every case derives from.", DefaultValueFactory = _ => 1UL };
        var start = new Option<long>("--start") { Description = "The first case number (to reproduce a failure, start at its epoch).", DefaultValueFactory = _ => 0 };
        var timeout = new Option<double>("--case-timeout") { Description = "Seconds after which a case counts as hung.", DefaultValueFactory = _ => 60 };
        var noHuge = new Option<bool>("--no-huge") { Description = "Leave out the 10 MB bodies." };
        var dump = new Option<string?>("--dump") { Description = "Directory to write every reader case's input to." };
        var jobs = new Option<int>("--jobs") { Description = "Runners in parallel, each on its own contiguous range of cases.", DefaultValueFactory = _ => 1 };
        var root = new RootCommand("Run seeded random and mutated inputs through every input path of syndicate and report exceptions, hangs and memory.")
        {
            cases, seed, start, timeout, noHuge, dump, jobs,
        };
        root.SetAction(result =>
        {
            long count = result.GetValue(cases);
            double seconds = result.GetValue(timeout);
            int parallel = result.GetValue(jobs);
            if (count < 0 || result.GetValue(start) < 0 || seconds <= 0 || parallel < 1)
            {
                Console.Error.WriteLine("syndicate-fuzz: --cases and --start must not be negative, --case-timeout and --jobs must be positive.");
                return UsageError;
            }

            string temp = Path.Combine(Path.GetTempPath(), "syndicate-fuzz-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(temp);
            try
            {
                // Ranges start on epoch boundaries, so every case meets the same engine state as in a single run.
                long chunk = (count + parallel - 1) / parallel;
                chunk = (chunk + FuzzRunner.EpochCases - 1) / FuzzRunner.EpochCases * FuzzRunner.EpochCases;
                var runs = new List<Task<FuzzStats>>();
                for (int j = 0; j < parallel && j * chunk < count; j++)
                {
                    long first = result.GetValue(start) + (j * chunk);
                    long size = Math.Min(chunk, count - (j * chunk));
                    string dir = Path.Combine(temp, j.ToString(CultureInfo.InvariantCulture));
                    Directory.CreateDirectory(dir);
                    var runner = new FuzzRunner(result.GetValue(seed), dir, allowHuge: !result.GetValue(noHuge)) { DumpDirectory = result.GetValue(dump) };
                    int job = j;
                    runs.Add(Task.Factory.StartNew(() => runner.Run(first, size, TimeSpan.FromSeconds(seconds), s =>
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"syndicate-fuzz: job {job}: {s.Cases:N0}/{size:N0} cases, {s.Exceptions} exceptions, {s.Elapsed.TotalSeconds:F0} s"))), TaskCreationOptions.LongRunning));
                }

                FuzzStats stats = runs[0].Result;
                foreach (Task<FuzzStats> run in runs.Skip(1))
                {
                    stats.Merge(run.Result);
                }

                Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"seed             {result.GetValue(seed)}\n"));
                Console.Out.Write(stats.ToString());
                Console.Out.Flush();
                return stats.Exceptions == 0 && stats.HungCase is null ? Ok : FuzzFailed;
            }
            finally
            {
                try
                {
                    Directory.Delete(temp, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        });

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
            {
                Console.Error.WriteLine("syndicate-fuzz: " + error.Message);
            }

            return UsageError;
        }

        return parsed.Invoke();
    }
}
