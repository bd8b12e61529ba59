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
    public void FindIn_reads_a_hyphenated_name_as_written()
    {
        var g = WireGazetteer.Default;

        Assert.Equal("AFP", g.FindIn("PARIS (Agence France-Presse) -")?.Name);
        Assert.Equal("AFP", g.FindIn("PARIS (Agence France Presse) -")?.Name);
        Assert.Equal("TASS", g.FindIn("MOSCOW (ITAR-TASS) -")?.Name);
        Assert.Equal("Keystone-SDA", g.FindIn("BERN (Keystone-SDA) -")?.Name);
        Assert.Null(g.FindIn("Agence France - Presse")); // a dash between words is not a hyphen
    }

    [Fact]
    public void FindIn_reads_a_name_in_cased_letters_only_as_written_or_in_capitals()
    {
        var g = WireGazetteer.Default;

        Assert.Equal("Reuters", g.FindIn("LONDON (REUTERS) -")?.Name);
        Assert.Equal("Saudi Press Agency", g.FindIn("RIYADH, Aug 3 (SPA) -")?.Name);
        Assert.Equal("AFP", g.FindIn("PARIS (Agence France Presse) -")?.Name);
        Assert.Equal("RIA Novosti", g.FindIn("МОСКВА, 18 янв — РИА Новости")?.Name);

        // Everyday words that are also agency abbreviations.
        Assert.Null(g.FindIn("Copyright law was changed"));
        Assert.Null(g.FindIn("The Belgian town of Spa"));
        Assert.Null(g.FindIn("an app for the map"));
        Assert.Null(g.FindIn("Map of the coast"));
        Assert.Null(g.FindIn("reuters"));
    }

    [Fact]
    public void Find_by_name_still_folds_case()
    {
        Assert.Equal("Saudi Press Agency", WireGazetteer.Default.Find("spa")?.Name);
        Assert.Equal("Reuters", WireGazetteer.Default.Find("REUTERS")?.Name);
    }

    [Fact]
    public void With_adds_agencies_and_returns_a_new_gazetteer()
    {
        var extra = new WireAgency("Pajhwok", ["پژواک", "Pajhwok Afghan News"]);

        var extended = WireGazetteer.Default.With(extra);

        Assert.Same(extra, extended.Find("پژواک"));
        Assert.Same(extra, extended.FindIn("کابل - پژواک"));
        Assert.Null(WireGazetteer.Default.Find("پژواک"));
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
    [Fact]
    public void Exact_lookup_equals_its_definition_by_the_folded_phrase()
    {
        // The definition keys the table by PhraseText.FoldPhrase of the text; the lookup builds that key in a buffer.
        // Every alias, the Arabic agency wrappings and seeded random mixtures of alias words, marks, separators and
        // over-long words must resolve as the definition does.
        WireGazetteer gazetteer = WireGazetteer.Default;
        string[] phrases = [.. gazetteer.Agencies.SelectMany(a => a.Aliases.Prepend(a.Name))];
        var table = new PhraseTable<string>(phrases.SelectMany(p => new[] { p, "وكالة " + p, p + " الرسمية" })
            .Select((p, i) => new KeyValuePair<string, string>(p, $"{i}")));
        string[] words = [.. phrases.SelectMany(p => p.Split(' ')).Append("وكالة").Append("الرسمية").Distinct()];
        string[] glue = [" ", "  ", ".", ". ", "\u064E", "ـ", "-", "\u00A0", "\n", "\u200F", "\u200C"];
        var texts = new List<string>(phrases) { "", " ", "ـ", "\u200C", new('ا', 60), "رويترز " + new string('ب', 49), "  SPA  ", new('ب', 130) };
        var random = new Random(20261206);
        for (int i = 0; i < 8000; i++)
        {
            var text = new System.Text.StringBuilder();
            int count = random.Next(1, 5);
            for (int w = 0; w < count; w++)
            {
                text.Append(glue[random.Next(glue.Length)]).Append(words[random.Next(words.Length)]);
            }

            texts.Add(text.Append(random.Next(3) == 0 ? glue[random.Next(glue.Length)] : "").ToString());
        }

        texts.Add(string.Join(" ", Enumerable.Repeat("رويترز", 40)));
        foreach (string text in texts)
        {
            bool expected = table.TryGetExactByFoldedPhrase(text, out string? expectedValue);
            bool found = table.TryGetExact(text, out string? value);
            Assert.True(expected == found && expectedValue == value, $"'{text}': expected {expectedValue ?? "none"}, found {value ?? "none"}");
        }

        // Not vacuous: many of the mixtures are phrases of the table.
        Assert.True(texts.Skip(phrases.Length).Count(t => table.TryGetExact(t, out _)) > 500);
    }
}
