using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Tests.Attribution;

namespace Syndicate.Tests.Cleaning;

public sealed class ArticleCleanerTests
{
    private static readonly WireGazetteer s_gazetteer = WireGazetteer.Default;

    [Fact]
    public void First_seed_loses_title_lines_dateline_marker_and_widget()
    {
        var (title, text) = SeedFixtures.Read("000_60b9483e00639b6d.txt");

        var cleaned = ArticleCleaner.Clean(title, text, s_gazetteer);

        Assert.Equal(2, cleaned.RemovedTitleLines);
        Assert.NotNull(cleaned.Dateline);
        Assert.Equal("UrduPoint network", cleaned.Dateline.Outlet);
        Assert.Equal("Sputnik", cleaned.Wire?.Name);
        Assert.Equal(new DateOnly(2022, 1, 18), cleaned.Dateline.Date);
        Assert.True(cleaned.HadContinuationMarker);
        Assert.StartsWith("بحث الرئيس الروسي، فلاديمير بوتين", cleaned.Body, StringComparison.Ordinal);
        Assert.EndsWith("لا يجب أن يزعج أحداً.", cleaned.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("(تستمر)", cleaned.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("أفكارك وتعليقاتك", cleaned.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(title, cleaned.Body, StringComparison.Ordinal);
        Assert.Contains("(تستمر)", cleaned.RemovedBoilerplate);
        Assert.Contains("أفكارك وتعليقاتك", cleaned.RemovedBoilerplate);

        // Every story paragraph survives: the marker line sat between two of them.
        Assert.Contains("وأضاف البيان: \"وخلال تبادل الآراء", cleaned.Body, StringComparison.Ordinal);
        Assert.Equal(10, cleaned.Body.Split("\n\n").Length);
    }

    [Fact]
    public void Second_seed_has_one_title_line_and_Pakistan_Point_News()
    {
        var (title, text) = SeedFixtures.Read("001_fae738b27fb1fcc4.txt");

        var cleaned = ArticleCleaner.Clean(title, text, s_gazetteer);

        Assert.Equal(1, cleaned.RemovedTitleLines);
        Assert.Equal("Pakistan Point News", cleaned.Dateline?.Outlet);
        Assert.Equal("Sputnik", cleaned.Dateline?.Wire?.Name);
        Assert.Equal(new DateOnly(2022, 1, 28), cleaned.Dateline?.Date);
        Assert.False(cleaned.HadContinuationMarker);
        Assert.StartsWith("بحث الرئيس الروسي فلاديمير بوتين، مع نظيره الفرنسي", cleaned.Body, StringComparison.Ordinal);
        Assert.EndsWith("جمهوريات الاتحاد السوفياتي السابق.", cleaned.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_body_without_title_still_loses_nothing_but_furniture()
    {
        var (title, text) = SeedFixtures.Read("000_60b9483e00639b6d.txt");

        var withTitle = ArticleCleaner.Clean(title, text, s_gazetteer);
        var withoutTitle = ArticleCleaner.Clean(null, text, s_gazetteer);

        Assert.Equal(0, withoutTitle.RemovedTitleLines);
        Assert.Null(withoutTitle.Dateline); // the title line comes first, so no dateline at the start
        Assert.EndsWith(withTitle.Body, withoutTitle.Body.Replace("( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء) ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Widget_glued_to_the_next_story_is_cut_without_fusing_words()
    {
        const string Body = "وأنها تجري تدريباتها العسكرية على أراضيها.\n\nأفكارك وتعليقاتكبوتين يطلع علييف هاتفياً";

        var cleaned = ArticleCleaner.Clean(null, Body, s_gazetteer);

        Assert.DoesNotContain("وتعليقاتك", cleaned.Body, StringComparison.Ordinal);
        Assert.Contains("بوتين يطلع", cleaned.Body, StringComparison.Ordinal);
        Assert.Equal(["أفكارك وتعليقاتك"], cleaned.RemovedBoilerplate);
    }

    [Fact]
    public void Widget_glued_on_both_sides_leaves_a_line_break()
    {
        var cleaned = ArticleCleaner.Clean(null, "نهاية الخبر.أفكارك وتعليقاتكبداية أخرى", s_gazetteer);

        Assert.Equal("نهاية الخبر.\nبداية أخرى", cleaned.Body);
    }

    [Fact]
    public void Title_repeated_with_different_punctuation_and_diacritics_is_removed()
    {
        const string Title = "بوتين يطلع علييف هاتفياً على الاتصالات";
        const string Body = "بوتين يُطلع عَلييف هاتفيا على الاتصالات!\n\nبوتين  يطلع علييف - هاتفياً على الاتصالات\nبحث الرئيس الروسي مع نظيره.";

        var cleaned = ArticleCleaner.Clean(Title, Body, s_gazetteer);

        Assert.Equal(2, cleaned.RemovedTitleLines);
        Assert.Equal("بحث الرئيس الروسي مع نظيره.", cleaned.Body);
    }

    [Fact]
    public void Saudi_Press_Agency_item_loses_dateline_end_marker_and_time()
    {
        const string Body = "الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس\n أصدر مجلس الوزراء قرارا.\n وأضاف أن القرار نهائي.\n // انتهى //\n 18:35 ت م";

        var cleaned = ArticleCleaner.Clean(null, Body, s_gazetteer);

        Assert.Equal("Saudi Press Agency", cleaned.Wire?.Name);
        Assert.Equal(new DateOnly(2015, 7, 21), cleaned.Dateline?.Date);
        Assert.False(cleaned.HadContinuationMarker);
        Assert.Equal("أصدر مجلس الوزراء قرارا.\nوأضاف أن القرار نهائي.", cleaned.Body);
        Assert.Contains("// انتهى //", cleaned.RemovedBoilerplate);
    }

    [Theory]
    [InlineData("(يتبع)")]
    [InlineData("// يتبع //")]
    [InlineData("(تستمر)")]
    public void Continuation_markers_are_flagged(string marker)
    {
        var cleaned = ArticleCleaner.Clean(null, "الفقرة الأولى.\n" + marker + "\nالفقرة الثانية.", s_gazetteer);

        Assert.True(cleaned.HadContinuationMarker);
        Assert.Equal("الفقرة الأولى.\nالفقرة الثانية.", cleaned.Body);
    }

    [Theory]
    [InlineData("انتهى")]
    [InlineData("(النهاية)")]
    [InlineData("//انتهى//")]
    [InlineData("NNNN")]
    public void End_markers_are_removed(string marker)
    {
        var cleaned = ArticleCleaner.Clean(null, "الفقرة الأولى.\n" + marker, s_gazetteer);

        Assert.False(cleaned.HadContinuationMarker);
        Assert.Equal("الفقرة الأولى.", cleaned.Body);
    }

    [Theory]
    [InlineData("القاهرة (رويترز) - قالت مصادر أمنية إن خمسة قتلوا.\nوأضافت المصادر أن الهجوم وقع ليلا. - (رويترز)", "Reuters")]
    [InlineData("قالت مصادر أمنية إن خمسة قتلوا.\nوأضافت المصادر أن الهجوم وقع ليلا. (أ ف ب)", "AFP")]
    [InlineData("قالت مصادر أمنية إن خمسة قتلوا.\nوأضافت المصادر أن الهجوم وقع ليلا. «رويترز»", "Reuters")]
    [InlineData("قالت مصادر أمنية إن خمسة قتلوا.\n\nفرانس24/ أ ف ب/ رويترز", "AFP")]
    [InlineData("قالت مصادر أمنية إن خمسة قتلوا.\n(أ. ف. ب)", "AFP")]
    [InlineData("قالت مصادر أمنية إن خمسة قتلوا.\n( الوكالات)", "Agencies")]
    public void Trailing_credits_are_removed_and_recorded(string body, string wire)
    {
        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(wire, cleaned.TrailingCreditWire?.Name);
        Assert.Equal(wire, cleaned.Wire?.Name);
        Assert.EndsWith("قتلوا.", cleaned.Body.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("(أ", cleaned.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("رويترز", cleaned.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", "AP")]
    [InlineData("© 2024 AFP", "AFP")]
    [InlineData("(c) Copyright Thomson Reuters 2024. Click for restrictions.", "Reuters")]
    [InlineData("Copyright (c) 2024 Kyodo News. All rights reserved.", "Kyodo")]
    [InlineData("© Copyright UPI 2024", "UPI")]
    [InlineData("— The Associated Press", "AP")]
    [InlineData("(Reporting by Alex Lawler in London; Additional reporting by Florence Tan; Editing by Jason Neely)", "Reuters")]
    [InlineData("Reporting by Alex Lawler; Editing by Jason Neely", "Reuters")]
    [InlineData("Reporting by Alex Lawler", null)]
    [InlineData("With AFP", "AFP")] // the wires a report draws on
    [InlineData("(With AFP)", "AFP")]
    [InlineData("(With AFP and Reuters)", "AFP")]
    [InlineData("With Reuters, AP and AFP.", "Reuters")]
    [InlineData("Source: Bloomberg", "Bloomberg")]
    [InlineData("(With inputs from PTI)", "PTI")]
    [InlineData("With agencies", "Agencies")]
    [InlineData("Associated Press writer John Smith in Berlin contributed to this report.", "AP")] // who helped
    [InlineData("AP writers Jane Doe and John Roe contributed.", "AP")]
    [InlineData("Reuters reporters in Kabul contributed to this story.", "Reuters")]
    public void English_agency_footers_are_removed_and_recorded(string footer, string? wire)
    {
        const string Story = "Oil prices rose on Friday as supply concerns outweighed worries about demand.\nTraders said output cuts were likely to be extended.";

        var cleaned = ArticleCleaner.Clean(null, Story + "\n\n" + footer, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Equal(footer, cleaned.TrailingCredit);
        Assert.Equal(wire, cleaned.Wire?.Name);
    }

    [Theory]
    [InlineData("المصدر : الجزيرة + وكالات", "Agencies")]
    [InlineData("المصدر : رويترز", "Reuters")]
    [InlineData("المصدر: الجزيرة + رويترز", "Reuters")]
    [InlineData("المصادر: RT + أ ف ب", "AFP")]
    public void An_Arabic_sources_line_is_removed_and_credits_its_wire(string footer, string wire)
    {
        const string Story = "قالت مصادر أمنية إن خمسة قتلوا.\nوأضافت المصادر أن الهجوم وقع ليلا.";

        var cleaned = ArticleCleaner.Clean(null, Story + "\n\n" + footer, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Equal(footer, cleaned.TrailingCredit);
        Assert.Equal(wire, cleaned.Wire?.Name);
    }

    [Theory]
    [InlineData("المصدر : الجزيرة")] // the outlet alone names no wire
    [InlineData("المصدر: ما نقلته وسائل الإعلام المحلية عن رويترز")]
    [InlineData("المصدر الأمني قال إن رويترز أخطأت")]
    public void Arabic_closing_lines_that_name_no_wire_as_a_source_stay(string lastLine)
    {
        var body = "قالت مصادر أمنية إن خمسة قتلوا.\n" + lastLine;

        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(body, cleaned.Body);
        Assert.Null(cleaned.TrailingCredit);
    }

    [Theory]
    [InlineData("By JANE DOE Associated Press", "AP")]
    [InlineData("By Jane Doe, The Associated Press", "AP")]
    [InlineData("By ZEKE MILLER, COLLEEN LONG and MICHELLE L. PRICE Associated Press", "AP")]
    [InlineData("By MARTIN CRUTSINGER, AP Economics Writer", "AP")]
    [InlineData("By Jane Doe | Reuters", "Reuters")]
    [InlineData("By Jane Doe of Agence France-Presse", "AFP")]
    [InlineData("By JANE DOE and JOHN ROE", null)]
    [InlineData("By JOHN DOE, Associated Press Writer", "AP")]
    [InlineData("By Jane Doe, Online Editor", null)] // "Online" spells an agency, but here it is part of a title
    public void An_English_byline_over_the_story_is_removed_and_credits_its_wire(string byline, string? wire)
    {
        const string Story = "The central bank raised its key rate on Friday, citing persistent inflation.\nAnalysts had expected a smaller increase.";

        var cleaned = ArticleCleaner.Clean(null, byline + "\n\n" + Story, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Equal(wire, cleaned.BylineWire?.Name);
        Assert.Equal(wire, cleaned.Wire?.Name);
        Assert.Contains(byline, cleaned.RemovedBoilerplate);
    }

    [Fact]
    public void A_newspapers_uncredited_dateline_leaves_the_same_text_as_the_wires_credited_one()
    {
        // The paper's copy of an AP story drops the credit and keeps the place; both leave the same story text.
        const string Story = "The Senate voted 52-48 on Tuesday to confirm the nominee.\nShe is expected to be sworn in this week.";

        var wire = ArticleCleaner.Clean(null, "WASHINGTON (AP) — " + Story, s_gazetteer);
        var paper = ArticleCleaner.Clean(null, "WASHINGTON — " + Story, s_gazetteer);

        Assert.Equal(Story, wire.Body);
        Assert.Equal(Story, paper.Body);
        Assert.Equal("AP", wire.Wire?.Name);
        Assert.Null(paper.Wire);
        Assert.Equal("WASHINGTON", paper.Dateline?.Place);
    }

    [Theory]
    [InlineData("كتب محمد أحمد")]
    [InlineData("كتبت: سارة علي")]
    [InlineData("كتب - عمر عبدالعزيز:")]
    [InlineData("كتب – عبدالكريم الحارثي")]
    [InlineData("بقلم الزميل محمد توفيق، CNN")]
    [InlineData("إعداد وترجمة - بندر الحربي")]
    [InlineData("تحریر: محمد علی")]
    [InlineData("نویسنده: علی رضایی")]
    public void An_Arabic_byline_over_the_story_is_removed_and_credits_no_wire(string byline)
    {
        const string Story = "أعلنت وزارة الصحة اليوم الثلاثاء عن إطلاق حملة وطنية للتطعيم.\nوقال المتحدث إن الحملة ستستمر حتى نهاية الشهر.";

        var cleaned = ArticleCleaner.Clean(null, byline + "\n\n" + Story, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Null(cleaned.Wire);
        Assert.Contains(byline, cleaned.RemovedBoilerplate);
    }

    [Theory]
    [InlineData("كتب الرئيس على تويتر أن الحملة ستبدأ غدا")] // a sentence: a preposition, too many words
    [InlineData("كتبت مقالاً عن الفوضى")]
    [InlineData("كتب 3 لاعبين أسماءهم")] // a figure
    [InlineData("قال محمد أحمد")] // not a writer's word
    [InlineData("تحریر میں کہا گیا ہے")] // Urdu: "the letter says", a sentence
    public void Arabic_first_lines_that_only_open_with_a_writers_word_stay(string line)
    {
        var body = line + "\nأعلنت وزارة الصحة اليوم الثلاثاء عن إطلاق حملة وطنية للتطعيم.";

        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(body, cleaned.Body);
    }

    [Theory]
    [InlineData("صورة أرشيفية (رويترز)")]
    [InlineData("الصورة: أ ف ب")]
    [InlineData("File photo (Reuters)")]
    [InlineData("Photo: AP")]
    public void A_photo_credit_over_the_story_is_removed_and_credits_no_wire(string caption)
    {
        // The credit is the picture's: the text beneath may be another agency's or the outlet's own.
        const string Story = "أعلنت وزارة الصحة اليوم الثلاثاء عن إطلاق حملة وطنية للتطعيم.\nوقال المتحدث إن الحملة ستستمر حتى نهاية الشهر.";

        var cleaned = ArticleCleaner.Clean(null, caption + "\n" + Story, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Null(cleaned.Wire);
        Assert.Null(cleaned.Dateline);
    }

    [Theory]
    [InlineData("By Monday the storm had passed")] // a sentence, not names
    [InlineData("By Monday")]
    [InlineData("By the numbers, the season was a success.")]
    [InlineData("By order of the court")]
    public void Opening_lines_that_are_not_bylines_stay(string opening)
    {
        var body = opening + "\n\nThe court ruled on Friday.";

        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(body, cleaned.Body);
        Assert.Null(cleaned.Wire);
    }

    [Theory]
    [InlineData("With thanks to our readers")]
    [InlineData("Source: the ministry of finance")]
    [InlineData("With AFP and the ministry")]
    [InlineData("With this, the season ends.")]
    public void English_closing_lines_that_name_no_wire_only_are_story_text(string lastLine)
    {
        var body = "The court ruled on Friday.\n" + lastLine;

        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(body, cleaned.Body);
        Assert.Null(cleaned.TrailingCredit);
        Assert.Null(cleaned.Wire);
    }

    [Theory]
    [InlineData("Copyright law was at the heart of the case, the court said.")]
    [InlineData("Reporting by the newspaper led to the inquiry.")]
    [InlineData("The agency said it would appeal.")]
    public void English_story_endings_like_footers_are_kept(string lastLine)
    {
        var body = "The court ruled on Friday.\n" + lastLine;

        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(body, cleaned.Body);
        Assert.Null(cleaned.TrailingCredit);
    }

    [Theory]
    [InlineData("Spa - the Belgian town famous for its waters - hosted the race on Sunday.\nA record crowd came.")]
    [InlineData("Map - a new survey of the coastline shows erosion has doubled in a decade.\nScientists said so.")]
    [InlineData("The minister said the plan was final.\nwas")]
    [InlineData("The minister said the plan was final.\nApp")]
    public void English_words_that_are_agency_abbreviations_are_story_text(string body)
    {
        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(body, cleaned.Body);
        Assert.Null(cleaned.Wire);
        Assert.Null(cleaned.TrailingCredit);
    }

    [Theory]
    [InlineData("RIYADH, Aug 3 (SPA) - The cabinet met on Monday.", "Saudi Press Agency")]
    [InlineData("LONDON, Jan 18 (REUTERS) - British inflation rose.", "Reuters")]
    public void English_datelines_credit_their_wire_as_written_or_in_capitals(string body, string wire)
    {
        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(wire, cleaned.Wire?.Name);
    }

    [Fact]
    public void Dateline_wire_takes_precedence_over_trailing_credit()
    {
        var cleaned = ArticleCleaner.Clean(null, "موسكو - سبوتنيك. قال الكرملين إن الاجتماع انتهى.\n(رويترز)", s_gazetteer);

        Assert.Equal("Sputnik", cleaned.Wire?.Name);
        Assert.Equal("Reuters", cleaned.TrailingCreditWire?.Name);
        Assert.Equal("قال الكرملين إن الاجتماع انتهى.", cleaned.Body);
    }

    [Theory]
    [InlineData("وقال المتحدث إن الحكومة ستعلن القرار، بحسب رويترز.")]
    [InlineData("وذكرت ذلك وكالة الأنباء السعودية (واس)")]
    [InlineData("وأوضح أن الاجتماع انتهى دون اتفاق.")]
    [InlineData("وقال إن العمل سيستمر (يتبع ذلك قرار آخر).")]
    [InlineData("وأشار إلى أن الأمر يتبع الوزارة.")]
    public void Story_endings_that_mention_wires_or_markers_are_kept(string lastLine)
    {
        var body = "القاهرة مدينة كبيرة.\n" + lastLine;

        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal(body, cleaned.Body);
        Assert.Null(cleaned.Dateline);
        Assert.Null(cleaned.TrailingCreditWire);
        Assert.Empty(cleaned.RemovedBoilerplate);
    }

    [Fact]
    public void Body_opening_with_a_city_is_not_a_dateline()
    {
        const string Body = "موسكو تستضيف قمة دولية الأسبوع المقبل - بحسب مصادر.\nوقال مسؤول إن القمة ستبحث الأمن.";

        var cleaned = ArticleCleaner.Clean("قمة في موسكو", Body, s_gazetteer);

        Assert.Null(cleaned.Dateline);
        Assert.Equal(Body, cleaned.Body);
    }

    [Theory]
    [InlineData("الفقرة الأولى.\nاقرأ أيضا: الجماعات المسلحة التي تقاتل في الغوطة\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nإقرأ أيضاً: عنوان مقال آخر\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nللمزيد: عنوان مقال آخر\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nتابعونا على تويتر وفيسبوك\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nشارك هذا المقال\nالفقرة الثانية.")]
    [InlineData("Next Previous الفقرة الأولى.\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nالفقرة الثانية.\nيمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.")]
    [InlineData("الفقرة الأولى.\nالفقرة الثانية.\n** جميع المقالات المنشورة تمثل رأي كتابها فقط.")]
    [InlineData("الفقرة الأولى.\nالفقرة الثانية. رابط الخبر بصحيفة الوئام: عنوان الخبر")]
    [InlineData("الفقرة الأولى.\nالفقرة الثانية.\nللتواصل مع الكاتب ارسل رسالة SMS\nتبدأ بالرمز (100) ثم مسافة ثم نص الرسالة إلى\n88591 - Stc")]
    [InlineData("الفقرة الأولى.\nالفقرة الثانية. سمات تبوك جامعة تبوك")]
    [InlineData("الفقرة الأولى.\nقد يهمك أيضا: عروض أزياء وحفلات فاخرة في الرياض\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nشاهد أيضا: الأمير وليام يغادر المستشفى\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nاقرأ المزيد - العراق: انتخابات وانقسامات\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nأيضاً..\u00A0ترامب يجمّد مساعدات لإعمار سوريا\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nكذلك: حسناوات بأزياء رومانية في روما\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nRead more: Government unveils its climate plan\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nLire aussi Le gouvernement dévoile son plan climat\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nیہ بھی پڑھیں: حکومت کا نیا منصوبہ\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nЧитайте также: Правительство представило план\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nAdvertisement\nالفقرة الثانية.")]
    [InlineData("Image copyright Getty Images\nImage caption The plan was unveiled in London\nالفقرة الأولى.\nالفقرة الثانية.")]
    [InlineData("Media playback is unsupported on your device\nMedia caption The minister explains the plan\nالفقرة الأولى.\nالفقرة الثانية.")]
    [InlineData("الفقرة الأولى.\nالفقرة الثانية.\nShare this article\nFollow us on Twitter")]
    [InlineData("الفقرة الأولى.\nإعلان\nالفقرة الثانية.")]
    public void Outlet_furniture_is_removed(string body)
    {
        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Equal("الفقرة الأولى.\nالفقرة الثانية.", cleaned.Body);
        Assert.NotEmpty(cleaned.RemovedBoilerplate);
    }

    [Theory]
    [InlineData("Advertisement spending rose by a fifth last year.")] // the word in a sentence
    [InlineData("The minister said: Read more about the plan on the website.")]
    public void Furniture_words_inside_story_sentences_are_kept(string body)
    {
        Assert.Equal(body, ArticleCleaner.Clean(null, body, s_gazetteer).Body);
    }

    [Theory]
    [InlineData("Published 7 December 2020")]
    [InlineData("Updated: 7 December 2020 10:00 GMT")]
    [InlineData("Last updated on Dec 7, 2020 10:00 AM")]
    [InlineData("Publié le 07 décembre 2020 à 10h00 - Mis à jour le 07 décembre 2020 à 12h30")]
    [InlineData("آخر تحديث: 07 ديسمبر 2020 - 10:00")]
    [InlineData("تاريخ النشر: 2020/12/07")]
    public void A_timestamp_over_the_story_is_removed(string timestamp)
    {
        const string Story = "The government announced a new plan on Monday.\nThe plan includes new taxes on fuel.";

        var cleaned = ArticleCleaner.Clean(null, timestamp + "\n\n" + Story, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Contains(timestamp, cleaned.RemovedBoilerplate);
    }

    [Theory]
    [InlineData("Published in 2019, the report found that most users left.")] // a sentence
    [InlineData("Updated rules take effect on 1 January")] // a line about rules that opens with the label
    public void A_first_line_that_is_a_sentence_about_publishing_stays(string line)
    {
        Assert.False(ArticleCleaner.IsTimestampLine(line));

        var body = line + "\nThe government announced a new plan on Monday.";

        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.StartsWith(line.TrimEnd('.'), cleaned.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \u00A0 ")]
    [InlineData("\u0085")]
    public void Blank_lines_are_no_furniture(string line)
    {
        Assert.False(ArticleCleaner.IsTimestampLine(line));
        Assert.False(ArticleCleaner.IsPhotoCreditLine(line));
        Assert.False(ArticleCleaner.IsArabicBylineLine(line));
        Assert.False(ArticleCleaner.TryFrenchBylineLine(line, s_gazetteer, out _));
        Assert.False(ArticleCleaner.TryBylineLine(line, s_gazetteer, out _));
    }

    [Theory]
    [InlineData("Le Monde avec AFP", "AFP")]
    [InlineData("Par Le Figaro avec AFP et Reuters", "AFP")]
    [InlineData("franceinfo avec l'AFP", "AFP")]
    public void A_French_byline_with_an_agency_is_removed_and_credits_it(string byline, string wire)
    {
        const string Story = "Le gouvernement a annoncé lundi un nouveau plan pour le climat.\nIl prévoit de nouvelles taxes.";

        var cleaned = ArticleCleaner.Clean(null, byline + "\n\n" + Story, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Equal(wire, cleaned.Wire?.Name);
    }

    [Fact]
    public void Byline_photo_credit_and_timestamp_over_the_story_all_go()
    {
        const string Story = "The government announced a new plan on Monday.\nThe plan includes new taxes on fuel.";

        var cleaned = ArticleCleaner.Clean(null, "By JANE DOE Associated Press\nUpdated: 7 December 2020 10:00 GMT\nWASHINGTON (AP) — " + Story, s_gazetteer);

        Assert.Equal(Story, cleaned.Body);
        Assert.Equal("AP", cleaned.Wire?.Name);
    }

    [Fact]
    public void Related_link_phrase_inside_a_sentence_is_kept()
    {
        const string Body = "وقال الكاتب إن على القارئ أن يقرأ الكتاب، اقرأ أيضا ما كتبه غيره.";

        Assert.Equal(Body, ArticleCleaner.Clean(null, Body, s_gazetteer).Body);
    }

    [Fact]
    public void Agency_first_dateline_is_removed_from_the_first_line()
    {
        var cleaned = ArticleCleaner.Clean(null, "واس- جدة: التقى صاحب السمو الملكي ولي العهد.", s_gazetteer);

        Assert.Equal("جدة", cleaned.Dateline?.Place);
        Assert.Equal("التقى صاحب السمو الملكي ولي العهد.", cleaned.Body);
    }

    [Fact]
    public void Cleaning_is_deterministic_and_idempotent()
    {
        var (title, text) = SeedFixtures.Read("000_60b9483e00639b6d.txt");

        var once = ArticleCleaner.Clean(title, text, s_gazetteer);
        var again = ArticleCleaner.Clean(title, text, s_gazetteer);
        var twice = ArticleCleaner.Clean(title, once.Body, s_gazetteer);

        Assert.Equal(once.Body, again.Body);
        Assert.Equal(once.Body, twice.Body);
        Assert.Empty(twice.RemovedBoilerplate);
    }

    [Fact]
    public void Windows_line_endings_are_handled()
    {
        var cleaned = ArticleCleaner.Clean("عنوان", "عنوان\r\n\r\nالقاهرة (رويترز) - نص الخبر.\r\n(تستمر)\r\nبقية الخبر.", s_gazetteer);

        Assert.Equal("نص الخبر.\nبقية الخبر.", cleaned.Body);
        Assert.True(cleaned.HadContinuationMarker);
    }
    [Fact]
    public void Okaz_share_buttons_opening_the_body_are_removed()
    {
        const string Body = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد نائب خادم الحرمين الشريفين أن كل من يحاول العبث بأمن المملكة سيجد الرد.";

        var cleaned = ArticleCleaner.Clean(null, Body, s_gazetteer);

        Assert.StartsWith("أكد نائب خادم الحرمين الشريفين", cleaned.Body, StringComparison.Ordinal);
        Assert.Equal(["شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"], cleaned.RemovedBoilerplate);
    }

    [Theory]
    [InlineData("وقال المتحدث لوكالة فرانس برس إن المحادثات ستستأنف.", "AFP")]
    [InlineData("وارتفع المؤشر بحسب ما نقلته وكالة رويترز عن مصادر في السوق.", "Reuters")]
    [InlineData("وصرح مدير الإدارة لوكالة الأنباء السعودية بأن العمل بدأ.", "Saudi Press Agency")]
    [InlineData("وقالت وكالة \"الأناضول\" للأنباء إن المحادثات ستستأنف.", "Anadolu")]
    [InlineData("وأفاد مصدر مطلع لوكالة «فرانس برس» بأن المحادثات ستستأنف.", "AFP")]
    [InlineData("ونقلت وكالة “رويترز” عن مصادر أن المحادثات ستستأنف.", "Reuters")]
    [InlineData("وارتفع عدد القتلى إلى 20، وفق ما نقلت \"رويترز\" عن مصادر طبية.", "Reuters")]
    [InlineData("وبحسب «فرانس برس» فإن المحادثات ستستأنف.", "AFP")]
    [InlineData("ووفقاً لـ \"الأناضول\"، بدأت المحادثات.", "Anadolu")]
    [InlineData("حسبما ذكرت وكالة الأنباء الكويتية فإن المحادثات ستستأنف.", "KUNA")]
    [InlineData("وأغلق المؤشر مرتفعا، وفقا لرويترز.", "Reuters")]
    [InlineData("وقال مسؤول، بحسب ما أوردت أسوشيتد برس، إن المحادثات ستستأنف.", "AP")]
    [InlineData("وقال المتحدث لرويترز إن المحادثات ستستأنف.", "Reuters")]
    [InlineData("وذكر\u00A0لرويترز عبر الهاتف أن المحادثات ستستأنف.", "Reuters")] // after a no-break space
    [InlineData("The minister told Reuters the talks would resume.", "Reuters")]
    [InlineData("The talks will resume, according to the Associated Press.", "AP")]
    [InlineData("According to AFP, the talks will resume.", "AFP")]
    [InlineData("Les discussions reprendront, selon l'AFP.", "AFP")]
    [InlineData("Le ministre a déclaré à l'AFP que les discussions reprendraient.", "AFP")]
    [InlineData("The minister told PTI the talks would resume.", "PTI")]
    [InlineData("The talks will resume, according to dpa.", "DPA")]
    [InlineData("وأضاف في تصريح لـ«فرانس برس» أن المحادثات ستستأنف.", "AFP")]
    [InlineData("وقال مصدر ل\"واس\" إن المحادثات ستستأنف.", "Saudi Press Agency")]
    [InlineData("به گزارش ایرنا، وزیر امور خارجه روز سه شنبه به مسکو سفر کرد.", "IRNA")] // Persian: "as IRNA reports"
    [InlineData("به گزارش خبرگزاری فارس، وزیر امور خارجه به مسکو سفر کرد.", "Fars")]
    [InlineData("به گزارش خبرگزاری مهر، وزیر امور خارجه به مسکو سفر کرد.", "Mehr")]
    [InlineData("به گزارش خبرگزاری\u200C تسنیم، وزیر امور خارجه به مسکو سفر کرد.", "Tasnim")]
    [InlineData("وزیر امور خارجه به نقل از رویترز گفت که مذاکرات ادامه می یابد.", "Reuters")]
    public void A_wire_credited_in_the_running_text_is_the_wire(string body, string wire)
    {
        var cleaned = ArticleCleaner.Clean(null, "افتتح الوزير اليوم المشروع الجديد في المدينة.\n" + body, s_gazetteer);

        Assert.Null(cleaned.Dateline);
        Assert.Equal(wire, cleaned.RunningCreditWire?.Name);
        Assert.Equal(wire, cleaned.Wire?.Name);
    }

    [Theory]
    [InlineData("وذكرت رويترز أن المحادثات ستستأنف.")]
    [InlineData("وقالت الوكالة إن المحادثات ستستأنف.")]
    [InlineData("وأعلنت وكالة الفضاء الأوروبية إطلاق القمر.")]
    [InlineData("وأعلنت وكالة \"ناسا\" إطلاق القمر.")]
    [InlineData("ونشرت الوكالة \"رويترز\" الخبر.")]
    [InlineData("ليس هذا فحسب، بل إن رويترز ذكرت أن المحادثات ستستأنف.")]
    [InlineData("وحسب الخطة فإن المحادثات ستستأنف، وفق ما أعلن الوزير.")]
    [InlineData("وقال الموفق رويترز إن المحادثات ستستأنف.")]
    [InlineData("وقال لرئيس الوفد إن المحادثات ستستأنف.")]
    [InlineData("وقال لنا إن المحادثات ستستأنف، لواس أن تنقل ذلك.")]
    [InlineData("Reuters reported that the talks would resume.")]
    [InlineData("The minister told reporters the talks would resume.")]
    [InlineData("According to the agency, the talks will resume.")]
    [InlineData("The prophet foretold Reuters readers nothing.")]
    [InlineData("The route was drawn according to the map of the city.")]
    [InlineData("The minister told online reporters the talks would resume.")]
    [InlineData("The style follows the guide, according to the APA.")] // a psychological association, not a wire
    [InlineData("The vote was close, according to the PAP.")] // a party
    [InlineData("ونقلت وكالة الأنباء المركزية الكورية عن الوزارة قولها إن المحادثات ستستأنف.")] // a state agency quoted
    [InlineData("به گزارش خبرنگار ما، وزیر امور خارجه به مسکو سفر کرد.")] // Persian: "as our reporter reports"
    [InlineData("به گزارش رسانه های محلی، وزیر به مسکو سفر کرد.")]
    public void A_bare_agency_name_or_an_unknown_agency_credits_no_wire(string body)
    {
        var cleaned = ArticleCleaner.Clean(null, body, s_gazetteer);

        Assert.Null(cleaned.Wire);
    }

    [Fact]
    public void The_earliest_running_credit_names_the_wire()
    {
        var cleaned = ArticleCleaner.Clean(null, "ارتفع المؤشر، وفق ما نقلت رويترز.\nوقال مسؤول لوكالة فرانس برس إن التداول كان نشطا.", s_gazetteer);

        Assert.Equal("Reuters", cleaned.RunningCreditWire?.Name);
    }

    [Fact]
    public void The_dateline_wire_wins_over_a_running_credit()
    {
        var cleaned = ArticleCleaner.Clean(null, "القاهرة (رويترز) - قال مسؤول لوكالة فرانس برس إن الاجتماع انتهى.", s_gazetteer);

        Assert.Equal("Reuters", cleaned.Wire?.Name);
        Assert.Null(cleaned.RunningCreditWire);
    }

    [Fact]
    public void A_Saudi_Press_Agency_dateline_with_a_glued_place_is_removed_and_credits_the_wire()
    {
        const string Body = "الدمام25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n أعلنت اللجنة المحلية للانتخابات البلدية بأمانة المنطقة الشرقية اليوم عن تعديلات.";

        var cleaned = ArticleCleaner.Clean("عام / تعديلات بمراكز قيد الناخبين", Body, s_gazetteer);

        Assert.Equal("Saudi Press Agency", cleaned.Wire?.Name);
        Assert.StartsWith("أعلنت اللجنة المحلية", cleaned.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_served_as_html_cleans_as_the_seed_served_as_text()
    {
        var (title, text) = SeedFixtures.Read("000_60b9483e00639b6d.txt");
        var html = "<html><head><title>" + title + "</title><script>var a = '<p>';</script></head><body><h1>" + title + "</h1>"
            + string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p).Replace("الرئيس", "<a href=\"/tag?a=1&amp;b=2\">الرئيس</a>", StringComparison.Ordinal) + "</p>\n"))
            + "</body></html>";

        var plain = ArticleCleaner.Clean(title, text, s_gazetteer);
        var fromHtml = ArticleCleaner.Clean(System.Net.WebUtility.HtmlEncode(title), html, s_gazetteer);

        Assert.Equal(plain.Body.Replace("\n\n", "\n", StringComparison.Ordinal), fromHtml.Body);
        Assert.Equal(plain.RemovedTitleLines + 2, fromHtml.RemovedTitleLines); // the page's <title> and <h1>
        Assert.Equal(plain.Dateline?.Text, fromHtml.Dateline?.Text);
        Assert.Equal("Sputnik", fromHtml.Wire?.Name);
        Assert.Equal(plain.RemovedBoilerplate, fromHtml.RemovedBoilerplate);
    }

    [Fact]
    public void Text_without_markup_is_returned_as_it_is()
    {
        const string Body = "AT&T said x<y, and 1 < 2; nothing here is markup.";

        var cleaned = ArticleCleaner.Clean(null, Body, s_gazetteer);

        Assert.Same(Body, cleaned.Body);
    }
}
