using System.Text.Json;
using Syndicate.Tests.Cli.EndToEnd;

namespace Syndicate.Tests.Cli.Report;

/// <summary>The bundled corpus's html report and its json report, made once for a test class on first use.</summary>
public sealed class BundledReport : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Lazy<JsonElement> _report;
    private readonly Lazy<string> _html;

    public BundledReport()
    {
        _html = new(() =>
        {
            string path = _dir.File("report.html");
            SyndicateCli.Run("cluster", Corpus.Path, "--format", "html", "--out", path).ExpectClean();
            return path;
        });
        _report = new(() => JsonDocument.Parse(SyndicateCli.Run("cluster", Corpus.Path, "--format", "json").ExpectClean().Stdout).RootElement.Clone());
    }

    /// <summary>The path of the html report.</summary>
    public string Html => _html.Value;

    /// <summary>The json report of the same run.</summary>
    public JsonElement Report => _report.Value;

    public void Dispose() => _dir.Dispose();
}
