namespace Syndicate.Tests.Fuzz;

/// <summary>
/// Tests that measure the process's managed heap, which every test running beside them would also fill: they run
/// alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "Process memory";
}
