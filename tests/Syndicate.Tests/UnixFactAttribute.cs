namespace Syndicate.Tests;

/// <summary>
/// A fact that needs Linux files or programs (<c>/dev/full</c>, <c>/bin/sh</c>, FIFOs); reported as skipped where one
/// is missing, never passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class UnixFactAttribute : FactAttribute
{
    /// <param name="paths">Files the test uses.</param>
    public UnixFactAttribute(params string[] paths)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux";
        }
        else if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            Skip = "needs " + missing;
        }
    }
}
