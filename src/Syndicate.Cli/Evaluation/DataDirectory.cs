namespace Syndicate.Cli.Evaluation;

/// <summary>Where the real corpora live: <c>../shared/data</c> beside the repository, unless an option or the environment says otherwise.</summary>
internal static class DataDirectory
{
    /// <summary>The environment variable that overrides the data directory.</summary>
    public const string Variable = "SYNDICATE_DATA";

    /// <summary>
    /// The data directory: <paramref name="option"/> when given, else <c>$SYNDICATE_DATA</c>, else <c>../shared/data</c>
    /// relative to the repository holding <paramref name="near"/> (the nearest ancestor with <c>Syndicate.sln</c>) or the
    /// current directory, or when that does not exist the <c>shared/data</c> of the nearest ancestor that has one;
    /// <see langword="null"/> outside a repository.
    /// </summary>
    public static string? Resolve(string? option, string? near)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } variable)
        {
            return variable;
        }

        string? root = (near is null ? null : FindRepositoryRoot(near)) ?? FindRepositoryRoot(Directory.GetCurrentDirectory());
        if (root is null)
        {
            return null;
        }

        // ../shared/data beside the repository; for a checkout nested deeper (a git worktree), the nearest ancestor's.
        string beside = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        for (DirectoryInfo? d = new DirectoryInfo(root).Parent; d is not null && !Directory.Exists(beside); d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return beside;
    }

    /// <summary>The nearest ancestor of <paramref name="path"/> (a file or directory) that holds <c>Syndicate.sln</c>.</summary>
    public static string? FindRepositoryRoot(string path)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(path)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Syndicate.sln")) || File.Exists(Path.Combine(directory.FullName, "Syndicate.slnx")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
