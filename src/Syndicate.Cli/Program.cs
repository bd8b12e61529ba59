using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using Syndicate.Cli.Commands;

namespace Syndicate.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var root = new RootCommand("syndicate: finds the reprints of news stories across outlets, the canonical copy and the wire it came from.")
        {
            ClusterCommand.Create(),
            DedupCommand.Create(),
            ReportCommand.Create(),
            EvalCommand.Create(),
            GenerateCommand.Create(),
            ExplainCommand.Create(),
            BenchCommand.Create(),
        };
        foreach (HelpOption help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                help.Action = new HelpWithExitCodes(action);
            }
        }

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction and not HelpWithExitCodes)
        {
            foreach (System.CommandLine.Parsing.ParseError error in UsageErrors.ToReport(parsed))
            {
                CliRunner.Error(UsageErrors.Describe(error, parsed.CommandResult.Command));
            }

            return ExitCodes.UsageError;
        }

        return parsed.Invoke();
    }
}
