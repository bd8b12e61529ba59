using Syndicate.Cli.Evaluation;

namespace Syndicate.Tests.Cli.Evaluation;

/// <summary>The links of a tool's output: one cluster, or a carrier with the members of a story it carries.</summary>
public sealed class PredictedLinksTests
{
    [Fact]
    public void Linked_and_the_carried_pairs_agree_with_a_pair_by_pair_reference()
    {
        var random = new Random(20261214);
        for (int round = 0; round < 50; round++)
        {
            int n = random.Next(2, 30), clusters = random.Next(1, 8);
            var predictions = new Dictionary<string, ArticlePrediction>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                string cluster = "c" + random.Next(clusters);
                List<string>? carries = random.Next(4) == 0 ? [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => "c" + random.Next(clusters + 1))] : null;
                predictions.Add("a" + i, new ArticlePrediction("a" + i, cluster, false, Carries: carries));
            }

            var links = new PredictedLinks(predictions);
            var carried = new HashSet<(string, string)>(links.CarriedPairs());
            foreach (ArticlePrediction x in predictions.Values)
            {
                foreach (ArticlePrediction y in predictions.Values)
                {
                    if (x.Id == y.Id)
                    {
                        continue;
                    }

                    bool together = x.Cluster == y.Cluster;
                    bool throughCarrier = (x.Carries?.Contains(y.Cluster) ?? false) || (y.Carries?.Contains(x.Cluster) ?? false);
                    Assert.Equal(together || throughCarrier, links.Linked(x.Id, y.Id));
                    (string, string) ordered = string.CompareOrdinal(x.Id, y.Id) < 0 ? (x.Id, y.Id) : (y.Id, x.Id);
                    Assert.Equal(!together && throughCarrier, carried.Contains(ordered));
                }
            }

            Assert.Equal(carried.Count, links.CarriedPairs().Count());
        }
    }

    [Fact]
    public void The_jsonl_reader_takes_carries_as_cluster_keys()
    {
        using var stream = new MemoryStream("""
            {"id":"a","cluster":1,"canonical":true,"relation":"original","similarity":1,"source":"x","wire":null,"carries":[2,3]}
            {"id":"b","cluster":2,"canonical":true,"relation":"original","similarity":1,"source":"y","wire":null}
            {"id":"c","cluster":"k","carries":["q"]}
            """u8.ToArray());
        List<ArticlePrediction> read = PredictionJsonl.Read(stream);
        Assert.Equal(["2", "3"], read[0].Carries);
        Assert.Null(read[1].Carries);
        Assert.Equal(["q"], read[2].Carries);
    }
}
