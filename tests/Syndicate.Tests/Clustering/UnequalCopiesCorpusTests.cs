using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Syndicate.Clustering;

namespace Syndicate.Tests.Clustering;

/// <summary>
/// The real pair the wording test for much shorter copies was found on (<c>benchmarks/results/unequal-copies.md</c>):
/// a cabinet session's statement and another council's release of the same evening, judged DIFFERENT.
/// </summary>
public sealed class UnequalCopiesCorpusTests
{
    [SharedDataFact("saudinewsnet.jsonl.gz")]
    public void A_short_release_is_not_a_rewrite_of_a_long_statement_that_only_shares_its_words()
    {
        Dictionary<string, Article> articles = Read("snn-2015-08-03-00885", "snn-2015-08-03-01053");
        var engine = new SyndicationEngine(SyndicationOptions.Default);
        PairExplanation e = engine.Explain(articles["snn-2015-08-03-00885"], articles["snn-2015-08-03-01053"]);

        // Everything the character grams see says rewrite: the score, the protocol opening, the release "carried" whole.
        Assert.True(e.RewriteScore >= e.RewriteThreshold, $"rewrite score {e.RewriteScore}");
        Assert.True(e.LeadContainment >= e.MinLeadContainment, $"lead containment {e.LeadContainment}");
        Assert.True(e.CharacterContainment >= e.MinCarriedCharacterContainment, $"character containment {e.CharacterContainment}");

        // Its wording is not there, and the release is a fifth of the statement's length and less.
        Assert.True(e.First.Shingles * e.UnequalLengthRatio > e.Second.Shingles, $"{e.First.Shingles} and {e.Second.Shingles} shingles");
        Assert.InRange(e.WordingContainment, 0.25, e.MinUnequalWordingContainment);
        Assert.Equal(Relation.Original, e.Relation);
    }

    private static Dictionary<string, Article> Read(params string[] ids)
    {
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        var found = new Dictionary<string, Article>(StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(SharedData.File("saudinewsnet.jsonl.gz")), CompressionMode.Decompress), Encoding.UTF8);
        for (var line = reader.ReadLine(); line is not null && found.Count < wanted.Count; line = reader.ReadLine())
        {
            using var record = JsonDocument.Parse(line);
            JsonElement root = record.RootElement;
            string id = root.GetProperty("id").GetString()!;
            if (wanted.Contains(id))
            {
                found[id] = new Article(id, root.GetProperty("source").GetString()!, root.GetProperty("body").GetString() ?? "")
                {
                    Title = root.GetProperty("title").GetString(),
                    Published = DateTimeOffset.Parse(root.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                };
            }
        }

        Assert.Equal(wanted.Count, found.Count);
        return found;
    }
}
