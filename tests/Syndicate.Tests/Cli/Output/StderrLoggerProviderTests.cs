using Microsoft.Extensions.Logging;
using Syndicate.Cli.Output;

namespace Syndicate.Tests.Cli.Output;

public sealed class StderrLoggerProviderTests
{
    [Fact]
    public void Writes_one_line_per_entry_at_or_above_the_minimum_level()
    {
        var writer = new StringWriter();
        using (ILoggerFactory factory = StderrLoggerProvider.CreateFactory(LogLevel.Information, writer))
        {
            ILogger logger = factory.CreateLogger("syndicate");
            logger.LogDebug("not shown");
            logger.LogInformation("merged cluster {From} into {To}", 3, 1);
            logger.LogWarning("two\nlines");
            logger.LogError(new IOException("disk full"), "checkpoint failed");
            Assert.False(logger.IsEnabled(LogLevel.Debug));
        }

        Assert.Equal(
            ["info: merged cluster 3 into 1", "warn: two lines", "fail: checkpoint failed (disk full)"],
            writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
