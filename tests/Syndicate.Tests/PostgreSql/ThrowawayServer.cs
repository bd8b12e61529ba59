using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Syndicate.Tests.PostgreSql;

/// <summary>
/// A PostgreSQL server of its own in a fresh temporary folder: <c>initdb</c> there (as the <c>postgres</c> user when
/// running as root), listening on a free port of 127.0.0.1 only, its unix socket in the same folder, trust
/// authentication for 127.0.0.1/32 and nothing else. Disposing stops it (fast, then immediate) and deletes the folder.
/// </summary>
/// <remarks>
/// Each folder records the process that owns it; a folder whose owner is gone (a test run killed before it could clean
/// up) is stopped and deleted by the next server created, so killed runs leave no server behind for long.
/// </remarks>
internal sealed class ThrowawayServer : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    private readonly bool _durable;
    private bool _running;
    private int _disposed;

    private ThrowawayServer(string root, bool durable)
    {
        Root = root;
        _durable = durable;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The temporary folder: the data directory, the server's log and its unix socket.</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string LogFile => Path.Combine(Root, "server.log");

    public int Port { get; private set; }

    /// <summary>The connection string of the superuser <c>postgres</c> to <paramref name="database"/>, over TCP.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    /// <summary>Creates and starts a server.</summary>
    /// <param name="durable">
    /// Keep PostgreSQL's defaults for flushing to disk (for measurements). Otherwise fsync is off: the tests kill
    /// processes and restart the server, never the machine, and a commit survives those without reaching the disk.
    /// </param>
    public static async Task<ThrowawayServer> StartNewAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        string parent = Path.Combine(Path.GetTempPath(), "syndicate-postgres");
        Directory.CreateDirectory(parent);
        await RemoveAbandonedAsync(parent).ConfigureAwait(false);

        string root = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "owner"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        var server = new ThrowawayServer(root, durable);
        try
        {
            if (PostgreSqlInstallation.RunsAsPostgresUser)
            {
                await RunAsync("chown", ["postgres:postgres", root], asPostgres: false, cancellationToken).ConfigureAwait(false);
            }

            await server.RunPostgresAsync("initdb",
                ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken).ConfigureAwait(false);
            await File.AppendAllTextAsync(Path.Combine(server.DataDirectory, "postgresql.conf"), "\ninclude 'syndicate-test.conf'\n", cancellationToken).ConfigureAwait(false);
            // Replaces initdb's rules: TCP from the loopback address only, no password; nothing over the unix socket.
            await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "pg_hba.conf"),
                "# TYPE  DATABASE  USER  ADDRESS       METHOD\nhost    all       all   127.0.0.1/32  trust\n", cancellationToken).ConfigureAwait(false);

            // A free port can be taken by someone else before the server binds it; then try another.
            for (int attempt = 1; ; attempt++)
            {
                server.Port = FreePort();
                await server.WriteSettingsAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await server.StartAsync(cancellationToken).ConfigureAwait(false);
                    return server;
                }
                catch (InvalidOperationException) when (attempt < 3 && server.Log().Contains("could not bind", StringComparison.Ordinal))
                {
                }
            }
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await RunPostgresAsync("pg_ctl", ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile], cancellationToken).ConfigureAwait(false);
        _running = true;
    }

    /// <summary>
    /// Stops the server: <c>fast</c> (open sessions are ended, then a clean shutdown) or <c>immediate</c> (the
    /// processes quit at once, the next start recovers from the write-ahead log, as after a crash).
    /// </summary>
    public async Task StopAsync(bool immediate = false, CancellationToken cancellationToken = default)
    {
        await RunPostgresAsync("pg_ctl", ["stop", "-w", "-t", "60", "-m", immediate ? "immediate" : "fast", "-D", DataDirectory], cancellationToken).ConfigureAwait(false);
        _running = false;
    }

    /// <summary>The server's log so far (what a failed test prints to say why).</summary>
    public string Log()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_running || File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await StopAsync(immediate: false).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                await StopQuietlyAsync(DataDirectory).ConfigureAwait(false);
            }
        }

        DeleteQuietly(Root);
    }

    /// <summary>Settings that the server reads at every start, so that a restart keeps them.</summary>
    private Task WriteSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new StringBuilder()
            .Append("listen_addresses = '127.0.0.1'\n")
            .Append("port = ").Append(Port.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("unix_socket_directories = '").Append(Root).Append("'\n")
            .Append("max_connections = 200\n");
        if (!_durable)
        {
            settings.Append("fsync = off\nfull_page_writes = off\n");
        }

        return File.WriteAllTextAsync(Path.Combine(DataDirectory, "syndicate-test.conf"), settings.ToString(), cancellationToken);
    }

    private async Task RunPostgresAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(PostgreSqlInstallation.Program(program), arguments, PostgreSqlInstallation.RunsAsPostgresUser, cancellationToken, Root).ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (Log() is { Length: > 0 } log)
        {
            throw new InvalidOperationException(e.Message + "\nserver log:\n" + Tail(log, 4000), e);
        }
    }

    private static async Task<string> RunAsync(string program, string[] arguments, bool asPostgres, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(asPostgres ? PostgreSqlInstallation.Runuser : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter the current folder (root's home, say).
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (string a in (string[])["-u", "postgres", "--", program])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within {s_timeout}");
        }

        string output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{Tail(output, 4000)}");
    }

    /// <summary>A port that nothing listens on at this moment (the system's choice for a socket bound to port 0).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Stops and deletes the servers of test runs that ended without disposing theirs.</summary>
    private static async Task RemoveAbandonedAsync(string parent)
    {
        foreach (string root in Directory.EnumerateDirectories(parent))
        {
            string owner = Path.Combine(root, "owner");
            if (!File.Exists(owner)
                || !int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                || pid == Environment.ProcessId
                || Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }

            await StopQuietlyAsync(Path.Combine(root, "data")).ConfigureAwait(false);
            DeleteQuietly(root);
        }
    }

    private static async Task StopQuietlyAsync(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            return;
        }

        try
        {
            await RunAsync(PostgreSqlInstallation.Program("pg_ctl"), ["stop", "-w", "-t", "30", "-m", "immediate", "-D", dataDirectory],
                PostgreSqlInstallation.RunsAsPostgresUser, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already stopped, or not ours to stop; the folder is deleted all the same.
        }
    }

    private static void DeleteQuietly(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // The test host is exiting without having disposed the fixture (a crash or an abort): stop the server now.
        if (Volatile.Read(ref _disposed) == 0)
        {
            StopQuietlyAsync(DataDirectory).GetAwaiter().GetResult();
            DeleteQuietly(Root);
        }
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : "..." + text[^length..];
}
