using Syndicate.Cleaning;

namespace Syndicate.Tests.Cleaning;

public sealed class BoilerplateTests
{
    [Fact]
    public void No_widget_label_is_a_prefix_of_another()
    {
        // The multi-string search returns a position, and the label is read back from it: that is the label the
        // one-search-per-label definition keeps only while no label starts another.
        foreach (string a in Boilerplate.AnywhereLabels)
        {
            Assert.DoesNotContain(Boilerplate.AnywhereLabels, b => !ReferenceEquals(a, b) && b.StartsWith(a, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void One_search_for_every_label_finds_what_a_search_per_label_finds()
    {
        // Seeded random bodies of story words, whole labels, cut labels and dots, searched from every kind of start.
        var random = new Random(20261206);
        string[] labels = [.. Boilerplate.AnywhereLabels];
        string[] filler = ["الخبر", " ", ".", "..", "\n", "شارك", "المزيد", "Next", "Previous", "أفكارك", "وتعليقاتك", "x"];
        for (int trial = 0; trial < 2000; trial++)
        {
            var text = new System.Text.StringBuilder();
            int parts = random.Next(0, 12);
            for (int p = 0; p < parts; p++)
            {
                string label = labels[random.Next(labels.Length)];
                text.Append(random.Next(4) switch
                {
                    0 => label,
                    1 => label[..random.Next(label.Length)],
                    _ => filler[random.Next(filler.Length)],
                });
            }

            string body = text.ToString();
            int from = body.Length == 0 ? 0 : random.Next(body.Length + 1);
            int expected = Boilerplate.IndexOfAnywhereByLabel(body, from, out string expectedLabel);
            Assert.Equal(expected, Boilerplate.IndexOfAnywhere(body, from, out string label2));
            Assert.Equal(expectedLabel, label2);
        }
    }
}
