using Syndicate.Cli.Commands;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// <c>--store</c> and <c>SYNDICATE_STORE</c> without a server: which store a command takes, the usage errors, and that
/// no message ever shows the password. A server on 127.0.0.1 port 1 refuses at once, and the one-line error names the
/// store that was tried.
/// </summary>
public sealed class StoreOptionTests : IDisposable
{
    private const string Password = "pw-Q7x!secret";

    /// <summary>A store nothing listens on: the connection is refused at once.</summary>
    private static readonly string s_refused = $"Host=127.0.0.1;Port=1;Database=from_option;Username=syndicate;Password={Password};Timeout=5";

    private static readonly string s_refusedByVariable = $"Host=127.0.0.1;Port=1;Database=from_variable;Username=syndicate;Password={Password};Timeout=5";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (string, string)[] Variable(string value) => [(StoreConnection.Variable, value)];

    private static void AssertNoPassword(CliResult run)
    {
        Assert.DoesNotContain(Password, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dedup")]
    [InlineData("report")]
    public void State_and_store_together_are_a_usage_error(string command)
    {
        CliResult run = SyndicateCli.Run(command, "--state", _dir.File("state"), "--store", s_refused).Expect(2);
        Assert.Equal("syndicate: give either --state DIR or --store CONNECTION-STRING, not both.", Assert.Single(run.ErrorLines));
        AssertNoPassword(run);
        Assert.False(Directory.Exists(_dir.File("state")));
    }

    [Theory]
    [InlineData("dedup")]
    [InlineData("report")]
    public void Neither_state_nor_store_is_a_usage_error_naming_both_and_the_variable(string command)
    {
        CliResult run = SyndicateCli.Run(command).Expect(2);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("--state DIR", line, StringComparison.Ordinal);
        Assert.Contains("--store CONNECTION-STRING", line, StringComparison.Ordinal);
        Assert.Contains(StoreConnection.Variable, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dedup")]
    [InlineData("report")]
    [InlineData("cluster")]
    public void An_unreachable_server_is_one_line_naming_host_port_and_database_with_exit_3(string command)
    {
        CliResult run = SyndicateCli.RunWithInput(Corpus.Lines[0] + "\n", command, "--store", s_refused, "-").Expect(command == "report" ? 2 : 3);
        if (command == "report")
        {
            // report takes no input: the "-" is refused before any connection.
            return;
        }

        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("syndicate: PostgreSQL at 127.0.0.1:1/from_option: ", line, StringComparison.Ordinal);
        Assert.Empty(run.StdoutBytes);
        run.ExpectNoStackTrace();
        AssertNoPassword(run);
    }

    [Fact]
    public void Report_on_an_unreachable_server_is_exit_3()
    {
        CliResult run = SyndicateCli.Run("report", "--store", s_refused).Expect(3);
        Assert.StartsWith("syndicate: PostgreSQL at 127.0.0.1:1/from_option: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoPassword(run);
    }

    [Theory]
    [InlineData("dedup")]
    [InlineData("report")]
    public void The_variable_names_the_store_when_no_option_does(string command)
    {
        CliResult run = SyndicateCli.RunWithEnvironment(Variable(s_refusedByVariable), command).Expect(3);
        Assert.StartsWith("syndicate: PostgreSQL at 127.0.0.1:1/from_variable: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoPassword(run);
    }

    [Theory]
    [InlineData("dedup")]
    [InlineData("report")]
    [InlineData("cluster")]
    public void An_explicit_store_wins_over_the_variable(string command)
    {
        string[] args = command == "report" ? ["report", "--store", s_refused] : [command, "--store", s_refused, Corpus.Path];
        CliResult run = SyndicateCli.RunWithEnvironment(Variable(s_refusedByVariable), args).Expect(3);
        Assert.StartsWith("syndicate: PostgreSQL at 127.0.0.1:1/from_option: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoPassword(run);
    }

    [Theory]
    [InlineData("dedup")]
    [InlineData("cluster")]
    public void A_bare_store_after_the_inputs_reads_the_variable(string command)
    {
        CliResult run = SyndicateCli.RunWithEnvironment(Variable(s_refusedByVariable), command, Corpus.Path, "--store").Expect(3);
        Assert.StartsWith("syndicate: PostgreSQL at 127.0.0.1:1/from_variable: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoPassword(run);

        CliResult unset = SyndicateCli.Run(command, Corpus.Path, "--store").Expect(2);
        Assert.Contains($"reads the connection string from {StoreConnection.Variable}, which is not set", unset.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_state_wins_over_the_variable()
    {
        string state = _dir.File("state");
        CliResult run = SyndicateCli.RunWithEnvironment(Variable(s_refusedByVariable), "dedup", "--state", state, Corpus.Path).ExpectClean();
        Assert.Equal(Corpus.Ids.Count, run.Lines.Length);
        SyndicateCli.RunWithEnvironment(Variable(s_refusedByVariable), "report", "--state", state, "-f", "jsonl").ExpectClean();
    }

    [Fact]
    public void Cluster_without_store_works_in_memory_whatever_the_variable_holds()
    {
        CliResult run = SyndicateCli.RunWithEnvironment(Variable(s_refusedByVariable), "cluster", Corpus.Path, "--format", "jsonl").ExpectClean();
        Assert.Equal(Corpus.ClusterJsonl.StdoutBytes, run.StdoutBytes);
    }

    [Fact]
    public void Cluster_refuses_change_options_without_a_store()
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--change-options").Expect(2);
        Assert.Contains("--change-options", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"Host=127.0.0.1;Port=1;Password={Password};Frobnicate=1")]
    [InlineData($"Host=127.0.0.1;Port=one;Password={Password}")]
    [InlineData($"Host=127.0.0.1;Password=\"{Password};x\";Port=1;Timeout=5")]
    [InlineData($"host=127.0.0.1 port=1 password={Password} dbname=news")]
    [InlineData($"postgresql://syndicate:{Password}@127.0.0.1:1/news")]
    [InlineData($"Server=127.0.0.1;Port=1;PWD={Password};Timeout=5")]
    public void No_message_shows_the_password_whatever_the_string(string connectionString)
    {
        foreach (CliResult run in new[]
        {
            SyndicateCli.Run("dedup", "--store", connectionString, Corpus.Path),
            SyndicateCli.RunWithEnvironment(Variable(connectionString), "report"),
            SyndicateCli.Run("cluster", Corpus.Path, "--store", connectionString, "-v", "diagnostic"),
        })
        {
            Assert.True(run.ExitCode is 2 or 3, $"exit code {run.ExitCode}: {run.Stderr}");
            Assert.NotEmpty(run.ErrorLines);
            AssertNoPassword(run);
            run.ExpectNoStackTrace();
        }
    }

    [Theory]
    [InlineData("dedup")]
    [InlineData("cluster")]
    [InlineData("report")]
    public void Help_names_the_variable_and_says_an_explicit_store_wins(string command)
    {
        CliResult run = SyndicateCli.Run(command, "--help").ExpectClean();
        string help = string.Join(' ', run.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--store", help, StringComparison.Ordinal);
        Assert.Contains(StoreConnection.Variable, help, StringComparison.Ordinal);
        Assert.Contains("a value given here wins over the variable", help, StringComparison.Ordinal);
        Assert.Contains("never the password", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"Host=h;Password={Password}", "h:5432/")]
    [InlineData($"Host=h;Port=6000;Database=news;Username=u;Password='{Password}'", "h:6000/news")]
    public void Redact_hides_every_form_of_the_password(string connectionString, string display)
    {
        StoreConnection store = StoreConnection.Parse(connectionString, "--store");
        Assert.StartsWith(display, store.Display, StringComparison.Ordinal);
        Assert.Equal("a *** b ***", store.Redact($"a {Password} b {Password}"));
        Assert.DoesNotContain(Password, store.Redact(connectionString), StringComparison.Ordinal);
    }
}
