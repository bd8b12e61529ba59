using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary><c>--help</c> names the program as people type it and documents the exit codes.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData(new string[0], "  syndicate [command] [options]")]
    [InlineData(new[] { "cluster" }, "  syndicate cluster [<inputs>...] [options]")]
    [InlineData(new[] { "dedup" }, "  syndicate dedup [<inputs>...] [options]")]
    [InlineData(new[] { "eval" }, "  syndicate eval [<inputs>...] [options]")]
    [InlineData(new[] { "generate" }, "  syndicate generate [options]")]
    [InlineData(new[] { "report" }, "  syndicate report [options]")]
    public void Help_ShowsUsage_AndExitCodes(string[] command, string usage)
    {
        CliResult run = SyndicateCli.Run([.. command, "--help"]).ExpectClean();

        Assert.Contains(usage + "\n", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Syndicate.Cli", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nExit codes:\n  0  ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  2  ", run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EngineDefaults()
    {
        SyndicationOptions d = SyndicationOptions.Default;
        return new()
        {
            { "--threshold", d.SimilarityThreshold.ToString(CultureInfo.InvariantCulture) },
            { "--containment", d.ContainmentThreshold.ToString(CultureInfo.InvariantCulture) },
            { "--shingle-size", d.ShingleSize.ToString(CultureInfo.InvariantCulture) },
            { "--sketch-size", d.SignatureLength.ToString(CultureInfo.InvariantCulture) },
            { "--lsh-threshold", d.LshThreshold.ToString(CultureInfo.InvariantCulture) },
            { "--seed", d.Seed.ToString(CultureInfo.InvariantCulture) },
        };
    }

    [Theory]
    [MemberData(nameof(EngineDefaults))]
    public void Help_StatesTheLibrarysDefault_ForEveryEngineOption(string option, string libraryDefault)
    {
        foreach (string command in new[] { "cluster", "dedup", "eval", "explain" })
        {
            CliResult run = SyndicateCli.Run(command, "--help").ExpectClean();

            // The option's own line: "  --containment <containment>  ..." or "  -t, --threshold <threshold>  ...".
            string line = Assert.Single(run.Stdout.Split('\n'), l => Regex.IsMatch(l, @"^\s+(-\w, )?" + Regex.Escape(option) + " "));
            Assert.Contains("(default " + libraryDefault + ")", line, StringComparison.Ordinal);
        }
    }
}
