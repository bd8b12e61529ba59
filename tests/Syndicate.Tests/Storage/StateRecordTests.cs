using System.Buffers;
using MessagePack;
using Syndicate.Storage;

namespace Syndicate.Tests.Storage;

/// <summary>
/// The persisted records are MessagePack maps with integer keys: they round-trip every value exactly (unpaired
/// surrogates included), a reader skips the keys a later format may add, and bytes that do not decode are refused.
/// </summary>
public sealed class StateRecordTests
{
    [Fact]
    public void Journal_records_round_trip()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var published = new DateTimeOffset(2022, 1, 18, 9, 30, 15, TimeSpan.FromHours(3));
        var article = new Article("id-\uD800-lone", "سبوتنيك", "نص الخبر \uDC00 كاملا") { Url = "https://example.org/a", Published = published, Title = "العنوان" };

        JournalRecord.WriteAdd(buffer, article, 1234567);
        JournalRecord add = JournalRecord.Read(buffer.WrittenMemory.ToArray(), "journal.bin");
        Assert.Equal(JournalOp.Add, add.Op);
        Assert.Equal(1234567, add.Timestamp);
        Assert.Equal(article.Id, add.Id);
        Assert.Equal(article.Source, add.Source);
        Assert.Equal(article.Url, add.Url);
        Assert.Equal(published, add.Published);
        Assert.Equal(published.Offset, add.Published!.Value.Offset);
        Assert.Equal(article.Title, add.Title);
        Assert.Equal(article.Body, add.Body);

        JournalRecord.WriteAdd(buffer, new Article("b", "s", "body"), 7);
        JournalRecord bare = JournalRecord.Read(buffer.WrittenMemory.ToArray(), "journal.bin");
        Assert.Null(bare.Url);
        Assert.Null(bare.Published);
        Assert.Null(bare.Title);

        JournalRecord.WriteRemove(buffer, "gone");
        Assert.Equal((JournalOp.Remove, "gone"), (JournalRecord.Read(buffer.WrittenMemory.ToArray(), "journal.bin").Op, JournalRecord.Read(buffer.WrittenMemory.ToArray(), "journal.bin").Id));

        JournalRecord.WriteEvict(buffer, -42);
        JournalRecord evict = JournalRecord.Read(buffer.WrittenMemory.ToArray(), "journal.bin");
        Assert.Equal((JournalOp.Evict, -42L), (evict.Op, evict.Cutoff));
    }

    [Fact]
    public void A_journal_record_with_keys_of_a_later_format_is_read_and_they_are_skipped()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(buffer);
        w.WriteMapHeader(7);
        w.Write(0);
        w.Write((byte)JournalOp.Add);
        w.Write(40); // a member this format does not know, before the known ones
        w.WriteArrayHeader(2);
        w.Write("nested");
        w.Write(3.5);
        w.Write(2);
        w.Write("a1");
        w.Write(3);
        w.Write("outlet");
        w.Write(41);
        w.Write(new byte[] { 1, 2, 3 });
        w.Write(7);
        w.Write("the body");
        w.Write(1);
        w.Write(99L);
        w.Flush();

        JournalRecord record = JournalRecord.Read(buffer.WrittenMemory.ToArray(), "journal.bin");

        Assert.Equal(new JournalRecord(JournalOp.Add, 99, "a1", "outlet", null, null, null, "the body", 0), record);
    }

    [Theory]
    [InlineData(new byte[] { 0xC1 })]
    [InlineData(new byte[] { 0x82, 0x00, 0x01 })]
    [InlineData(new byte[] { 0x81, 0x02, 0xA5, 0x61 })]
    [InlineData(new byte[] { 0x81, 0x00, 0x01, 0x00 })]
    public void A_journal_record_that_does_not_decode_is_refused(byte[] payload)
    {
        StateException e = Assert.Throws<StateException>(() => JournalRecord.Read(payload, "journal.bin"));
        Assert.Contains("corrupt journal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reopened_state_keeps_ids_and_texts_with_unpaired_surrogates()
    {
        using var dir = new TempDirectory();
        var articles = new[]
        {
            new Article("x\uD800", "src\uDFFF", "الحكومة اعلنت اليوم خطة جديدة للطاقة \uD83D والمياه في المدينة") { Title = "t\uDC00" },
            new Article("y", "src", "الحكومة اعلنت اليوم خطة جديدة للطاقة والمياه في المدينة"),
        };
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            engine.Add(articles[0]);
            engine.Checkpoint();
            engine.Add(articles[1]);
        }

        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Assert.Equal(2, reopened.Count);
        Assert.NotNull(reopened.GetClusterOf("x\uD800"));
        Assert.NotNull(reopened.GetClusterOf("y"));
    }
}
