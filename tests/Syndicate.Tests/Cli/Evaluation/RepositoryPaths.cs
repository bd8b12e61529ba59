namespace Syndicate.Tests.Cli.Evaluation;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding <c>fixtures/seeds</c>.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "fixtures", "seeds")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("fixtures/seeds not found above " + AppContext.BaseDirectory);
    }
}
