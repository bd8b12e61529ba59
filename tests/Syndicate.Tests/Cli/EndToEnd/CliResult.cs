using System.Text;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>What one run of the <c>syndicate</c> process produced.</summary>
internal sealed class CliResult(int exitCode, byte[] stdout, string stderr)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Standard output as written, for byte-for-byte comparisons.</summary>
    public byte[] StdoutBytes { get; } = stdout;

    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public string Stderr { get; } = stderr;

    /// <summary>The lines of standard output, each without its line feed; a final line feed ends the last line.</summary>
    public string[] Lines => Stdout.Length == 0 ? [] : Stdout.TrimEnd('\n').Split('\n');

    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The lines of standard error but the notice that an input's articles have no publication time, which runs of
    /// made-up inputs without times print and which says nothing about what a test looks at.
    /// </summary>
    public string[] Diagnostics => [.. ErrorLines.Where(l => !IsTimeNotice(l))];

    /// <summary>True for the notice of an input without publication times (<c>ArticleReader.UntimedMessage</c>).</summary>
    public static bool IsTimeNotice(string line) => line.Contains(": no publication time ('published' or 'date') in ", StringComparison.Ordinal);

    /// <summary>Fails with both streams in the message, so a red test says what the tool printed.</summary>
    public CliResult Expect(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"exit code {ExitCode}, expected {exitCode}\nstderr:\n{Stderr}\nstdout (start):\n{Head(Stdout)}");
        return this;
    }

    /// <summary>
    /// A clean run: exit code 0 and nothing on stderr (no progress bar, no log lines when piped) but, for an input
    /// without publication times, the notice that says so.
    /// </summary>
    public CliResult ExpectClean()
    {
        Expect(0);
        Assert.True(Diagnostics.Length == 0, "stderr was not empty:\n" + Stderr);
        return this;
    }

    /// <summary>Bad input is reported in plain lines: no exception type names, no stack frames.</summary>
    public void ExpectNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Stderr, StringComparison.Ordinal);
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000];
}
