namespace Syndicate.Tests.Clustering;

/// <summary>
/// Which story a copy joins when the copy it matched is not the story's canonical copy: a re-run of a release joins
/// its twin, even days later; another instance of a template does not.
/// </summary>
public sealed class StoryJoinTests
{
    private static readonly DateTimeOffset s_day = new(2015, 8, 2, 8, 0, 0, TimeSpan.Zero);

    // A border-guard release with its figures.
    internal const string Release =
        "أعلن المتحدث الرسمي لحرس الحدود بمنطقة جازان العقيد يحيى الوعاني أن دوريات القطاع تمكنت خلال 48 ساعة من ضبط 60 "
        + "كيسا من الحشيش المخدر في وادي خلب، إضافة إلى 34 كيسا أخرى في محافظة الطوال قرب الشريط الحدودي.\n"
        + "وأوضح الوعاني أن المضبوطات سلمت إلى الجهات المختصة لاستكمال الإجراءات النظامية، مشيرا إلى أن الدوريات رصدت "
        + "تحركات المهربين عبر الكاميرات الحرارية وأوقفت 7 أشخاص من المتورطين في عمليات التهريب.\n"
        + "وأكد أن حرس الحدود مستمر في تنفيذ مهامه لحماية الحدود ومنع تهريب المخدرات والأسلحة، داعيا المواطنين إلى "
        + "الإبلاغ عن أي تحركات مشبوهة عبر الأرقام المخصصة لذلك على مدار الساعة.";

    // A regional roundup that opens with another item and carries the release whole: the story's first, canonical copy.
    private const string Roundup =
        "شهدت منطقة جازان خلال الأيام الماضية حراكا أمنيا واسعا تزامن مع موسم الأمطار، إذ كثفت الجهات الأمنية حملاتها "
        + "الميدانية في المحافظات الجبلية والساحلية، وعقدت إمارة المنطقة اجتماعا لمتابعة خطط الطوارئ ومراجعة جاهزية "
        + "الفرق الميدانية في القطاعات كافة.\n"
        + "وفي محافظة صبيا افتتح المحافظ مركزا جديدا للدفاع المدني مجهزا بأحدث المعدات، ليخدم القرى الواقعة على ضفاف "
        + "الأودية التي تتعرض للسيول كل عام، فيما تسلمت بلدية المحافظة آليات جديدة لفتح الطرق وتصريف مياه الأمطار.\n"
        + "كما دشنت صحة جازان حملة للتطعيم في المراكز الصحية الطرفية، تستهدف الأطفال في القرى البعيدة، وتستمر أسبوعين "
        + "بمشاركة فرق متنقلة تزور المنازل في المناطق التي يصعب الوصول إليها.\n"
        + Release;

    /// <summary>The roundup, then the release two hours later: one story, whose canonical copy is the roundup.</summary>
    private static (SyndicationEngine Engine, Verdict Release) RoundupThenRelease()
    {
        var engine = new SyndicationEngine();
        Verdict roundup = engine.Add(new Article("roundup", "daily", Roundup) { Published = s_day });
        Verdict release = engine.Add(new Article("release", "wire", Release) { Published = s_day.AddHours(2) });
        Assert.Equal(roundup.ClusterId, release.ClusterId);
        Assert.Equal("roundup", engine.GetCluster(release.ClusterId)!.CanonicalId);
        return (engine, release);
    }

    [Fact]
    public void A_rerun_of_a_release_days_later_joins_its_twin_in_the_story_it_joined()
    {
        (SyndicationEngine engine, Verdict release) = RoundupThenRelease();

        // Three days later an outlet runs the release again, with one sentence of its own: the roundup cannot vouch for
        // it across the template gap, but the release it nearly repeats, figures and all, does.
        string rerun = Release + "\nوتأتي هذه الضبطيات ضمن سلسلة من العمليات النوعية التي نفذها حرس الحدود منذ مطلع الشهر.";
        Verdict late = engine.Add(new Article("rerun", "weekly", rerun) { Published = s_day.AddHours(74) });
        Assert.Equal(Relation.NearDuplicate, late.Relation);
        Assert.Equal("release", late.MatchedId);
        Assert.Equal(release.ClusterId, late.ClusterId);
    }

    [Fact]
    public void A_later_instance_of_the_template_with_other_figures_starts_its_own_story()
    {
        (SyndicationEngine engine, Verdict release) = RoundupThenRelease();

        // The next seizure, three days later: the same wording, other figures.
        string next = Release.Replace("48", "72").Replace("60", "85").Replace("34", "19").Replace("7 أشخاص", "4 أشخاص");
        Verdict later = engine.Add(new Article("next", "wire", next) { Published = s_day.AddHours(74) });
        Assert.Equal(Relation.Original, later.Relation);
        Assert.NotEqual(release.ClusterId, later.ClusterId);
    }
}
