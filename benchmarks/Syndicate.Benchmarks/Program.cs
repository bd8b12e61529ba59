using BenchmarkDotNet.Running;

namespace Syndicate.Benchmarks;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's switcher, except <c>store ...</c>, the load run of the PostgreSQL store (<see cref="StoreLoad"/>),
    /// which times whole runs and single calls under concurrency rather than one operation in isolation.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["store", .. var rest])
        {
            return await StoreLoad.RunAsync(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
