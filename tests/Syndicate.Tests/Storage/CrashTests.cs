using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;
using Syndicate.Sketches;
using Xunit.Abstractions;

namespace Syndicate.Tests.Storage;

/// <summary>
/// Kills a real <c>syndicate dedup --state DIR</c> process with SIGKILL at random moments (starting up, mid-stream,
/// inside checkpoints) and restarts it on the articles whose verdicts were not printed yet, until every article is
/// acknowledged. After every kill the state must hold every acknowledged article and the clusters of an uninterrupted
/// in-memory run over the same articles in the same order.
/// </summary>
public class CrashTests(ITestOutputHelper output)
{

    private static readonly Lazy<Expectation> s_expected = new(Expectation.Build);

    [Fact]
    public void Acknowledged_articles_survive_sigkill_at_random_moments()
    {
        CrashRun run = Run(kills: 24, seed: 20240611, budget: TimeSpan.FromMinutes(3));
        Assert.True(run.Kills >= 20, $"only {run.Kills} kills landed while the process ran");
    }

    [LongFact]
    public void Acknowledged_articles_survive_many_sigkills()
    {
        CrashRun run = Run(kills: 200, seed: 977, budget: TimeSpan.FromMinutes(20));
        Assert.True(run.Kills >= 200);
    }

    private CrashRun Run(int kills, ulong seed, TimeSpan budget)
    {
        Expectation expected = s_expected.Value;
        var rng = new SplitMix64(seed);
        var run = new CrashRun();
        var clock = Stopwatch.StartNew();
        while (run.Kills < kills)
        {
            Assert.True(clock.Elapsed < budget, $"crash test over its time budget after {run.Kills} kills ({run})");
            RunRound(expected, rng, run, kills);
            run.Rounds++;
        }

        output.WriteLine($"seed {seed}: {run} in {clock.Elapsed.TotalSeconds:F1} s");
        return run;
    }

    /// <summary>One fresh state directory, fed until every article is acknowledged.</summary>
    private static void RunRound(Expectation expected, SplitMix64 rng, CrashRun run, int kills)
    {
        using var dir = new TempDirectory();
        string state = Path.Combine(dir.Path, "state");
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        int attempts = 0;
        while (acknowledged.Count < expected.Ids.Count)
        {
            Assert.True(++attempts < 400, "the child process makes no progress");
            string input = dir.File($"input-{attempts}.jsonl");
            File.WriteAllLines(input, expected.Lines.Where((_, i) => !acknowledged.Contains(expected.Ids[i])), new UTF8Encoding(false));

            // A small checkpoint size makes most runs checkpoint several times, so kills also land inside checkpoints.
            long checkpointBytes = rng.NextInt(3) switch { 0 => 8 << 10, 1 => 64 << 10, _ => 256L << 20 };
            bool kill = run.Kills < kills;
            Child child = Child.Start(state, input, checkpointBytes);
            if (kill)
            {
                KillAtRandom(child, rng);
            }

            (List<string> ids, bool killed, int exitCode, string stderr) = child.Finish();
            if (killed)
            {
                run.Kills++;
            }

            if (!killed)
            {
                Assert.True(exitCode == 0, $"dedup exited with {exitCode}: {stderr}");
            }

            foreach (string id in ids)
            {
                acknowledged.Add(id);
            }

            Verify(expected, state, acknowledged, run, killed);
        }
    }

    private static void KillAtRandom(Child child, SplitMix64 rng)
    {
        switch (rng.NextInt(4))
        {
            case 0:
                // During start-up: runtime load, option parsing, lock, snapshot load and journal replay.
                child.KillAfter(TimeSpan.FromMilliseconds(rng.NextInt(600)));
                break;
            case 1:
                // After a random number of acknowledgements, i.e. right after a verdict, where checkpoints start.
                child.KillAfterLines(rng.NextInt(1, 40), TimeSpan.FromSeconds(20));
                break;
            default:
                // Anywhere in the stream.
                child.KillAfter(TimeSpan.FromMilliseconds(rng.NextInt(300, 1800)));
                break;
        }
    }

    /// <summary>Opens the state as a restarted engine would and compares it with the uninterrupted run.</summary>
    private static void Verify(Expectation expected, string state, HashSet<string> acknowledged, CrashRun run, bool killed)
    {
        if (!Directory.Exists(state))
        {
            Assert.Empty(acknowledged);
            return;
        }

        using SyndicationEngine engine = SyndicationEngine.Open(state);
        int count = engine.Count;
        // Articles are journaled in input order, and at most one is journaled but not yet acknowledged.
        Assert.InRange(count, acknowledged.Count, acknowledged.Count + 1);
        for (int i = 0; i < count; i++)
        {
            Assert.NotNull(engine.GetClusterOf(expected.Ids[i]));
        }

        foreach (string id in acknowledged)
        {
            Assert.True(engine.GetClusterOf(id) is not null, $"acknowledged article {id} is lost (after kill: {killed})");
        }

        Assert.Equal(expected.Prefix(count), DurableStateTests.Describe(engine));
        run.Verified++;
        if (count > acknowledged.Count)
        {
            run.JournaledNotAcknowledged++;
        }
    }

    private sealed class CrashRun
    {
        public int Kills { get; set; }

        public int Rounds { get; set; }

        public int Verified { get; set; }

        public int JournaledNotAcknowledged { get; set; }

        public override string ToString() =>
            $"{Kills} kills, {Rounds} complete rounds, {Verified} states verified, {JournaledNotAcknowledged} with an article journaled but not acknowledged";
    }

    /// <summary>The fixture corpus as the CLI reads it, and the clusters of an uninterrupted run after each prefix.</summary>
    private sealed class Expectation
    {
        private readonly string[] _describe;

        private Expectation(List<string> lines, List<string> ids, string[] describe)
        {
            Lines = lines;
            Ids = ids;
            _describe = describe;
        }

        public List<string> Lines { get; }

        public List<string> Ids { get; }

        public string Prefix(int count) => _describe[count];

        public static Expectation Build()
        {
            string path = TestData.FixturePath("synthetic", "corpus.jsonl");
            List<string> lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToList();
            var reader = new ArticleReader([path], InputFormat.Auto, ErrorMode.Fail, _ => { });
            List<Article> articles = reader.Read().Select(r => r.Article).ToList();
            Assert.Equal(lines.Count, articles.Count);
            var engine = new SyndicationEngine();
            string[] describe = new string[articles.Count + 1];
            describe[0] = DurableStateTests.Describe(engine);
            for (int i = 0; i < articles.Count; i++)
            {
                engine.Add(articles[i]);
                describe[i + 1] = DurableStateTests.Describe(engine);
            }

            return new Expectation(lines, articles.Select(a => a.Id).ToList(), describe);
        }
    }

    /// <summary>A <c>dedup</c> child process whose stdout is collected as raw bytes, so a torn last line is recognised.</summary>
    private sealed class Child
    {
        private readonly Process _process;
        private readonly MemoryStream _stdout = new();
        private readonly Task _stdoutDone;
        private readonly Task<string> _stderr;
        private readonly Lock _gate = new();
        private int _lines;
        private bool _killRequested;

        private Child(Process process)
        {
            _process = process;
            _stdoutDone = Task.Run(CopyStdout);
            _stderr = process.StandardError.ReadToEndAsync();
        }

        /// <summary>Whether SIGKILL ended the process (exit status 128 + 9), rather than it finishing first.</summary>
        public bool WasKilled => _killRequested && _process.HasExited && _process.ExitCode == 137;

        public static Child Start(string state, string input, long checkpointBytes)
        {
            string cli = Path.Combine(AppContext.BaseDirectory, "Syndicate.Cli.dll");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { cli, "dedup", "--state", state, "--checkpoint-bytes", checkpointBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "-v", "quiet", input })
            {
                info.ArgumentList.Add(arg);
            }

            Process process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
            process.StandardInput.Close();
            return new Child(process);
        }

        public void KillAfter(TimeSpan delay)
        {
            if (!_process.WaitForExit(delay))
            {
                Kill();
            }
        }

        public void KillAfterLines(int lines, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!_process.HasExited && clock.Elapsed < timeout)
            {
                if (Volatile.Read(ref _lines) >= lines)
                {
                    Kill();
                    return;
                }

                Thread.SpinWait(200);
            }
        }

        public (List<string> Ids, bool Killed, int ExitCode, string Stderr) Finish()
        {
            Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(60)), "dedup did not finish");
            _process.WaitForExit();
            Assert.True(_stdoutDone.Wait(TimeSpan.FromSeconds(30)), "stdout did not close");
            string stderr = _stderr.Result;
            var ids = new List<string>();
            byte[] bytes;
            lock (_gate)
            {
                bytes = _stdout.ToArray();
            }

            int start = 0;
            while (true)
            {
                int end = Array.IndexOf(bytes, (byte)'\n', start);
                if (end < 0)
                {
                    break; // a line without its newline was being written when the process died: not acknowledged
                }

                using JsonDocument line = JsonDocument.Parse(bytes.AsMemory(start, end - start));
                ids.Add(line.RootElement.GetProperty("id").GetString()!);
                start = end + 1;
            }

            bool killed = WasKilled;
            int exitCode = _process.ExitCode;
            _process.Dispose();
            return (ids, killed, exitCode, stderr);
        }

        private void Kill()
        {
            _killRequested = true;
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited on its own first.
            }

            _process.WaitForExit();
        }

        private async Task CopyStdout()
        {
            Stream stream = _process.StandardOutput.BaseStream;
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_gate)
                {
                    _stdout.Write(buffer, 0, read);
                }

                Interlocked.Add(ref _lines, buffer.AsSpan(0, read).Count((byte)'\n'));
            }
        }
    }
}
