using System.Text.Json;

namespace Syndicate.Cli.Evaluation;

/// <summary>Reads per-article predictions in the CLI's output schema (see <see cref="ArticlePrediction"/>).</summary>
internal static class PredictionJsonl
{
    public static List<ArticlePrediction> Read(Stream source)
    {
        var result = new List<ArticlePrediction>();
        foreach (var root in CorpusJsonl.ReadLines(source))
        {
            var cluster = root.GetProperty("cluster");
            result.Add(new ArticlePrediction(
                root.GetProperty("id").GetString()!,
                cluster.ValueKind == JsonValueKind.String ? cluster.GetString()! : cluster.GetRawText(),
                root.TryGetProperty("canonical", out var canonical) && canonical.ValueKind == JsonValueKind.True,
                CorpusJsonl.OptionalString(root, "relation"),
                root.TryGetProperty("similarity", out var similarity) && similarity.ValueKind == JsonValueKind.Number ? similarity.GetDouble() : null,
                CorpusJsonl.OptionalString(root, "source"),
                CorpusJsonl.OptionalString(root, "wire")));
        }

        return result;
    }

    public static List<ArticlePrediction> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }
}
