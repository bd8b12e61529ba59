using Syndicate.Clustering;

namespace Syndicate.Tests.Clustering;

/// <summary>
/// A roundup that carries two releases belongs to the story of one of them and is listed as a carrier of the other:
/// the record survives a reopen, follows its story, and leaves when the roundup does.
/// </summary>
public sealed class CarrierTests
{
    private static readonly DateTimeOffset s_day = new(2015, 8, 2, 8, 0, 0, TimeSpan.Zero);

    // A border-guard release with its figures.
    private const string Seizure = StoryJoinTests.Release;

    // A health directorate's release on a vaccination campaign: another story of the same region and day.
    private const string Campaign =
        "دشنت المديرية العامة للشؤون الصحية بمنطقة جازان اليوم حملة التطعيم ضد شلل الأطفال في المراكز الصحية الطرفية، "
        + "وتستهدف الحملة أكثر من 190 ألف طفل دون سن الخامسة في القرى البعيدة والمحافظات الجبلية.\n"
        + "وقال مدير إدارة الصحة العامة الدكتور محمد الحازمي إن 420 فريقا متنقلا تشارك في الحملة التي تستمر أسبوعين، "
        + "وتزور المنازل في المناطق التي يصعب الوصول إليها، إلى جانب نقاط ثابتة في الأسواق والمنافذ.\n"
        + "ودعا الحازمي أولياء الأمور إلى التعاون مع الفرق الصحية وإحضار بطاقات التطعيم، مؤكدا أن اللقاح آمن ومجاني "
        + "وأن الحملة تأتي ضمن خطة وطنية للحفاظ على خلو المملكة من المرض.";

    // A regional roundup that carries both releases, the seizure first.
    private const string Roundup = Seizure + "\n" + Campaign;

    /// <summary>The two releases, then the roundup that carries both.</summary>
    internal static IReadOnlyList<Article> ReleasesAndRoundup =>
    [
        new Article("seizure", "wire", Seizure) { Published = s_day },
        new Article("campaign", "health", Campaign) { Published = s_day.AddHours(1) },
        new Article("roundup", "daily", Roundup) { Published = s_day.AddHours(5) },
    ];

    /// <summary>Writes <see cref="ReleasesAndRoundup"/> as a JSON Lines input of the command line.</summary>
    internal static void WriteReleasesAndRoundup(string path) =>
        File.WriteAllLines(path, ReleasesAndRoundup.Select(a => System.Text.Json.JsonSerializer.Serialize(new
        {
            id = a.Id,
            source = a.Source,
            published = a.Published,
            body = a.Body,
        })));

    private static SyndicationEngine ReleasesThenRoundup(out Verdict seizure, out Verdict campaign, out Verdict roundup)
    {
        var engine = new SyndicationEngine();
        seizure = engine.Add(new Article("seizure", "wire", Seizure) { Published = s_day });
        campaign = engine.Add(new Article("campaign", "health", Campaign) { Published = s_day.AddHours(1) });
        roundup = engine.Add(new Article("roundup", "daily", Roundup) { Published = s_day.AddHours(5) });
        return engine;
    }

    [Fact]
    public void A_roundup_joins_one_story_and_is_listed_as_a_carrier_of_the_other()
    {
        using SyndicationEngine engine = ReleasesThenRoundup(out Verdict seizure, out Verdict campaign, out Verdict roundup);

        Assert.NotEqual(seizure.ClusterId, campaign.ClusterId);
        Assert.Equal(seizure.ClusterId, roundup.ClusterId);
        Assert.Empty(engine.GetCluster(seizure.ClusterId)!.Carriers);

        Cluster carried = engine.GetCluster(campaign.ClusterId)!;
        Assert.Equal(["campaign"], carried.Members.Select(m => m.Id));
        Carrier carrier = Assert.Single(carried.Carriers);
        Assert.Equal("roundup", carrier.Id);
        Assert.Equal("daily", carrier.Source);
        Assert.Equal(seizure.ClusterId, carrier.ClusterId);
        Assert.Equal("campaign", carrier.MatchedId);
        Assert.NotEqual(Relation.Original, carrier.Relation);
        Assert.Equal(s_day.AddHours(5), carrier.Published);
    }

    [Fact]
    public void The_roundups_verdict_names_the_story_it_carries_when_it_is_added()
    {
        using SyndicationEngine engine = ReleasesThenRoundup(out Verdict seizure, out Verdict campaign, out Verdict roundup);

        Assert.Equal([campaign.ClusterId], roundup.CarriedClusterIds);
        Assert.Empty(seizure.CarriedClusterIds);
        Assert.Empty(campaign.CarriedClusterIds);

        // The verdict read back, and the roundup added again, say the same; a query does not carry anything.
        Assert.Equal([campaign.ClusterId], engine.GetVerdict("roundup")!.CarriedClusterIds);
        Assert.Equal([campaign.ClusterId], engine.Add(new Article("roundup", "daily", Roundup) { Published = s_day.AddHours(5) }).CarriedClusterIds);
        Assert.Empty(engine.GetVerdict("campaign")!.CarriedClusterIds);
        Assert.Empty(engine.Query(new Article("roundup-2", "other", Roundup) { Published = s_day.AddHours(6) }).CarriedClusterIds);
        Assert.Equal("roundup", Assert.Single(engine.GetCluster(campaign.ClusterId)!.Carriers).Id);
    }

    [Fact]
    public void A_release_that_arrives_after_a_roundup_carrying_it_joins_the_roundups_story()
    {
        using var engine = new SyndicationEngine();
        Verdict seizure = engine.Add(new Article("seizure", "wire", Seizure) { Published = s_day });
        Verdict roundup = engine.Add(new Article("roundup", "daily", Roundup) { Published = s_day.AddHours(1) });
        Assert.Equal(seizure.ClusterId, roundup.ClusterId);

        // The campaign's release, published later, verifies against the roundup and joins its story, as a copy of the
        // roundup's second item: a story is only split off when the item was there first.
        Verdict campaign = engine.Add(new Article("campaign", "health", Campaign) { Published = s_day.AddHours(2) });
        Assert.Equal(roundup.ClusterId, campaign.ClusterId);
        Assert.Equal("roundup", campaign.MatchedId);
        Assert.All(engine.GetClusters(), c => Assert.Empty(c.Carriers));
    }

    [Fact]
    public void Copies_of_comparable_length_in_two_stories_carry_nothing()
    {
        using SyndicationEngine engine = ReleasesThenRoundup(out _, out _, out _);
        // A second outlet's copy of the seizure release: a copy, not a carrier, and it carries no other story.
        Verdict copy = engine.Add(new Article("copy", "other", Seizure) { Published = s_day.AddHours(6) });
        Assert.DoesNotContain(engine.GetClusters().SelectMany(c => c.Carriers), c => c.Id == "copy");
        Assert.Equal(Relation.Duplicate, copy.Relation);
    }

    [Fact]
    public void Removing_the_roundup_removes_it_from_the_carriers()
    {
        using SyndicationEngine engine = ReleasesThenRoundup(out _, out Verdict campaign, out _);
        Assert.True(engine.Remove("roundup"));
        Assert.Empty(engine.GetCluster(campaign.ClusterId)!.Carriers);

        // Added again, it is a new arrival and is recorded again.
        engine.Add(new Article("roundup", "daily", Roundup) { Published = s_day.AddHours(7) });
        Assert.Equal("roundup", Assert.Single(engine.GetCluster(campaign.ClusterId)!.Carriers).Id);
    }

    [Fact]
    public void Carriers_survive_an_export_and_a_reopen()
    {
        using SyndicationEngine engine = ReleasesThenRoundup(out _, out Verdict campaign, out Verdict roundup);
        using var dir = new TempDirectory();
        engine.Export(dir.Path);
        using SyndicationEngine reopened = SyndicationEngine.Open(dir.Path);
        Carrier carrier = Assert.Single(reopened.GetCluster(campaign.ClusterId)!.Carriers);
        Assert.Equal("roundup", carrier.Id);
        Assert.Equal(roundup.ClusterId, carrier.ClusterId);
        Assert.Equal("campaign", carrier.MatchedId);
        Carrier before = Assert.Single(engine.GetCluster(campaign.ClusterId)!.Carriers);
        Assert.Equal(before.Relation, carrier.Relation);
        Assert.Equal(before.Similarity, carrier.Similarity);

        // The roundup's verdict, as it was when it arrived.
        Assert.Equal([campaign.ClusterId], reopened.GetVerdict("roundup")!.CarriedClusterIds);
        Assert.Empty(reopened.GetVerdict("seizure")!.CarriedClusterIds);
    }
}

/// <summary>The carriers' encoding, as the snapshot and the PostgreSQL store keep it.</summary>
public sealed class CarrierEncodingTests
{
    [Fact]
    public void Carriers_round_trip_and_damaged_bytes_are_refused()
    {
        CarrierRecord[] carriers =
        [
            new("roundup", 17, "campaign", Relation.Partial, 0.75),
            new("صحيفة-12", long.MaxValue, "x", Relation.NearDuplicate, 0.1294),
        ];
        byte[] bytes = Syndicate.Storage.StateSnapshot.EncodeCarriers(carriers);
        Assert.Equal(carriers, Syndicate.Storage.StateSnapshot.DecodeCarriers(bytes));

        Assert.Throws<InvalidDataException>(() => Syndicate.Storage.StateSnapshot.DecodeCarriers(bytes[..^3]));
        Assert.Throws<InvalidDataException>(() => Syndicate.Storage.StateSnapshot.DecodeCarriers([.. bytes, 0]));
        byte[] outOfRange = Syndicate.Storage.StateSnapshot.EncodeCarriers([new("a", 1, "b", Relation.Original, 0.5)]);
        Assert.Throws<InvalidDataException>(() => Syndicate.Storage.StateSnapshot.DecodeCarriers(outOfRange));
    }
}
