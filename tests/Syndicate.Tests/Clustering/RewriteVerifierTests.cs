using System.Text.Json;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Text;

namespace Syndicate.Tests.Clustering;

public sealed class RewriteVerifierTests
{
    private static readonly DateTimeOffset s_day = new(2015, 8, 5, 9, 0, 0, TimeSpan.Zero);

    // A relief-flight release and an outlet's rewrite of it: reordered, reworded, cut; the figures kept.
    private const string Release =
        "وصلت إلى مطار عدن الدولي اليوم الطائرة الإغاثية الخامسة التابعة لمركز الملك سلمان للإغاثة والأعمال الإنسانية، "
        + "وعلى متنها 12 طنا من المستلزمات الطبية ومحاليل الغسيل الكلوي لمرضى الفشل الكلوي في المحافظات اليمنية.\n"
        + "وأوضح المتحدث الرسمي للمركز أن الشحنة تغطي احتياجات 5 مراكز لغسيل الكلى لمدة ثلاثة أشهر، وأن المركز سيواصل "
        + "تسيير الجسر الجوي لإيصال المساعدات الطبية والغذائية إلى الشعب اليمني بالتنسيق مع الحكومة الشرعية والمنظمات الدولية.\n"
        + "وأشار إلى أن فرق المركز تعمل على توزيع الشحنة على المستشفيات فور وصولها، وأن طائرات أخرى ستصل تباعا خلال الأيام المقبلة.";

    private const string Rewrite =
        "حطت في مطار عدن الدولي اليوم الطائرة الإغاثية الخامسة لمركز الملك سلمان للإغاثة والأعمال الإنسانية، "
        + "محملة بـ 12 طنا من المستلزمات الطبية ومحاليل الغسيل الكلوي لمرضى الفشل الكلوي في المحافظات اليمنية.\n"
        + "وبين المتحدث باسم المركز أن الشحنة تغطي احتياجات 5 مراكز لغسيل الكلى لمدة ثلاثة أشهر، مؤكدا أن المركز سيواصل "
        + "الجسر الجوي لإيصال المساعدات الطبية والغذائية إلى اليمن بالتنسيق مع الحكومة الشرعية والمنظمات الدولية.";

    // Another instance of the same template: its own counterpart, figures and day.
    private const string Template =
        "وصلت إلى مطار سيئون اليوم الطائرة الإغاثية السادسة التابعة لمركز الملك سلمان للإغاثة والأعمال الإنسانية، "
        + "وعلى متنها 11 طنا من المواد الغذائية والسلال الغذائية للأسر المتضررة في محافظة حضرموت.\n"
        + "وأوضح المتحدث الرسمي للمركز أن الشحنة تغطي احتياجات 900 أسرة لمدة شهر، وأن المركز سيواصل "
        + "تسيير الجسر الجوي لإيصال المساعدات الطبية والغذائية إلى الشعب اليمني بالتنسيق مع الحكومة الشرعية والمنظمات الدولية.";

    // The release carried under an outlet's own opening: the first sentence rewritten, the rest kept.
    private const string OwnOpening =
        "أعلن مركز الملك سلمان للإغاثة أن طائرته الخامسة هبطت صباح اليوم في عدن حاملة أدوية الكلى للمرضى اليمنيين، في إطار الجسر الجوي الذي يسيره المركز.\n"
        + "وأوضح المتحدث الرسمي للمركز أن الشحنة تغطي احتياجات 5 مراكز لغسيل الكلى لمدة ثلاثة أشهر، وأن المركز سيواصل "
        + "تسيير الجسر الجوي لإيصال المساعدات الطبية والغذائية إلى الشعب اليمني بالتنسيق مع الحكومة الشرعية والمنظمات الدولية.\n"
        + "وأشار إلى أن فرق المركز تعمل على توزيع الشحنة على المستشفيات فور وصولها، وأن طائرات أخرى ستصل تباعا خلال الأيام المقبلة.";

    // Another story that reuses the release's closing paragraph as background: its own opening, its own news.
    private const string Background =
        "افتتح وزير الصحة اليمني اليوم في عدن مستشفى ميدانيا جديدا بسعة 60 سريرا لاستقبال جرحى المواجهات في المحافظات الجنوبية، "
        + "بحضور محافظ عدن وعدد من مسؤولي المنظمات الدولية العاملة في المجال الصحي.\n"
        + "وقال الوزير إن المستشفى مجهز بغرفتي عمليات ووحدة للعناية المركزة، وإن كوادره الطبية ستعمل على مدار الساعة.\n"
        + "وأشار إلى أن فرق المركز تعمل على توزيع الشحنة على المستشفيات فور وصولها، وأن طائرات أخرى ستصل تباعا خلال الأيام المقبلة.";

    private static (PairVerdict Verdict, double Score) Relate(string a, string b, DateTimeOffset? publishedA, DateTimeOffset? publishedB, SyndicationOptions? options = null)
    {
        options ??= SyndicationOptions.Default;
        var engine = new SyndicationEngine(options);
        Fingerprint fa = engine.Fingerprint(new Article("a", "x", a) { Published = publishedA });
        Fingerprint fb = engine.Fingerprint(new Article("b", "y", b) { Published = publishedB });
        var verifier = new PairVerifier(options);
        return (verifier.Verify(PairSide.Of(fa), PairSide.Of(fb)), PairVerifier.RewriteScore(PairSide.Of(fa), PairSide.Of(fb)));
    }

    // Word-shingle containment 0.3 unless given: about what a rewrite of one source text keeps of its wording.
    private static PairSignals Signals(double jaccard = 0, double score = 0, double lead = -1, bool gap = false, double numbers = -1, double head = -1, double carried = -1, double characters = -1, double figures = -1, double containment = 0.3) =>
        new(Comparable: true, SameText: false, EqualSlots: 0, Jaccard: jaccard, Containment: containment, LeadAgreement: 0, ShorterShingles: 100, LongerShingles: 100,
            TemplateGap: gap, RewriteScore: score, LeadContainment: lead, NumberAgreement: numbers, HeadContainment: head,
            CarriedLeadContainment: carried, CharacterContainment: characters, FigureContainment: figures);

    // The market's close as the wire writes it, an outlet's rewrite of the same close, and an outlet's report of the
    // next day's close in the same frame with its own figures.
    private const string Close =
        "أغلق مؤشر سوق الأسهم السعودية اليوم على ارتفاع بـ 135.65 نقطة بنسبة 1.56 في المئة ليغلق عند مستوى 8834.82 نقطة بتداولات قاربت 4 مليارات ريال.\n"
        + "وشهدت تداولات اليوم ارتفاع أسهم 143 شركة في قيمتها، فيما تراجعت أسهم 14 شركة، وبلغ عدد الأسهم المتداولة أكثر من 148.6 مليون سهم توزعت على 84.7 ألف صفقة.\n"
        + "وكانت أسهم شركات مدينة المعرفة وفيبكو وموبايلي وبوبا للتأمين الأكثر ارتفاعا اليوم، فيما جاءت أسهم الإنماء طوكيو للتأمين والاتحاد التجاري على رأس الشركات الأكثر انخفاضا.";

    private const string CloseRewrite =
        "ارتفع مؤشر سوق الأسهم السعودية في ختام تعاملات اليوم 135.65 نقطة أو 1.56 في المئة، ليغلق عند 8834.82 نقطة، وسط تداولات قاربت 4 مليارات ريال.\n"
        + "وارتفعت أسهم 143 شركة وتراجعت أسهم 14 شركة، فيما بلغت الأسهم المتداولة 148.6 مليون سهم نفذت عبر 84.7 ألف صفقة.\n"
        + "وتصدرت أسهم مدينة المعرفة وفيبكو وموبايلي وبوبا للتأمين قائمة الأكثر ارتفاعا، بينما تصدرت الإنماء طوكيو للتأمين والاتحاد التجاري قائمة الأكثر انخفاضا.";

    private const string NextClose =
        "أغلق مؤشر سوق الأسهم السعودية اليوم على انخفاض بـ 76.75 نقطة بنسبة 0.87 في المئة ليغلق عند مستوى 8758.64 نقطة بتداولات تجاوزت 3.8 مليار ريال.\n"
        + "وشهدت تداولات اليوم ارتفاع أسهم 15 شركة في قيمتها، فيما تراجعت أسهم 140 شركة، وبلغ عدد الأسهم المتداولة أكثر من 133.2 مليون سهم توزعت على 86.1 ألف صفقة.\n"
        + "وكانت أسهم شركات العالمية ووفاء للتأمين وأمانة للتأمين الأكثر ارتفاعا اليوم، فيما جاءت أسهم تكوين والجماعي وميدغلف للتأمين على رأس الشركات الأكثر انخفاضا.";

    [Fact]
    public void A_rewrite_needs_some_of_the_wording_whatever_its_score()
    {
        // Two reports of one event written apart: their character grams agree as a rewrite's would (score, opening),
        // but hardly a phrase of three words is the same.
        var verifier = new PairVerifier(SyndicationOptions.Default);
        double floor = PairVerifier.MinRewriteContainment;

        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: 0.95, lead: 0.9, containment: floor)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 0.95, lead: 0.9, containment: Math.BitDecrement(floor))));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, lead: 1, head: 1, carried: 1, characters: 1, containment: 0.05)));
        Assert.Equal(0.15, floor);
    }

    [Fact]
    public void A_much_shorter_copy_needs_its_wording_in_the_longer_text_not_only_its_words()
    {
        // A short release against a text more than five times its length, with every other test of the rewrite rule
        // passed (the score, the opening, the release carried inside): its shingles must be there too.
        var verifier = new PairVerifier(SyndicationOptions.Default);
        double t = SyndicationOptions.Default.RewriteThreshold, w = PairVerifier.MinUnequalWordingContainment;
        PairSignals carried = Signals(score: 0.9, lead: 0.45, carried: 0.8, characters: 0.95) with { ShorterShingles = 80, LongerShingles = 1000 };

        Assert.Equal(Relation.NearDuplicate, verifier.Decide(carried with { WordingContainment = w }));
        Assert.Equal(Relation.Original, verifier.Decide(carried with { WordingContainment = Math.BitDecrement(w) }));
        Assert.Equal(Relation.Original, verifier.Decide(carried with { WordingContainment = 0 }));

        // Not measured (-1): copies of comparable length, which the other tests settle.
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(carried with { WordingContainment = -1 }));
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: t, lead: 0.5) with { WordingContainment = -1 }));
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: t, lead: 0.5) with { WordingContainment = 0 }));
        Assert.Equal((0.2, 0.3), (PairVerifier.UnequalLengthRatio, w));
    }

    [Fact]
    public void The_wording_of_a_much_shorter_copy_is_measured_only_where_it_can_block_a_rewrite()
    {
        // The release alone against a roundup more than five times its length that carries it whole: measured and 1.
        string roundup = string.Join("\n", Enumerable.Range(0, 6).Select(i => Background.Split('\n')[i % 2] + " " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            + "\n" + Release + "\n" + string.Join("\n", Template, OwnOpening, Close, NextClose, CloseRewrite);
        var engine = new SyndicationEngine(SyndicationOptions.Default);
        Fingerprint release = engine.Fingerprint(new Article("a", "x", Release) { Published = s_day });
        Fingerprint carrier = engine.Fingerprint(new Article("b", "y", roundup) { Published = s_day.AddHours(3) });
        var verifier = new PairVerifier(SyndicationOptions.Default);
        PairSignals signals = verifier.Measure(PairSide.Of(release), PairSide.Of(carrier));

        Assert.True(release.ShingleCount < PairVerifier.UnequalLengthRatio * carrier.ShingleCount, $"{release.ShingleCount} and {carrier.ShingleCount} shingles");
        Assert.Equal(1.0, signals.WordingContainment);
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(signals));

        // Copies of comparable length: not measured.
        Fingerprint rewrite = engine.Fingerprint(new Article("c", "z", Rewrite) { Published = s_day.AddHours(1) });
        Assert.Equal(-1, verifier.Measure(PairSide.Of(release), PairSide.Of(rewrite)).WordingContainment);
    }

    [Fact]
    public void Wording_containment_equals_its_set_based_reference()
    {
        List<string> bodies = BundledBodies(80);

        // A text whose shingles outnumber the lookup's filter bits, both as the probe and as the other text.
        string longText = string.Join("\n", bodies.Take(60));
        bodies.Add(longText);
        Assert.True(longText.Length > 20_000, "the long text is " + longText.Length + " characters");
        foreach (SyndicationOptions options in new[] { SyndicationOptions.Default, new SyndicationOptions { ShingleKind = ShingleKind.Characters, ShingleSize = 5 } })
        {
            var verifier = new PairVerifier(options);
            int compared = 0;
            for (int i = 0; i < bodies.Count; i++)
            {
                for (int j = 0; j < bodies.Count; j += 5)
                {
                    Assert.Equal(Reference(bodies[i], bodies[j], options), verifier.WordingContainment(bodies[i], bodies[j]), 12);
                    compared++;
                }
            }

            Assert.True(compared > 1000);
        }

        // The definition, with sets: the share of the first text's distinct shingles that the second holds.
        static double Reference(string shorter, string longer, SyndicationOptions options)
        {
            HashSet<ulong> a = Set(shorter), b = Set(longer);
            return a.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Count;

            HashSet<ulong> Set(string text)
            {
                string normalized = TextNormalizer.Normalize(text, options.Normalization);
                ulong[] shingles = new ulong[Math.Max(1, normalized.Length + 1)];
                int n = options.ShingleKind == ShingleKind.Words
                    ? Shingler.WordShingles(normalized, options.ShingleSize, options.Seed, shingles)
                    : Shingler.CharacterShingles(normalized, options.ShingleSize, options.Seed, shingles);
                return [.. shingles.AsSpan(0, n)];
            }
        }
    }

    [Fact]
    public void A_story_carried_inside_a_longer_text_needs_its_opening_and_nearly_all_its_text_there()
    {
        var verifier = new PairVerifier(SyndicationOptions.Default);
        double t = SyndicationOptions.Default.RewriteThreshold, lead = Math.BitDecrement(PairVerifier.MinLeadContainment);
        double carried = PairVerifier.MinCarriedLeadContainment, characters = PairVerifier.MinCarriedCharacterContainment;

        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: t, lead: lead, carried: carried, characters: characters)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: t, lead: lead, carried: Math.BitDecrement(carried), characters: 1)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: t, lead: lead, carried: 1, characters: Math.BitDecrement(characters))));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: Math.BitDecrement(t), lead: lead, carried: 1, characters: 1)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, lead: lead, carried: 1, characters: 1, gap: true)));
    }

    [Fact]
    public void A_release_inside_a_roundup_is_linked_and_the_roundup_opening_is_not_asked_of_it()
    {
        // A regional roundup that opens with another item and then carries the release whole.
        string roundup = Background.Split('\n')[0] + "\n" + Background.Split('\n')[1] + "\n" + Release + "\n"
            + "وفي شأن آخر، أعلنت وزارة الزراعة اليمنية عن حملة لمكافحة الجراد الصحراوي في محافظتي أبين وشبوة، تشارك فيها 40 فرقة ميدانية "
            + "مزودة بمعدات الرش الحديثة، وتستمر الحملة ثلاثة أسابيع بالتعاون مع منظمة الأغذية والزراعة التابعة للأمم المتحدة.\n"
            + "كما افتتح محافظ لحج مدرسة جديدة للبنات في مديرية تبن تتسع لستمائة طالبة، بتمويل من صندوق التنمية الاجتماعي.";
        var verifier = new PairVerifier(SyndicationOptions.Default);
        Openings openings = verifier.OpeningContainment(roundup, Release);

        Assert.True(openings.Lead < PairVerifier.MinLeadContainment, $"lead containment {openings.Lead}: the roundup's opening is its own");
        Assert.True(openings.ShorterLead >= PairVerifier.MinCarriedLeadContainment, $"the release's opening in the roundup {openings.ShorterLead}");
        var (link, _) = Relate(roundup, Release, s_day, s_day.AddHours(5));
        Assert.True(link.Jaccard < SyndicationOptions.Default.SimilarityThreshold, $"word Jaccard {link.Jaccard}: not a rewrite-zone case");
        Assert.Equal(Relation.NearDuplicate, link.Relation);
        Assert.True(link.Rewrite);

        // The story that borrowed the release's last paragraph does not carry the release: its opening is not there.
        Assert.True(verifier.OpeningContainment(Background, Release).ShorterLead < PairVerifier.MinCarriedLeadContainment);
    }

    [Fact]
    public void A_rewritten_opening_needs_a_high_score_and_the_head_of_each_copy_in_the_other()
    {
        var verifier = new PairVerifier(SyndicationOptions.Default);
        double score = PairVerifier.MinRewrittenOpeningScore, head = PairVerifier.MinHeadContainment, lead = Math.BitDecrement(PairVerifier.MinLeadContainment);

        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: score, lead: lead, head: head)));
        Assert.True(verifier.IsRewrite(Signals(score: score, lead: lead, head: head), Relation.NearDuplicate));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: Math.BitDecrement(score), lead: lead, head: 1)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, lead: lead, head: Math.BitDecrement(head))));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, lead: lead, head: 1, gap: true)));
    }

    [Fact]
    public void A_copy_under_its_own_opening_is_linked_and_a_story_that_reuses_the_background_is_not()
    {
        var verifier = new PairVerifier(SyndicationOptions.Default);
        (double ownLead, double ownHead, _) = verifier.OpeningContainment(Release, OwnOpening);
        (double otherLead, double otherHead, _) = verifier.OpeningContainment(Release, Background);

        Assert.True(ownLead < PairVerifier.MinLeadContainment, $"lead containment {ownLead}: the opening was not rewritten");
        Assert.True(ownHead >= PairVerifier.MinHeadContainment, $"head containment {ownHead}");
        Assert.True(otherLead < PairVerifier.MinLeadContainment, $"lead containment {otherLead}");
        Assert.True(otherHead < PairVerifier.MinHeadContainment, $"head containment {otherHead}");

        var (own, ownScore) = Relate(Release, OwnOpening, s_day, s_day.AddHours(2));
        Assert.True(ownScore >= PairVerifier.MinRewrittenOpeningScore, $"score {ownScore}");
        Assert.Equal(Relation.NearDuplicate, own.Relation);
        var (other, _) = Relate(Release, Background, s_day, s_day.AddHours(2));
        Assert.Equal(Relation.Original, other.Relation);
    }

    [Fact]
    public void Across_the_template_gap_a_near_duplicate_needs_its_numbers_unless_it_is_a_rerun()
    {
        var verifier = new PairVerifier(SyndicationOptions.Default);
        double agree = PairVerifier.MinGapNumberAgreement, rerun = PairVerifier.RepeatJaccard;

        Assert.Equal(Relation.Original, verifier.Decide(Signals(jaccard: 0.7, gap: true, numbers: Math.BitDecrement(agree))));
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(jaccard: 0.7, gap: true, numbers: agree)));
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(jaccard: rerun, gap: true, numbers: 0)));
        // Within the gap, or with no numbers to compare, the numbers do not decide.
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(jaccard: 0.7, gap: false, numbers: 0)));
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(jaccard: 0.7, gap: true, numbers: -1)));
    }

    [Fact]
    public void The_next_flight_of_a_series_days_later_is_not_a_near_duplicate()
    {
        // The same release with the flight's figures changed: near-duplicate wording, another instance.
        string next = Release.Replace("الخامسة", "السادسة", StringComparison.Ordinal).Replace("12 طنا", "9 أطنان", StringComparison.Ordinal)
            .Replace("5 مراكز", "7 مراكز", StringComparison.Ordinal);

        var (sameDay, _) = Relate(Release, next, s_day, s_day.AddHours(2));
        var (later, _) = Relate(Release, next, s_day, s_day.AddDays(5));
        var (rerun, _) = Relate(Release, Release + "\nوكان المركز قد سير أربع طائرات إلى عدن.", s_day, s_day.AddDays(5));

        Assert.True(later.Jaccard >= SyndicationOptions.Default.SimilarityThreshold, $"Jaccard {later.Jaccard}: not a near-duplicate case");
        Assert.Equal(Relation.NearDuplicate, sameDay.Relation);
        Assert.Equal(Relation.Original, later.Relation);
        Assert.Equal(Relation.NearDuplicate, rerun.Relation);
    }

    [Fact]
    public void The_rewrite_rule_needs_the_score_and_the_lead_and_no_template_gap()
    {
        var verifier = new PairVerifier(SyndicationOptions.Default);
        double t = SyndicationOptions.Default.RewriteThreshold, l = PairVerifier.MinLeadContainment;
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: t, lead: l)));
        Assert.True(verifier.IsRewrite(Signals(score: t, lead: l), Relation.NearDuplicate));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: Math.BitDecrement(t), lead: 1)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, lead: Math.BitDecrement(l))));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, lead: 1, gap: true)));
        // Above the near-duplicate threshold the gap does not matter, and the link is not a rewrite.
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(jaccard: 0.9, gap: true)));
        Assert.False(verifier.IsRewrite(Signals(jaccard: 0.9, gap: true), Relation.NearDuplicate));
    }

    [Fact]
    public void A_rewrite_whose_figures_are_not_in_the_other_text_is_another_instance_and_is_not_linked()
    {
        var verifier = new PairVerifier(SyndicationOptions.Default);
        double f = PairVerifier.MinFigureContainment;
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: 1, lead: 1, figures: f)));
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(score: 1, lead: 1, figures: -1)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, lead: 1, figures: Math.BitDecrement(f))));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, head: 1, figures: 0)));
        Assert.Equal(Relation.Original, verifier.Decide(Signals(score: 1, carried: 1, characters: 1, figures: 0)));
        // Near-duplicates are not asked for figures: only the rewrite rule reads them.
        Assert.Equal(Relation.NearDuplicate, verifier.Decide(Signals(jaccard: 0.9, figures: 0)));
    }

    [Fact]
    public void The_next_days_market_close_is_not_a_rewrite_of_this_ones_and_a_rewrite_of_this_one_is()
    {
        var (rewrite, rewriteScore) = Relate(Close, CloseRewrite, s_day, s_day.AddHours(1));
        var (next, nextScore) = Relate(Close, NextClose, s_day, s_day.AddHours(22));

        Assert.True(rewriteScore >= SyndicationOptions.Default.RewriteThreshold && nextScore >= SyndicationOptions.Default.RewriteThreshold, $"scores {rewriteScore} and {nextScore}: both must reach the rewrite rule");
        Assert.Equal(Relation.NearDuplicate, rewrite.Relation);
        Assert.True(rewrite.Rewrite);
        Assert.Equal(Relation.Original, next.Relation);
    }

    [Fact]
    public void A_rewrite_of_one_release_is_linked_as_a_rewrite()
    {
        var (link, score) = Relate(Release, Rewrite, s_day, s_day.AddHours(3));

        Assert.True(link.Jaccard < SyndicationOptions.Default.SimilarityThreshold, $"word Jaccard {link.Jaccard}: not a near-duplicate case");
        Assert.True(score >= SyndicationOptions.Default.RewriteThreshold, $"score {score}");
        Assert.Equal(Relation.NearDuplicate, link.Relation);
        Assert.True(link.Rewrite);
    }

    [Fact]
    public void Another_instance_of_the_template_days_later_is_not_linked()
    {
        // The 6th flight landed five days after the 5th: the shared frame is not the same story.
        var (link, _) = Relate(Release, Template, s_day, s_day.AddDays(5));

        Assert.Equal(Relation.Original, link.Relation);
    }

    [Fact]
    public void Rewrites_are_off_at_threshold_one()
    {
        var (link, _) = Relate(Release, Rewrite, s_day, s_day.AddHours(3), new SyndicationOptions { RewriteThreshold = 1 });

        Assert.Equal(Relation.Original, link.Relation);
    }

    [Fact]
    public void Below_the_near_duplicate_threshold_nothing_is_linked_across_the_template_gap()
    {
        var (link, _) = Relate(Release, Rewrite, s_day, s_day + PairVerifier.TemplateGap + TimeSpan.FromHours(1));

        Assert.Equal(Relation.Original, link.Relation);
        Assert.True(PairVerifier.IsTemplateGap(s_day, s_day.AddDays(2)));
        Assert.False(PairVerifier.IsTemplateGap(s_day, null));
    }

    [Fact]
    public void A_near_duplicate_is_linked_whatever_the_gap()
    {
        // An identical release re-run days later is still the same story.
        var (link, _) = Relate(Release, Release + "\nوكان المركز قد سير أربع طائرات إلى عدن منذ بداية الشهر.", s_day, s_day.AddDays(5));

        Assert.Equal(Relation.NearDuplicate, link.Relation);
        Assert.False(link.Rewrite);
    }

    [Fact]
    public void Lead_containment_is_high_for_a_rewrite_and_low_for_another_instance()
    {
        var verifier = new PairVerifier(SyndicationOptions.Default);

        Assert.True(verifier.OpeningContainment(Release, Rewrite).Lead >= PairVerifier.MinLeadContainment);
        Assert.True(verifier.OpeningContainment(Release, Template).Lead < verifier.OpeningContainment(Release, Rewrite).Lead);
        Assert.Equal(1.0, verifier.OpeningContainment(Release, Release).Lead);
    }

    [Fact]
    public void Lead_containment_equals_its_set_based_reference_on_the_bundled_corpus()
    {
        List<string> bodies = BundledBodies(120);

        // Long texts too, whose heads hold more grams than the lookup's filter has bits to spare.
        string longA = string.Join("\n", bodies.Take(24)), longB = string.Join("\n", bodies.Skip(12).Take(24));
        bodies.Add(longA);
        bodies.Add(longB);
        var verifier = new PairVerifier(SyndicationOptions.Default);
        foreach ((string a, string b) in new[] { (longA, longB), (longB, longA), (longA, Release), (Rewrite, longB) })
        {
            Openings openings = verifier.OpeningContainment(a, b);
            Assert.Equal(ReferenceLeadContainment(a, b), openings.Lead, 12);
            Assert.Equal(ReferenceShorterLeadContainment(a, b), openings.ShorterLead, 12);
            Assert.Equal(openings.Lead < PairVerifier.MinLeadContainment ? ReferenceHeadContainment(a, b) : -1, openings.Head, 12);
        }

        Assert.True(longA.Length > 10_000, "the long text is " + longA.Length + " characters");

        int compared = 0;
        for (int i = 0; i < bodies.Count; i++)
        {
            for (int j = i; j < bodies.Count; j += 7)
            {
                (double lead, double head, double shorterLead) = verifier.OpeningContainment(bodies[i], bodies[j]);
                Assert.Equal(ReferenceLeadContainment(bodies[i], bodies[j]), lead, 12);
                Assert.Equal(lead < PairVerifier.MinLeadContainment ? ReferenceHeadContainment(bodies[i], bodies[j]) : -1, head, 12);
                Assert.Equal(ReferenceShorterLeadContainment(bodies[i], bodies[j]), shorterLead, 12);
                compared++;
            }
        }

        Assert.True(compared > 1000);
    }

    /// <summary>
    /// The first <paramref name="count"/> bodies of the bundled corpus (reprints, rewrites and template instances of one
    /// topic side by side), this file's release, rewrite and template, an empty text and a one-word one.
    /// </summary>
    private static List<string> BundledBodies(int count) =>
        [.. File.ReadLines(TestData.FixturePath("synthetic", "corpus.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("body").GetString()!)
            .Take(count)
            .Append(Release).Append(Rewrite).Append(Template).Append(string.Empty).Append("قصير")];

    /// <summary>The definition, with sets: the share of the shorter text's opening grams found anywhere in the longer.</summary>
    private static double ReferenceShorterLeadContainment(string a, string b)
    {
        SyndicationOptions options = SyndicationOptions.Default;
        ulong[] ga = All(a), gb = All(b);
        (ulong[] shorter, ulong[] longer) = ga.Length <= gb.Length ? (ga, gb) : (gb, ga);
        int lead = Math.Min(shorter.Length, PairVerifier.LeadCharacters - Evidence.CharacterGram + 1);
        var other = new HashSet<ulong>(longer);
        return lead == 0 ? 0 : (double)shorter.Take(lead).Count(other.Contains) / lead;

        ulong[] All(string text)
        {
            string normalized = TextNormalizer.Normalize(text.ReplaceLineEndings(" "), options.Normalization);
            ulong[] grams = new ulong[Math.Max(1, normalized.Length)];
            return grams[..Evidence.CharacterGrams(normalized, options.Seed, grams)];
        }
    }

    /// <summary>The definition, with sets: the smaller share of each first half's grams (at least the opening) found anywhere in the other text.</summary>
    private static double ReferenceHeadContainment(string a, string b)
    {
        ulong[] gramsA = AllGrams(a), gramsB = AllGrams(b);
        return Math.Min(Share(gramsA, [.. gramsB]), Share(gramsB, [.. gramsA]));

        static double Share(ulong[] grams, HashSet<ulong> other)
        {
            int head = Math.Max(Math.Min(grams.Length, PairVerifier.LeadCharacters - Evidence.CharacterGram + 1), (int)(grams.Length * PairVerifier.HeadShare));
            return head == 0 ? 0 : (double)grams.Take(head).Count(other.Contains) / head;
        }

        static ulong[] AllGrams(string text)
        {
            SyndicationOptions options = SyndicationOptions.Default;
            string normalized = TextNormalizer.Normalize(text.ReplaceLineEndings(" "), options.Normalization);
            ulong[] grams = new ulong[Math.Max(1, normalized.Length)];
            return grams[..Evidence.CharacterGrams(normalized, options.Seed, grams)];
        }
    }

    /// <summary>The definition, with sets: the smaller share of each opening's grams found anywhere in the other text.</summary>
    private static double ReferenceLeadContainment(string a, string b)
    {
        var (leadA, allA) = Grams(a);
        var (leadB, allB) = Grams(b);
        return Math.Min(Share(leadA, allB), Share(leadB, allA));

        static double Share(ulong[] lead, HashSet<ulong> other) =>
            lead.Length == 0 ? 0 : (double)lead.Count(other.Contains) / lead.Length;

        static (ulong[] Lead, HashSet<ulong> All) Grams(string text)
        {
            SyndicationOptions options = SyndicationOptions.Default;
            string normalized = TextNormalizer.Normalize(text.ReplaceLineEndings(" "), options.Normalization);
            ulong[] grams = new ulong[Math.Max(1, normalized.Length)];
            int count = Evidence.CharacterGrams(normalized, options.Seed, grams);
            int lead = Math.Min(count, PairVerifier.LeadCharacters - Evidence.CharacterGram + 1);
            return (grams[..lead], [.. grams.AsSpan(0, count)]);
        }
    }
}
