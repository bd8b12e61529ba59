namespace Syndicate.Cli.Input;

/// <summary>Pulls records, one at a time, out of one input of one format.</summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>The line reached so far, used to place an I/O failure that interrupts reading.</summary>
    public long Line { get; }

    /// <summary>
    /// Moves to the next record. Returns false at the end of the input; otherwise sets exactly one of
    /// <paramref name="record"/> and <paramref name="error"/>. After an error the input may be over (the next call then
    /// returns false) or reading may go on with the next record.
    /// </summary>
    public bool TryReadNext(out InputRecord? record, out InputError? error);

    /// <summary>
    /// The top-level fields of the records read so far that no article field is read from, when the format has named
    /// fields (JSON); each call returns every such field found, once any is new, and otherwise nothing.
    /// </summary>
    public IReadOnlyList<string> TakeUnreadFields() => [];

    /// <summary>
    /// The line that names the unread fields <see cref="TakeUnreadFields"/> returned with <paramref name="record"/>: the
    /// record's own, where each record names its fields (JSON); the header's, where one header names them for all (CSV).
    /// </summary>
    public long UnreadFieldsLine(InputRecord record) => record.Line;
}
