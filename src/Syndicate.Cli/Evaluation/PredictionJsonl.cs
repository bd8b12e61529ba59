using System.Text.Json;

namespace Syndicate.Cli.Evaluation;

/// <summary>Reads per-article predictions in the CLI's output schema (see <see cref="ArticlePrediction"/>).</summary>
internal static class PredictionJsonl
{
    private const string Expected = "a prediction {\"id\", \"cluster\", ...} as 'syndicate cluster --format jsonl' writes";

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
                CorpusJsonl.OptionalString(root, "wire"),
                Carries(root)));
        }

        return result;
    }

    /// <summary>The optional <c>carries</c> array: cluster keys, numbers read as their JSON text like <c>cluster</c>.</summary>
    private static List<string>? Carries(JsonElement root)
    {
        if (!root.TryGetProperty("carries", out JsonElement carries) || carries.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var keys = new List<string>(carries.GetArrayLength());
        foreach (JsonElement key in carries.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 } text)
            {
                keys.Add(text);
            }
            else if (key.ValueKind == JsonValueKind.Number)
            {
                keys.Add(key.GetRawText());
            }
        }

        return keys;
    }

    /// <summary>Reads and checks <paramref name="path"/> (gzip recognised by content).</summary>
    /// <exception cref="Input.InputException">The file cannot be read, or a line is not a prediction.</exception>
    public static List<ArticlePrediction> Read(string path)
    {
        var result = new List<ArticlePrediction>();
        foreach ((long line, JsonElement root) in LabelFile.ReadObjects(path))
        {
            string id = LabelFile.RequireString(path, line, root, "id", Expected);
            if (!root.TryGetProperty("cluster", out JsonElement cluster))
            {
                throw LabelFile.Fail(path, line, $"expected {Expected}; this line has no 'cluster'{LabelFile.Looks(root)}");
            }

            string key = cluster.ValueKind switch
            {
                JsonValueKind.String when cluster.GetString() is { Length: > 0 } text => text,
                JsonValueKind.Number => cluster.GetRawText(),
                _ => throw LabelFile.Fail(path, line, $"expected {Expected}; field 'cluster' must be a number or a non-empty string"),
            };
            result.Add(new ArticlePrediction(
                id,
                key,
                root.TryGetProperty("canonical", out JsonElement canonical) && canonical.ValueKind == JsonValueKind.True,
                CorpusJsonl.OptionalString(root, "relation"),
                root.TryGetProperty("similarity", out JsonElement similarity) && similarity.ValueKind == JsonValueKind.Number ? similarity.GetDouble() : null,
                CorpusJsonl.OptionalString(root, "source"),
                CorpusJsonl.OptionalString(root, "wire"),
                Carries(root)));
        }

        return result;
    }
}
