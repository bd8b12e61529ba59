namespace Syndicate.Attribution;

public sealed partial class WireGazetteer
{
    // Aliases are the forms seen in Arabic, Urdu, English and Russian credits and datelines, and Chinese agencies'
    // names in characters, which open their dispatch lines. The national agencies of Europe, Asia and the Americas are
    // listed by the names their own copy carries in its datelines and credits ("ROME (ANSA) -", "(PTI)", "(dpa)"), in
    // Latin script only: Arabic and Urdu outlets name them when they report what a state agency said ("ونقلت وكالة
    // الأنباء المركزية الكورية عن...", KCNA quoting a statement inside Reuters copy), which does not make the agency the
    // source of the copy, and Urdu "پی ٹی آئی" is a political party far more often than the Press Trust of India.
    // Lebanon's, Iraq's, Yemen's and Libya's agencies (NNA, INA, Saba, LANA) likewise: in SaudiNewsNet and ANT their
    // Arabic names ("وكالة الأنباء اليمنية", "سبأ") are cited by outlets' own reports 160 times and open no dateline.
    // Iran's Mehr is listed by its Latin and Persian names (the Persian formula "به گزارش خبرگزاری مهر،" opens its
    // copy as others carry it); Arabic outlets cite "وكالة مهر" for one statement, as they cite Tasnim.
    // Bare abbreviations that are also everyday words (Arabic "فارس", a given name; "مهر") are left out: a caller who
    // needs them can add them with With(...). The parser only accepts an alias in a dateline position, which keeps short forms such as
    // "بنا" (BNA) or "قنا" (QNA) from firing inside story text; so is Urdu "آن لائن" (online), Online's credit.
    private static WireAgency[] CreateDefaultAgencies() =>
    [
        new("Reuters", ["رويترز", "رويتر", "روئٹرز", "رائٹرز", "رائٹر", "Рейтер", "Рейтерс", "Thomson Reuters", "تومسون رويترز"]),
        new("AFP", ["Agence France-Presse", "Agence France Presse", "أ ف ب", "أف ب", "ا ف ب", "فرانس برس", "فرانس پریس",
            "وكالة الصحافة الفرنسية", "اے ایف پی", "Франс Пресс", "Франс-Пресс"]),
        new("AP", ["Associated Press", "أسوشيتد برس", "أسوشييتد برس", "اسوشيتد برس", "أسوشيتدبرس", "أ ب", "اے پی",
            "Ассошиэйтед Пресс", "Ассошиэйтед пресс"]),
        new("DPA", ["dpa", "Deutsche Presse-Agentur", "د ب أ", "د.ب.أ", "الوكالة الألمانية", "الوكالة الألمانية للأنباء", "ڈی پی اے"]),
        new("EFE", ["إفي", "ايفي", "إيفي", "Эфе"]),
        new("Xinhua", ["شينخوا", "شنخوا", "شنہوا", "ژنہوا", "Синьхуа", "وكالة أنباء الصين الجديدة", "新华社", "新華社"]),
        new("China News Service", ["中新社", "中國新聞社", "中国新闻社"]),
        new("Kyodo", ["Kyodo News", "كيودو", "کیوڈو", "Киодо", "共同社", "共同通信"]),
        new("Yonhap", ["يونهاب", "یونہاپ", "Рёнхап", "Йонхап"]),
        new("UPI", ["United Press International", "يو بي آي", "يونايتد برس", "يونايتد برس إنترناشونال"]),
        new("Bloomberg", ["بلومبرغ", "بلومبيرغ", "بلومبرج", "بلومبيرج", "بلومبرگ", "Блумберг"]),
        new("Anadolu", ["AA", "Anadolu Agency", "Anadolu Ajansı", "الأناضول", "وكالة الأناضول", "اناطولیہ", "انادولو", "Анадолу"]),
        new("Interfax", ["إنترفاكس", "انترفاكس", "Интерфакс"]),
        new("Sputnik", ["سبوتنيك", "سبوتنك", "سپوتنک", "اسپوتنیک", "Спутник"]),
        new("RIA Novosti", ["РИА Новости", "RIA", "ريا نوفوستي", "نوفوستي", "ریا نووستی"]),
        new("TASS", ["ТАСС", "ITAR-TASS", "ИТАР-ТАСС", "تاس", "إيتار تاس", "ایتارتاس"]),
        new("ANSA", ["Agenzia Nazionale Stampa Associata"]),
        new("Europa Press", ["EUROPA PRESS"]),
        new("Lusa", ["LUSA", "Agência Lusa"]),
        new("Belga", ["BELGA"]),
        new("Keystone-SDA", ["Keystone-ATS"]),
        new("Ritzau", ["RITZAU"]),
        new("NTB", ["Norsk Telegrambyrå"]),
        new("STT", ["STT-Info"]),
        new("CTK", ["ČTK", "Czech News Agency"]),
        new("MTI", ["Magyar Távirati Iroda"]),
        new("HINA", ["Hrvatska izvještajna novinska agencija"]),
        new("Tanjug", ["TANJUG"]),
        new("BTA", ["Bulgarian News Agency"]),
        new("Agerpres", ["AGERPRES"]),
        new("Ukrinform", ["Укрінформ", "Укринформ"]),
        new("UNIAN", ["УНІАН", "УНИАН"]),
        new("PTI", ["Press Trust of India"]),
        new("IANS", ["Indo-Asian News Service"]),
        new("ANI", ["Asian News International"]),
        new("AAP", ["Australian Associated Press"]),
        new("Canadian Press", ["The Canadian Press"]),
        new("PA Media", ["Press Association"]),
        new("Jiji", ["Jiji Press", "時事通信"]),
        new("KCNA", ["Korean Central News Agency"]),
        new("Bernama", ["BERNAMA"]),
        new("Antara", ["ANTARA"]),
        new("VNA", ["Vietnam News Agency"]),
        new("PNA", ["Philippine News Agency"]),
        new("Notimex", ["NOTIMEX"]),
        new("Telam", ["Télam"]),
        new("Saudi Press Agency", ["SPA", "WAS", "واس", "وكالة الأنباء السعودية", "ایس پی اے", "سعودی پریس ایجنسی"]),
        new("WAM", ["Emirates News Agency", "وام", "وكالة أنباء الإمارات", "ڈبلیو اے ایم"]),
        new("KUNA", ["Kuwait News Agency", "كونا", "وكالة الأنباء الكويتية", "کونا"]),
        new("MENA", ["Middle East News Agency", "أ ش أ", "وكالة أنباء الشرق الأوسط", "مینا"]),
        new("QNA", ["Qatar News Agency", "قنا", "وكالة الأنباء القطرية", "کیو این اے"]),
        new("BNA", ["Bahrain News Agency", "بنا", "وكالة أنباء البحرين"]),
        new("ONA", ["Oman News Agency", "العمانية", "وكالة الأنباء العمانية"]),
        new("SANA", ["Syrian Arab News Agency", "سانا"]),
        new("Petra", ["Jordan News Agency", "بترا"]),
        new("MAP", ["Maghreb Arabe Presse", "لاماب", "و م ع", "وكالة المغرب العربي للأنباء"]),
        new("APS", ["Algérie Presse Service", "Algerie Presse Service", "واج"]),
        new("TAP", ["Tunis Afrique Presse", "وات"]),
        new("SUNA", ["Sudan News Agency", "سونا"]),
        new("NNA", ["National News Agency"]),
        new("INA", ["Iraqi News Agency"]),
        new("Saba", ["Saba News Agency"]),
        new("LANA", ["Libyan News Agency"]),
        new("IRNA", ["Islamic Republic News Agency", "إرنا", "ارنا", "ایرنا", "ИРНА"]),
        new("ISNA", ["Iranian Students News Agency", "إيسنا", "ايسنا", "ایسنا"]),
        new("Fars", ["Fars News", "Fars News Agency", "وكالة فارس", "فارس نيوز", "خبرگزاری فارس"]),
        new("Tasnim", ["Tasnim News", "تسنيم", "تسنیم"]),
        new("Mehr", ["Mehr News", "Mehr News Agency", "خبرگزاری مهر"]),
        new("APP", ["Associated Press of Pakistan", "اے پی پی", "وكالة أنباء باكستان", "ایسوسی ایٹڈ پریس آف پاکستان"]),
        new("NNI", ["News Network International", "این این آئی"]),
        new("INP", ["Independent News Pakistan", "آئی این پی"]),
        new("Online", ["Online International News Network", "آن لائن"]),
        new("Sana News", ["ثناء نیوز", "ثنا نیوز"]),
        new("Agencies", ["وكالات", "الوكالات", "Agencies", "агентства", "نیوز ایجنسیاں", "خبر ایجنسیاں", "ایجنسیاں"]),
    ];
}
