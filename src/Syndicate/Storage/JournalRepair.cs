using System.Globalization;

namespace Syndicate.Storage;

/// <summary>
/// What opening a durable state cut from the end of its journal: a damaged tail (a record cut short by a crash, or the
/// zeros a power cut leaves where the file system had reserved room for data never written). The journal now ends at
/// the last valid record; every record before it was replayed. An engine opened read-only
/// (<see cref="SyndicationEngine.OpenReadOnly"/>) replays the same records but leaves the tail in the file.
/// </summary>
/// <remarks>
/// Only a tail is cut. Damage followed by more data is not a crash's signature but corruption, and opening refuses it
/// with a message that says where the last valid record ends.
/// </remarks>
public sealed class JournalRepair
{
    internal JournalRepair(string path, long validLength, int droppedRecords, long droppedBytes, string reason, bool cut = true)
    {
        _cut = cut;
        Path = path;
        ValidLength = validLength;
        DroppedRecords = droppedRecords;
        DroppedBytes = droppedBytes;
        Reason = reason;
    }

    private readonly bool _cut;

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>The journal's length after the cut: the end of its last valid record.</summary>
    public long ValidLength { get; }

    /// <summary>Records dropped: 1 for a record cut short, 0 for a tail of zeros.</summary>
    public int DroppedRecords { get; }

    /// <summary>Bytes cut from the end of the journal.</summary>
    public long DroppedBytes { get; }

    /// <summary>What the damaged tail was.</summary>
    public string Reason { get; }

    /// <summary>The same damage, described as read past rather than cut (the file was opened read-only).</summary>
    internal JournalRepair LeftInPlace() => new(Path, ValidLength, DroppedRecords, DroppedBytes, Reason, cut: false);

    /// <summary>One line for a warning: the file, what was dropped and why.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}: the journal's end was damaged ({Reason}); {(_cut ? "cut back to" : "read up to")} the last valid record at offset {ValidLength}: {DroppedRecords} {(DroppedRecords == 1 ? "record" : "records")} ({DroppedBytes} bytes) {(_cut ? "dropped" : "skipped, the file left as it is (opened read-only)")}");
}
