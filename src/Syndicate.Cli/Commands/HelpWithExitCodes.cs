using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Syndicate.Cli.Commands;

/// <summary>
/// The standard help, with the program called by the name people type (<c>syndicate</c>, not the assembly name the
/// tool shim runs) and followed by the exit codes the command can return.
/// </summary>
internal sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        InvocationConfiguration configuration = parseResult.InvocationConfiguration;
        TextWriter output = configuration.Output;
        var buffer = new StringWriter();
        configuration.Output = buffer;
        int code;
        try
        {
            code = inner.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        string executable = RootCommand.ExecutableName;
        string text = buffer.ToString();
        if (executable != "syndicate")
        {
            text = text.Replace("  " + executable + " ", "  syndicate ", StringComparison.Ordinal)
                       .Replace("  " + executable + "\n", "  syndicate\n", StringComparison.Ordinal);
        }

        output.Write(text.TrimEnd('\n'));
        output.Write("\n\n");
        output.Write(ExitCodesText(parseResult.CommandResult.Command));
        return code;
    }

    private static string ExitCodesText(Command command)
    {
        bool root = command is RootCommand;
        string name = command.Name;
        var lines = new List<string>
        {
            "Exit codes:",
            name == "report" ? "  0  success" : "  0  success (records skipped with --on-error skip are reported on stderr)",
        };
        if (root || name is "cluster" or "dedup" or "eval")
        {
            lines.Add("  1  an input could not be read completely (missing, unreadable, cut short, corrupt), after the results for");
            lines.Add("     what was read; a bad record under --on-error fail; or no article could be read at all");
        }

        if (root || name == "eval")
        {
            lines.Add("     eval: a --gold, --predictions or --judged file could not be read or is not what the option expects");
        }

        lines.Add("  2  bad command line: unknown option or invalid value");
        if (root || name == "dedup")
        {
            lines.Add("  3  the --state directory could not be opened (corrupt, foreign, other options) or written, or the --store");
            lines.Add("     database could not be reached or used (refused login, newer schema, other fingerprint options)");
        }
        else if (name == "report")
        {
            lines.Add("  3  the --state directory could not be read (missing, not a state, corrupt, or being written by a dedup), or");
            lines.Add("     the --store database could not be reached or holds no store");
        }
        else if (name == "cluster")
        {
            lines.Add("  3  the --store database could not be reached or used (refused login, newer schema, other fingerprint options)");
        }

        lines.Add("  4  the output could not be written");
        if (root || name == "eval")
        {
            lines.Add("  5  eval: a threshold (--min-f1, --max-hard-negative-merges, --min-link-rate, --max-link-rate, --min-precision, --min-recall) was not met");
        }

        return string.Join('\n', lines) + "\n";
    }
}
