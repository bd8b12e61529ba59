using System.Runtime.Intrinsics.X86;

namespace Syndicate.Tests;

/// <summary>A fact about the AVX2 code paths: reported as skipped, never passed, on a host without AVX2.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class Avx2FactAttribute : FactAttribute
{
    public Avx2FactAttribute()
    {
        if (!Avx2.IsSupported)
        {
            Skip = "needs a host with AVX2";
        }
    }
}

/// <summary>
/// A fact that runs for many minutes: reported as skipped, never passed, unless <see cref="Variable"/> is <c>1</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class LongFactAttribute : FactAttribute
{
    /// <summary>The environment variable that turns the long tests on.</summary>
    public const string Variable = "SYNDICATE_LONG_TESTS";

    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"a long test: set {Variable}=1 to run it";
        }
    }
}
