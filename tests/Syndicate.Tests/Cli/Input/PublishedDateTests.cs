using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class PublishedDateTests
{
    [Theory]
    [InlineData("Tue, 21 Jul 2015 02:16:13 +0300", "2015-07-21T02:16:13+03:00")]
    [InlineData("21 Jul 2015 02:16:13 GMT", "2015-07-21T02:16:13+00:00")]
    [InlineData("Tue, 21 Jul 2015 02:16 EDT", "2015-07-21T02:16:00-04:00")]
    [InlineData("Tue, 1 Jul 15 2:16:13 -0130", "2015-07-01T02:16:13-01:30")]
    [InlineData("Tue, 21 Jul 2015 02:16:13 Z", "2015-07-21T02:16:13+00:00")]
    [InlineData("2015-07-21T02:16:13+03:00", "2015-07-21T02:16:13+03:00")]
    public void Parses_rfc822(string text, string expected)
    {
        Assert.True(PublishedDate.TryParseRfc822(text, out var value));
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, value);
        Assert.Equal(want.Offset, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("someday")]
    [InlineData("Tue, 32 Jul 2015 02:16:13 +0300")]
    [InlineData("Tue, 21 Jul 2015 02:16:13 +9900")]
    public void Rejects_bad_rfc822(string text)
    {
        Assert.False(PublishedDate.TryParseRfc822(text, out _));
    }
}
