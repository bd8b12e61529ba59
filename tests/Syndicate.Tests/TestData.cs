using System.Text;

namespace Syndicate.Tests;

/// <summary>Locates the repository's fixtures and builds articles from them.</summary>
internal static class TestData
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string RepoRoot => s_root.Value;

    public static string FixturePath(params string[] parts) => Path.Combine([RepoRoot, "fixtures", .. parts]);

    /// <summary>The two seed documents: Sputnik stories reprinted by UrduPoint (0) and Pakistan Point News (1).</summary>
    public static string SeedText(int index)
    {
        string[] files = Directory.GetFiles(FixturePath("seeds"), "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        return File.ReadAllText(files[index], Encoding.UTF8);
    }

    /// <summary>A seed as an article: title = first line, body = the whole text (the engine strips the repeated title).</summary>
    public static Article Seed(int index, string? id = null, string source = "urdupoint", DateTimeOffset? published = null)
    {
        string text = SeedText(index);
        string title = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return new Article(id ?? $"seed-{index}", source, text) { Title = title, Published = published };
    }

    /// <summary>The story paragraphs of a seed: no title, no dateline, no markers, no widget.</summary>
    public static IReadOnlyList<string> StoryParagraphs(int index)
    {
        string[] lines = SeedText(index).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<string>();
        foreach (string line in lines.Skip(1))
        {
            if (line == lines[0] || line == "(تستمر)" || line == "أفكارك وتعليقاتك")
            {
                continue;
            }

            string paragraph = line;
            if (paragraph.StartsWith('('))
            {
                int close = paragraph.IndexOf(')', StringComparison.Ordinal);
                paragraph = paragraph[(close + 1)..].Trim();
            }

            result.Add(paragraph);
        }

        return result;
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir, "Syndicate.sln")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new InvalidOperationException("Repository root (Syndicate.sln) not found above " + AppContext.BaseDirectory);
    }
}
