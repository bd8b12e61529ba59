namespace Syndicate.Tests.Attribution;

/// <summary>Locates the repository's fixtures folder by walking up from the test assembly.</summary>
internal static class SeedFixtures
{
    public static string SeedsDirectory { get; } = Locate();

    public static (string Title, string Text) Read(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(SeedsDirectory, fileName));
        var newline = text.IndexOf('\n');
        return (text[..newline].Trim(), text);
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "fixtures", "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("fixtures/seeds not found above " + AppContext.BaseDirectory);
    }
}
