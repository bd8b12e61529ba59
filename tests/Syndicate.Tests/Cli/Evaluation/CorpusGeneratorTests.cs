using System.Text.RegularExpressions;
using Syndicate.Cli.Evaluation;
using Syndicate.Sketches;

namespace Syndicate.Tests.Cli.Evaluation;

public sealed class CorpusGeneratorTests
{
    private static readonly IReadOnlyList<BaseStory> s_bases = SyntheticFixture.LoadBases(RepositoryPaths.Root);

    private static GeneratedCorpus Generate(ulong seed, int stories = 14, double templateRate = 0) =>
        new CorpusGenerator(new GeneratorOptions { Seed = seed, Stories = stories, HardNegativeRate = 0.2, DistractorRate = 0.2, TemplateRate = templateRate })
            .Generate(s_bases);

    private static byte[] Serialize(GeneratedCorpus corpus)
    {
        using var stream = new MemoryStream();
        CorpusJsonl.WriteCorpus(stream, corpus.Articles);
        CorpusJsonl.WriteGold(stream, corpus.Gold);
        return stream.ToArray();
    }

    [Fact]
    public void Same_seed_gives_byte_identical_output()
    {
        Assert.Equal(Serialize(Generate(7)), Serialize(Generate(7)));
    }

    [Fact]
    public void Different_seed_gives_different_output()
    {
        Assert.NotEqual(Serialize(Generate(7)), Serialize(Generate(8)));
    }

    [Fact]
    public void Every_article_has_one_gold_record()
    {
        var corpus = Generate(3);
        Assert.Equal(corpus.Articles.Count, corpus.Gold.Count);
        Assert.Equal(corpus.Articles.Select(a => a.Id), corpus.Gold.Select(g => g.Id));
        Assert.Equal(corpus.Articles.Count, corpus.Articles.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Produces_every_kind()
    {
        var kinds = Enumerable.Range(1, 5).SelectMany(s => Generate((ulong)s).Gold).Select(g => g.Kind).ToHashSet();
        Assert.Equal(GoldKinds.All.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Gold_is_consistent()
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var corpus = Generate(seed);
            var byId = corpus.Articles.ToDictionary(a => a.Id);
            foreach (var story in corpus.Gold.GroupBy(g => g.Story))
            {
                // Exactly one original a story, and it is the earliest copy.
                var original = Assert.Single(story, g => g.Original);
                var earliest = story.MinBy(g => byId[g.Id].Published)!;
                Assert.Equal(original.Id, earliest.Id);

                // One wire a story; only distractors have none.
                Assert.Single(story.Select(g => g.Wire).Distinct());
                Assert.Equal(story.First().Kind == GoldKinds.Distractor, story.First().Wire is null);
            }

            foreach (var record in corpus.Gold.Where(g => g.Kind == GoldKinds.Original))
            {
                Assert.Contains(Wire.All, w => w.Name == record.Wire && w.Code == byId[record.Id].Source);
            }
        }
    }

    [Fact]
    public void Hard_negatives_record_the_story_they_borrow_from_and_share_its_tail()
    {
        var corpus = Generate(11);
        var hardNegatives = corpus.Gold.Where(g => g.Kind == GoldKinds.HardNegative).ToList();
        Assert.NotEmpty(hardNegatives);
        Assert.All(corpus.Gold.Where(g => g.Kind is not GoldKinds.HardNegative and not GoldKinds.Compilation), g => Assert.Null(g.BorrowedFrom));

        var bodies = corpus.Articles.ToDictionary(a => a.Id, a => a.Body);
        foreach (var hardNegative in hardNegatives)
        {
            Assert.NotNull(hardNegative.BorrowedFrom);
            Assert.NotEqual(hardNegative.Story, hardNegative.BorrowedFrom);
            var lender = corpus.Gold.Single(g => g.Story == hardNegative.BorrowedFrom && g.Original);
            Assert.Equal(lender.Wire, hardNegative.Wire);

            // The hard negative's last story paragraph is a paragraph of the lender's original.
            var lenderParagraphs = Paragraphs(bodies[lender.Id]);
            Assert.Contains(Paragraphs(bodies[hardNegative.Id]), p => p.Length > 40 && lenderParagraphs.Contains(p));
        }
    }

    [Fact]
    public void Compilations_open_with_one_story_and_carry_another_from_its_opening()
    {
        var compilations = 0;
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var corpus = Generate(seed);
            var bodies = corpus.Articles.ToDictionary(a => a.Id, a => Paragraphs(a.Body));
            var published = corpus.Articles.ToDictionary(a => a.Id, a => a.Published);
            foreach (var compilation in corpus.Gold.Where(g => g.Kind == GoldKinds.Compilation))
            {
                compilations++;
                Assert.False(compilation.Original);
                Assert.NotNull(compilation.BorrowedFrom);
                Assert.NotEqual(compilation.Story, compilation.BorrowedFrom);
                var carried = corpus.Gold.Single(g => g.Story == compilation.Story && g.Original);
                var lead = corpus.Gold.Single(g => g.Story == compilation.BorrowedFrom && g.Original);
                Assert.Equal(carried.Wire, compilation.Wire);

                // The lead story's opening comes first, then the carried story's: the ends of the originals' first
                // story paragraphs (past a dateline; an outlet copy standing in for the wire opens with title lines).
                var own = string.Join("\n", bodies[compilation.Id]);
                int At(string id) => bodies[id].Where(p => p.Length > 80).Select(p => own.IndexOf(p[^40..], StringComparison.Ordinal)).First(i => i >= 0);
                Assert.True(At(lead.Id) < At(carried.Id));
                Assert.True(published[compilation.Id] > published[lead.Id] && published[compilation.Id] > published[carried.Id]);
            }
        }

        Assert.True(compilations >= 5, $"{compilations} compilations in five corpora");
    }

    [Fact]
    public void Copies_are_published_after_the_original()
    {
        var corpus = Generate(5);
        var published = corpus.Articles.ToDictionary(a => a.Id, a => a.Published);
        foreach (var story in corpus.Gold.GroupBy(g => g.Story))
        {
            var original = published[story.Single(g => g.Original).Id];
            Assert.All(story.Where(g => !g.Original), g => Assert.True(published[g.Id] > original));
        }
    }

    [Fact]
    public void Datelines_of_every_style_appear()
    {
        var text = string.Join("\n", Enumerable.Range(1, 5).SelectMany(s => Generate((ulong)s).Articles).Select(a => a.Body));
        Assert.Matches(new Regex(@"\( [^()]+ ۔ / [^()]+ - \d{1,2} (كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول) \d{4}ء\)"), text);
        Assert.Matches(new Regex(@"(موسكو|أنقرة|أبوظبي) - (سبوتنيك|الأناضول|وام|تاس)\."), text);
        Assert.Matches(new Regex(@"\p{IsArabic}+ \((رويترز|أ ف ب|شينخوا|كونا|د ب أ|وكالة [^()]+)\) -"), text);
        Assert.Matches(new Regex(@"\p{IsArabic}+ \d{2} (محرم|صفر|ربيع الأول|ربيع الآخر|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة) \d{4} هـ الموافق \d{1,2} \p{IsArabic}+ \d{4} م "), text);
        Assert.Matches(new Regex(@"[A-Z ]+, (Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec) \d{1,2} \([A-Za-z]+\) -"), text);
        Assert.Matches(new Regex(@"\p{IsArabic}[\p{IsArabic} ]* ۔ (یکم|\d{1,2}) (جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر) \([^()]+\)"), text);
        Assert.Matches(new Regex(@"\p{IsArabic}+ في \d{1,2} (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) /[^/]+/"), text);
    }

    [Fact]
    public void Outlet_furniture_and_edits_appear()
    {
        var corpus = Enumerable.Range(1, 5).SelectMany(s => Generate((ulong)s).Articles).ToList();
        var text = string.Join("\n", corpus.Select(a => a.Body));
        Assert.Matches(new Regex(@"أفكارك وتعليقاتك\S"), text);
        Assert.Contains("اقرأ أيضا: ", text, StringComparison.Ordinal);
        Assert.Contains("تابعونا على تويتر", text, StringComparison.Ordinal);
        Assert.Contains("(تستمر)", text, StringComparison.Ordinal);
        Assert.Contains(text, c => c is >= '\uFE70' and <= '\uFEFC');
        Assert.Contains(text, c => c is >= '\u0660' and <= '\u0669');
        Assert.Contains(text, c => c is '\u200C' or '\u200F');
        Assert.Contains('\u0640', text);
    }

    [Fact]
    public void Reprints_keep_the_wire_text()
    {
        var corpus = Generate(2);
        var bodies = corpus.Articles.ToDictionary(a => a.Id, a => a.Body);
        foreach (var story in corpus.Gold.GroupBy(g => g.Story).Where(s => s.Any(g => g.Kind == GoldKinds.Original)))
        {
            // Every wire paragraph after the lead (which carries the dateline) appears verbatim in each reprint.
            var wireParagraphs = Paragraphs(bodies[story.Single(g => g.Kind == GoldKinds.Original).Id]).Skip(2).ToList();
            foreach (var reprint in story.Where(g => g.Kind == GoldKinds.Reprint))
            {
                var paragraphs = Paragraphs(bodies[reprint.Id]);
                Assert.All(wireParagraphs, p => Assert.Contains(p, paragraphs));
            }
        }
    }

    [Fact]
    public void Template_instances_repeat_a_story_days_later_with_other_numbers()
    {
        var corpus = Generate(4, templateRate: 0.5);
        var articles = corpus.Articles.ToDictionary(a => a.Id);
        var originals = corpus.Gold.Where(g => g.Original && g.Kind == GoldKinds.Original).ToDictionary(g => g.Story);
        var instances = corpus.Gold
            .Where(g => g.Kind == GoldKinds.HardNegative && originals.ContainsKey(g.BorrowedFrom!)
                && articles[g.Id].Published - articles[originals[g.BorrowedFrom!].Id].Published >= TimeSpan.FromHours(48))
            .ToList();

        Assert.NotEmpty(instances);
        foreach (var instance in instances)
        {
            string body = articles[instance.Id].Body, first = articles[originals[instance.BorrowedFrom!].Id].Body;
            Assert.NotEqual(first, body);
            // The same words once the numbers are set aside, and a story of its own.
            Assert.True(TextVariants.WordShingleJaccard(NoDigits(first), NoDigits(body)) > 0.8);
            Assert.True(TextVariants.WordShingleJaccard(first, body) < 0.9);
            Assert.NotEqual(instance.BorrowedFrom, instance.Story);
        }

        static string NoDigits(string text) => new([.. text.Where(c => !char.IsAsciiDigit(c))]);
    }

    [Fact]
    public void Respacing_keeps_the_letters_and_rewritten_openings_keep_the_rest_of_the_lead()
    {
        var rng = new SplitMix64(7);
        string lead = s_bases[0].Paragraphs[0];
        int changed = 0;
        for (int i = 0; i < 50; i++)
        {
            string respaced = TextVariants.Respace(lead, rng);
            Assert.Equal(lead.Replace(" ", string.Empty, StringComparison.Ordinal), respaced.Replace(" ", string.Empty, StringComparison.Ordinal));
            changed += respaced == lead ? 0 : 1;
        }

        Assert.True(changed > 25, $"{changed} of 50 respaced");

        string rewritten = TextVariants.RewriteOpening(lead, rng);
        string[] words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEqual(lead, rewritten);
        Assert.EndsWith(string.Join(' ', words[^3..]), rewritten, StringComparison.Ordinal);
        Assert.False(rewritten.StartsWith(words[0] + " " + words[1], StringComparison.Ordinal));
    }

    [Fact]
    public void Changed_numbers_leave_every_other_character_in_place()
    {
        var rng = new SplitMix64(3);
        const string Text = "وصلت الطائرة 5 وعلى متنها 12 طنا في 2015";
        string changed = TextVariants.ChangeNumbers(Text, rng);

        Assert.NotEqual(Text, changed);
        Assert.Equal(new string([.. Text.Where(c => !char.IsAsciiDigit(c))]), new string([.. changed.Where(c => !char.IsAsciiDigit(c))]));
    }

    [Fact]
    public void Scales_down_when_base_stories_run_short()
    {
        var corpus = Generate(4, stories: 100);
        var stories = corpus.Gold.Select(g => g.Story).Distinct().Count();
        Assert.Equal(s_bases.Count, stories);
    }

    [Fact]
    public void Loads_base_stories_from_the_shared_data_when_present()
    {
        var shared = BaseStoryLoader.FindSharedData(RepositoryPaths.Root);
        if (shared is null)
        {
            return; // The shared corpora are not part of the repository; nothing to check without them.
        }

        var bases = BaseStoryLoader.LoadSharedData(shared, 30, seed: 1);
        Assert.Equal(30, bases.Count);
        Assert.All(bases, b => Assert.InRange(b.Paragraphs.Count, BaseStoryLoader.MinParagraphs, int.MaxValue));
        var corpus = new CorpusGenerator(new GeneratorOptions { Seed = 1, Stories = 20 }).Generate(bases);
        Assert.Equal(corpus.Articles.Count, corpus.Gold.Count);
    }

    private static List<string> Paragraphs(string body) =>
        body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
