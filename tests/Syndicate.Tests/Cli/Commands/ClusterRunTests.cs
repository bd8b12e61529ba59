using Syndicate.Cli.Commands;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Commands;

/// <summary>Reading ahead on another thread gives the engine the same batches, in the same order, as reading in turn.</summary>
public sealed class ClusterRunTests
{
    private static IEnumerable<InputRecord> Records(int count, int? failAt = null)
    {
        for (int i = 0; i < count; i++)
        {
            if (i == failAt)
            {
                throw new InvalidDataException($"record {i} is bad");
            }

            yield return new InputRecord(new Article($"a{i}", "outlet", $"body {i}"), "input.jsonl", i + 1);
        }
    }

    [Fact]
    public void Batches_hold_every_record_in_input_order()
    {
        List<List<Article>> batches = [.. ClusterRun.ReadAhead(Records(10_000))];

        Assert.Equal([4096, 4096, 1808], batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => $"a{i}"), batches.SelectMany(b => b).Select(a => a.Id));
        Assert.Empty(ClusterRun.ReadAhead(Records(0)));
    }

    [Fact]
    public void A_reading_error_reaches_the_caller_after_the_batches_read_before_it()
    {
        var taken = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (List<Article> batch in ClusterRun.ReadAhead(Records(10_000, failAt: 9_000)))
            {
                taken.Add(batch.Count);
            }
        });

        Assert.Equal("record 9000 is bad", error.Message);
        Assert.Equal([4096, 4096], taken);
    }

    [Fact]
    public void A_caller_that_stops_early_does_not_wait_for_the_rest()
    {
        // An endless input: stopping must not wait for it to end.
        static IEnumerable<InputRecord> Endless()
        {
            for (long i = 0; ; i++)
            {
                yield return new InputRecord(new Article($"a{i}", "outlet", "body"), "-", i + 1);
            }
        }

        Assert.Equal(4096, ClusterRun.ReadAhead(Endless()).First().Count);
    }
}
