using Microsoft.Extensions.Logging;
using Syndicate.Cli.Output;
using Syndicate.Fingerprinting;
using Syndicate.Storage;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.Storage;

/// <summary>
/// A state tells which of its fingerprints another revision of the text pipeline computed (a state another release
/// wrote), keeps telling across checkpoints, and stops once those articles have left.
/// </summary>
public sealed class FingerprintRevisionStateTests
{
    [Fact]
    public void A_state_this_build_writes_holds_no_other_revision()
    {
        List<Article> articles = Corpus.Stream(syntheticStories: 4);
        using var dir = new TempDirectory();
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            engine.AddRange(articles);
            engine.Checkpoint();
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(articles.Count, reopened.Count);
        Assert.Equal(0, reopened.GetStatistics().OtherRevisionArticles);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Fingerprinter.Revision - 1)]
    [InlineData(Fingerprinter.Revision + 1)]
    public void Articles_of_another_revision_are_counted_and_reported_until_they_leave(int otherRevision)
    {
        // A state as an earlier release (0: before revisions were recorded) or a later one wrote it.
        List<Article> old = Corpus.Stream(syntheticStories: 4);
        using var dir = new TempDirectory();
        WriteStateOfRevision(dir.Path, old, otherRevision);

        var log = new StringWriter();
        using (ILoggerFactory loggers = StderrLoggerProvider.CreateFactory(LogLevel.Information, log))
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, logger: loggers.CreateLogger<SyndicationEngine>()))
        {
            Assert.Equal(old.Count, engine.GetStatistics().OtherRevisionArticles);
            Assert.Contains($"warn: {dir.Path}: {old.Count} of the {old.Count} articles held were fingerprinted by another release", log.ToString(), StringComparison.Ordinal);

            // Articles added now are this build's; a removed old one leaves the count.
            engine.Add(new Article("new-1", "s", "A story added by this build after the upgrade, long enough to fingerprint well."));
            Assert.True(engine.Remove(old[0].Id));
            Assert.Equal(old.Count - 1, engine.GetStatistics().OtherRevisionArticles);

            // A checkpoint keeps telling which fingerprints are of the other revision.
            engine.Checkpoint();
        }

        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            Assert.Equal(old.Count, engine.Count);
            Assert.Equal(old.Count - 1, engine.GetStatistics().OtherRevisionArticles);

            // Evicted, the old articles take the count with them, and the state is then wholly this build's.
            engine.EvictOlderThan(DateTimeOffset.MaxValue);
            engine.Add(new Article("new-2", "s", "Another story added by this build once the old ones were evicted from the state."));
            Assert.Equal(0, engine.GetStatistics().OtherRevisionArticles);
            engine.Checkpoint();
        }

        using SyndicationEngine renewed = SyndicationEngine.OpenReadOnly(dir.Path);
        Assert.Equal(1, renewed.Count);
        Assert.Equal(0, renewed.GetStatistics().OtherRevisionArticles);
    }

    [Fact]
    public void A_state_of_another_revision_is_reported_by_syndicate_report()
    {
        using var dir = new TempDirectory();
        WriteStateOfRevision(dir.Path, Corpus.Stream(syntheticStories: 2), 0);
        Syndicate.Tests.Cli.EndToEnd.CliResult run = Syndicate.Tests.Cli.EndToEnd.SyndicateCli.Run("report", "--state", dir.Path, "--format", "jsonl").Expect(0);
        Assert.Contains("were fingerprinted by another release of Syndicate", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A state directory holding <paramref name="articles"/>, its snapshot declaring <paramref name="revision"/>.</summary>
    private static void WriteStateOfRevision(string directory, List<Article> articles, int revision)
    {
        var engine = new SyndicationEngine();
        engine.AddRange(articles);
        engine.Export(directory);
        Syndicate.Clustering.DocumentTable docs = engine.Clusterer.Store.Documents;
        for (int h = 0; h < docs.HighWater; h++)
        {
            if (docs.IsLive(h))
            {
                docs.SetRevision(h, revision);
            }
        }

        StateFormat.WriteAtomically(Path.Combine(directory, StateFormat.SnapshotFile), stream => StateSnapshot.Write(stream, engine.Clusterer, engine.Options, 2, revision));
    }
}
