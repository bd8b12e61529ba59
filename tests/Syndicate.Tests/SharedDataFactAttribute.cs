namespace Syndicate.Tests;

/// <summary>
/// A fact that needs the real corpora in <c>../shared/data</c> (beside the repository root, or where
/// <c>SYNDICATE_DATA</c> points). Without them the test is reported as skipped, never passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    /// <param name="files">The files the test reads, relative to the data directory.</param>
    public SharedDataFactAttribute(params string[] files)
    {
        string directory = SharedData.Directory;
        string? missing = files.FirstOrDefault(f => !File.Exists(Path.Combine(directory, f)));
        if (!System.IO.Directory.Exists(directory) || missing is not null)
        {
            Skip = $"needs {Path.Combine(directory, missing ?? "")} (the shared real corpora; set SYNDICATE_DATA to point elsewhere)";
        }
    }
}

/// <summary>Where the shared real corpora are.</summary>
internal static class SharedData
{
    /// <summary><c>$SYNDICATE_DATA</c>, else <c>../shared/data</c> relative to the repository root.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("SYNDICATE_DATA") is { Length: > 0 } variable
            ? variable
            : Path.GetFullPath(Path.Combine(TestData.RepoRoot, "..", "shared", "data"));

    public static string File(params string[] parts) => Path.Combine([Directory, .. parts]);
}
