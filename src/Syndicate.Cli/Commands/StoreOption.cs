using System.CommandLine;

namespace Syndicate.Cli.Commands;

/// <summary>
/// <c>--store CONNECTION-STRING</c>: a PostgreSQL store shared by several processes, the alternative to
/// <c>--state DIR</c>. The connection string may come from <see cref="StoreConnection.Variable"/> instead, so that its
/// password stays out of <c>ps</c>: <c>--store</c> with no value reads it, and so do <c>dedup</c> and <c>report</c>
/// when given neither <c>--store</c> nor <c>--state</c>. An explicit value wins over the variable. <c>cluster</c>, which
/// otherwise works in memory, never falls back to the variable: adding to a shared store takes a <c>--store</c>.
/// </summary>
internal sealed class StoreOption
{
    public StoreOption(bool fallsBackToVariable)
    {
        FallsBackToVariable = fallsBackToVariable;
        Store = new Option<string?>("--store")
        {
            Description = fallsBackToVariable
                ? $"A PostgreSQL store that several processes share, instead of --state: an Npgsql connection string such as Host=db;Database=news;Username=syndicate. With no value, or when neither --store nor --state is given, it is read from the {StoreConnection.Variable} environment variable, which keeps the password out of ps; a value given here wins over the variable. Messages show host:port/database, never the password."
                : $"Add the input to a PostgreSQL store that several processes share, and report the store's whole clustering: an Npgsql connection string such as Host=db;Database=news;Username=syndicate. With no value it is read from the {StoreConnection.Variable} environment variable, which keeps the password out of ps; a value given here wins over the variable. Without --store, cluster works in memory whatever the variable holds. Messages show host:port/database, never the password.",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "connection-string",
        };
    }

    public Option<string?> Store { get; }

    /// <summary>Whether the command reads <see cref="StoreConnection.Variable"/> when no <c>--store</c> (nor <c>--state</c>) is given.</summary>
    public bool FallsBackToVariable { get; }

    public void AddTo(Command command) => command.Options.Add(Store);

    /// <summary>
    /// The store the command line names, or null for none: <c>--store VALUE</c>; <c>--store</c> alone, the variable;
    /// neither <c>--store</c> nor <paramref name="state"/>, the variable when the command falls back to it.
    /// </summary>
    /// <exception cref="UsageException">
    /// Both <c>--store</c> and <c>--state</c> were given, <c>--store</c> alone with the variable unset, or the
    /// connection string is not valid.
    /// </exception>
    public StoreConnection? Resolve(ParseResult result, Option<string?>? state)
    {
        bool given = result.GetResult(Store) is { Implicit: false };
        bool stateGiven = state is not null && result.GetValue(state) is not null;
        if (given && stateGiven)
        {
            throw new UsageException("give either --state DIR or --store CONNECTION-STRING, not both.");
        }

        string? typed = result.GetResult(Store) is { Tokens: [var token, ..] } ? token.Value : null;
        if (typed is not null)
        {
            return StoreConnection.Parse(typed, "--store");
        }

        string? variable = Environment.GetEnvironmentVariable(StoreConnection.Variable) is { Length: > 0 } value ? value : null;
        if (given)
        {
            return variable is not null
                ? StoreConnection.Parse(variable, StoreConnection.Variable)
                : throw new UsageException($"--store with no value reads the connection string from {StoreConnection.Variable}, which is not set.");
        }

        return !stateGiven && FallsBackToVariable && variable is not null ? StoreConnection.Parse(variable, StoreConnection.Variable) : null;
    }
}
