using Syndicate.Attribution;

namespace Syndicate.Tests.Attribution;

public sealed class DatelineParserTests
{
    [Fact]
    public void UrduPoint_network_with_Sputnik_and_Levantine_month()
    {
        var d = DatelineParser.Parse("( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء) بحث الرئيس الروسي");

        Assert.NotNull(d);
        Assert.Equal("UrduPoint network", d.Outlet);
        Assert.Equal("Sputnik", d.Wire?.Name);
        Assert.Equal(new DateOnly(2022, 1, 18), d.Date);
        Assert.Equal("( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء)", d.Text);
    }

    [Theory]
    [InlineData("新华社北京3月5日电 国务院总理今天会见", "新华社北京3月5日电", "Xinhua", "北京", 3, 5)]
    [InlineData("新华社乌鲁木齐12月1日电（记者 王明 李华）新疆今天", "新华社乌鲁木齐12月1日电（记者 王明 李华）", "Xinhua", "乌鲁木齐", 12, 1)]
    [InlineData("中新社上海１１月２０日电 上海市今天", "中新社上海１１月２０日电", "China News Service", "上海", 11, 20)]
    [InlineData("新華社台北3月5日電 台灣", "新華社台北3月5日電", "Xinhua", "台北", 3, 5)]
    [InlineData("新华社3月5日电 国务院", "新华社3月5日电", "Xinhua", null, 3, 5)]
    public void A_chinese_dispatch_line_credits_its_agency(string text, string line, string wire, string? place, int month, int day)
    {
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(line, d.Text);
        Assert.Equal(wire, d.Wire?.Name);
        Assert.Equal(place, d.Place);
        Assert.Equal((month, day), (d.Month, d.Day));
        Assert.Null(d.Date);
    }

    [Theory]
    [InlineData("新华社记者今天从北京报道，国务院总理会见了代表团。")] // a sentence about the agency
    [InlineData("据新华社3月5日电，国务院总理会见了代表团。")] // "according to": not at the start
    [InlineData("新华社北京3月5日 国务院总理会见了代表团。")] // no 电
    [InlineData("新华社北京13月5日电 国务院")] // no such month
    [InlineData("北京3月5日电 国务院总理今天会见")] // no agency
    public void A_chinese_sentence_is_not_a_dispatch_line(string text) =>
        Assert.Null(DatelineParser.Parse(text));

    [Fact]
    public void Damaged_dispatch_lines_give_a_prefix_of_the_text_or_nothing()
    {
        var random = new Random(20261207);
        string[] parts = ["新华社", "中新社", "北京", "乌鲁木齐", "3", "１２", "月", "日", "电", "電", "（记者 王明）", "(", "）", " ", "\n", "。", "a", "-"];
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => parts[random.Next(parts.Length)]));
            var d = DatelineParser.Parse(text);
            if (d is not null)
            {
                Assert.StartsWith(d.Text, text.TrimStart(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Pakistan_Point_News_with_Sputnik()
    {
        var d = DatelineParser.Parse("(پاکستان پوائنٹ نیوز / سبوتنيك - 28 كانون الثاني 2022ء) بحث الرئيس الروسي");

        Assert.NotNull(d);
        Assert.Equal("Pakistan Point News", d.Outlet);
        Assert.Equal("Sputnik", d.Wire?.Name);
        Assert.Equal(new DateOnly(2022, 1, 28), d.Date);
    }

    [Fact]
    public void Unknown_outlet_before_slash_is_reported_raw()
    {
        var d = DatelineParser.Parse("(صحيفة الغد / رويترز - 3 مارس 2021) قال مسؤول");

        Assert.NotNull(d);
        Assert.Equal("صحيفة الغد", d.Outlet);
        Assert.Equal("Reuters", d.Wire?.Name);
        Assert.Equal(new DateOnly(2021, 3, 3), d.Date);
    }

    [Fact]
    public void Place_dash_wire()
    {
        var d = DatelineParser.Parse("موسكو - سبوتنيك. قال المتحدث باسم الكرملين");

        Assert.NotNull(d);
        Assert.Equal("موسكو", d.Place);
        Assert.Equal("Sputnik", d.Wire?.Name);
        Assert.Null(d.Date);
        Assert.Equal("موسكو - سبوتنيك.", d.Text);
    }

    [Fact]
    public void Place_dash_wire_glued_to_story()
    {
        var d = DatelineParser.Parse("موسكو - سبوتنيك قال المتحدث باسم الكرملين");

        Assert.NotNull(d);
        Assert.Equal("موسكو - سبوتنيك", d.Text);
    }

    [Fact]
    public void Place_then_wire_in_parentheses()
    {
        var d = DatelineParser.Parse("القاهرة (رويترز) - قالت مصادر أمنية إن");

        Assert.NotNull(d);
        Assert.Equal("القاهرة", d.Place);
        Assert.Equal("Reuters", d.Wire?.Name);
        Assert.Equal("القاهرة (رويترز) -", d.Text);
    }

    [Fact]
    public void Saudi_Press_Agency_Hijri_with_Gregorian_equivalent()
    {
        var d = DatelineParser.Parse("الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس\n أصدر مجلس الوزراء");

        Assert.NotNull(d);
        Assert.Equal("الرياض", d.Place);
        Assert.Equal("Saudi Press Agency", d.Wire?.Name);
        Assert.Equal(new DateOnly(2015, 7, 21), d.Date);
        Assert.Equal("الرياض 05 شوال 1436 هـ الموافق 21 يوليو 2015 م واس", d.Text);
    }

    [Theory]
    [InlineData("مكة المكرمة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "مكة المكرمة", 2015, 8, 10)]
    [InlineData("جدة 25 شوال 1436هـ الموافق 10 اغسطس 2015م واس", "جدة", 2015, 8, 10)]
    [InlineData("أبهــا ٢٦ شوال ١٤٣٦ هـ الموافق ١١ أغسطس ٢٠١٥ م واس", "أبهــا", 2015, 8, 11)]
    public void Saudi_Press_Agency_variants(string text, string place, int year, int month, int day)
    {
        var d = DatelineParser.Parse(text + "\n نص الخبر");

        Assert.NotNull(d);
        Assert.Equal(place, d.Place);
        Assert.Equal("Saudi Press Agency", d.Wire?.Name);
        Assert.Equal(new DateOnly(year, month, day), d.Date);
    }

    // Slips in real SPA copy (SaudiNewsNet, August 2015): a place glued to the day, the era letter glued to the
    // credit, a full stop before it, a dropped letter in "الموافق".
    [Theory]
    [InlineData("الدمام25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "الدمام")]
    [InlineData("الرياض26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", "الرياض")]
    [InlineData("نجران 26 شوال 1436 هـ الموافق 11 أغسطس 2015 مواس", "نجران")]
    [InlineData("طرابلس 26 شوال 1436ه لموافق 11 اغسطس 2015م .واس", "طرابلس")]
    [InlineData("ينبع26 شوال 1436هـ الموافق 011 أغسطس 2015 م واس", "ينبع")]
    public void Saudi_Press_Agency_datelines_with_typing_slips(string line, string place)
    {
        var d = DatelineParser.Parse(line + "\n أعلنت اللجنة المحلية للانتخابات البلدية");

        Assert.NotNull(d);
        Assert.Equal("Saudi Press Agency", d.Wire?.Name);
        Assert.Equal(place, d.Place);
        Assert.Equal(line, d.Text);
        Assert.Equal("Saudi Press Agency", DatelineParser.Parse(line)?.Wire?.Name);
    }

    [Theory]
    [InlineData("وأوضح المتحدث أن العدد بلغ 25 حالة وفق ما نقلته واس\n نص")]
    [InlineData("الدمام25 شوال 1436 هـ الموافق 10 أغسطس 2015 م\n نص")]
    [InlineData("مواس 2015\n نص")]
    public void A_sentence_is_not_mended_into_a_dateline(string text)
    {
        Assert.Null(DatelineParser.Parse(text));
    }

    [Fact]
    public void Hijri_date_alone_is_converted_with_Umm_al_Qura()
    {
        // 1 Shawwal 1436 AH (Eid al-Fitr) was Friday 17 July 2015 in the Umm al-Qura calendar.
        var d = DatelineParser.Parse("الرياض 1 شوال 1436 هـ (واس) - احتفل");

        Assert.NotNull(d);
        Assert.Equal(new DateOnly(2015, 7, 17), d.Date);
    }

    [Theory]
    [InlineData("اسلام آباد (اے پی پی) حکومت نے ملک بھر میں نئی تعلیمی پالیسی کا اعلان کیا", "اسلام آباد", "APP")]
    [InlineData("سرگودھا(اے پی پی) لیکن ضرورت موثر پلاننگ کی ہے", "سرگودھا", "APP")]
    [InlineData("اسلام آباد(این این آئی)امریکی وزیر خارجہ نے کہا", "اسلام آباد", "NNI")]
    [InlineData("لاہور(آئی این پی) پنجاب حکومت نے", "لاہور", "INP")]
    [InlineData("کراچی (آن لائن) سندھ اسمبلی کا اجلاس", "کراچی", "Online")]
    [InlineData("اسلام آباد(ثناء نیوز)سابق وزیر اعظم نے", "اسلام آباد", "Sana News")]
    [InlineData("کابل (نیوز ایجنسیاں) افغانستان میں", "کابل", "Agencies")]
    [InlineData("الرياض (واس) أعلنت وزارة الصحة اليوم", "الرياض", "Saudi Press Agency")]
    public void A_short_place_then_a_bracketed_wire_is_a_dateline_without_a_dash(string text, string place, string wire)
    {
        // The way Urdu papers print the credit: the text runs on after the bracket, glued to it or not.
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(place, d.Place);
        Assert.Equal(wire, d.Wire?.Name);
    }

    [Theory]
    [InlineData("WASHINGTON — The Senate voted on Tuesday.", "WASHINGTON —", "WASHINGTON", null, null)]
    [InlineData("WASHINGTON -- The Senate voted on Tuesday.", "WASHINGTON --", "WASHINGTON", null, null)]
    [InlineData("LONDON - The Bank of England held rates.", "LONDON -", "LONDON", null, null)]
    [InlineData("NEW YORK, Dec. 7 — Stocks fell.", "NEW YORK, Dec. 7 —", "NEW YORK", 12, 7)]
    [InlineData("SAN JUAN, Puerto Rico — A storm hit.", "SAN JUAN, Puerto Rico —", "SAN JUAN", null, null)]
    [InlineData("WASHINGTON, D.C. — The Senate voted.", "WASHINGTON, D.C. —", "WASHINGTON", null, null)]
    [InlineData("ST. LOUIS —\"We are ready,\" he said.", "ST. LOUIS —", "ST. LOUIS", null, null)]
    [InlineData("BOGOTÁ, Colombia — 12 people died.", "BOGOTÁ, Colombia —", "BOGOTÁ", null, null)]
    [InlineData("BREAKING — The Senate voted.", "BREAKING —", null, null, null)] // a label, not a place
    public void An_English_place_in_capitals_and_a_dash_is_a_dateline_that_credits_no_one(string text, string raw, string? place, int? month, int? day)
    {
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(raw, d.Text);
        Assert.Equal(place, d.Place);
        Assert.Null(d.Wire);
        Assert.Null(d.Outlet);
        Assert.Equal(month, d.Month);
        Assert.Equal(day, d.Day);
    }

    [Theory]
    [InlineData("(ANSA) - ROMA, 07 DIC - Il governo ha annunciato", "(ANSA) - ROMA, 07 DIC -", "ROMA", 12, 7)]
    [InlineData("Madrid, 7 dic (EFE).- El Gobierno anunció", "Madrid, 7 dic (EFE).-", "Madrid", 12, 7)]
    [InlineData("Paris, 7 déc 2020 (AFP) - Le gouvernement", "Paris, 7 déc 2020 (AFP) -", "Paris", 12, 7)]
    [InlineData("Lisboa, 07 dez 2020 (Lusa) - O Governo", "Lisboa, 07 dez 2020 (Lusa) -", "Lisboa", 12, 7)]
    [InlineData("MADRID, 7 Dic. (EUROPA PRESS) - El Gobierno", "MADRID, 7 Dic. (EUROPA PRESS) -", "MADRID", 12, 7)] // abbreviated, with a stop
    public void Romance_wires_date_their_datelines_in_their_own_months(string text, string raw, string place, int month, int day)
    {
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(raw, d.Text);
        Assert.Equal(place, d.Place);
        Assert.NotNull(d.Wire);
        Assert.Equal(month, d.Month);
        Assert.Equal(day, d.Day);
    }

    [Theory]
    [InlineData("لندن: «الشرق الأوسط» أعلنت الحكومة البريطانية", "لندن: «الشرق الأوسط»", "لندن", "Asharq Al-Awsat", null)]
    [InlineData("الرياض: «الشرق الأوسط»\nأعلنت الوزارة", "الرياض: «الشرق الأوسط»", "الرياض", "Asharq Al-Awsat", null)]
    [InlineData("القاهرة: «رويترز» أعلنت الحكومة", "القاهرة: «رويترز»", "القاهرة", null, "Reuters")]
    public void A_place_a_colon_and_a_quoted_outlet_is_a_dateline(string text, string raw, string place, string? outlet, string? wire)
    {
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(raw, d.Text);
        Assert.Equal(place, d.Place);
        Assert.Equal(outlet, d.Outlet);
        Assert.Equal(wire, d.Wire?.Name);
    }

    [Theory]
    [InlineData("قال الوزير: «الشرق الأوسط تعاني من أزمات متلاحقة»")] // speech that opens with the outlet's name
    [InlineData("وأضاف: «نحن مستعدون»")] // speech
    [InlineData("لندن: «مجلة الإيكونوميست» نشرت")] // a quoted name that is neither a wire nor a known outlet
    public void A_colon_and_a_quote_that_is_not_a_known_credit_is_no_dateline(string text)
    {
        Assert.Null(DatelineParser.Parse(text));
    }

    [Theory]
    [InlineData("أعلن الوزير (اليوم) عن إطلاق حملة وطنية للتطعيم")] // "today" in brackets
    [InlineData("كشف تقرير (الجزيرة) عن إطلاق حملة وطنية")]
    [InlineData("قالت صحيفة «الوطن» إن الوزارة أطلقت حملة")]
    [InlineData("عمّان - الغد سيكون يوما ممطرا")] // "tomorrow", unquoted
    public void Outlet_names_that_are_everyday_words_credit_only_in_a_datelines_place(string text)
    {
        Assert.Null(DatelineParser.Parse(text));
    }

    [Theory]
    [InlineData("NATO — the alliance said on Tuesday that it would expand.")] // no sentence after the dash
    [InlineData("Washington — The Senate voted.")] // not in capitals
    [InlineData("WASHINGTON-BASED groups said on Tuesday.")] // a hyphen inside a word
    [InlineData("WASHINGTON is the capital — The Senate voted.")]
    [InlineData("A — The Senate voted.")] // one letter
    [InlineData("القاهرة — أعلنت الوزارة")] // a script without capitals
    public void Capitals_that_do_not_stand_as_a_dateline_are_not_one(string text)
    {
        Assert.Null(DatelineParser.Parse(text));
    }

    [Theory]
    [InlineData("لاہور (سپورٹس ڈیسک) پاکستان کرکٹ ٹیم نے", "لاہور", "سپورٹس ڈیسک")]
    [InlineData("لاہور(نمائندہ خصوصی)پنجاب حکومت نے", "لاہور", "نمائندہ خصوصی")]
    [InlineData("اونٹاریو (نیٹ نیوز ) کینیڈا میں", "اونٹاریو", "نیٹ نیوز")]
    [InlineData("کراچی (بزنس رپورٹر) اسٹاک مارکیٹ میں", "کراچی", "بزنس رپورٹر")]
    [InlineData("اسلام آباد (خبر نگار خصوصی) وفاقی کابینہ نے", "اسلام آباد", "خبر نگار خصوصی")]
    [InlineData("لاہور (پ ر) ادارے نے", "لاہور", "پ ر")]
    [InlineData("القاهرة - بوابة الأهرام أعلنت الوزارة", null, "Al-Ahram Gate")] // unquoted: the words before may be a writer's name
    [InlineData("(الجزيرة نت) أعلنت الوزارة", null, "Al Jazeera Net")]
    [InlineData("عمّان - «الغد» أعلنت الوزارة", "عمّان", "Al-Ghad")]
    [InlineData("القاهرة - اليوم السابع: أعلنت الوزارة", null, "Youm7")]
    public void A_short_place_then_the_papers_own_desk_is_a_dateline_without_a_wire(string text, string? place, string desk)
    {
        // Urdu papers credit their own desk or reporter where they credit a wire, Arab sites themselves; the credit is
        // furniture either way.
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(place, d.Place);
        Assert.Equal(desk, d.Outlet);
        Assert.Null(d.Wire);
    }

    [Theory]
    [InlineData("علمت (عكاظ) أن الوزارة ستعلن")]
    [InlineData("وزیراعظم نے کہا کہ کھیلوں کے فروغ کے لیے (سپورٹس ڈیسک) قائم کیا جائے")] // a desk named in a sentence
    [InlineData("قال مصدر مطلع في الوزارة (رويترز) إن")]
    [InlineData("کراچی سے موصول اطلاعات (اے پی پی) کے مطابق")]
    public void Words_then_a_bracketed_credit_in_running_text_are_not_a_dateline(string text)
    {
        // An outlet in brackets, or a credit after more words than a place has, is a sentence citing a source.
        Assert.Null(DatelineParser.Parse(text));
    }

    [Fact]
    public void Urdu_place_first_of_month_and_APP_without_year()
    {
        var d = DatelineParser.Parse("ڈھاکہ ۔ یکم دسمبر (اے پی پی) بنگلہ دیش کی حکومت نے");

        Assert.NotNull(d);
        Assert.Equal("ڈھاکہ", d.Place);
        Assert.Equal("APP", d.Wire?.Name);
        Assert.Null(d.Date);
        Assert.Equal(1, d.Day);
        Assert.Equal(12, d.Month);
    }

    [Fact]
    public void English_place_month_day_Reuters()
    {
        var d = DatelineParser.Parse("MOSCOW, Jan 18 (Reuters) - Russia said on Tuesday");

        Assert.NotNull(d);
        Assert.Equal("MOSCOW", d.Place);
        Assert.Equal("Reuters", d.Wire?.Name);
        Assert.Equal(18, d.Day);
        Assert.Equal(1, d.Month);
        Assert.Null(d.Date);
        Assert.Equal("MOSCOW, Jan 18 (Reuters) -", d.Text);
    }

    [Theory]
    [InlineData("ROME, 5 MAR (ANSA) - The government said", "ANSA", "ROME")]
    [InlineData("BERLIN (dpa) - The government said", "DPA", "BERLIN")]
    [InlineData("ANKARA (AA) - The government said", "Anadolu", "ANKARA")]
    [InlineData("NEW DELHI, Mar 5 (PTI) The government said", "PTI", "NEW DELHI")]
    [InlineData("New Delhi, March 5 (IANS) The government said", "IANS", "New Delhi")]
    [InlineData("PYONGYANG, March 5 (KCNA) -- The government said", "KCNA", "PYONGYANG")]
    [InlineData("SYDNEY (AAP) - The government said", "AAP", "SYDNEY")]
    [InlineData("LISBOA, 5 mar 2024 (Lusa) - O governo disse", "Lusa", "LISBOA")]
    [InlineData("KUALA LUMPUR, March 5 (Bernama) -- The government said", "Bernama", "KUALA LUMPUR")]
    [InlineData("TOKYO (Jiji Press) -- The government said", "Jiji", "TOKYO")]
    [InlineData("BEIRUT (NNA) - The government said", "NNA", "BEIRUT")]
    [InlineData("BAGHDAD (INA) - The government said", "INA", "BAGHDAD")]
    [InlineData("SANAA (Saba) - The government said", "Saba", "SANAA")]
    [InlineData("TRIPOLI (LANA) - The government said", "LANA", "TRIPOLI")]
    [InlineData("الكويت - 7 - 12 (كونا) -- أعلنت الوزارة", "KUNA", "الكويت")] // day and month in figures
    [InlineData("الخرطوم 7-12 (سونا) - أعلنت الوزارة", "SUNA", "الخرطوم")]
    public void National_agencies_datelines(string text, string wire, string place)
    {
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(wire, d.Wire?.Name);
        Assert.Equal(place, d.Place);
    }

    [Theory]
    [InlineData("MOSCOW, December 7. /TASS/. The central bank raised", "TASS", "MOSCOW", "MOSCOW, December 7. /TASS/.")]
    [InlineData("МОСКВА, 7 декабря. /ТАСС/. Центральный банк повысил", "TASS", "МОСКВА", "МОСКВА, 7 декабря. /ТАСС/.")]
    [InlineData("MOSCOW. Dec 7 (Interfax) - The central bank raised", "Interfax", "MOSCOW", "MOSCOW. Dec 7 (Interfax) -")]
    [InlineData("Madrid, 7 dic (EFE).- El Gobierno aprobó", "EFE", "Madrid", "Madrid, 7 dic (EFE).-")]
    [InlineData("Madrid (EFE).- El Gobierno aprobó", "EFE", "Madrid", "Madrid (EFE).-")]
    public void Agency_datelines_with_a_full_stop(string text, string wire, string place, string line)
    {
        var d = DatelineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal(wire, d.Wire?.Name);
        Assert.Equal(place, d.Place);
        Assert.Equal(line, d.Text);
    }

    [Theory]
    [InlineData("Washington. December 7 is a date the president remembers.")]
    [InlineData("He left in 2015. /TASS/ reported it later.")]
    [InlineData("He left on December 7. /home/user is his directory.")]
    [InlineData("Mr. Smith (AP) said nothing.")]
    [InlineData("الكويت - 7 - 12 أعلنت الوزارة")] // figures after a dash, and no credit
    public void Story_openings_with_a_full_stop_or_figures_are_not_datelines(string text)
    {
        Assert.Null(DatelineParser.Parse(text));
    }

    [Fact]
    public void English_full_date_with_year()
    {
        var d = DatelineParser.Parse("LONDON, January 18, 2022 (Reuters) - Oil prices rose");

        Assert.NotNull(d);
        Assert.Equal(new DateOnly(2022, 1, 18), d.Date);
    }

    [Fact]
    public void English_bare_AFP_credit()
    {
        var d = DatelineParser.Parse("(AFP) — France's president said");

        Assert.NotNull(d);
        Assert.Equal("AFP", d.Wire?.Name);
        Assert.Null(d.Place);
        Assert.Equal("(AFP) —", d.Text);
    }

    [Fact]
    public void English_place_AP()
    {
        var d = DatelineParser.Parse("WASHINGTON (AP) — The Senate voted");

        Assert.NotNull(d);
        Assert.Equal("WASHINGTON", d.Place);
        Assert.Equal("AP", d.Wire?.Name);
    }

    [Fact]
    public void Russian_place_abbreviated_month_RIA()
    {
        var d = DatelineParser.Parse("МОСКВА, 18 янв — РИА Новости. Президент России");

        Assert.NotNull(d);
        Assert.Equal("МОСКВА", d.Place);
        Assert.Equal("RIA Novosti", d.Wire?.Name);
        Assert.Equal(18, d.Day);
        Assert.Equal(1, d.Month);
        Assert.Equal("МОСКВА, 18 янв — РИА Новости.", d.Text);
    }

    [Fact]
    public void Russian_genitive_month_with_year()
    {
        var d = DatelineParser.Parse("МОСКВА, 18 января 2022 г. — ТАСС. Президент");

        Assert.NotNull(d);
        Assert.Equal("TASS", d.Wire?.Name);
        Assert.Equal(new DateOnly(2022, 1, 18), d.Date);
    }

    [Fact]
    public void Place_dash_DPA_in_parentheses()
    {
        var d = DatelineParser.Parse("دبي - (د ب أ) - أعلنت");

        Assert.NotNull(d);
        Assert.Equal("دبي", d.Place);
        Assert.Equal("DPA", d.Wire?.Name);
    }

    [Fact]
    public void Place_dash_AFP_spaced_letters()
    {
        var d = DatelineParser.Parse("واشنطن - أ ف ب - أعلن البيت الأبيض");

        Assert.NotNull(d);
        Assert.Equal("واشنطن", d.Place);
        Assert.Equal("AFP", d.Wire?.Name);
    }

    [Fact]
    public void Quoted_outlet_is_an_outlet_not_a_wire()
    {
        var d = DatelineParser.Parse("بيروت - \"الحياة\" - أكد مصدر");

        Assert.NotNull(d);
        Assert.Equal("بيروت", d.Place);
        Assert.Null(d.Wire);
        Assert.Equal("Al-Hayat", d.Outlet);
    }

    [Fact]
    public void Unknown_quoted_outlet_is_reported_raw()
    {
        var d = DatelineParser.Parse("بيروت - «صوت بيروت» - قالت");

        Assert.NotNull(d);
        Assert.Equal("صوت بيروت", d.Outlet);
        Assert.Null(d.Wire);
    }

    [Fact]
    public void Agency_first_then_place_and_colon()
    {
        var d = DatelineParser.Parse("واس- جدة: التقى صاحب السمو الملكي");

        Assert.NotNull(d);
        Assert.Equal("Saudi Press Agency", d.Wire?.Name);
        Assert.Equal("جدة", d.Place);
        Assert.Equal("واس- جدة:", d.Text);
    }

    [Fact]
    public void Byline_outlet_place()
    {
        var d = DatelineParser.Parse("عبدالله البرقاوي- سبق- الرياض: بدأت المديرية");

        Assert.NotNull(d);
        Assert.Equal("Sabq", d.Outlet);
        Assert.Equal("الرياض", d.Place);
    }

    [Fact]
    public void Place_region_and_outlet_in_parentheses()
    {
        var d = DatelineParser.Parse("دبي، الإمارات العربية المتحدة (CNN)-- أعلنت شركة");

        Assert.NotNull(d);
        Assert.Equal("CNN", d.Outlet);
        Assert.Equal("دبي", d.Place);
        Assert.Equal("دبي، الإمارات العربية المتحدة (CNN)--", d.Text);
    }

    [Fact]
    public void Maghreb_and_Egyptian_month_names()
    {
        Assert.Equal(new DateOnly(2019, 7, 5), DatelineParser.Parse("الجزائر 5 جويلية 2019 (واج) - ")?.Date);
        Assert.Equal(new DateOnly(2019, 6, 5), DatelineParser.Parse("القاهرة 5 يونيه 2019 (أ ش أ) - ")?.Date);
        Assert.Equal(new DateOnly(2019, 8, 5), DatelineParser.Parse("تونس 5 أوت 2019 (وات) - ")?.Date);
        Assert.Equal(new DateOnly(2019, 4, 5), DatelineParser.Parse("بغداد 5 نيسان 2019 (أ ف ب) - ")?.Date);
        Assert.Equal(new DateOnly(2019, 9, 5), DatelineParser.Parse("لاہور ۔ 5 ستمبر 2019ء (اے پی پی) ")?.Date);
        Assert.Equal(new DateOnly(2019, 11, 5), DatelineParser.Parse("عمان ۵ تشرين الثاني ۲۰۱۹ (بترا) - ")?.Date);
    }

    [Theory]
    [InlineData("القاهرة مدينة كبيرة يسكنها أكثر من عشرين مليون نسمة.")]
    [InlineData("موسكو - قال الكرملين اليوم إن الرئيس سيزور")]
    [InlineData("قالت رويترز إن الشركة ستعلن نتائجها")]
    [InlineData("رويترز تقول إن الشركة ستعلن نتائجها")]
    [InlineData("أفاد مراسل سبوتنيك في دمشق بأن")]
    [InlineData("القاهرة - أعلنت وزارة الصحة المصرية (سانا) عن")]
    [InlineData("بحث الرئيس الروسي، فلاديمير بوتين، خلال اتصال هاتفي")]
    [InlineData("الرئيس الروسي (بوتين) قال إن")]
    [InlineData("سبق أن أعلنت الوزارة عن خطة")]
    [InlineData("\"الحياة\" جميلة رغم كل شيء")]
    [InlineData("Moscow is a big city, Reuters said.")]
    [InlineData("")]
    public void Story_openings_are_not_datelines(string text)
    {
        Assert.Null(DatelineParser.Parse(text));
    }

    [Fact]
    public void Only_the_head_is_examined()
    {
        var text = new string('ب', 300) + " موسكو - سبوتنيك";

        Assert.Null(DatelineParser.Parse(text));
    }

    [Fact]
    public void Custom_gazetteer_is_used()
    {
        var gazetteer = WireGazetteer.Default.With(new WireAgency("Mehr", ["مهر"]));

        var d = DatelineParser.Parse("طهران - مهر - أعلن", gazetteer);

        Assert.NotNull(d);
        Assert.Equal("Mehr", d.Wire?.Name);
        Assert.Null(DatelineParser.Parse("طهران - مهر - أعلن"));
    }
}
