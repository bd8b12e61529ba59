using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Syndicate.Cleaning;
using Syndicate.Fingerprinting;
using Syndicate.Index;
using Syndicate.Internal;
using Syndicate.Sketches;

namespace Syndicate.Clustering;

/// <summary>The default <see cref="IClusterStore"/>: everything in process memory. Not thread-safe; the engine locks.</summary>
internal sealed class InMemoryClusterStore : IClusterStore
{
    private readonly HandleTable<string, IdKeys> _byId;
    private readonly HandleTable<ulong, ContentKeys> _exact;
    private readonly Dictionary<long, ClusterState> _clusters = [];
    private readonly LshIndex _lsh;
    private readonly LshIndex _leads;
    private readonly LshIndex _characters;
    private readonly List<int> _characterHits = [];
    private readonly List<int> _leadHits = [];
    private readonly List<RankedHit> _rankedHits = [];
    private readonly byte[] _leadKeyScratch = new byte[Fingerprint.LeadKeys * 4];
    private readonly LeadKeySource _leadKeySource;
    private long _nextClusterId = 1;

    // Between BeginRestore and EndRestore: the restored handles in sequence order, indexed all at once by EndRestore.
    private List<int>? _restoring;

    public InMemoryClusterStore(SyndicationOptions options, LshParameters lsh, int initialCapacity = 1024)
    {
        Documents = new DocumentTable(options.SignatureLength, initialCapacity);
        _byId = new HandleTable<string, IdKeys>(new IdKeys(Documents));
        _exact = new HandleTable<ulong, ContentKeys>(new ContentKeys(Documents));
        _lsh = new LshIndex(lsh.Bands, lsh.Rows, 1, Documents, initialCapacity);
        _leadKeySource = new LeadKeySource(Documents);
        _leads = new LshIndex(Fingerprint.LeadKeys, 1, 4, _leadKeySource, initialCapacity);
        _characters = new LshIndex(CharacterBands, CharacterRows, 2, new CharacterSource(Documents), initialCapacity);
        Boilerplate = new BoilerplateLearner(options.BoilerplateMinStories, options.Seed);
    }

    public DocumentTable Documents { get; }

    public IEnumerable<ClusterState> Clusters => _clusters.Values;

    public int ClusterCount => _clusters.Count;

    public BoilerplateLearner Boilerplate { get; }

    public long NextSequence { get; private set; }

    public long NextClusterId
    {
        get => _nextClusterId;
        set => _nextClusterId = value;
    }

    public long IndexBytes => _lsh.EstimatedBytes + _leads.EstimatedBytes + _characters.EstimatedBytes + _exact.EstimatedBytes + _byId.EstimatedBytes;

    /// <summary>
    /// Sizes the document table, the id and exact-copy maps, the three candidate indexes and the cluster map for
    /// <paramref name="articles"/> articles held at once, so that adding up to that many grows none of them (each would
    /// otherwise be copied several times over on its way up).
    /// </summary>
    public void EnsureCapacity(int articles)
    {
        Documents.Reserve(articles);
        _byId.Reserve(articles);
        _exact.Reserve(articles);
        _lsh.EnsureCapacity(articles);
        _leads.EnsureCapacity(articles);
        _characters.EnsureCapacity(articles);
        int clusters = _clusters.EnsureCapacity(0);
        if (articles > clusters)
        {
            // Doubling, as the map grows on its own: the map rehashes at every resize.
            _clusters.EnsureCapacity(Math.Max(articles, 2 * clusters));
        }
    }

    public bool TryGetHandle(string id, out int handle) => _byId.TryGetValue(id, out handle);

    public bool TryGetExact(ulong contentHash, out int handle) => _exact.TryGetValue(contentHash, out handle);

    public void FindCandidates(Fingerprint print, List<int> candidates, int maxCandidates)
    {
        if (print.IsEmpty)
        {
            return;
        }

        _lsh.Query(print.Signature, candidates, maxCandidates);
        if (candidates.Count < maxCandidates && print.Lead.Length >= Fingerprint.LeadKeys)
        {
            int before = candidates.Count;
            List<int> leadHits = _leadHits;
            leadHits.Clear();
            _leads.Query(LeadKeys(print.Lead), leadHits, maxCandidates - before);
            foreach (int h in leadHits)
            {
                if (!candidates.Contains(h))
                {
                    candidates.Add(h);
                }
            }
        }

        if (candidates.Count < maxCandidates && Evidence.CharacterCount(print.Evidence) > 0)
        {
            AddCharacterCandidates(print, candidates, maxCandidates);
        }
    }

    /// <summary>
    /// Rewrites: copies whose wording moved too far for the word bands but whose character grams still agree. At most
    /// <see cref="CharacterCandidates"/> of them, those that share the most bands first (the newer among equals); each
    /// band's key is read for its <see cref="CharacterBandDepth"/> newest holders.
    /// </summary>
    private void AddCharacterCandidates(Fingerprint print, List<int> candidates, int maxCandidates)
    {
        List<int> hits = _characterHits;
        hits.Clear();
        _characters.QueryHits(Evidence.CharacterSignature(print.Evidence), hits, CharacterBandDepth);
        if (hits.Count == 0)
        {
            return;
        }

        Span<int> all = CollectionsMarshal.AsSpan(hits);
        all.Sort();
        List<RankedHit> ranked = _rankedHits;
        ranked.Clear();
        for (int i = 0; i < all.Length;)
        {
            int handle = all[i], run = 1;
            while (i + run < all.Length && all[i + run] == handle)
            {
                run++;
            }

            ranked.Add(new RankedHit(run, Documents.Info(handle).Sequence, handle));
            i += run;
        }

        // More shared bands first, then the later arrival (RankedHit.CompareTo): a total order, as sequences are unique.
        CollectionsMarshal.AsSpan(ranked).Sort();
        int taken = 0;
        foreach (RankedHit hit in ranked)
        {
            if (candidates.Count >= maxCandidates || taken == CharacterCandidates)
            {
                break;
            }

            if (!candidates.Contains(hit.Handle))
            {
                candidates.Add(hit.Handle);
                taken++;
            }
        }
    }

    /// <summary>A character-index candidate and the bands it shares; ordered by more bands, then later arrival.</summary>
    /// <remarks>
    /// The order is total, since handles are reused but sequences are not, so any sort gives the same list. As
    /// <see cref="IComparable{T}"/> on a struct, the span sort compares inline rather than through a delegate.
    /// </remarks>
    private readonly record struct RankedHit(int Hits, long Sequence, int Handle) : IComparable<RankedHit>
    {
        public int CompareTo(RankedHit other) =>
            Hits != other.Hits ? other.Hits.CompareTo(Hits) : other.Sequence.CompareTo(Sequence);
    }

    /// <summary>
    /// Bands of the character-gram index: 32 bands of 2 sixteen-bit slots. A pair whose space-free character grams
    /// have Jaccard similarity J becomes a candidate with probability 1 − (1 − J²)^32: 0.73 at 0.2, 0.95 at 0.3,
    /// 0.997 at 0.4, which is where rewrites of one wire text sit (their word-shingle similarity is 0.1–0.4, below
    /// the word bands' reach); two slots make a 32-bit key, so unrelated texts collide by chance about 2^-32 per band.
    /// </summary>
    internal const int CharacterBands = 32;

    /// <summary>Slots per band of the character-gram index.</summary>
    internal const int CharacterRows = 2;

    /// <summary>Character-index candidates verified per article, those that share the most bands first.</summary>
    /// <remarks>
    /// Read to the end, the character bands return about 90 distinct earlier articles for each SaudiNewsNet article
    /// (Arabic news shares much of its phrasing), and verifying them all was most of the engine's time. Ranked by
    /// shared bands, the first 16 hold every rewrite the judged pairs and COUNTER's development half link: the same
    /// estimates with 16 as with 64 (benchmarks/results/candidates.md); 8 lose judged recall, and requiring two shared
    /// bands loses four of COUNTER's wholly derived texts.
    /// </remarks>
    internal const int CharacterCandidates = 16;

    /// <summary>Holders of one character-band key read per query, newest first.</summary>
    /// <remarks>
    /// A key that many articles share is a phrase of the genre, not of one story; reading its 16 newest holders gave
    /// the same judged and COUNTER estimates as reading all of them, with a third of the reads.
    /// </remarks>
    internal const int CharacterBandDepth = 16;

    public int Insert(Fingerprint print, DocumentInfo info, long timestamp)
    {
        int handle = Documents.Add(print, info, timestamp);
        IndexDocument(handle);
        return handle;
    }

    /// <summary>
    /// Starts collecting the restored handles, which <see cref="EndRestore"/> indexes all at once (sized for the
    /// whole restore: growing the indexes step by step re-reads every stored signature at each step).
    /// </summary>
    public void BeginRestore(int count) => _restoring = new List<int>(count);

    /// <summary>
    /// Builds the id map, the exact-copy map and the candidate indexes of the restored documents, the three candidate
    /// indexes band by band (<see cref="LshIndex.InsertAll"/>: the same keys and chains as inserting the documents one
    /// by one in sequence order, in a fraction of the time, each table sized for its distinct keys). The four
    /// structures share nothing, so they are built in parallel; each reads the document table and writes only itself.
    /// </summary>
    /// <exception cref="ArgumentException">Two restored documents have the same id.</exception>
    public void EndRestore()
    {
        if (_restoring is not { } restoring)
        {
            return;
        }

        _restoring = null;
        int[] handles = [.. restoring];
        try
        {
            Parallel.Invoke(
                () => RestoreIdMaps(handles),
                () => _lsh.InsertAll(Indexed(handles, IndexKind.Words)),
                () =>
                {
                    _characters.InsertAll(Indexed(handles, IndexKind.Characters));
                    _leads.InsertAll(Indexed(handles, IndexKind.Leads));
                });
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private enum IndexKind
    {
        Words,
        Leads,
        Characters,
    }

    /// <summary>The handles, in their order, that <see cref="IndexDocument"/> would add to the index of <paramref name="kind"/>.</summary>
    private int[] Indexed(int[] handles, IndexKind kind)
    {
        var indexed = new List<int>(handles.Length);
        foreach (int handle in handles)
        {
            (bool words, bool leads, bool characters) = IndexedBy(Documents.ShingleCount(handle), Documents.Lead(handle).Length, Documents.Evidence(handle));
            if (kind switch { IndexKind.Words => words, IndexKind.Leads => leads, _ => characters })
            {
                indexed.Add(handle);
            }
        }

        return [.. indexed];
    }

    /// <summary>Adds the restored documents, in sequence order, to the id map and the exact-copy map.</summary>
    private void RestoreIdMaps(int[] handles)
    {
        _byId.Reserve(handles.Length);
        foreach (int handle in handles)
        {
            string id = Documents.Info(handle).Id;
            if (!_byId.TryAdd(id, handle))
            {
                throw new ArgumentException($"An article with id '{id}' is already indexed.", nameof(handles));
            }
        }

        foreach (int handle in handles)
        {
            _exact.TryAdd(Documents.ContentHash(handle), handle);
        }
    }

    /// <summary>
    /// Adds a restored document to the id map and the indexes; call in sequence order. Between
    /// <see cref="BeginRestore"/> and <see cref="EndRestore"/> the document is only noted, and indexed by the latter.
    /// </summary>
    public void IndexDocument(int handle)
    {
        DocumentInfo info = Documents.Info(handle);
        if (_restoring is { } restoring)
        {
            restoring.Add(handle);
        }
        else
        {
            if (!_byId.TryAdd(info.Id, handle))
            {
                throw new ArgumentException($"An article with id '{info.Id}' is already indexed.", nameof(handle));
            }

            _exact.TryAdd(Documents.ContentHash(handle), handle);
            (bool words, bool leads, bool characters) = IndexedBy(Documents.ShingleCount(handle), Documents.Lead(handle).Length, Documents.Evidence(handle));
            if (words)
            {
                _lsh.Insert(handle, Documents.Signature(handle));
            }

            if (leads)
            {
                _leads.Insert(handle, LeadKeys(Documents.Lead(handle)));
            }

            if (characters)
            {
                _characters.Insert(handle, Evidence.CharacterSignature(Documents.Evidence(handle)));
            }
        }

        NextSequence = Math.Max(NextSequence, info.Sequence + 1);
    }

    /// <summary>Re-creates a cluster with its persisted id.</summary>
    public void RestoreCluster(ClusterState cluster)
    {
        _clusters.Add(cluster.Id, cluster);
        foreach (int member in cluster.Members)
        {
            Documents.SetCluster(member, cluster);
        }

        _nextClusterId = Math.Max(_nextClusterId, cluster.Id + 1);
    }

    public void RestoreSequence(long next) => NextSequence = Math.Max(NextSequence, next);

    /// <summary>Makes the next arrival's sequence exactly <paramref name="next"/>: a shared store hands them out.</summary>
    internal void SetNextSequence(long next) => NextSequence = next;

    /// <summary>Whether a handle is held by the word, lead and character indexes (what <see cref="IndexDocument"/> adds).</summary>
    internal static (bool Words, bool Leads, bool Characters) IndexedBy(int shingleCount, int leadLength, ReadOnlySpan<byte> evidence)
    {
        bool words = shingleCount > 0;
        return (words, words && leadLength >= Fingerprint.LeadKeys, Evidence.CharacterCount(evidence) > 0);
    }

    public void Remove(int handle)
    {
        DocumentInfo info = Documents.Info(handle);
        ClusterState cluster = Documents.Cluster(handle);
        ulong content = Documents.ContentHash(handle);
        if (Documents.ShingleCount(handle) > 0)
        {
            _lsh.Remove(handle, Documents.Signature(handle));
            ReadOnlySpan<uint> lead = Documents.Lead(handle);
            if (lead.Length >= Fingerprint.LeadKeys)
            {
                _leads.Remove(handle, LeadKeys(lead));
            }
        }

        if (Evidence.CharacterCount(Documents.Evidence(handle)) > 0)
        {
            _characters.Remove(handle, Evidence.CharacterSignature(Documents.Evidence(handle)));
        }

        if (_exact.TryGetValue(content, out int representative) && representative == handle)
        {
            _exact.Remove(content);
            foreach (int other in cluster.Members)
            {
                if (other != handle && Documents.ContentHash(other) == content)
                {
                    _exact.TryAdd(content, other);
                    break;
                }
            }
        }

        _byId.Remove(info.Id);
        Documents.Remove(handle);
    }

    public ClusterState CreateCluster(int canonical)
    {
        var cluster = new ClusterState(_nextClusterId++, canonical);
        _clusters.Add(cluster.Id, cluster);
        Documents.SetCluster(canonical, cluster);
        return cluster;
    }

    public ClusterState? GetCluster(long id) => _clusters.GetValueOrDefault(id);

    public void DeleteCluster(ClusterState cluster) => _clusters.Remove(cluster.Id);

    private ReadOnlySpan<byte> LeadKeys(ReadOnlySpan<uint> lead) => WriteLeadKeys(lead, _leadKeyScratch);

    /// <summary>Writes the first <see cref="Fingerprint.LeadKeys"/> lead values as the lead index's signature bytes.</summary>
    private static ReadOnlySpan<byte> WriteLeadKeys(ReadOnlySpan<uint> lead, byte[] destination)
    {
        Span<byte> keys = destination;
        for (int i = 0; i < Fingerprint.LeadKeys; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(keys[(i * 4)..], lead[i]);
        }

        return keys;
    }

    /// <summary>Article ids of the documents, for the id map.</summary>
    private readonly struct IdKeys(DocumentTable documents) : IHandleKeys<string>
    {
        // XXH3 rather than the runtime's string hash, which is randomised per process: the table's layout (and
        // with it the cost of every operation) is then the same on every run.
        public uint Hash(string key) => (uint)Utf16Hash.XxHash3(key);

        public uint HashOf(int handle) => Hash(documents.Info(handle).Id);

        public bool Matches(int handle, string key) => string.Equals(documents.Info(handle).Id, key, StringComparison.Ordinal);
    }

    /// <summary>Content hashes of the documents, for the exact-copy map.</summary>
    private readonly struct ContentKeys(DocumentTable documents) : IHandleKeys<ulong>
    {
        public uint Hash(ulong key) => (uint)(key ^ (key >> 32));

        public uint HashOf(int handle) => Hash(documents.ContentHash(handle));

        public bool Matches(int handle, ulong key) => documents.ContentHash(handle) == key;
    }

    /// <summary>The character index's view of the document table: the character sketch at the start of each evidence row.</summary>
    private sealed class CharacterSource(DocumentTable documents) : ISignatureSource
    {
        public ReadOnlySpan<byte> Signature(int handle) => Evidence.CharacterSignature(documents.Evidence(handle));
    }

    /// <summary>
    /// The lead index's view of the document table: an indexed handle's signature is its lead keys. It has its own
    /// buffer, because the index reads stored handles while the caller's query keys are still in use.
    /// </summary>
    private sealed class LeadKeySource : ISignatureSource
    {
        private readonly DocumentTable _documents;
        private readonly byte[] _buffer = new byte[Fingerprint.LeadKeys * 4];

        public LeadKeySource(DocumentTable documents) => _documents = documents;

        public ReadOnlySpan<byte> Signature(int handle) => WriteLeadKeys(_documents.Lead(handle), _buffer);
    }
}
