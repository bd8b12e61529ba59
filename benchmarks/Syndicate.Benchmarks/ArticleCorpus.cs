using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Syndicate.Benchmarks;

/// <summary>
/// Real article bodies for benchmarks: the first articles of SaudiNewsNet when the shared data
/// directory is present (found by walking up from the current directory and looking for
/// <c>../shared/data/saudinewsnet.jsonl.gz</c>), otherwise the seed documents in
/// <c>fixtures/seeds</c>.
/// </summary>
internal static class ArticleCorpus
{
    private const string CorpusFile = "saudinewsnet.jsonl.gz";

    /// <summary>Loads up to <paramref name="maxArticles"/> bodies, in file order.</summary>
    public static string[] LoadBodies(int maxArticles, out string origin)
    {
        string? corpus = FindUpwards(Path.Combine("..", "shared", "data", CorpusFile))
            ?? FindUpwards(Path.Combine("shared", "data", CorpusFile));
        if (corpus is not null)
        {
            origin = $"{CorpusFile}, first {maxArticles} bodies";
            return ReadJsonLines(corpus, maxArticles);
        }

        string? seeds = FindUpwards(Path.Combine("fixtures", "seeds"));
        if (seeds is null)
        {
            throw new FileNotFoundException("Neither the shared corpus nor fixtures/seeds was found.");
        }

        origin = "fixtures/seeds";
        return Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    }

    /// <summary>
    /// Loads up to <paramref name="maxArticles"/> whole articles (id, source, title, body), in file order; the seed
    /// documents become articles of one source named after their files.
    /// </summary>
    public static Article[] LoadArticles(int maxArticles, out string origin)
    {
        string? corpus = FindUpwards(Path.Combine("..", "shared", "data", CorpusFile))
            ?? FindUpwards(Path.Combine("shared", "data", CorpusFile));
        if (corpus is null)
        {
            string[] bodies = LoadBodies(maxArticles, out origin);
            return [.. bodies.Select((b, i) => new Article($"seed-{i}", "seeds", b))];
        }

        origin = $"{CorpusFile}, first {maxArticles} articles";
        var articles = new List<Article>(maxArticles);
        using var file = File.OpenRead(corpus);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (articles.Count < maxArticles && reader.ReadLine() is { } line)
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.TryGetProperty("body", out JsonElement body) && body.GetString() is { Length: > 0 } text)
            {
                string id = root.TryGetProperty("id", out JsonElement idValue) ? idValue.GetString() ?? "" : "";
                string source = root.TryGetProperty("source", out JsonElement sourceValue) ? sourceValue.GetString() ?? "" : "";
                string? title = root.TryGetProperty("title", out JsonElement titleValue) ? titleValue.GetString() : null;
                articles.Add(new Article(id.Length > 0 ? id : $"article-{articles.Count}", source, text) { Title = title });
            }
        }

        return [.. articles];
    }

    /// <summary>The UTF-8 size of <paramref name="bodies"/>, the unit of the MB/s column.</summary>
    public static long Utf8Bytes(IEnumerable<string> bodies) => bodies.Sum(b => (long)Encoding.UTF8.GetByteCount(b));

    private static string[] ReadJsonLines(string path, int maxArticles)
    {
        var bodies = new List<string>(maxArticles);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (bodies.Count < maxArticles && reader.ReadLine() is { } line)
        {
            using JsonDocument document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("body", out JsonElement body) && body.GetString() is { Length: > 0 } text)
            {
                bodies.Add(text);
            }
        }

        return [.. bodies];
    }

    internal static string? FindUpwards(string relative)
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.GetFullPath(Path.Combine(dir.FullName, relative));
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
