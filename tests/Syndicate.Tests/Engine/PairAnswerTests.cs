using Syndicate.Clustering;

namespace Syndicate.Tests.Engine;

/// <summary>Adding, querying, explaining and snapshots all give the pair verifier's one answer.</summary>
public class PairAnswerTests
{
    private static readonly DateTimeOffset s_t0 = new(2022, 1, 18, 6, 0, 0, TimeSpan.Zero);

    // Learned boilerplate off: Explain compares articles as they are, without the sources' learned paragraphs.
    private static readonly SyndicationOptions s_options = new() { BoilerplateMinStories = 0 };

    [Fact]
    public void Members_keep_the_relation_similarity_and_match_of_their_add_and_one_is_canonical()
    {
        var engine = new SyndicationEngine(s_options);
        List<Article> articles = Corpus.Stream(syntheticStories: 30);
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        int joined = 0;
        foreach (Article article in articles)
        {
            Verdict query = engine.Query(article);
            Verdict added = engine.Add(article);
            Assert.Equal((query.Relation, query.Similarity, query.MatchedId), (added.Relation, added.Similarity, added.MatchedId));
            verdicts[article.Id] = added;
            if (!added.IsNew)
            {
                joined++;
                Assert.NotNull(added.MatchedId);
                // Explain decides on the same pair with the same verifier.
                PairExplanation explained = engine.Explain(article, byId[added.MatchedId!]);
                Assert.Equal(added.Relation, explained.Relation);
            }
        }

        Assert.True(joined > 50, $"only {joined} copies joined a story");
        foreach (Cluster cluster in engine.GetClusters())
        {
            Assert.Equal(cluster.CanonicalId, Assert.Single(cluster.Members, m => m.IsCanonical).Id);
            foreach (ClusterMember member in cluster.Members)
            {
                Verdict verdict = verdicts[member.Id];
                if (!verdict.IsNew)
                {
                    Assert.Equal((verdict.Relation, verdict.Similarity, verdict.MatchedId), (member.Relation, member.Similarity, member.MatchedId));
                }
                else if (member.Relation != Relation.Original)
                {
                    // A copy that started its story and lost the canonical role: the answer against the first copy that matched it.
                    Assert.False(member.IsCanonical);
                    Assert.Equal(member.Relation, engine.Explain(byId[member.Id], byId[member.MatchedId!]).Relation);
                }
                else
                {
                    Assert.Null(member.MatchedId);
                    Assert.Equal(1.0, member.Similarity);
                }
            }
        }
    }

    [Fact]
    public void A_first_part_reports_partial_against_the_full_story_that_matched_it()
    {
        var engine = new SyndicationEngine(s_options);
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        engine.Add(new Article("part", "sputnik-ar", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs.Take(3).ToList(), "(تستمر)")) { Published = s_t0 });
        Verdict full = engine.Add(new Article("full", "sputnik-ar", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs)) { Published = s_t0.AddMinutes(30) });
        Assert.Equal(Relation.Partial, full.Relation);
        Assert.Equal("part", full.MatchedId);

        Cluster cluster = engine.GetCluster(full.ClusterId)!;
        ClusterMember part = cluster.Members.Single(m => m.Id == "part");
        ClusterMember fullMember = cluster.Members.Single(m => m.Id == "full");
        Assert.True(fullMember.IsCanonical);
        Assert.False(part.IsCanonical);
        Assert.Equal((Relation.Partial, full.Similarity, "full"), (part.Relation, part.Similarity, part.MatchedId));
        Assert.Equal((Relation.Partial, full.Similarity, "part"), (fullMember.Relation, fullMember.Similarity, fullMember.MatchedId));
    }

    [Fact]
    public void Explain_reports_every_signal_threshold_and_the_decision()
    {
        var engine = new SyndicationEngine(s_options);
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        var original = new Article("a", "outlet-a", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs));
        var edited = new Article("b", "outlet-b", Reprints.WithDateline("باكو - سبوتنيك -", paragraphs.Select(p => Reprints.DropWords(p, 11)).ToList()));
        var other = new Article("c", "outlet-c", string.Join("\n\n", TestData.StoryParagraphs(1)));

        PairExplanation near = engine.Explain(original, edited);
        Assert.Equal(Relation.NearDuplicate, near.Relation);
        Assert.True(near.IsRelated);
        Assert.False(near.IsExactCopy);
        Assert.Equal(s_options.SimilarityThreshold, near.SimilarityThreshold);
        Assert.Equal(s_options.ContainmentThreshold, near.ContainmentThreshold);
        Assert.Equal(s_options.SignatureLength, near.SignatureLength);
        Assert.InRange(near.EqualSlots, 1, near.SignatureLength);
        Assert.True(near.Jaccard >= near.SimilarityThreshold);
        Assert.InRange(near.ExactJaccard, near.Jaccard - 0.2, near.Jaccard + 0.2);
        Assert.Equal(near.ExactJaccard, (double)near.SharedShingles / (near.First.DistinctShingles + near.Second.DistinctShingles - near.SharedShingles), 12);
        Assert.Equal("موسكو - سبوتنيك -", near.First.Dateline);
        Assert.Equal("Sputnik", near.First.Wire);
        Assert.DoesNotContain("سبوتنيك", near.First.CleanedText, StringComparison.Ordinal);

        string text = near.ToString();
        Assert.StartsWith("[a] source outlet-a, ", text, StringComparison.Ordinal);
        Assert.Contains($"slots equal: {near.EqualSlots}/{near.SignatureLength}", text, StringComparison.Ordinal);
        Assert.Contains("relation:    near-duplicate", text, StringComparison.Ordinal);

        PairExplanation unrelated = engine.Explain(original, other);
        Assert.Equal(Relation.Original, unrelated.Relation);
        Assert.False(unrelated.IsRelated);
        Assert.True(unrelated.Jaccard < unrelated.SimilarityThreshold);
        Assert.EndsWith("relation:    original (not linked: neither is a copy of the other)" + Environment.NewLine, unrelated.ToString(), StringComparison.Ordinal);

        PairExplanation same = engine.Explain(original, new Article("copy", "outlet-z", original.Body));
        Assert.True(same.IsExactCopy);
        Assert.Equal(Relation.Duplicate, same.Relation);
        Assert.EndsWith("relation:    duplicate (identical normalized text)" + Environment.NewLine, same.ToString(), StringComparison.Ordinal);
    }
}
