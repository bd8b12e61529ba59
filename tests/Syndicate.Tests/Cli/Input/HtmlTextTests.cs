using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

public sealed class HtmlTextTests
{
    [Fact]
    public void Paragraphs_become_lines()
    {
        Assert.Equal("One two.\nThree.", HtmlText.ToText("<p>One\n  two.</p><p>Three.</p>"));
    }
}
