using System.CommandLine;
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
            EvalCommand.Create(),
            FuzzCommand.Create(),
            GenerateCommand.Create(),
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
            {
                CliRunner.Error(error.Message);
            }

            Console.Error.WriteLine("Run 'syndicate --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke();
    }
}
