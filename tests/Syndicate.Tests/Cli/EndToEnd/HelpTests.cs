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
    public void Help_ShowsUsage_AndExitCodes(string[] command, string usage)
    {
        CliResult run = SyndicateCli.Run([.. command, "--help"]).ExpectClean();

        Assert.Contains(usage + "\n", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Syndicate.Cli", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nExit codes:\n  0  ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  2  ", run.Stdout, StringComparison.Ordinal);
    }
}
