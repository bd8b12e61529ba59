using Syndicate.Fingerprinting;
using Syndicate.Storage;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.Storage;

/// <summary>Defects found by reading the durable state's code, each pinned by a test that failed before its fix.</summary>
public class DefectRegressionTests
{
    [Fact]
    public void A_checkpoint_keeps_the_durability_the_state_was_opened_with()
    {
        using var dir = new TempDirectory();
        using SyndicationEngine engine = SyndicationEngine.Open(dir.Path, durability: Durability.FlushToDisk);
        Assert.Equal(Durability.FlushToDisk, engine.State!.JournalDurability);
        engine.Add(new Article("a", "s", string.Join("\n\n", TestData.StoryParagraphs(0))));
        engine.Checkpoint();
        Assert.Equal(Durability.FlushToDisk, engine.State!.JournalDurability);

        engine.CheckpointBytes = 1;
        engine.Add(new Article("b", "s", string.Join("\n\n", TestData.StoryParagraphs(1))));
        Assert.Equal(Durability.FlushToDisk, engine.State!.JournalDurability);
    }

    [Fact]
    public void A_disposed_durable_engine_refuses_an_add_instead_of_dropping_it()
    {
        using var dir = new TempDirectory();
        var article = new Article("late", "s", string.Join("\n\n", TestData.StoryParagraphs(0)));
        SyndicationEngine engine = SyndicationEngine.Open(dir.Path);
        engine.Dispose();
        Assert.Throws<ObjectDisposedException>(() => engine.Add(article));

        // Nothing was acknowledged, so nothing is missing: the state holds exactly what was added before.
        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public void Every_member_but_dispose_throws_once_disposed()
    {
        using var dir = new TempDirectory();
        var article = new Article("a", "s", string.Join("\n\n", TestData.StoryParagraphs(0)));
        foreach (SyndicationEngine engine in new[] { new SyndicationEngine(), SyndicationEngine.Open(dir.Path) })
        {
            Fingerprint print = engine.Fingerprint(article);
            engine.Dispose();
            engine.Dispose();
            Assert.Throws<ObjectDisposedException>(() => engine.Options);
            Assert.Throws<ObjectDisposedException>(() => engine.Lsh);
            Assert.Throws<ObjectDisposedException>(() => engine.Count);
            Assert.Throws<ObjectDisposedException>(() => engine.StateDirectory);
            Assert.Throws<ObjectDisposedException>(() => engine.Fingerprint(article));
            Assert.Throws<ObjectDisposedException>(() => engine.Add(article));
            Assert.Throws<ObjectDisposedException>(() => engine.Add(article, print));
            Assert.Throws<ObjectDisposedException>(() => engine.AddRange([article]));
            Assert.Throws<ObjectDisposedException>(() => engine.Query(article));
            Assert.Throws<ObjectDisposedException>(() => engine.Explain(article, article));
            Assert.Throws<ObjectDisposedException>(() => engine.Remove("a"));
            Assert.Throws<ObjectDisposedException>(() => engine.EvictOlderThan(DateTimeOffset.UnixEpoch));
            Assert.Throws<ObjectDisposedException>(() => engine.GetCluster(1));
            Assert.Throws<ObjectDisposedException>(() => engine.GetClusterOf("a"));
            Assert.Throws<ObjectDisposedException>(() => engine.GetClusters());
            Assert.Throws<ObjectDisposedException>(() => engine.GetStatistics());
            Assert.Throws<ObjectDisposedException>(() => engine.Checkpoint());
        }
    }

    [Fact]
    public void A_newer_reader_checks_the_format_version_apart_from_the_options()
    {
        var options = SyndicationOptions.Default;
        using var stream = new MemoryStream();
        StateFormat.WriteHeader(stream, StateFormat.SnapshotMagic, options, generation: 7);

        // A reader of the next format version still reads this version's files with the same options.
        stream.Position = 0;
        Assert.Equal(7UL, StateFormat.ReadHeader(stream, "snapshot.bin", StateFormat.SnapshotMagic, options, "snapshot", readerVersion: StateFormat.Version + 1));

        // Other options are still refused as such, by this reader and the next.
        var other = new SyndicationOptions { ShingleSize = options.ShingleSize + 1 };
        foreach (ushort reader in new[] { StateFormat.Version, (ushort)(StateFormat.Version + 1) })
        {
            stream.Position = 0;
            var e = Assert.Throws<StateException>(() => StateFormat.ReadHeader(stream, "snapshot.bin", StateFormat.SnapshotMagic, other, "snapshot", reader));
            Assert.Contains("different fingerprint options", e.Message, StringComparison.Ordinal);
        }

        // A file newer than the reader is refused by its version, not its options.
        stream.Position = 0;
        var newer = Assert.Throws<StateException>(() => StateFormat.ReadHeader(stream, "snapshot.bin", StateFormat.SnapshotMagic, options, "snapshot", readerVersion: 0));
        Assert.Contains($"format version {StateFormat.Version} is not supported", newer.Message, StringComparison.Ordinal);
    }
}
