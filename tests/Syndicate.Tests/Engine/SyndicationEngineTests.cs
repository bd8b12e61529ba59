using Syndicate.Clustering;

namespace Syndicate.Tests.Engine;

public class SyndicationEngineTests
{
    private static readonly DateTimeOffset s_t0 = new(2022, 1, 18, 9, 0, 0, TimeSpan.Zero);

    private static Article Copy(string id, string source, string body, DateTimeOffset? published = null, string? title = null) =>
        new(id, source, body) { Published = published, Title = title };

    [Fact]
    public void First_article_starts_a_story_and_is_its_canonical()
    {
        var engine = new SyndicationEngine();
        Verdict v = engine.Add(TestData.Seed(0, published: s_t0));
        Assert.True(v.IsNew);
        Assert.True(v.Inserted);
        Assert.Equal("seed-0", v.CanonicalId);
        Assert.Equal(1.0, v.Similarity);
        Assert.True(v.ClusterId > 0);
    }

    [Fact]
    public void Copy_served_as_html_is_a_duplicate_of_the_copy_served_as_text()
    {
        const string Text = "LONDON (Reuters) - Oil prices rose on Friday as supply concerns outweighed worries about demand, "
            + "with Brent crude futures up 1.2% at $83.50 a barrel by 0930 GMT.\n\n"
            + "U.S. West Texas Intermediate crude futures gained 1.1% to $79.10, and traders said output cuts were likely "
            + "to be extended into the second quarter.";
        const string Html = "<div class=\"story\"><p>LONDON (Reuters) - Oil prices rose on Friday as supply concerns outweighed "
            + "worries about demand, with <a href=\"/brent?a=1&amp;b=2\">Brent crude</a> futures up 1.2% at $83.50 a barrel "
            + "by 0930&nbsp;GMT.</p>\n<p>U.S. West Texas Intermediate crude futures gained 1.1% to $79.10, and traders said "
            + "output cuts were likely to be extended into the second quarter.</p><!-- related --><script>track('<p>');</script></div>";
        var engine = new SyndicationEngine();

        engine.Add(Copy("text", "wire", Text, s_t0));
        Verdict v = engine.Add(Copy("html", "site", Html, s_t0.AddHours(1)));

        Assert.Equal(Relation.Duplicate, v.Relation);
        Assert.Equal("text", v.CanonicalId);
        Assert.Equal("Reuters", v.Wire?.Name);
    }

    [Fact]
    public void An_AP_story_under_a_byline_is_the_same_story_as_under_the_dateline_and_credits_AP()
    {
        const string Story = "The Federal Reserve left its benchmark interest rate unchanged on Wednesday but signaled that it "
            + "could raise rates as soon as December if the economy keeps improving.\n\n"
            + "In a statement after its two-day meeting, the Fed said it would assess progress toward its goals of maximum "
            + "employment and 2 percent inflation in deciding whether to move at its next meeting.\n\n"
            + "The Fed has kept its key short-term rate near zero since December 2008.";
        var engine = new SyndicationEngine();

        Verdict wire = engine.Add(Copy("ap", "apnews", "WASHINGTON (AP) — " + Story, s_t0));
        Verdict byline = engine.Add(Copy("paper", "paper", "By MARTIN CRUTSINGER, AP Economics Writer\n\n" + Story, s_t0.AddHours(1)));
        Verdict helped = engine.Add(Copy("site", "site", Story + "\n\nAssociated Press writer Christopher Rugaber contributed to this report.", s_t0.AddHours(2)));

        Assert.Equal("AP", wire.Wire?.Name);
        Assert.Equal(Relation.Duplicate, byline.Relation); // the byline is furniture, as the dateline is
        Assert.Equal("AP", byline.Wire?.Name);
        Assert.Equal(Relation.Duplicate, helped.Relation);
        Assert.Equal("AP", helped.Wire?.Name);
    }

    [Fact]
    public void Papers_copies_that_differ_only_in_their_furniture_are_duplicates_of_the_wire_copy()
    {
        const string Story = "The Senate voted 52-48 on Tuesday to confirm Janet Morrow as commerce secretary after weeks of "
            + "debate over her record on trade with China and her ties to the steel industry.\n\n"
            + "Two Republicans joined Democrats in backing her, while one Democrat voted against.\n\n"
            + "Morrow, 58, ran a steel company in Pittsburgh for a decade before serving as deputy trade representative.";
        var engine = new SyndicationEngine();

        Verdict wire = engine.Add(Copy("ap", "apnews", "WASHINGTON (AP) — " + Story, s_t0));
        // The paper's own uncredited dateline, the wire's byline, an advertisement slot.
        Verdict a = engine.Add(Copy("a", "paper-a", "By JANE DOE Associated Press\n\nWASHINGTON — " + Story.Replace("\n\nTwo", "\n\nAdvertisement\n\nTwo", StringComparison.Ordinal), s_t0.AddHours(1)));
        // A timestamp over the story and a related link inside it.
        Verdict b = engine.Add(Copy("b", "paper-b", "Updated: 18 January 2022 11:00 GMT\n\nWASHINGTON (AP) — "
            + Story.Replace("\n\nTwo", "\n\nRead more: Trump names a new trade envoy as tariffs loom\n\nTwo", StringComparison.Ordinal), s_t0.AddHours(2)));

        Assert.Equal(Relation.Duplicate, a.Relation);
        Assert.Equal(Relation.Duplicate, b.Relation);
        Assert.Equal(wire.ClusterId, a.ClusterId);
        Assert.Equal(wire.ClusterId, b.ClusterId);
        Assert.Equal("AP", a.Wire?.Name);
    }

    [Fact]
    public void First_seed_credits_Sputnik_through_UrduPoint()
    {
        var engine = new SyndicationEngine();
        Verdict v = engine.Add(TestData.Seed(0, published: s_t0));
        Assert.Equal("Sputnik", v.Wire?.Name);
        Assert.NotNull(v.Dateline);
        Assert.Equal("UrduPoint network", v.Dateline!.Outlet);
        Assert.Equal(new DateOnly(2022, 1, 18), v.Dateline.Date);
        Cluster cluster = engine.GetCluster(v.ClusterId)!;
        Assert.Equal("Sputnik", cluster.Wire);
        Assert.Equal("UrduPoint network", cluster.Members[0].DatelineOutlet);
    }

    [Fact]
    public void The_two_seed_stories_stay_apart_despite_their_shared_background()
    {
        var engine = new SyndicationEngine();
        Verdict a = engine.Add(TestData.Seed(0, published: s_t0));
        Verdict b = engine.Add(TestData.Seed(1, source: "pakistanpoint", published: s_t0.AddDays(10)));
        Assert.True(b.IsNew);
        Assert.NotEqual(a.ClusterId, b.ClusterId);
    }

    [Fact]
    public void Exact_copy_is_a_duplicate()
    {
        var engine = new SyndicationEngine();
        Verdict a = engine.Add(TestData.Seed(0, published: s_t0));
        Verdict b = engine.Add(TestData.Seed(0, id: "copy", source: "other", published: s_t0.AddHours(1)));
        Assert.Equal(Relation.Duplicate, b.Relation);
        Assert.Equal(a.ClusterId, b.ClusterId);
        Assert.Equal("seed-0", b.CanonicalId);
        Assert.Equal(1.0, b.Similarity);
    }

    [Theory]
    [InlineData("موسكو - سبوتنيك -", "تابعونا على تويتر")]
    [InlineData("( وكالة الأنباء العربية ۔ / سبوتنيك - 19 كانون الثاني 2022ء)", null)]
    [InlineData("MOSCOW, Jan 18 (Sputnik) -", "جميع الحقوق محفوظة")]
    public void Reprint_with_another_outlets_dateline_and_footer_joins_the_story(string dateline, string? footer)
    {
        var engine = new SyndicationEngine();
        Verdict original = engine.Add(TestData.Seed(0, published: s_t0));
        string body = Reprints.WithDateline(dateline, TestData.StoryParagraphs(0), footer);
        Verdict v = engine.Add(Copy("reprint", "other-outlet", body, s_t0.AddHours(2)));
        Assert.Equal(original.ClusterId, v.ClusterId);
        Assert.True(v.Relation is Relation.Duplicate or Relation.NearDuplicate, $"relation {v.Relation}");
        Assert.True(v.Similarity > 0.8, $"similarity {v.Similarity}");
    }

    [Fact]
    public void Orthographic_variants_and_light_edits_are_a_near_duplicate()
    {
        var engine = new SyndicationEngine();
        Verdict original = engine.Add(TestData.Seed(0, published: s_t0));
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        var edited = paragraphs.Select((p, i) => i == 2 ? Reprints.DropWords(p, 9) : Reprints.Orthographic(p)).ToList();
        edited.RemoveAt(edited.Count - 2);
        Verdict v = engine.Add(Copy("edited", "edited-outlet", Reprints.WithDateline("القاهرة (سبوتنيك) -", edited), s_t0.AddHours(3)));
        Assert.Equal(original.ClusterId, v.ClusterId);
        Assert.Equal(Relation.NearDuplicate, v.Relation);
    }

    [Fact]
    public void A_chinese_reprint_joins_its_story_and_another_story_of_the_same_agency_stays_apart()
    {
        // Chinese is written without spaces between words: each ideograph is a token, so shingles are character
        // n-grams and a reprint shares most of them.
        string[] story =
        [
            "新华社北京3月5日电 国务院总理今天在人民大会堂会见了来华访问的外国代表团，双方就加强经贸合作、推动绿色发展和扩大人文交流等议题深入交换了意见。",
            "总理表示，中方愿同各方一道，落实全球发展倡议，推动两国关系在新的起点上取得更大发展，为地区和平稳定作出积极贡献。",
            "代表团团长表示，双方在基础设施、新能源和农业等领域合作潜力巨大，期待同中方加强沟通协调，推动务实合作取得更多成果。",
            "会见前，双方共同出席了合作文件签字仪式，涉及贸易投资、科技创新和教育交流等多个领域。",
        ];
        string[] other =
        [
            "新华社上海3月5日电 上海市政府今天举行新闻发布会，介绍今年前两个月全市经济运行情况和重点项目建设进展。",
            "发布会上，有关负责人表示，全市工业生产保持稳定增长，消费市场持续回暖，外贸进出口总额同比有所上升。",
            "据介绍，今年上海将继续推进一批重大基础设施项目，加快建设国际科技创新中心，进一步优化营商环境。",
        ];
        var engine = new SyndicationEngine();
        Verdict original = engine.Add(Copy("xinhua", "Xinhua", string.Join("\n", story), s_t0));
        string reprinted = "本报讯 " + story[0][14..].Replace("深入交换了意见", "深入交换意见", StringComparison.Ordinal) + "\n" + story[1] + "\n" + story[2];
        Verdict reprint = engine.Add(Copy("reprint", "daily", reprinted, s_t0.AddHours(5)));
        Verdict apart = engine.Add(Copy("shanghai", "Xinhua", string.Join("\n", other), s_t0.AddHours(1)));

        Assert.Equal(original.ClusterId, reprint.ClusterId);
        Assert.Equal(Relation.NearDuplicate, reprint.Relation);
        Assert.NotEqual(original.ClusterId, apart.ClusterId);
        Assert.Equal("Xinhua", original.Wire?.Name); // from the dispatch line 新华社北京3月5日电
        Assert.Equal("北京", original.Dateline?.Place);
    }

    [Fact]
    public void First_part_ending_in_a_continuation_marker_is_partial_and_yields_canonical_to_the_full_story()
    {
        var engine = new SyndicationEngine();
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        string firstPart = Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs.Take(3).ToList(), "(تستمر)");
        Verdict part = engine.Add(Copy("part-1", "sputnik-ar", firstPart, s_t0));
        Verdict full = engine.Add(Copy("full", "sputnik-ar", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs), s_t0.AddMinutes(30)));

        Assert.Equal(part.ClusterId, full.ClusterId);
        Assert.Equal(Relation.Partial, full.Relation);
        Assert.True(full.CanonicalChanged);
        Assert.Equal("part-1", full.PreviousCanonicalId);
        Assert.Equal("full", full.CanonicalId);
        Cluster cluster = engine.GetCluster(full.ClusterId)!;
        Assert.Equal("full", cluster.CanonicalId);
        Assert.Contains(paragraphs[^1], cluster.CanonicalText, StringComparison.Ordinal);
        Assert.Equal(Relation.Partial, cluster.Members.Single(m => m.Id == "part-1").Relation);
    }

    [Fact]
    public void Truncated_reprint_without_marker_joins_as_partial()
    {
        var engine = new SyndicationEngine();
        Verdict original = engine.Add(TestData.Seed(0, published: s_t0));
        string truncated = Reprints.WithDateline("باكو - سبوتنيك -", TestData.StoryParagraphs(0).Take(4).ToList());
        Verdict v = engine.Add(Copy("truncated", "baku-daily", truncated, s_t0.AddHours(1)));
        Assert.Equal(original.ClusterId, v.ClusterId);
        Assert.True(v.Relation is Relation.Partial or Relation.NearDuplicate);
        Assert.Equal("seed-0", v.CanonicalId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Short_story_sharing_background_paragraphs_stays_apart(int ownParagraphs)
    {
        // A different story whose shared background is a large share of a short text: containment is high, but the
        // stories open differently, so no partial link may form.
        var engine = new SyndicationEngine();
        Verdict a = engine.Add(TestData.Seed(0, published: s_t0));
        IReadOnlyList<string> background = TestData.StoryParagraphs(0).TakeLast(3).ToList();
        IReadOnlyList<string> own = TestData.StoryParagraphs(1).Take(ownParagraphs).ToList();
        string body = Reprints.WithDateline("موسكو - سبوتنيك -", [.. own, .. background]);
        Verdict b = engine.Add(Copy("other-story", "sputnik-ar", body, s_t0.AddDays(10)));
        Assert.NotEqual(a.ClusterId, b.ClusterId);
    }

    [Fact]
    public void Wire_agencys_own_copy_becomes_canonical_even_when_it_arrives_later()
    {
        var engine = new SyndicationEngine();
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        Verdict reprint = engine.Add(TestData.Seed(0, published: s_t0));
        Verdict wire = engine.Add(Copy("wire-copy", "Sputnik", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs), s_t0.AddHours(1)));
        Assert.Equal(reprint.ClusterId, wire.ClusterId);
        Assert.Equal("wire-copy", wire.CanonicalId);
        Assert.True(wire.CanonicalChanged);
    }

    [Fact]
    public void A_wires_own_item_without_a_dateline_is_credited_to_that_wire()
    {
        // SPA's continuation parts ("وبين معاليه ...") carry no dateline: the source itself is the wire.
        var engine = new SyndicationEngine();
        string body = string.Join("\n", TestData.StoryParagraphs(0));
        Verdict own = engine.Add(Copy("spa-part", "was", body, s_t0));
        Verdict outlet = engine.Add(Copy("outlet-item", "okaz", string.Join("\n", TestData.StoryParagraphs(1)), s_t0));

        Assert.Equal("Saudi Press Agency", own.Wire?.Name);
        Assert.Null(outlet.Wire);
        Assert.Equal("Saudi Press Agency", engine.GetClusterOf("spa-part")!.Members[0].Wire);
    }

    [Fact]
    public void Without_a_wire_copy_the_earliest_published_is_canonical()
    {
        var engine = new SyndicationEngine();
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        engine.Add(Copy("late", "a", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs, "footer a"), s_t0.AddHours(5)));
        Verdict early = engine.Add(Copy("early", "b", Reprints.WithDateline("باكو - سبوتنيك -", paragraphs, "footer b"), s_t0));
        engine.Add(Copy("undated", "c", Reprints.WithDateline("القاهرة - سبوتنيك -", paragraphs)));
        Assert.Equal("early", engine.GetCluster(early.ClusterId)!.CanonicalId);
    }

    [Fact]
    public void A_pluggable_policy_decides_the_canonical()
    {
        var options = new SyndicationOptions { CanonicalPolicy = new LatestFirst() };
        var engine = new SyndicationEngine(options);
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        engine.Add(Copy("early", "a", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs), s_t0));
        Verdict late = engine.Add(Copy("late", "b", Reprints.WithDateline("باكو - سبوتنيك -", paragraphs), s_t0.AddHours(1)));
        Assert.Equal("late", late.CanonicalId);
    }

    [Fact]
    public void Attribution_lists_every_outlet_first_seen_first()
    {
        var engine = new SyndicationEngine();
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        engine.Add(new Article("a", "outlet-a", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs)) { Published = s_t0, Url = "https://a.example/1" });
        engine.Add(Copy("b", "outlet-b", Reprints.WithDateline("باكو - سبوتنيك -", paragraphs, "تابعونا على تويتر"), s_t0.AddHours(1)));
        Verdict c = engine.Add(Copy("c", "outlet-c", Reprints.WithDateline("القاهرة (سبوتنيك) -", paragraphs), s_t0.AddHours(2)));
        Cluster cluster = engine.GetCluster(c.ClusterId)!;
        Assert.Equal(["a", "b", "c"], cluster.Members.Select(m => m.Id));
        Assert.Equal(3, cluster.OutletCount);
        Assert.Equal("https://a.example/1", cluster.Members[0].Url);
        Assert.Equal(Relation.Original, cluster.Members[0].Relation);
        Assert.All(cluster.Members.Skip(1), m => Assert.True(m.Relation is Relation.Duplicate or Relation.NearDuplicate));
        Assert.Equal("Sputnik", cluster.Wire);
    }

    [Fact]
    public void Query_does_not_insert()
    {
        var engine = new SyndicationEngine();
        Verdict original = engine.Add(TestData.Seed(0, published: s_t0));
        Verdict q = engine.Query(TestData.Seed(0, id: "probe", source: "x"));
        Assert.False(q.Inserted);
        Assert.Equal(original.ClusterId, q.ClusterId);
        Assert.Equal(1, engine.Count);
        Assert.Null(engine.GetClusterOf("probe"));
    }

    [Fact]
    public void Adding_an_existing_id_changes_nothing()
    {
        var engine = new SyndicationEngine();
        engine.Add(TestData.Seed(0, published: s_t0));
        Verdict again = engine.Add(TestData.Seed(1, id: "seed-0"));
        Assert.False(again.Inserted);
        Assert.Equal(1, engine.Count);
    }

    [Fact]
    public void Removing_the_canonical_elects_another_member()
    {
        var engine = new SyndicationEngine();
        IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(0);
        engine.Add(Copy("a", "x", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs), s_t0));
        Verdict b = engine.Add(Copy("b", "y", Reprints.WithDateline("باكو - سبوتنيك -", paragraphs), s_t0.AddHours(1)));
        Assert.True(engine.Remove("a"));
        Assert.False(engine.Remove("a"));
        Cluster cluster = engine.GetCluster(b.ClusterId)!;
        Assert.Equal("b", cluster.CanonicalId);
        Assert.Single(cluster.Members);
        Assert.True(engine.Remove("b"));
        Assert.Null(engine.GetCluster(b.ClusterId));
        Assert.Equal(0, engine.Count);
    }

    [Fact]
    public void Eviction_removes_old_articles_and_the_index_forgets_them()
    {
        var engine = new SyndicationEngine();
        engine.Add(TestData.Seed(0, published: s_t0));
        engine.Add(TestData.Seed(1, published: s_t0.AddDays(3)));
        Assert.Equal(1, engine.EvictOlderThan(s_t0.AddDays(1)));
        Assert.Equal(1, engine.Count);
        Verdict again = engine.Add(TestData.Seed(0, id: "again", published: s_t0.AddDays(4)));
        Assert.True(again.IsNew);
    }

    [Fact]
    public void Sliding_window_bounds_the_state()
    {
        var engine = new SyndicationEngine(new SyndicationOptions { Window = TimeSpan.FromDays(2) });
        for (int day = 0; day < 30; day++)
        {
            engine.Add(new Article($"d{day}", "s", $"خبر اليوم رقم {day} عن موضوع مختلف تماما {day * 7919} كلمات اخرى {day * 104729}") { Published = s_t0.AddDays(day) });
        }

        Assert.InRange(engine.Count, 2, 4);
    }

    [Fact]
    public void Bulk_add_gives_the_same_verdicts_as_one_by_one()
    {
        List<Article> articles = MixedStream();
        var one = new SyndicationEngine();
        var byOne = articles.Select(one.Add).ToList();
        var bulk = new SyndicationEngine();
        IReadOnlyList<Verdict> byBulk = bulk.AddRange(articles);
        Assert.Equal(byOne.Select(Key), byBulk.Select(Key));
        Assert.Equal(Clusters(one), Clusters(bulk));
    }

    [Fact]
    public void Reserving_room_changes_no_verdict()
    {
        // Reserved before the first article and again halfway (tables that already hold keys are rebuilt): the same
        // verdicts and clusters as an engine whose tables grew on their own. The second half reprints the first, so
        // every copy is found only through what the rebuilt indexes kept.
        List<Article> originals = MixedStream();
        List<Article> articles =
        [
            .. originals,
            .. originals.Select(a => new Article(a.Id + "-reprint", "reprinter", a.Body + "\nوأضاف المصدر ان التفاصيل الكاملة ستعلن في وقت لاحق") { Title = a.Title, Published = a.Published?.AddHours(1) }),
        ];
        var grown = new SyndicationEngine();
        var byGrown = articles.Select(grown.Add).ToList();
        using var reserved = new SyndicationEngine();
        Assert.True(reserved.EnsureCapacity(5_000) >= 5_000);
        var byReserved = new List<Verdict>();
        for (int i = 0; i < articles.Count; i++)
        {
            if (i == articles.Count / 2)
            {
                Assert.True(reserved.EnsureCapacity(10) >= 5_000);
                Assert.True(reserved.EnsureCapacity(40_000) >= 40_000);
            }

            byReserved.Add(reserved.Add(articles[i]));
        }

        Assert.Equal(byGrown.Select(Key), byReserved.Select(Key));
        Assert.Equal(Clusters(grown), Clusters(reserved));
        Assert.Equal(grown.Query(articles[3]).ClusterId, reserved.Query(articles[3]).ClusterId);
    }

    [Fact]
    public void Reserving_room_rejects_what_it_cannot_hold()
    {
        var engine = new SyndicationEngine();
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.EnsureCapacity(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.EnsureCapacity(int.MaxValue));
        engine.Dispose();
        Assert.Throws<ObjectDisposedException>(() => engine.EnsureCapacity(1));
    }

    [Fact]
    public void Learned_boilerplate_of_a_source_is_left_out_of_its_fingerprints()
    {
        // One source appends the same two paragraphs to every story. After it has done so for several different stories,
        // its copy of a wire story must be an exact duplicate of the wire's own text: the footer no longer counts.
        var engine = new SyndicationEngine();
        const string footer = "للاشتراك في النشرة اليومية ارسل كلمة اشتراك الى الرقم المخصص لتصلك اهم الاخبار\n"
            + "جميع الحقوق محفوظة لموقع الاخبار اليومية ولا يجوز اعادة النشر دون اذن مسبق";
        string[] stories =
        [
            "افتتح وزير الصحة اليوم مستشفى جديدا في المنطقة الشرقية بسعة مئتي سرير ويضم اقساما للطوارئ والعناية المركزة وجراحة القلب. وقال الوزير ان المستشفى سيخدم اكثر من نصف مليون نسمة في المحافظات المجاورة",
            "ارتفعت اسعار النفط في التعاملات الصباحية بعد تراجع المخزونات الامريكية اكثر من المتوقع. وصعد خام برنت الى اعلى مستوى له منذ ثلاثة اشهر وسط مخاوف من نقص الامدادات خلال فصل الشتاء",
            "فاز المنتخب الوطني على نظيره بثلاثة اهداف مقابل هدف في مباراة ودية اقيمت مساء امس. وسجل المهاجم هدفين في الشوط الثاني بعد ان تقدم الضيوف بهدف مبكر من ركلة جزاء",
            "اعلنت هيئة الارصاد عن موجة حر تضرب معظم المناطق خلال الايام المقبلة مع درجات حرارة تتجاوز الخمسين. ودعت الهيئة المواطنين الى تجنب التعرض المباشر لاشعة الشمس في ساعات الظهيرة",
        ];
        for (int i = 0; i < stories.Length; i++)
        {
            engine.Add(new Article($"s{i}", "daily", stories[i] + "\n" + footer) { Published = s_t0.AddHours(i) });
        }

        const string wireStory = "وقعت الحكومة اتفاقية لانشاء محطة طاقة شمسية بقدرة الف ميغاواط في الشمال. وتبلغ كلفة المشروع ملياري دولار ويتوقع ان يوفر الاف فرص العمل عند اكتماله بعد ثلاث سنوات";
        Verdict wire = engine.Add(new Article("wire", "agency", wireStory) { Published = s_t0.AddHours(10) });
        Verdict daily = engine.Add(new Article("daily-copy", "daily", wireStory + "\n" + footer) { Published = s_t0.AddHours(11) });
        Assert.Equal(wire.ClusterId, daily.ClusterId);
        Assert.Equal(Relation.Duplicate, daily.Relation);
        Assert.Equal(stories.Length + 1, engine.GetClusters().Count);
    }

    [Fact]
    public void A_credit_inside_a_sources_learned_paragraphs_is_not_the_articles_wire()
    {
        // CNN Arabic ends its stories with the leads of other stories, one of them credited to Anadolu. Once that block
        // is learned as the outlet's own, the credit in it no longer makes a story of the outlet Anadolu's.
        var engine = new SyndicationEngine();
        const string teaser = "قال وزير المالية التركي الخميس إن بلاده ستلجأ للأسواق المالية الدولية لتوفير التمويلات اللازمة من العملات الأجنبية، وفقا لوكالة الأناضول.";
        string[] stories =
        [
            "افتتح وزير الصحة اليوم مستشفى جديدا في المنطقة الشرقية بسعة مئتي سرير ويضم اقساما للطوارئ والعناية المركزة وجراحة القلب. وقال الوزير ان المستشفى سيخدم اكثر من نصف مليون نسمة في المحافظات المجاورة",
            "ارتفعت اسعار النفط في التعاملات الصباحية بعد تراجع المخزونات الامريكية اكثر من المتوقع. وصعد خام برنت الى اعلى مستوى له منذ ثلاثة اشهر وسط مخاوف من نقص الامدادات خلال فصل الشتاء",
            "فاز المنتخب الوطني على نظيره بثلاثة اهداف مقابل هدف في مباراة ودية اقيمت مساء امس. وسجل المهاجم هدفين في الشوط الثاني بعد ان تقدم الضيوف بهدف مبكر من ركلة جزاء",
            "اعلنت هيئة الارصاد عن موجة حر تضرب معظم المناطق خلال الايام المقبلة مع درجات حرارة تتجاوز الخمسين. ودعت الهيئة المواطنين الى تجنب التعرض المباشر لاشعة الشمس في ساعات الظهيرة",
        ];
        Verdict first = engine.Add(new Article("s0", "CNN", stories[0] + "\n" + teaser) { Published = s_t0 });
        for (int i = 1; i < stories.Length - 1; i++)
        {
            engine.Add(new Article($"s{i}", "CNN", stories[i] + "\n" + teaser) { Published = s_t0.AddHours(i) });
        }

        Verdict learned = engine.Add(new Article("s3", "CNN", stories[3] + "\n" + teaser) { Published = s_t0.AddHours(3) });
        Verdict own = engine.Add(new Article("s4", "CNN", "وقعت الحكومة اتفاقية لانشاء محطة طاقة شمسية بقدرة الف ميغاواط في الشمال، وفقا لوكالة الأناضول. وتبلغ كلفة المشروع ملياري دولار\n" + teaser) { Published = s_t0.AddHours(4) });

        Assert.Equal("Anadolu", first.Wire?.Name); // before the block is known, its credit is read as the article's
        Assert.Null(learned.Wire);
        Assert.Equal("Anadolu", own.Wire?.Name); // the article's own paragraph credits Anadolu
    }

    [Fact]
    public void Without_learning_the_footer_keeps_counting()
    {
        var engine = new SyndicationEngine(new SyndicationOptions { BoilerplateMinStories = 0 });
        const string story = "وقعت الحكومة اتفاقية لانشاء محطة طاقة شمسية بقدرة الف ميغاواط في الشمال. وتبلغ كلفة المشروع ملياري دولار";
        engine.Add(new Article("wire", "agency", story));
        Verdict copy = engine.Add(new Article("copy", "daily", story + "\nجميع الحقوق محفوظة لموقع الاخبار اليومية"));
        Assert.NotEqual(Relation.Duplicate, copy.Relation);
    }

    [Fact]
    public void Items_of_a_few_words_are_never_taken_for_copies()
    {
        // Cartoon posts: an empty body under the same one-word headline, each a different drawing.
        var engine = new SyndicationEngine();
        Verdict a = engine.Add(new Article("c1", "alriyadh", "") { Title = "كاريكاتير" });
        Verdict b = engine.Add(new Article("c2", "alriyadh", "") { Title = "كاريكاتير" });
        Assert.True(b.IsNew);
        Assert.NotEqual(a.ClusterId, b.ClusterId);
        // A headline-only item of a real headline's length still matches its copy.
        const string headline = "خادم الحرمين الشريفين يستقبل رئيس الوزراء الباكستاني في جدة";
        Verdict c = engine.Add(new Article("h1", "okaz", "") { Title = headline });
        Verdict d = engine.Add(new Article("h2", "alwatan", "") { Title = headline });
        Assert.Equal(c.ClusterId, d.ClusterId);
        Assert.Equal(Relation.Duplicate, d.Relation);
    }

    [Fact]
    public void A_headline_only_item_whose_title_is_a_dateline_has_that_wire()
    {
        // A scraped item whose only text is its dateline (a real SaudiNewsNet item): the wire is read from the title,
        // and a headline-only item whose title credits nobody gets none.
        var engine = new SyndicationEngine();
        Verdict dateline = engine.Add(new Article("d1", "alriyadh", "") { Title = "فيينا -رويترز" });
        Verdict plain = engine.Add(new Article("p1", "aleqtisadiya", "") { Title = "العالم على مشارف بلوتو" });

        Assert.Equal("Reuters", dateline.Wire?.Name);
        Assert.Equal("فيينا", dateline.Dateline?.Place);
        Assert.Null(plain.Wire);
        Assert.Null(plain.Dateline);
    }

    private static (string, Relation, long, string) Key(Verdict v) => (v.ArticleId, v.Relation, v.ClusterId, v.CanonicalId);

    private static string Clusters(SyndicationEngine engine) =>
        string.Join("|", engine.GetClusters().Select(c => c.CanonicalId + ":" + string.Join(",", c.Members.Select(m => m.Id))));

    private static List<Article> MixedStream()
    {
        var list = new List<Article>();
        for (int story = 0; story < 2; story++)
        {
            IReadOnlyList<string> paragraphs = TestData.StoryParagraphs(story);
            list.Add(TestData.Seed(story, published: s_t0.AddDays(story)));
            list.Add(Copy($"r{story}a", "a", Reprints.WithDateline("موسكو - سبوتنيك -", paragraphs), s_t0.AddDays(story).AddHours(1)));
            list.Add(Copy($"r{story}b", "b", Reprints.WithDateline("باكو (سبوتنيك) -", paragraphs.Select(Reprints.Orthographic).ToList()), s_t0.AddDays(story).AddHours(2)));
            list.Add(Copy($"r{story}c", "c", Reprints.WithDateline("القاهرة - سبوتنيك -", paragraphs.Take(3).ToList(), "(تستمر)"), s_t0.AddDays(story).AddHours(3)));
        }

        list.Add(new Article("lone", "z", "نص قصير لا علاقة له باي قصة اخرى في هذه المجموعة على الاطلاق"));
        return list;
    }

    private sealed class LatestFirst : ICanonicalPolicy
    {
        public int Compare(in CanonicalCandidate x, in CanonicalCandidate y)
        {
            int byTime = Nullable.Compare(y.Published, x.Published);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
