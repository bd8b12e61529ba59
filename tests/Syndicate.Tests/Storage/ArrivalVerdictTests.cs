using Syndicate.Tests.Engine;

namespace Syndicate.Tests.Storage;

/// <summary>
/// A held article answers with the verdict it got when it was added, however its story changed since, in memory and
/// after reopening a state (from the journal or from a snapshot): what makes re-feeding an input after a crash safe.
/// </summary>
public class ArrivalVerdictTests
{
    private static string Key(Verdict v) =>
        $"{v.ArticleId} {v.Relation} {v.ClusterId} {v.CanonicalId} {v.Similarity:R} {v.MatchedId} {v.Wire?.Name}";

    private static Dictionary<string, string> AddAll(SyndicationEngine engine, IEnumerable<Article> articles) =>
        articles.Select(engine.Add).ToDictionary(v => v.ArticleId, Key, StringComparer.Ordinal);

    [Fact]
    public void A_held_article_gets_its_first_verdict_though_its_story_changed()
    {
        List<Article> articles = Corpus.Stream();
        var engine = new SyndicationEngine();
        Dictionary<string, string> first = AddAll(engine, articles);

        // The corpus moves stories on after their copies arrived: canonical copies change and clusters merge.
        int moved = articles.Count(a => engine.GetClusterOf(a.Id) is { } c && (c.CanonicalId != engine.GetVerdict(a.Id)!.CanonicalId || c.Id != engine.GetVerdict(a.Id)!.ClusterId));
        Assert.True(moved > 0, "no story changed after its copies arrived; the test proves nothing");

        foreach (Article a in articles)
        {
            Verdict held = engine.GetVerdict(a.Id)!;
            Assert.Equal(first[a.Id], Key(held));
            Assert.False(held.Inserted);
            Verdict again = engine.Add(a);
            Assert.Equal(first[a.Id], Key(again));
            Assert.False(again.Inserted);
        }

        Assert.Null(engine.GetVerdict("no such id"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_first_verdict_survives_reopening(bool checkpoint)
    {
        using var dir = new TempDirectory();
        List<Article> articles = Corpus.Stream();
        Dictionary<string, string> first;
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, checkpointBytes: long.MaxValue))
        {
            first = AddAll(engine, articles);
            if (checkpoint)
            {
                engine.Checkpoint();
            }
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        foreach (Article a in articles)
        {
            Assert.Equal(first[a.Id], Key(reopened.GetVerdict(a.Id)!));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_id_reused_for_another_text_or_source_is_marked_in_memory_and_after_reopening(bool checkpoint)
    {
        using var dir = new TempDirectory();
        var article = new Article("a-1", "outlet", "وصلت الطائرة الإغاثية الخامسة إلى مطار عدن الدولي اليوم وعلى متنها مستلزمات طبية") { Title = "الطائرة الخامسة" };
        var retitled = new Article("a-1", "outlet", article.Body) { Title = "الطائرة السادسة" };
        var rewritten = new Article("a-1", "outlet", article.Body + " ومحاليل الغسيل الكلوي") { Title = article.Title };
        var untitled = new Article("a-1", "outlet", article.Body);

        // Another outlet's verbatim copy under a colliding id (both number their articles) is a copy, not the same article.
        var reprinted = new Article("a-1", "reprinter", article.Body) { Title = article.Title };
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, checkpointBytes: long.MaxValue))
        {
            Verdict added = engine.Add(article);
            Assert.True(added.Inserted);
            Assert.False(added.IdReused);
            Assert.False(engine.Add(article).IdReused);
            Verdict reused = engine.Add(rewritten);
            Assert.True(reused.IdReused);
            Assert.False(reused.Inserted);
            Assert.Equal(Key(added), Key(reused));
            Assert.True(engine.Add(reprinted).IdReused);
            if (checkpoint)
            {
                engine.Checkpoint();
            }
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.False(reopened.Add(article).IdReused);
        Assert.True(reopened.Add(retitled).IdReused);
        Assert.True(reopened.Add(rewritten).IdReused);
        Assert.True(reopened.Add(untitled).IdReused);
        Assert.True(reopened.Add(reprinted).IdReused);
        Assert.Equal(1, reopened.Count);
    }
}
