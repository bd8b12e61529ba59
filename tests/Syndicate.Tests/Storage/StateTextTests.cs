using System.Text;
using Syndicate.Storage;

namespace Syndicate.Tests.Storage;

public class StateTextTests
{
    [Fact]
    public void Ids_and_texts_with_unpaired_surrogates_survive_the_journal_and_the_snapshot()
    {
        // Before the state files kept unpaired surrogates, both ids came back as "a\uFFFD": one article was lost on
        // replay and the other no longer found by its id.
        using var dir = new TempDirectory();
        string body = TestData.SeedText(0) + "\uD800";
        Article[] articles =
        [
            new("a\uD800", "s\uDC00", body) { Title = "t\uDBFF" },
            new("a\uDC00", "s", TestData.SeedText(1)),
            new("b\uD83D\uDE00", "s", "\uDFFF" + TestData.SeedText(1) + "\uD83D"),
        ];
        using (SyndicationEngine engine = SyndicationEngine.Open(dir.Path))
        {
            foreach (Article a in articles)
            {
                Assert.True(engine.Add(a).Inserted);
            }
        }

        string expected;
        using (SyndicationEngine replayed = SyndicationEngine.Open(dir.Path))
        {
            Assert.Equal(3, replayed.Count);
            Assert.All(articles, a => Assert.NotNull(replayed.GetClusterOf(a.Id)));
            Assert.Equal(body, replayed.GetClusterOf("a\uD800")!.CanonicalOriginalText);
            expected = DurableStateTests.Describe(replayed);
            replayed.Checkpoint();
        }

        using SyndicationEngine loaded = SyndicationEngine.Open(dir.Path);
        Assert.Equal(3, loaded.Count);
        Assert.Equal(expected, DurableStateTests.Describe(loaded));
        Assert.Equal("a\uD800", loaded.GetClusterOf("a\uD800")!.Members.Single(m => m.Id.StartsWith('a') && m.Id[1] == '\uD800').Id);
    }

    [Fact]
    public void Round_trips_any_string_and_is_plain_utf8_for_valid_text()
    {
        var rng = new Random(5);
        for (int n = 0; n < 2000; n++)
        {
            char[] chars = new char[rng.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = rng.Next(4) switch
                {
                    0 => (char)rng.Next(0xD800, 0xE000),
                    1 => (char)rng.Next(0, 0x80),
                    2 => (char)rng.Next(0x600, 0x700),
                    _ => (char)rng.Next(0, 0x10000),
                };
            }

            string value = new(chars);
            byte[] bytes = new byte[StateText.GetByteCount(value)];
            Assert.Equal(bytes.Length, StateText.GetBytes(value, bytes));
            Assert.Equal(value, StateText.GetString(bytes));
            if (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) == value)
            {
                Assert.Equal(Encoding.UTF8.GetBytes(value), bytes);
            }
        }
    }
}
