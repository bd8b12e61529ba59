using Syndicate.Attribution;

namespace Syndicate.Tests.Attribution;

public sealed class WireGazetteerTests
{
    [Theory]
    [InlineData("Sputnik", "Sputnik")]
    [InlineData("سبوتنيك", "Sputnik")]
    [InlineData("Спутник", "Sputnik")]
    [InlineData("РИА Новости", "RIA Novosti")]
    [InlineData("رويترز", "Reuters")]
    [InlineData("رُويتَرز", "Reuters")]
    [InlineData("REUTERS", "Reuters")]
    [InlineData("روئٹرز", "Reuters")]
    [InlineData("واس", "Saudi Press Agency")]
    [InlineData("SPA", "Saudi Press Agency")]
    [InlineData("spa", "Saudi Press Agency")]
    [InlineData("وكالة الانباء السعودية", "Saudi Press Agency")]
    [InlineData("ا ف ب", "AFP")]
    [InlineData("أ ف ب", "AFP")]
    [InlineData("أ.ف.ب", "AFP")]
    [InlineData("أ. ف. ب", "AFP")]
    [InlineData("فرانس برس", "AFP")]
    [InlineData("فرانـــس بـرس", "AFP")]
    [InlineData("اے پی پی", "APP")]
    [InlineData("د ب أ", "DPA")]
    [InlineData("أ ش أ", "MENA")]
    [InlineData("الاناضول", "Anadolu")]
    [InlineData("شينخوا", "Xinhua")]
    [InlineData("Associated Press", "AP")]
    public void Find_folds_spelling_variants(string alias, string expected)
    {
        Assert.Equal(expected, WireGazetteer.Default.Find(alias)?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("الرياض")]
    [InlineData("رويترز اليوم")]
    [InlineData("وكالة")]
    public void Find_requires_a_whole_alias(string text)
    {
        Assert.Null(WireGazetteer.Default.Find(text));
    }

    [Fact]
    public void Default_covers_the_required_agencies()
    {
        string[] required =
        [
            "Sputnik", "RIA Novosti", "TASS", "Reuters", "AFP", "AP", "Anadolu", "Xinhua", "Saudi Press Agency", "WAM",
            "KUNA", "MENA", "QNA", "IRNA", "APP", "DPA", "EFE",
        ];

        foreach (var name in required)
        {
            Assert.Same(WireGazetteer.Default.Agencies.Single(a => a.Name == name), WireGazetteer.Default.Find(name));
        }
    }

    [Fact]
    public void FindIn_matches_whole_words_and_prefers_the_longest()
    {
        var g = WireGazetteer.Default;

        Assert.Equal("AFP", g.FindIn("فرانس24/ أ ف ب")?.Name);
        Assert.Equal("Saudi Press Agency", g.FindIn("الرياض - واس")?.Name);
        Assert.Equal("APP", g.FindIn("ڈھاکہ ۔ یکم دسمبر (اے پی پی)")?.Name); // not AP ("اے پی")
        Assert.Equal("Reuters", g.FindIn("MOSCOW, Jan 18 (Reuters) -")?.Name);
        Assert.Null(g.FindIn("قالت الرويترزية")); // no whole-word alias
        Assert.Null(g.FindIn("مدينة الرياض"));
    }

    [Fact]
    public void With_adds_agencies_and_returns_a_new_gazetteer()
    {
        var extra = new WireAgency("Mehr", ["مهر", "Mehr News"]);

        var extended = WireGazetteer.Default.With(extra);

        Assert.Same(extra, extended.Find("مهر"));
        Assert.Same(extra, extended.FindIn("طهران - مهر"));
        Assert.Null(WireGazetteer.Default.Find("مهر"));
        Assert.Equal(WireGazetteer.Default.Agencies.Count + 1, extended.Agencies.Count);
        Assert.Equal("Reuters", extended.Find("رويترز")?.Name);
    }

    [Fact]
    public void With_replaces_an_agency_of_the_same_name_and_wins_alias_conflicts()
    {
        var sputnik = new WireAgency("Sputnik", ["سبوتنيك عربي"]);
        var rival = new WireAgency("Rival", ["رويترز"]);

        var g = WireGazetteer.Default.With(sputnik, rival);

        Assert.Same(sputnik, g.Find("سبوتنيك عربي"));
        Assert.Null(g.Find("سبوتنيك")); // the replaced agency's aliases are gone
        Assert.Same(rival, g.Find("رويترز"));
        Assert.Single(g.Agencies, a => a.Name == "Sputnik");
    }

    [Fact]
    public void WireAgency_validates_and_keeps_aliases()
    {
        var agency = new WireAgency(" Test ", ["ت", "ت", "T"]);

        Assert.Equal("Test", agency.Name);
        Assert.Equal(["ت", "T"], agency.Aliases);
        Assert.Throws<ArgumentException>(() => new WireAgency(" ", []));
        Assert.Throws<ArgumentException>(() => new WireAgency("X", [""]));
    }
}
