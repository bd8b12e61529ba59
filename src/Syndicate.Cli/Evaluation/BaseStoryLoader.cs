using System.Text.RegularExpressions;
using Syndicate.Sketches;

namespace Syndicate.Cli.Evaluation;

/// <summary>Loads base stories for <see cref="CorpusGenerator"/>: from the shared news corpora, a JSONL file, or the bundled seeds.</summary>
internal static partial class BaseStoryLoader
{
    /// <summary>The fewest words a shared-data article needs to make a realistic wire story.</summary>
    public const int MinWords = 150;

    /// <summary>The most words: longer items are features and analyses, which wires rarely move whole.</summary>
    public const int MaxWords = 800;

    /// <summary>The fewest paragraphs, so that partial copies and borrowed background paragraphs are possible.</summary>
    public const int MinParagraphs = 3;

    /// <summary>
    /// The default shared corpus: ANT's outlets rarely carry each other's copy, so its articles are distinct stories.
    /// SaudiNewsNet is full of natural reprints, which would be unlabelled duplicates among the base stories.
    /// </summary>
    public const string DefaultSharedFile = "ant-multisource.jsonl.gz";

    private const string ContinuesLine = "(تستمر)";
    private const string CommentsWidget = "أفكارك وتعليقاتك";

    /// <summary>
    /// The nearest <c>shared/data</c> directory holding <c>*.jsonl.gz</c> files, looking in <paramref name="start"/> (or the
    /// current directory) and its ancestors; <paramref name="start"/> may also be that directory itself.
    /// </summary>
    public static string? FindSharedData(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        if (directory.Exists && directory.EnumerateFiles("*.jsonl.gz").Any())
        {
            return directory.FullName;
        }

        return FindUpwards(directory, Path.Combine("shared", "data"), d => d.EnumerateFiles("*.jsonl.gz").Any());
    }

    /// <summary>The nearest <c>fixtures/seeds</c> directory, looking in <paramref name="start"/> and its ancestors.</summary>
    public static string? FindSeeds(string? start = null) =>
        FindUpwards(new DirectoryInfo(start ?? Directory.GetCurrentDirectory()), Path.Combine("fixtures", "seeds"), d => d.EnumerateFiles("*.txt").Any());

    /// <summary>
    /// Base stories from the shared data when it can be found from <paramref name="start"/>, otherwise the bundled seeds
    /// (a small corpus).
    /// </summary>
    public static IReadOnlyList<BaseStory> Load(int count, ulong seed, string? start = null)
    {
        var shared = FindSharedData(start);
        if (shared is not null)
        {
            return LoadSharedData(shared, count, seed);
        }

        var seeds = FindSeeds(start) ?? throw new DirectoryNotFoundException("Neither shared/data nor fixtures/seeds was found.");
        return LoadSeeds(seeds);
    }

    /// <summary>
    /// A seeded uniform sample (reservoir sampling) of <paramref name="count"/> articles of <see cref="MinWords"/>–
    /// <see cref="MaxWords"/> words in at least <see cref="MinParagraphs"/> paragraphs, with distinct headlines.
    /// </summary>
    /// <param name="dataDirectory">The directory holding the <c>*.jsonl.gz</c> files.</param>
    /// <param name="count">How many stories to return.</param>
    /// <param name="seed">The sample's seed.</param>
    /// <param name="fileName">One file to read, or <see langword="null"/> for every <c>*.jsonl.gz</c> file in name order.</param>
    public static IReadOnlyList<BaseStory> LoadSharedData(string dataDirectory, int count, ulong seed, string? fileName = DefaultSharedFile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var files = fileName is not null && File.Exists(Path.Combine(dataDirectory, fileName))
            ? [Path.Combine(dataDirectory, fileName)]
            : Directory.GetFiles(dataDirectory, "*.jsonl.gz").Order(StringComparer.Ordinal).ToArray();

        var rng = new SplitMix64(seed);
        var sample = new List<BaseStory>(count);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var eligible = 0;
        foreach (var file in files)
        {
            using var gzip = new Input.CheckedGzipStream(File.OpenRead(file));
            foreach (var story in ReadStories(gzip))
            {
                if (!IsEligible(story) || !titles.Add(story.Title))
                {
                    continue;
                }

                if (sample.Count < count)
                {
                    sample.Add(story);
                }
                else
                {
                    var j = (int)Math.BigMul(rng.NextUInt64(), (ulong)(eligible + 1), out _);
                    if (j < count)
                    {
                        sample[j] = story;
                    }
                }

                eligible++;
            }
        }

        return sample;
    }

    /// <summary>Reads base stories from JSONL with <c>id</c>, <c>title</c> and <c>body</c> (paragraphs separated by newlines).</summary>
    public static IReadOnlyList<BaseStory> LoadJsonl(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadStories(stream).ToList();
    }

    /// <summary>
    /// Reads the bundled seed articles: outlet copies whose furniture (repeated headline, dateline, <c>(تستمر)</c>, the
    /// comments widget) is stripped, leaving the wire text.
    /// </summary>
    public static IReadOnlyList<BaseStory> LoadSeeds(string seedsDirectory)
    {
        var result = new List<BaseStory>();
        foreach (var file in Directory.GetFiles(seedsDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count < 2)
            {
                continue;
            }

            var title = lines[0];
            var paragraphs = lines.Skip(1)
                .Where(l => !string.Equals(l, title, StringComparison.Ordinal)
                    && !string.Equals(l, ContinuesLine, StringComparison.Ordinal)
                    && !l.StartsWith(CommentsWidget, StringComparison.Ordinal))
                .ToList();
            if (paragraphs.Count == 0)
            {
                continue;
            }

            paragraphs[0] = LeadingDateline().Replace(paragraphs[0], string.Empty, 1);
            result.Add(new BaseStory("seed-" + Path.GetFileNameWithoutExtension(file), title, paragraphs));
        }

        return result;
    }

    private static bool IsEligible(BaseStory story)
    {
        if (story.Title.Length == 0 || story.Paragraphs.Count < MinParagraphs)
        {
            return false;
        }

        var words = 0;
        foreach (var paragraph in story.Paragraphs)
        {
            words += paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return words is >= MinWords and <= MaxWords;
    }

    private static IEnumerable<BaseStory> ReadStories(Stream stream)
    {
        foreach (var root in CorpusJsonl.ReadLines(stream))
        {
            var id = CorpusJsonl.OptionalString(root, "id");
            var title = CorpusJsonl.OptionalString(root, "title")?.Trim() ?? string.Empty;
            var body = CorpusJsonl.OptionalString(root, "body") ?? string.Empty;
            var paragraphs = body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (string.IsNullOrEmpty(id) || paragraphs.Length == 0)
            {
                continue;
            }

            yield return new BaseStory(id, title, paragraphs);
        }
    }

    private static string? FindUpwards(DirectoryInfo? directory, string relative, Func<DirectoryInfo, bool> accept)
    {
        for (; directory is not null; directory = directory.Parent)
        {
            var candidate = new DirectoryInfo(Path.Combine(directory.FullName, relative));
            if (candidate.Exists && accept(candidate))
            {
                return candidate.FullName;
            }
        }

        return null;
    }

    // "( أردو بوینت نتورك ۔ / سبوتنيك - 18 كانون الثاني 2022ء) ": an opening parenthesis group that credits a wire.
    [GeneratedRegex(@"^\s*\([^()]*/[^()]*\)\s*")]
    private static partial Regex LeadingDateline();
}
