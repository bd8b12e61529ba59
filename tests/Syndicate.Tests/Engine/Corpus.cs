using System.Text;
using Syndicate.Sketches;

namespace Syndicate.Tests.Engine;

/// <summary>A deterministic stream of articles with reprints, edits, partial copies and unrelated stories.</summary>
internal static class Corpus
{
    private static readonly DateTimeOffset s_t0 = new(2022, 1, 18, 6, 0, 0, TimeSpan.Zero);

    private static readonly string[] s_datelines =
    [
        "موسكو - سبوتنيك -", "باكو (سبوتنيك) -", "القاهرة - سبوتنيك -", "( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء)",
        "MOSCOW, Jan 18 (Sputnik) -", "بيروت - سبوتنيك -",
    ];

    private static readonly string[] s_vocabulary =
    [
        "الحكومة", "الوزير", "المدينة", "الاقتصاد", "المشروع", "الاجتماع", "البرلمان", "الشركة", "السوق", "المنتخب",
        "الجامعة", "المستشفى", "الطاقة", "النفط", "الزراعة", "المياه", "الطرق", "التعليم", "الصحة", "السياحة",
        "اعلن", "قال", "اكد", "اوضح", "اشار", "افتتح", "وقع", "ناقش", "بحث", "قرر", "اليوم", "امس", "الاسبوع", "المقبل",
        "الماضي", "الجديد", "الكبير", "الوطني", "الدولي", "المحلي", "خطة", "برنامج", "مليون", "مليار", "دولار", "نسبة",
    ];

    /// <summary>Articles in arrival order: the two seed stories with copies, then synthetic stories with copies.</summary>
    public static List<Article> Stream(int syntheticStories = 20, ulong seed = 7)
    {
        var rng = new SplitMix64(seed);
        var list = new List<Article>();
        int n = 0;
        var stories = new List<IReadOnlyList<string>> { TestData.StoryParagraphs(0), TestData.StoryParagraphs(1) };
        for (int s = 0; s < syntheticStories; s++)
        {
            var paragraphs = new List<string>();
            int count = 3 + (int)Below(rng, 5);
            for (int p = 0; p < count; p++)
            {
                var sb = new StringBuilder();
                int words = 18 + (int)Below(rng, 25);
                for (int w = 0; w < words; w++)
                {
                    sb.Append(s_vocabulary[Below(rng, (ulong)s_vocabulary.Length)]).Append(' ');
                }

                paragraphs.Add(sb.ToString().Trim() + ".");
            }

            stories.Add(paragraphs);
        }

        for (int s = 0; s < stories.Count; s++)
        {
            IReadOnlyList<string> paragraphs = stories[s];
            DateTimeOffset start = s_t0.AddHours(3 * s);
            int copies = 1 + (int)Below(rng, 6);
            for (int c = 0; c < copies; c++)
            {
                string dateline = s_datelines[Below(rng, (ulong)s_datelines.Length)];
                IReadOnlyList<string> body = (Below(rng, 4)) switch
                {
                    0 => paragraphs.Select(Reprints.Orthographic).ToList(),
                    1 when paragraphs.Count > 3 => paragraphs.Take(2).ToList(),
                    2 => paragraphs.Select(p => Reprints.DropWords(p, 11)).ToList(),
                    _ => paragraphs,
                };
                string text = Reprints.WithDateline(dateline, body, Below(rng, 2) == 0 ? "تابعونا على تويتر" : null);
                list.Add(new Article($"a{n++:D4}", $"outlet{Below(rng, 9)}", text)
                {
                    Title = $"قصة {s}",
                    Published = start.AddMinutes(Below(rng, 600)),
                    Url = $"https://news{c}.example/{s}/{c}",
                });
            }
        }

        return list;
    }

    /// <summary>A draw below <paramref name="bound"/> by remainder, the reduction these test streams were made with.</summary>
    internal static int Below(SplitMix64 rng, ulong bound) => (int)(rng.NextUInt64() % bound);
}
