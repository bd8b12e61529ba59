namespace Syndicate.Storage;

/// <summary>
/// What the caller of a durable operation waits for, after releasing the engine's lock, before its answer counts as
/// acknowledged: the journal record that must reach the disk (<see cref="Durability.FlushToDisk"/>). The default ticket
/// waits for nothing (an in-memory engine, or a journal flushed only to the operating system).
/// </summary>
internal readonly struct DiskTicket
{
    private readonly Journal? _journal;
    private readonly long _sequence;

    public DiskTicket(Journal journal, long sequence)
    {
        _journal = journal;
        _sequence = sequence;
    }

    /// <summary>Returns once the record is on the disk; one flush serves every caller waiting at the time (group commit).</summary>
    /// <exception cref="StateException">The flush failed: the operation is not acknowledged, and the engine takes no more changes.</exception>
    public void Wait()
    {
        if (_journal is not { } journal)
        {
            return;
        }

        try
        {
            journal.WaitDurable(_sequence);
        }
        catch (IOException e)
        {
            throw new StateException(journal.Path, "flushing the journal to the disk failed, so the change just made is not acknowledged; this engine takes no more changes: dispose it and reopen the state (" + e.Message + ")", e);
        }
    }
}
