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
    /// Flushed to the disk before <c>Add</c> returns: survives power loss too, at the cost of an fsync per article;
    /// <c>AddRange</c> flushes once for its whole batch (group commit).
    /// </summary>
    FlushToDisk = 1,
}
