using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Syndicate.Tests.Cli.EndToEnd;

namespace Syndicate.Tests.PostgreSql;

/// <summary>
/// One <c>syndicate dedup --store</c> worker process: the built CLI under the test's <c>dotnet</c> host, its input a
/// file, its standard output collected as raw bytes so that the ids it acknowledged are the complete lines it printed
/// (a line torn by a kill is no acknowledgment).
/// </summary>
internal sealed class DedupWorker : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly Lock _gate = new();
    private readonly Task _stdoutDone;
    private readonly Task<string> _stderr;
    private int _lines;
    private bool _killed;
    private bool _disposed;

    private DedupWorker(Process process, string name)
    {
        _process = process;
        Name = name;
        _stdoutDone = Task.Run(CopyStdoutAsync);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string Name { get; }

    /// <summary>Complete lines printed so far.</summary>
    public int Lines => Volatile.Read(ref _lines);

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>dedup</c> on <paramref name="input"/> against <paramref name="store"/>, named on the command line or,
    /// as a deployment keeps it out of <c>ps</c>, in <c>SYNDICATE_STORE</c>.
    /// </summary>
    public static DedupWorker Start(string name, string store, string input, bool storeInEnvironment)
    {
        ProcessStartInfo info = SyndicateCli.StartInfo("dedup");
        if (storeInEnvironment)
        {
            info.Environment["SYNDICATE_STORE"] = store;
        }
        else
        {
            info.ArgumentList.Add("--store");
            info.ArgumentList.Add(store);
        }

        info.ArgumentList.Add(input);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        process.StandardInput.Close();
        return new DedupWorker(process, name);
    }

    /// <summary>SIGKILL: the process gets no chance to finish a write or a transaction.</summary>
    public void Kill()
    {
        _killed = true;
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

    /// <summary>Waits for the exit; the ids of the complete lines printed, the exit code, and what went to stderr.</summary>
    public async Task<WorkerResult> FinishAsync()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"{Name} did not finish within {s_timeout}: {await _stderr}");
        }

        await _stdoutDone;
        string stderr = await _stderr;
        byte[] bytes;
        lock (_gate)
        {
            bytes = _stdout.ToArray();
        }

        var ids = new List<string>();
        for (int start = 0, end; (end = Array.IndexOf(bytes, (byte)'\n', start)) >= 0; start = end + 1)
        {
            using JsonDocument line = JsonDocument.Parse(bytes.AsMemory(start, end - start));
            ids.Add(line.RootElement.GetProperty("id").GetString()!);
        }

        return new WorkerResult(Name, ids, _process.ExitCode, _killed && _process.ExitCode == 137, stderr);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails if every worker has exited first.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, IReadOnlyList<DedupWorker> workers, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(workers.All(w => w.HasExited), $"the workers ended before {what}");
            Assert.True(clock.Elapsed < s_timeout, $"no {what} within {s_timeout}");
            await Task.Delay(2);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private async Task CopyStdoutAsync()
    {
        Stream stream = _process.StandardOutput.BaseStream;
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            lock (_gate)
            {
                _stdout.Write(buffer, 0, read);
            }

            Interlocked.Add(ref _lines, buffer.AsSpan(0, read).Count((byte)'\n'));
        }
    }
}

/// <summary>What a worker acknowledged (the ids of its complete output lines), how it ended, and its stderr.</summary>
internal sealed record WorkerResult(string Name, IReadOnlyList<string> Ids, int ExitCode, bool Killed, string Stderr)
{
    /// <summary>Fails unless the worker exited with 0.</summary>
    public WorkerResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"{Name} exited with {ExitCode}: {Stderr}");
        return this;
    }
}
