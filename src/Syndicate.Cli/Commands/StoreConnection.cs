using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Syndicate.Cli.Output;
using Syndicate.PostgreSql;

namespace Syndicate.Cli.Commands;

/// <summary>
/// The PostgreSQL store a command works on: an Npgsql connection string, shown in messages as
/// <c>host:port/database</c> and never with its password.
/// </summary>
/// <remarks>
/// Every message that may quote the connection string or a server's answer goes through <see cref="Redact"/>, which
/// replaces the password wherever it appears. The password is found leniently, before the string is parsed, so that a
/// string Npgsql refuses (a libpq-style <c>password=x host=y</c>, a URI) does not leak it in the refusal either.
/// </remarks>
internal sealed partial class StoreConnection
{
    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string Variable = "SYNDICATE_STORE";

    private const string Hidden = "***";

    private readonly string _connectionString;
    private readonly string[] _secrets;

    private StoreConnection(string connectionString, string display, string[] secrets)
    {
        _connectionString = connectionString;
        Display = display;
        _secrets = secrets;
    }

    /// <summary>Where the store is, for messages: <c>host:port/database</c>.</summary>
    public string Display { get; }

    /// <summary>Parses <paramref name="text"/>, which came from <paramref name="origin"/> (<c>--store</c> or the environment variable).</summary>
    /// <exception cref="UsageException">Not a connection string Npgsql accepts; the message holds no password.</exception>
    public static StoreConnection Parse(string text, string origin)
    {
        var secrets = new List<string>();
        foreach (Match m in PasswordSetting().Matches(text))
        {
            string raw = m.Groups["value"].Value.Trim();
            secrets.Add(raw);
            secrets.Add(raw.Trim('"', '\'').Replace("\"\"", "\"", StringComparison.Ordinal).Replace("''", "'", StringComparison.Ordinal));
            // libpq's space-separated form: the password is the first word of what Npgsql would take as the value.
            secrets.Add(raw.Split(' ', 2)[0]);
        }

        foreach (Match m in UriPassword().Matches(text))
        {
            secrets.Add(m.Groups["value"].Value);
            secrets.Add(Uri.UnescapeDataString(m.Groups["value"].Value));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"{origin}: expected a PostgreSQL connection string such as Host=db;Database=news;Username=syndicate, got an empty one.");
        }

        if (!text.Contains('=', StringComparison.Ordinal))
        {
            // An input file taken for the value of a bare --store, or a URI, which Npgsql does not read.
            string hint = text.Contains("://", StringComparison.Ordinal)
                ? "Npgsql does not read URIs: write Host=…;Port=…;Database=…;Username=…;Password=…"
                : $"To read it from {Variable}, give --store with no value after the inputs";
            throw new UsageException(Redact(Longest(secrets), $"{origin}: '{text}' is not an Npgsql connection string such as Host=db;Database=news;Username=syndicate. {hint}."));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            string[] found = Longest(secrets);
            throw new UsageException(Redact(found, $"{origin}: not a valid Npgsql connection string (such as Host=db;Database=news;Username=syndicate): {e.Message}"));
        }

        if (builder.Password is { Length: > 0 } password)
        {
            secrets.Add(password);
        }

        string display = string.Create(CultureInfo.InvariantCulture, $"{builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}");
        return new StoreConnection(text, display, Longest(secrets));
    }

    /// <summary><paramref name="message"/> with every occurrence of the password replaced by <c>***</c>.</summary>
    public string Redact(string message) => Redact(_secrets, message);

    /// <summary>
    /// Opens the store's engine. The server is tried once first, so that a wrong host, port, database or password is
    /// one line at once instead of the engine's retries, which are for a server that goes away during a run.
    /// </summary>
    /// <param name="options">The options to open with; null for those the store holds.</param>
    /// <param name="logger">The engine's log (its retries), with the password hidden.</param>
    public PostgreSqlSyndicationEngine Open(SyndicationOptions? options, ILogger logger) =>
        Run(() =>
        {
            Probe();
            return PostgreSqlSyndicationEngine.OpenAsync(_connectionString, options, new RedactingLogger(logger, Redact)).GetAwaiter().GetResult();
        });

    /// <summary>The options the store holds, or null for a database that holds no store yet.</summary>
    public SyndicationOptions? ReadOptions() =>
        Run(() =>
        {
            Probe();
            return PostgreSqlSyndicationEngine.ReadOptionsAsync(_connectionString).GetAwaiter().GetResult();
        });

    /// <summary>Runs a store operation, turning its failures into one line naming the store (and never its password).</summary>
    /// <exception cref="StoreException">The server could not be reached, refused the login, or the store refused the operation.</exception>
    public T Run<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (PostgreSqlStoreException e)
        {
            throw Failure(e.Message, e);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            // Npgsql says "Failed to connect to 127.0.0.1:5433"; the socket's error says why.
            string reason = e.Message;
            if (e.InnerException is SocketException or TimeoutException or IOException && !reason.Contains(e.InnerException.Message, StringComparison.Ordinal))
            {
                reason += ": " + e.InnerException.Message;
            }

            throw Failure("cannot use the server: " + reason, e);
        }
    }

    private StoreException Failure(string message, Exception inner)
    {
        message = message.ReplaceLineEndings(" ").TrimEnd('.');
        return new StoreException(Redact(message.Contains(Display, StringComparison.Ordinal) ? message : $"PostgreSQL at {Display}: {message}"), inner);
    }

    /// <summary>Connects once without pooling and without retrying.</summary>
    private void Probe()
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
    }

    private static string[] Longest(List<string> secrets) =>
        [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    private static string Redact(string[] secrets, string message)
    {
        // Longest first, so that a password never survives in part because a shorter form of it was replaced first.
        foreach (string secret in secrets)
        {
            message = message.Replace(secret, Hidden, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary><c>Password=…</c> (or <c>Pwd</c>), up to the next <c>;</c> or the end, a quoted value whole.</summary>
    [GeneratedRegex("""(?:^|[;\s])\s*(?:password|pwd)\s*=\s*(?<value>"(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordSetting();

    /// <summary>The password of a URI such as <c>postgresql://user:password@host/db</c>.</summary>
    [GeneratedRegex("://[^:/@\\s]*:(?<value>[^@\\s]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();
}

/// <summary>A PostgreSQL store could not be opened or used; reported in one line with <see cref="ExitCodes.StateError"/>.</summary>
internal sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
