using Syndicate.Index;

namespace Syndicate.Tests.Engine;

/// <summary>
/// <see cref="SyndicationOptions.FindInvalid"/> names the first option out of range and its rule, so that front ends
/// name their own setting without reading exception messages; <see cref="SyndicationOptions.Validate"/> agrees.
/// </summary>
public sealed class SyndicationOptionsTests
{
    public static TheoryData<string, string> InvalidOptions() => new()
    {
        { nameof(SyndicationOptions.ShingleSize), "must be between 1 and 16" },
        { nameof(SyndicationOptions.SignatureLength), "must be a multiple of 16 between 16 and 1024" },
        { nameof(SyndicationOptions.SimilarityThreshold), "must be in (0, 1]" },
        { nameof(SyndicationOptions.ContainmentThreshold), "must be in (0, 1]" },
        { nameof(SyndicationOptions.LshThreshold), "must be in (0, 1)" },
        { nameof(SyndicationOptions.Window), "must be positive" },
        { nameof(SyndicationOptions.Lsh), "needs bands × rows ≤ the signature length" },
    };

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Null(SyndicationOptions.Default.FindInvalid());
        SyndicationOptions.Default.Validate();
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void FindInvalid_NamesTheProperty_AndValidateThrowsForTheSame(string property, string rule)
    {
        SyndicationOptions options = property switch
        {
            nameof(SyndicationOptions.ShingleSize) => new() { ShingleSize = 0 },
            nameof(SyndicationOptions.SignatureLength) => new() { SignatureLength = 100 },
            nameof(SyndicationOptions.SimilarityThreshold) => new() { SimilarityThreshold = double.NaN },
            nameof(SyndicationOptions.ContainmentThreshold) => new() { ContainmentThreshold = 1.5 },
            nameof(SyndicationOptions.LshThreshold) => new() { LshThreshold = 1 },
            nameof(SyndicationOptions.Window) => new() { Window = TimeSpan.Zero },
            _ => new() { Lsh = new LshParameters(200, 5) },
        };

        Assert.Equal((property, rule), options.FindInvalid());
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(property, thrown.ParamName);
    }
}
