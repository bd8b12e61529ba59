using System.Text.Json;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// The judged samples committed in <c>fixtures/judged</c>, scored end to end over their real corpora. Skipped when
/// the corpora (<c>../shared/data</c>) or the judged files are absent.
/// </summary>
public sealed class JudgedPairsEvalTests
{
    [JudgedSamplesFact]
    public void Every_judged_sample_loads_and_gives_estimates_with_intervals()
    {
        foreach (string pairs in JudgedSamplesFactAttribute.PairFiles)
        {
            CliResult result = SyndicateCli.Run("eval", "--judged", pairs, "--data", SharedData.Directory, "--format", "json", "--verbosity", "quiet").Expect(0);

            using var json = JsonDocument.Parse(result.Stdout);
            JsonElement judged = json.RootElement.GetProperty("judged")[0];
            Assert.Equal(0, judged.GetProperty("pairsNotRead").GetInt32());
            foreach (string name in new[] { "recall", "precision", "conservativePrecision" })
            {
                JsonElement estimate = judged.GetProperty(name);
                double value = estimate.GetProperty("estimate").GetDouble();
                Assert.InRange(value, 0.0, 1.0);
                Assert.True(estimate.GetProperty("lower95").GetDouble() <= estimate.GetProperty("upper95").GetDouble(), name);
            }
        }
    }
}
