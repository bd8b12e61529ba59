using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary><c>syndicate explain</c>: text and json, with the relation spelled as every other output spells it.</summary>
public sealed class ExplainTests
{
    private const string Body =
        "The regional council approved the plan for the new river bridge on Tuesday after a long debate. The bridge will be "
        + "built over three years by a consortium of local firms and paid for by the regional budget, the council said. "
        + "The minister added that work starts in the spring once the final survey of the site is complete, and that the "
        + "old crossing stays open until the new one carries its first traffic.";

    private static readonly string[] s_keys =
        ["first", "second", "relation", "related", "rewrite", "exactCopy", "exact", "slots", "jaccard", "containment", "lead", "time", "numbers", "rewriteScore"];

    private static readonly string[] s_articleKeys =
        ["id", "source", "wire", "dateline", "continuationMarker", "shingles", "distinctShingles", "leadValues", "cleanedText"];

    [Theory]
    [InlineData("copy", "duplicate", true)]
    [InlineData("edited", "near-duplicate", true)]
    [InlineData("other", "original", false)]
    public void Json_HasTheDocumentedSchema_AndKebabCaseRelations(string second, string relation, bool related)
    {
        using var dir = new TempDirectory();
        string input = WriteInput(dir);

        CliResult run = SyndicateCli.Run("explain", "-a", "wire", "-b", second, input, "--format", "json").ExpectClean();
        JsonElement root = JsonDocument.Parse(run.Stdout).RootElement;

        Assert.Equal(s_keys, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(s_articleKeys, root.GetProperty("first").EnumerateObject().Select(p => p.Name));
        Assert.Equal("wire", root.GetProperty("first").GetProperty("id").GetString());
        Assert.Equal(second, root.GetProperty("second").GetProperty("id").GetString());
        Assert.Equal(relation, root.GetProperty("relation").GetString());
        Assert.Equal(related, root.GetProperty("related").GetBoolean());
        Assert.Equal(relation == "duplicate", root.GetProperty("exactCopy").GetBoolean());
        Assert.InRange(root.GetProperty("jaccard").GetProperty("estimate").GetDouble(), 0.0, 1.0);
        Assert.Equal(1.0, root.GetProperty("time").GetProperty("hoursApart").GetDouble(), 6);
        Assert.Equal(["agreement", "minAgreementAcrossGap", "repeatJaccard", "figureContainment", "minFigureContainment", "minFigures"], root.GetProperty("numbers").EnumerateObject().Select(p => p.Name));

        // The text form names the same relation, spelled the same way.
        CliResult text = SyndicateCli.Run("explain", "-a", "wire", "-b", second, input).ExpectClean();
        string line = text.Lines.Single(l => l.StartsWith("relation:", StringComparison.Ordinal));
        Assert.StartsWith("relation:    " + relation, line, StringComparison.Ordinal);
        Assert.DoesNotContain("NearDuplicate", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("none", line, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFormat_IsABadCommandLine()
    {
        using var dir = new TempDirectory();
        CliResult run = SyndicateCli.Run("explain", "-a", "wire", "-b", "copy", WriteInput(dir), "--format", "yaml").Expect(2);
        run.ExpectNoStackTrace();
    }

    private static string WriteInput(TempDirectory dir)
    {
        string edited = Body.Replace("on Tuesday", "on Tuesday evening", StringComparison.Ordinal).Replace("said.", "said in a statement.", StringComparison.Ordinal);
        string other = "Heavy rain flooded several streets in the old town overnight, and firefighters pumped water out of dozens of "
            + "cellars. The weather service expects more showers until the weekend and warned drivers to avoid the riverside road, "
            + "where the water is still high. Schools in two districts stayed closed, and the train line to the coast ran late all morning.";
        return dir.Write("articles.jsonl", string.Join('\n',
        [
            JsonSerializer.Serialize(new { id = "wire", source = "agency", published = "2022-01-18T06:00:00Z", title = "Bridge plan approved", body = Body }),
            JsonSerializer.Serialize(new { id = "copy", source = "outlet-a", published = "2022-01-18T07:00:00Z", title = "Bridge plan approved", body = Body }),
            JsonSerializer.Serialize(new { id = "edited", source = "outlet-b", published = "2022-01-18T07:00:00Z", title = "Council backs bridge", body = edited }),
            JsonSerializer.Serialize(new { id = "other", source = "outlet-c", published = "2022-01-18T07:00:00Z", title = "Floods in the old town", body = other }),
        ]) + "\n");
    }
}
