namespace Syndicate.Storage;

/// <summary>When an operation counts as safely stored.</summary>
public enum Durability
{
    /// <summary>
    /// Written to the operating system before <c>Add</c> returns: survives the process crashing or being killed, not a
    /// power cut or kernel crash. Costs one write system call per article. The default.
    /// </summary>
    Process = 0,

    /// <summary>
    /// Flushed to the disk before <c>Add</c> returns: survives power loss too, at the cost of an fsync. One fsync serves
    /// every add in flight (group commit): threads adding at once wait for the disk outside the engine's lock, so one
    /// thread's flush covers the articles the others journalled meanwhile, and <c>AddRange</c> flushes once for its
    /// whole batch. If a flush fails, the adds it was to cover throw and the engine takes no more changes until reopened.
    /// </summary>
    FlushToDisk = 1,
}
