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
    /// <summary>
    /// <c>$SYNDICATE_DATA</c>, else <c>../shared/data</c> relative to the repository root, else (for a checkout nested
    /// deeper, such as a git worktree) the <c>shared/data</c> of the nearest ancestor that has one.
    /// </summary>
    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SYNDICATE_DATA") is { Length: > 0 } variable)
            {
                return variable;
            }

            string beside = Path.GetFullPath(Path.Combine(TestData.RepoRoot, "..", "shared", "data"));
            for (DirectoryInfo? d = new DirectoryInfo(TestData.RepoRoot).Parent; d is not null && !System.IO.Directory.Exists(beside); d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "data");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return beside;
        }
    }

    public static string File(params string[] parts) => Path.Combine([Directory, .. parts]);
}

/// <summary>
/// A fact over the judged samples in <c>fixtures/judged</c> (<c>*.pairs.jsonl</c>) and the real corpora they were drawn
/// from; reported as skipped when either is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class JudgedSamplesFactAttribute : FactAttribute
{
    public JudgedSamplesFactAttribute()
    {
        if (!System.IO.Directory.Exists(SharedData.Directory))
        {
            Skip = $"needs {SharedData.Directory} (the shared real corpora; set SYNDICATE_DATA to point elsewhere)";
        }
        else if (PairFiles.Count == 0)
        {
            Skip = "fixtures/judged holds no *.pairs.jsonl";
        }
    }

    /// <summary>The judged samples' pairs files, in ordinal order.</summary>
    public static IReadOnlyList<string> PairFiles
    {
        get
        {
            string directory = TestData.FixturePath("judged");
            return System.IO.Directory.Exists(directory)
                ? [.. System.IO.Directory.EnumerateFiles(directory, "*.pairs.jsonl").Order(StringComparer.Ordinal)]
                : [];
        }
    }
}
