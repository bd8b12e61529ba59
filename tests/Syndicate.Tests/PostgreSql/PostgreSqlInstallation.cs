using System.Diagnostics;
using System.Globalization;

namespace Syndicate.Tests.PostgreSql;

/// <summary>
/// Where the tests get a PostgreSQL server from: an existing one named by <c>SYNDICATE_TEST_POSTGRES</c> (an Npgsql
/// connection string whose user may create databases), else the server binaries of Debian's <c>postgresql</c> package
/// (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, the newest first, else <c>pg_config --bindir</c>).
/// </summary>
internal static class PostgreSqlInstallation
{
    public const string Variable = "SYNDICATE_TEST_POSTGRES";

    private static readonly Lazy<string?> s_binDirectory = new(FindBinDirectory);

    /// <summary>The connection string of an existing server to use instead of a throwaway one, or null.</summary>
    public static string? ExternalConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>, or null when none is installed.</summary>
    public static string? BinDirectory => s_binDirectory.Value;

    /// <summary>
    /// initdb and the server refuse to run as root, so as root they run as the <c>postgres</c> user that Debian's
    /// package creates, through <c>runuser</c>.
    /// </summary>
    public static bool RunsAsPostgresUser => Environment.UserName == "root";

    /// <summary>Why no server can be had (the skip reason of every test that needs one), or null when one can.</summary>
    public static string? Unavailable
    {
        get
        {
            if (ExternalConnectionString is not null)
            {
                return null;
            }

            if (!OperatingSystem.IsLinux() || BinDirectory is null)
            {
                return "PostgreSQL not found: install Debian's postgresql or set " + Variable;
            }

            if (RunsAsPostgresUser && (!File.Exists(Runuser) || !PostgresUserExists()))
            {
                return $"PostgreSQL found in {BinDirectory}, but as root initdb must run as the 'postgres' user through runuser, and "
                    + (File.Exists(Runuser) ? "there is no such user" : "runuser is missing")
                    + ": install Debian's postgresql or set " + Variable;
            }

            return null;
        }
    }

    public static string Runuser { get; } = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser";

    public static string Program(string name) =>
        Path.Combine(BinDirectory ?? throw new InvalidOperationException("PostgreSQL not found"), name);

    private static string? FindBinDirectory()
    {
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            // The newest major version installed, compared as a number ("9.6" < "15").
            string? newest = Directory.EnumerateDirectories(Debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(IsServerBin)
                .OrderByDescending(d => double.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        string? fromPgConfig = PgConfigBinDirectory();
        return fromPgConfig is not null && IsServerBin(fromPgConfig) ? fromPgConfig : null;
    }

    private static bool IsServerBin(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "postgres"));

    private static string? PgConfigBinDirectory()
    {
        try
        {
            var info = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            string output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(10_000) && process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on the PATH.
            return null;
        }
    }

    private static bool PostgresUserExists() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal));
}
