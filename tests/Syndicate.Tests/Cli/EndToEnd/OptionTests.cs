using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>Engine and output options: accepted values reach the engine, bad ones stop the run with exit code 2.</summary>
public sealed class OptionTests
{
    [Fact]
    public void EngineOptions_AreAccepted_AndReportedInTheJson()
    {
        string input = string.Join('\n', Corpus.Lines.Take(40)) + "\n";

        CliResult run = SyndicateCli.RunWithInput(input,
            "cluster", "-", "--format", "json",
            "--seed", "7", "--threshold", "0.6", "--shingle-size", "3", "--sketch-size", "64", "--window", "3d").ExpectClean();

        using JsonDocument report = JsonDocument.Parse(run.Stdout);
        JsonElement options = report.RootElement.GetProperty("options");
        Assert.Equal(7, options.GetProperty("seed").GetInt64());
        Assert.Equal(0.6, options.GetProperty("similarityThreshold").GetDouble());
        Assert.Equal(3, options.GetProperty("shingleSize").GetInt32());
        Assert.Equal(64, options.GetProperty("signatureLength").GetInt32());
        Assert.Equal("3.00:00:00", options.GetProperty("window").GetString());
        Assert.Equal(40, report.RootElement.GetProperty("statistics").GetProperty("articles").GetInt32());
    }

    [Theory]
    [InlineData("--threshold", "1.5")]
    [InlineData("--threshold", "high")]
    [InlineData("--shingle-size", "0")]
    [InlineData("--shingle-size", "four")]
    [InlineData("--sketch-size", "100")]
    [InlineData("--containment", "1.5")]
    [InlineData("--containment", "0")]
    [InlineData("--lsh-threshold", "1")]
    [InlineData("--bands", "200x5")]
    [InlineData("--window", "soon")]
    [InlineData("--seed", "0x1F")]
    [InlineData("--format", "xml")]
    [InlineData("--on-error", "maybe")]
    [InlineData("--top", "-3")]
    public void InvalidValue_ExitsWithUsageError_AndOneLineNamingTheOption(string option, string value)
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, option, value).Expect(2);

        Assert.Empty(run.StdoutBytes);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("syndicate: " + option, line, StringComparison.Ordinal);
        Assert.Contains(value, line, StringComparison.Ordinal);
        run.ExpectNoStackTrace();
    }

    [Fact]
    public void UnknownOption_ExitsWithUsageError()
    {
        CliResult run = SyndicateCli.Run("cluster", Corpus.Path, "--treshold", "0.5").Expect(2);

        Assert.Contains("--treshold", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.StdoutBytes);
    }

    [Fact]
    public void UnknownCommand_ExitsWithUsageError_AndOneLineNamingIt()
    {
        CliResult run = SyndicateCli.Run("clsuter", Corpus.Path).Expect(2);

        Assert.Contains("'clsuter'", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.StdoutBytes);
    }
}
