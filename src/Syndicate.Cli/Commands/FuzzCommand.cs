using System.CommandLine;
using System.Globalization;
using Syndicate.Cli.Fuzzing;

namespace Syndicate.Cli.Commands;

/// <summary>
/// <c>syndicate fuzz --cases N --seed S</c>: runs N seeded fuzz cases through every input path (JSON Lines, JSON, RSS,
/// Atom and text readers, datelines, the normalizer, the cleaner, the engine) and prints what happened. A maintenance
/// command, hidden from the help.
/// </summary>
internal static class FuzzCommand
{
    public static Command Create()
    {
        var cases = new Option<long>("--cases") { Description = "How many cases to run.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "The seed every case derives from.", DefaultValueFactory = _ => 1UL };
        var start = new Option<long>("--start") { Description = "The first case number (to reproduce a failure, start at its epoch).", DefaultValueFactory = _ => 0 };
        var timeout = new Option<double>("--case-timeout") { Description = "Seconds after which a case counts as hung.", DefaultValueFactory = _ => 60 };
        var noHuge = new Option<bool>("--no-huge") { Description = "Leave out the 10 MB bodies." };
        var dump = new Option<string?>("--dump") { Description = "Directory to write every reader case's input to." };
        var jobs = new Option<int>("--jobs") { Description = "Runners in parallel, each on its own contiguous range of cases.", DefaultValueFactory = _ => 1 };
        var command = new Command("fuzz", "Run seeded random and mutated inputs through every input path and report exceptions, hangs and memory.")
        {
            cases, seed, start, timeout, noHuge, dump, jobs,
        };
        command.Hidden = true;
        command.SetAction(result => CliRunner.Guard(() =>
        {
            long count = result.GetValue(cases);
            double seconds = result.GetValue(timeout);
            int parallel = result.GetValue(jobs);
            if (count < 0 || result.GetValue(start) < 0 || seconds <= 0 || parallel < 1)
            {
                throw new UsageException("--cases and --start must not be negative, --case-timeout and --jobs must be positive.");
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
                            $"syndicate: fuzz job {job}: {s.Cases:N0}/{size:N0} cases, {s.Exceptions} exceptions, {s.Elapsed.TotalSeconds:F0} s"))), TaskCreationOptions.LongRunning));
                }

                FuzzStats stats = runs[0].Result;
                foreach (Task<FuzzStats> run in runs.Skip(1))
                {
                    stats.Merge(run.Result);
                }
                Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"seed             {result.GetValue(seed)}\n"));
                Console.Out.Write(stats.ToString());
                Console.Out.Flush();
                return stats.Exceptions == 0 && stats.HungCase is null ? ExitCodes.Ok : ExitCodes.FuzzFailed;
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
        }));
        return command;
    }
}
