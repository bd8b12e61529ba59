namespace Syndicate.Cli.Evaluation;

/// <summary>Where the real corpora live: <c>../shared/data</c> beside the repository, unless an option or the environment says otherwise.</summary>
internal static class DataDirectory
{
    /// <summary>The environment variable that overrides the data directory.</summary>
    public const string Variable = "SYNDICATE_DATA";

    /// <summary>
    /// The data directory: <paramref name="option"/> when given, else <c>$SYNDICATE_DATA</c>, else <c>../shared/data</c>
    /// relative to the repository holding <paramref name="near"/> (the nearest ancestor with <c>Syndicate.sln</c>), else
    /// relative to the one holding the current directory; <see langword="null"/> when none of these is known.
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
        return root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
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
