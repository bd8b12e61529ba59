using Syndicate.Clustering;

namespace Syndicate.Tests.Engine;

public sealed class DocumentTableTests
{
    [Fact]
    public void The_per_article_object_estimate_is_the_size_of_a_document_info()
    {
        var published = DateTimeOffset.UnixEpoch;
        _ = new DocumentInfo("id", "source", null, published, 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var info = new DocumentInfo("id", "source", null, published, 1);
        var size = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(info);

        Assert.Equal(DocumentTable.InfoObjectBytes, size);
    }

    [Fact]
    public void Publication_time_and_relation_round_trip_through_the_compact_fields()
    {
        var time = new DateTimeOffset(2024, 3, 9, 23, 45, 12, TimeSpan.FromMinutes(-330)).AddTicks(1234);
        var info = new DocumentInfo("a", "s", null, time, 7) { JoinRelation = Relation.Partial };
        Assert.Equal(time, info.Published);
        Assert.Equal(time.Offset, info.Published!.Value.Offset);
        Assert.Equal(Relation.Partial, info.JoinRelation);
        Assert.Null(new DocumentInfo("b", "s", null, null, 8).Published);
    }
}
