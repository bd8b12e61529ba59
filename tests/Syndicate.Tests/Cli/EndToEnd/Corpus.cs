using System.Text.Json;
using Syndicate.Tests.Cli.Evaluation;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>The bundled synthetic corpus (fixtures/synthetic) and the runs several tests share.</summary>
internal static class Corpus
{
    private static readonly Lazy<CliResult> s_jsonl = new(RunClusterJsonl);

    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "fixtures", "synthetic", "corpus.jsonl");

    public static string GoldPath { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "fixtures", "synthetic", "gold.jsonl");

    public static string SeedsPath { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "fixtures", "seeds");

    /// <summary>The corpus lines as stored, one article each.</summary>
    public static IReadOnlyList<string> Lines { get; } = File.ReadAllLines(Path).Where(l => l.Length > 0).ToArray();

    /// <summary>The articles in input order.</summary>
    public static IReadOnlyList<JsonElement> Articles { get; } = Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    public static IReadOnlyList<string> Ids { get; } = Articles.Select(a => a.GetProperty("id").GetString()!).ToArray();

    /// <summary>The gold story of each article id.</summary>
    public static IReadOnlyDictionary<string, string> Stories { get; } = File.ReadAllLines(GoldPath)
        .Where(l => l.Length > 0)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .ToDictionary(g => g.GetProperty("id").GetString()!, g => g.GetProperty("story").GetString()!, StringComparer.Ordinal);

    /// <summary><c>syndicate cluster corpus.jsonl --format jsonl</c>, run once for every test that needs it.</summary>
    public static CliResult ClusterJsonl => s_jsonl.Value;

    private static CliResult RunClusterJsonl() => SyndicateCli.Run("cluster", Path, "--format", "jsonl");

    public static IReadOnlyList<JsonElement> ParseLines(CliResult result) =>
        result.Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
}
