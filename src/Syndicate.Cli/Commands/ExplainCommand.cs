using System.CommandLine;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;
using Syndicate.Clustering;

namespace Syndicate.Cli.Commands;

/// <summary><c>syndicate explain ID1 ID2 INPUT...</c>: why two articles do or do not match.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var engine = new EngineOptions();
        var first = new Option<string>("--first", "-a") { Description = "Id of the first article.", Required = true };
        var second = new Option<string>("--second", "-b") { Description = "Id of the second article.", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "text (one line per signal) or json (every signal, threshold and the decision; schema in the README).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("explain", "Show how two articles of a corpus compare: what cleaning kept, shingle counts, estimated Jaccard and containment, lead agreement, and the relation the engine would assign.");
        common.AddTo(command);
        engine.AddTo(command);
        command.Options.Add(first);
        command.Options.Add(second);
        command.Options.Add(format);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            SyndicationOptions options = engine.Build(result);
            string idA = result.GetValue(first)!, idB = result.GetValue(second)!;
            Article? a = null, b = null;
            InputSet inputs = InputSet.Resolve(result.GetValue(common.Inputs));
            foreach (InputRecord record in inputs.CreateReader(common.Format(result), common.ErrorMode(result), e => CliRunner.Error(e.ToString())).Read())
            {
                if (record.Article.Id == idA)
                {
                    a ??= record.Article;
                }

                if (record.Article.Id == idB)
                {
                    b ??= record.Article;
                }
            }

            // An input that could not be read completely makes the run fail (exit 1), even when both articles were found.
            bool incomplete = inputs.ReportIncomplete();
            if (a is null || b is null)
            {
                string missing = $"article '{(a is null ? idA : idB)}' is not in the input";
                if (incomplete)
                {
                    CliRunner.Error(missing + " that could be read.");
                    return ExitCodes.InputError;
                }

                throw new UsageException(missing + ".");
            }

            PairExplanation explanation = new SyndicationEngine(options).Explain(a, b);
            if (result.GetValue(format) == "json")
            {
                using Stream stdout = Console.OpenStandardOutput();
                ExplainJsonWriter.Write(stdout, explanation);
            }
            else
            {
                Console.Out.Write(explanation.ToString());
            }

            return incomplete ? ExitCodes.InputError : ExitCodes.Ok;
        }));
        return command;
    }
}
