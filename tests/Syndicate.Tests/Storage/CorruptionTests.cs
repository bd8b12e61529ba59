using Syndicate.Sketches;
using Syndicate.Storage;
using Syndicate.Tests.Engine;

namespace Syndicate.Tests.Storage;

public class CorruptionTests
{
    private static TempDirectory StateWithSnapshotAndJournal(out List<Article> articles)
    {
        var dir = new TempDirectory();
        articles = Corpus.Stream(syntheticStories: 6);
        using SyndicationEngine engine = SyndicationEngine.Open(dir.Path);
        int half = articles.Count / 2;
        foreach (Article a in articles.Take(half))
        {
            engine.Add(a);
        }

        engine.Checkpoint();
        foreach (Article a in articles.Skip(half))
        {
            engine.Add(a);
        }

        return dir;
    }

    private static void AssertRefused(string dir, string file, string expected)
    {
        StateException e = Assert.Throws<StateException>(() => SyndicationEngine.Open(dir));
        Assert.EndsWith(file, e.Path, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_snapshot_is_refused_at_every_length()
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out _);
        byte[] snapshot = File.ReadAllBytes(dir.File("snapshot.bin"));
        var rng = new SplitMix64(3);
        int[] lengths = [0, 5, 8, 20, 31, 32, 40, snapshot.Length / 2, snapshot.Length - 13, snapshot.Length - 1, .. Enumerable.Range(0, 20).Select(_ => Corpus.Below(rng, (ulong)snapshot.Length))];
        foreach (int length in lengths)
        {
            File.WriteAllBytes(dir.File("snapshot.bin"), snapshot[..length]);
            Assert.Throws<StateException>(() => SyndicationEngine.Open(dir.Path));
        }
    }

    [Fact]
    public void Bit_flips_in_the_snapshot_are_detected()
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out _);
        byte[] snapshot = File.ReadAllBytes(dir.File("snapshot.bin"));
        var rng = new SplitMix64(11);
        for (int trial = 0; trial < 40; trial++)
        {
            byte[] damaged = (byte[])snapshot.Clone();
            int at = Corpus.Below(rng, (ulong)damaged.Length);
            damaged[at] ^= (byte)(1 << Corpus.Below(rng, 8));
            File.WriteAllBytes(dir.File("snapshot.bin"), damaged);
            StateException e = Assert.Throws<StateException>(() => SyndicationEngine.Open(dir.Path));
            Assert.Contains("snapshot.bin", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_foreign_file_is_refused_by_name()
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out _);
        File.WriteAllText(dir.File("snapshot.bin"), "{\"this is\": \"not a snapshot\"}");
        AssertRefused(dir.Path, "snapshot.bin", "not a Syndicate snapshot file");
    }

    [Fact]
    public void A_newer_format_version_is_refused_with_its_number()
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out _);
        byte[] snapshot = File.ReadAllBytes(dir.File("snapshot.bin"));
        snapshot[8] = 9;
        // Re-seal the header checksum so that only the version is wrong.
        uint check = (uint)System.IO.Hashing.XxHash3.HashToUInt64(snapshot.AsSpan(0, 28), 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(snapshot.AsSpan(28), check);
        File.WriteAllBytes(dir.File("snapshot.bin"), snapshot);
        AssertRefused(dir.Path, "snapshot.bin", "format version 9 is not supported");
    }

    [Theory]
    [InlineData("snapshot.bin", 1)]
    [InlineData("journal.bin", 1)]
    [InlineData("snapshot.bin", 2)]
    [InlineData("journal.bin", 2)]
    public void A_state_of_the_fixed_field_format_is_refused_naming_both_versions(string file, byte version)
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out _);
        byte[] bytes = File.ReadAllBytes(dir.File(file));
        bytes[8] = version;
        bytes[9] = 0;
        uint check = (uint)System.IO.Hashing.XxHash3.HashToUInt64(bytes.AsSpan(0, 28), 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), check);
        File.WriteAllBytes(dir.File(file), bytes);
        if (file == "journal.bin")
        {
            // The snapshot is read first: make it the current version so that the journal's header is the one refused.
            Assert.Equal(StateFormat.Version, File.ReadAllBytes(dir.File("snapshot.bin"))[8]);
        }

        AssertRefused(dir.Path, file, $"written in format version {version} by an earlier Syndicate; this build reads format version {StateFormat.Version} only");
    }

    [Fact]
    public void A_torn_journal_tail_loses_only_the_unacknowledged_record()
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out List<Article> articles);
        byte[] journal = File.ReadAllBytes(dir.File("journal.bin"));
        // Cut the last record in half: the process died while writing it, so Add never returned for it.
        File.WriteAllBytes(dir.File("journal.bin"), journal[..^40]);
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            Assert.Equal(articles.Count - 1, engine.Count);
            Assert.Null(engine.GetClusterOf(articles[^1].Id));
            JournalRepair repair = engine.JournalRepair!;
            Assert.Equal(1, repair.DroppedRecords);
            Assert.True(repair.DroppedBytes > 0);
            Assert.Equal(journal.Length - 40 - repair.DroppedBytes, repair.ValidLength);
            Assert.Contains("1 record (", repair.ToString(), StringComparison.Ordinal);
            engine.Add(articles[^1]);
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(articles.Count, reopened.Count);
    }

    [Fact]
    public void Damage_in_the_middle_of_the_journal_is_refused_saying_where_the_intact_records_end()
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out _);
        byte[] journal = File.ReadAllBytes(dir.File("journal.bin"));
        journal[StateFormatHeader + 30] ^= 0x10;
        File.WriteAllBytes(dir.File("journal.bin"), journal);
        AssertRefused(dir.Path, "journal.bin", "corrupt journal");
        AssertRefused(dir.Path, "journal.bin", $"truncate -s {StateFormatHeader} ");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(4096)]
    [InlineData(70_000)]
    public void A_tail_of_zeros_from_a_power_cut_is_cut_with_a_warning(int zeros)
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out List<Article> articles);
        string path = dir.File("journal.bin");
        long intact = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write(new byte[zeros]);
        }

        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            Assert.Equal(articles.Count, engine.Count);
            JournalRepair repair = engine.JournalRepair!;
            Assert.Equal(0, repair.DroppedRecords);
            Assert.Equal(zeros, repair.DroppedBytes);
            Assert.Equal(intact, repair.ValidLength);
            Assert.Equal(path, repair.Path);
            Assert.Equal(intact, new FileInfo(path).Length);
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Null(reopened.JournalRepair);
        Assert.Equal(articles.Count, reopened.Count);
    }

    [Fact]
    public void A_missing_snapshot_is_named_as_missing()
    {
        using TempDirectory dir = StateWithSnapshotAndJournal(out _);
        File.Delete(dir.File("snapshot.bin"));
        AssertRefused(dir.Path, "snapshot.bin", "the snapshot is missing");
    }

    [Fact]
    public void An_exported_state_without_its_snapshot_is_named_as_missing()
    {
        using var dir = new TempDirectory();
        var engine = new SyndicationEngine();
        foreach (Article a in Corpus.Stream(syntheticStories: 2))
        {
            engine.Add(a);
        }

        engine.Export(dir.Path);
        File.Delete(dir.File("snapshot.bin"));
        AssertRefused(dir.Path, "snapshot.bin", "the snapshot is missing");
    }

    [Fact]
    public void A_directory_of_other_files_is_not_made_a_state()
    {
        using var dir = new TempDirectory();
        dir.Write("notes.txt", "mine");
        StateException e = Assert.Throws<StateException>(() => SyndicationEngine.Open(dir.Path));
        Assert.Contains("not a Syndicate state directory", e.Message, StringComparison.Ordinal);
        Assert.Contains("notes.txt", e.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_options_in_force_are_stored_with_the_state()
    {
        using var dir = new TempDirectory();
        Assert.Null(SyndicationEngine.ReadOptions(dir.Path));
        var options = new SyndicationOptions
        {
            SimilarityThreshold = 0.72,
            ContainmentThreshold = 0.55,
            LshThreshold = 0.4,
            Lsh = new Syndicate.Index.LshParameters(16, 8),
            Window = TimeSpan.FromHours(36),
            ShingleSize = 4,
            MaxCandidates = 9,
        };
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path, options))
        {
            engine.Add(Corpus.Stream(syntheticStories: 1)[0]);
        }

        SyndicationOptions stored = SyndicationEngine.ReadOptions(dir.Path)!;
        Assert.Equal(0.72, stored.SimilarityThreshold);
        Assert.Equal(0.55, stored.ContainmentThreshold);
        Assert.Equal(0.4, stored.LshThreshold);
        Assert.Equal((16, 8), (stored.Lsh!.Value.Bands, stored.Lsh.Value.Rows));
        Assert.Equal(TimeSpan.FromHours(36), stored.Window);
        Assert.Equal(4, stored.ShingleSize);
        Assert.Equal(9, stored.MaxCandidates);

        // The stored options reopen the state; a damaged options file is refused by name.
        using (SyndicationEngine reopened = SyndicationEngine.Open(dir.Path, stored))
        {
            Assert.Equal(1, reopened.Count);
        }

        byte[] bytes = File.ReadAllBytes(dir.File("options.bin"));
        bytes[^20] ^= 0x40;
        File.WriteAllBytes(dir.File("options.bin"), bytes);
        StateException e = Assert.Throws<StateException>(() => SyndicationEngine.ReadOptions(dir.Path));
        Assert.EndsWith("options.bin", e.Path, StringComparison.Ordinal);
    }

    private const int StateFormatHeader = 32;
}
