using Syndicate.Fingerprinting;
using Syndicate.Index;
using Syndicate.Sketches;

namespace Syndicate.Clustering;

/// <summary>
/// Struct-of-arrays storage of indexed articles, addressed by dense integer handles that are reused after removal.
/// Per article: <c>k</c> signature bytes, a lead sketch of <see cref="Fingerprint.LeadSize"/> 32-bit values and a few
/// scalars; metadata strings live in one <see cref="DocumentInfo"/> per article.
/// </summary>
internal sealed class DocumentTable : ISignatureSource
{
    private readonly int _k;
    private byte[] _signatures;
    private byte[] _evidence;
    private uint[] _leads;
    private byte[] _leadCounts;
    private int[] _shingleCounts;
    private ulong[] _contentHashes;
    private long[] _timestamps;
    private DocumentInfo?[] _infos;
    private ClusterState?[] _clusters;
    private readonly Stack<int> _free = new();
    private int _highWater;

    // Documents restored from a state whose fingerprints another revision of the text pipeline computed, by handle;
    // null until there is one (only after an upgrade or a downgrade), so that it costs nothing otherwise.
    private Dictionary<int, int>? _otherRevisions;

    public DocumentTable(int signatureLength, int initialCapacity = 1024)
    {
        _k = signatureLength;
        int capacity = Math.Max(16, initialCapacity);
        _signatures = new byte[capacity * _k];
        _evidence = new byte[capacity * Fingerprinting.Evidence.RowBytes];
        _leads = new uint[capacity * Fingerprint.LeadSize];
        _leadCounts = new byte[capacity];
        _shingleCounts = new int[capacity];
        _contentHashes = new ulong[capacity];
        _timestamps = new long[capacity];
        _infos = new DocumentInfo?[capacity];
        _clusters = new ClusterState?[capacity];
    }

    /// <summary>Live articles.</summary>
    public int Count { get; private set; }

    /// <summary>One past the highest handle ever used: iterate handles below it and skip free ones.</summary>
    public int HighWater => _highWater;

    public int Capacity => _infos.Length;

    public int Add(Fingerprint print, DocumentInfo info, long timestamp)
    {
        int handle = _free.Count > 0 ? _free.Pop() : _highWater++;
        Place(handle, print.Signature, print.Evidence, print.Lead, print.ShingleCount, print.ContentHash, info, timestamp);
        return handle;
    }

    /// <summary>Puts a document back at the handle it had (restoring a snapshot).</summary>
    public void Restore(int handle, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> evidence, ReadOnlySpan<uint> lead, int shingleCount, ulong contentHash, DocumentInfo info, long timestamp)
    {
        _highWater = Math.Max(_highWater, handle + 1);
        Place(handle, signature, evidence, lead, shingleCount, contentHash, info, timestamp);
    }

    /// <summary>
    /// Grows the arrays to hold handles below <paramref name="capacity"/> at once, before a restore or a batch puts that
    /// many in: growing a quarter at a time would copy every array about five times over. Arrays that already hold
    /// documents grow by at least a quarter, as adding would grow them, so that reserving a few more at a time does not
    /// copy them at every call.
    /// </summary>
    public void Reserve(int capacity)
    {
        if (capacity > _infos.Length)
        {
            Grow(Count == 0 ? capacity : Math.Max(capacity, _infos.Length + (_infos.Length >> 2)));
        }
    }

    /// <summary>Free handles in the order they will be reused (top of the stack first).</summary>
    public int[] FreeHandles() => _free.ToArray();

    /// <summary>Restores the high-water mark and the reuse order of free handles.</summary>
    public void RestoreFree(int highWater, int[] freeTopFirst)
    {
        _highWater = highWater;
        if (highWater > _infos.Length)
        {
            Grow(highWater);
        }

        _free.Clear();
        for (int i = freeTopFirst.Length - 1; i >= 0; i--)
        {
            _free.Push(freeTopFirst[i]);
        }
    }

    private void Place(int handle, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> evidence, ReadOnlySpan<uint> lead, int shingleCount, ulong contentHash, DocumentInfo info, long timestamp)
    {
        if (handle >= _infos.Length)
        {
            // A quarter at a time rather than doubling: these arrays are most of an article's resident bytes.
            Grow(Math.Max(handle + 1, _infos.Length + (_infos.Length >> 2)));
        }

        signature.CopyTo(_signatures.AsSpan(handle * _k, _k));
        evidence.CopyTo(_evidence.AsSpan(handle * Fingerprinting.Evidence.RowBytes, Fingerprinting.Evidence.RowBytes));
        lead.CopyTo(_leads.AsSpan(handle * Fingerprint.LeadSize, Fingerprint.LeadSize));
        _leadCounts[handle] = (byte)lead.Length;
        _shingleCounts[handle] = shingleCount;
        _contentHashes[handle] = contentHash;
        _timestamps[handle] = timestamp;
        _infos[handle] = info;
        Count++;
    }

    /// <summary>Documents whose fingerprints another <see cref="Fingerprinter.Revision"/> computed.</summary>
    public int OtherRevisionCount => _otherRevisions?.Count ?? 0;

    /// <summary>The <see cref="Fingerprinter.Revision"/> that computed the fingerprint of a live document (0: unrecorded).</summary>
    public int Revision(int handle) =>
        _otherRevisions is not null && _otherRevisions.TryGetValue(handle, out int revision) ? revision : Fingerprinter.Revision;

    /// <summary>Records that a restored document's fingerprint was computed by <paramref name="revision"/>.</summary>
    public void SetRevision(int handle, int revision)
    {
        if (revision == Fingerprinter.Revision)
        {
            _otherRevisions?.Remove(handle);
        }
        else
        {
            (_otherRevisions ??= [])[handle] = revision;
        }
    }

    public void Remove(int handle)
    {
        _otherRevisions?.Remove(handle);
        _infos[handle] = null;
        _clusters[handle] = null;
        _free.Push(handle);
        Count--;
    }

    public bool IsLive(int handle) => (uint)handle < (uint)_highWater && _infos[handle] is not null;

    public ReadOnlySpan<byte> Signature(int handle) => _signatures.AsSpan(handle * _k, _k);

    /// <summary>The document's <see cref="Fingerprinting.Evidence"/> row.</summary>
    public ReadOnlySpan<byte> Evidence(int handle) => _evidence.AsSpan(handle * Fingerprinting.Evidence.RowBytes, Fingerprinting.Evidence.RowBytes);

    public ReadOnlySpan<uint> Lead(int handle) => _leads.AsSpan(handle * Fingerprint.LeadSize, _leadCounts[handle]);

    public int ShingleCount(int handle) => _shingleCounts[handle];

    public ulong ContentHash(int handle) => _contentHashes[handle];

    public long Timestamp(int handle) => _timestamps[handle];

    public DocumentInfo Info(int handle) => _infos[handle]!;

    public ClusterState Cluster(int handle) => _clusters[handle]!;

    public ClusterState? ClusterOrNull(int handle) => _clusters[handle];

    public void SetCluster(int handle, ClusterState cluster) => _clusters[handle] = cluster;

    /// <summary>
    /// The size of one <see cref="DocumentInfo"/> object (header and fields, strings excluded) on 64-bit runtimes; 32 of
    /// them keep the verdict the article got when it arrived (cluster, canonical copy, wire, carried stories), 8 the hash
    /// of its text.
    /// </summary>
    internal const long InfoObjectBytes = 136;

    /// <summary>Bytes held by the arrays and the <see cref="DocumentInfo"/> objects, excluding metadata strings.</summary>
    public long EstimatedBytes =>
        _signatures.LongLength + _evidence.LongLength + (_leads.LongLength * 4) + _leadCounts.LongLength + (_shingleCounts.LongLength * 4)
        + (_contentHashes.LongLength * 8) + (_timestamps.LongLength * 8) + (_infos.LongLength * 8) + (_clusters.LongLength * 8)
        + (Count * InfoObjectBytes);

    private void Grow(int capacity)
    {
        Array.Resize(ref _signatures, capacity * _k);
        Array.Resize(ref _evidence, capacity * Fingerprinting.Evidence.RowBytes);
        Array.Resize(ref _leads, capacity * Fingerprint.LeadSize);
        Array.Resize(ref _leadCounts, capacity);
        Array.Resize(ref _shingleCounts, capacity);
        Array.Resize(ref _contentHashes, capacity);
        Array.Resize(ref _timestamps, capacity);
        Array.Resize(ref _infos, capacity);
        Array.Resize(ref _clusters, capacity);
    }
}
