using Syndicate.Cli.Commands;

namespace Syndicate.Tests.Cli.Commands;

/// <summary>A run reserves room for the input it is reading, estimated from what it has read, within bounds.</summary>
public sealed class CapacityPlanTests
{
    [Fact]
    public void Reserves_the_articles_read_scaled_to_the_whole_input_with_headroom()
    {
        // 4,096 articles in a fifth of the input: about 20,480 in all, and a tenth more.
        Assert.Equal(22_528, CapacityPlan.Reserve(4096, 0.2, reserved: 0));
        // The whole input read: the articles themselves, and the headroom.
        Assert.Equal(1100, CapacityPlan.Reserve(1000, 1.0, reserved: 0));
        // A share over one (inputs that grew while read) counts as all of it.
        Assert.Equal(1100, CapacityPlan.Reserve(1000, 1.7, reserved: 0));
    }

    [Fact]
    public void Reserves_nothing_when_the_room_is_there_or_the_share_is_unknown()
    {
        Assert.Null(CapacityPlan.Reserve(4096, 0.2, reserved: 30_000));
        Assert.Null(CapacityPlan.Reserve(4096, 0, reserved: 0));
        Assert.Null(CapacityPlan.Reserve(4096, double.NaN, reserved: 0));
        Assert.Null(CapacityPlan.Reserve(0, 0.5, reserved: 0));
    }

    [Fact]
    public void Never_reserves_more_than_a_bounded_multiple_of_what_was_read()
    {
        // Short first records in a large input: at most eight times the articles read, taken again as reading goes on.
        Assert.Equal(4096 * CapacityPlan.MaxGrowth, CapacityPlan.Reserve(4096, 0.001, reserved: 0));
        Assert.Equal(32_768 * CapacityPlan.MaxGrowth, CapacityPlan.Reserve(32_768, 0.008, reserved: 4096 * CapacityPlan.MaxGrowth));
        // And never more than an engine can hold.
        Assert.Equal(CapacityPlan.MaxCapacity, CapacityPlan.Reserve(20_000_000, 0.5, reserved: 0));
    }

    [Fact]
    public void The_bound_is_the_engines_own()
    {
        using var engine = new SyndicationEngine();
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.EnsureCapacity(CapacityPlan.MaxCapacity + 1));
    }
}
