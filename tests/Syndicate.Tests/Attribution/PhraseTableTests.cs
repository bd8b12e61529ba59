using Syndicate.Attribution;

namespace Syndicate.Tests.Attribution;

public sealed class PhraseTableTests
{
    [Fact]
    public void TryMatchAt_equals_its_definition_at_every_word_of_real_and_constructed_text()
    {
        // Phrases that share first words, as the gazetteer's "وكالة X" forms do, and phrases of one word.
        var phrases = new List<KeyValuePair<string, string>>();
        foreach (var agency in WireGazetteer.Default.Agencies)
        {
            phrases.Add(new(agency.Name, agency.Name));
            foreach (var alias in agency.Aliases)
            {
                phrases.Add(new(alias, agency.Name));
                phrases.Add(new("وكالة " + alias, agency.Name));
                phrases.Add(new("وكالة أنباء " + alias, agency.Name));
            }
        }

        var table = new PhraseTable<string>(phrases);
        var texts = new List<string>
        {
            "نقلت وكالة فرانس برس عن وكالة أنباء الشرق الأوسط.  وكالة..  الأنباء السعودية وكالة    رويترز وكالة",
            "قالت وكالة. أ. ف. ب إن وكالة\nرويترز ووكالة أ ف ب وكالة-رويترز وكالة «رويترز» وكالة أنباء",
            "MOSCOW (Reuters) - Agence France-Presse, Agence  France Presse, Associated\u00A0Press, Thomson . Reuters",
        };
        foreach (var file in Directory.GetFiles(SeedFixtures.SeedsDirectory))
        {
            texts.Add(File.ReadAllText(file));
        }

        var positions = 0;
        foreach (var text in texts)
        {
            for (var i = 0; i <= text.Length; i++)
            {
                var fast = table.TryMatchAt(text, i, out var value, out var end);
                var reference = table.TryMatchAtByEveryCandidate(text, i, out var expectedValue, out var expectedEnd);
                Assert.True(fast == reference, $"match at {i} of \"{text[Math.Max(0, i - 10)..Math.Min(text.Length, i + 30)]}\"");
                Assert.Equal(expectedEnd, end);
                Assert.Equal(expectedValue, value);
                positions += fast ? 1 : 0;
            }
        }

        Assert.True(positions >= 10, $"only {positions} matches: the texts do not exercise the table");
    }
}
