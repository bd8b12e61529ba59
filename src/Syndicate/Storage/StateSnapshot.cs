using System.Buffers;
using MessagePack;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;

namespace Syndicate.Storage;

/// <summary>
/// The snapshot schema: the whole state of a <see cref="StoryClusterer"/> (documents with their fingerprints and join
/// records, clusters with their canonical text, learned boilerplate statistics) after a <see cref="StateFormat"/>
/// header, as MessagePack records (<see cref="StatePack"/>) in <see cref="BlockWriter"/> blocks.
/// </summary>
/// <remarks>
/// Records, in order: one state record (counters, the handle space and the number of records of each section); every
/// live document; every cluster in id order; every learned boilerplate line in key order. Each record is a map with
/// integer keys (the constants below), so that a later format can add members that this reader skips. Loading
/// re-indexes the documents in arrival order, so that the candidate indexes are those the run built. The state record
/// names the text pipeline revision (<see cref="Fingerprinter.Revision"/>) of its documents' fingerprints, and a
/// document fingerprinted by another (restored from an older state and not yet evicted) names its own, so that a
/// state keeps telling which of its fingerprints are not this build's.
/// </remarks>
internal static class StateSnapshot
{
    // State record keys.
    private const int NextSequenceKey = 0;
    private const int NextClusterIdKey = 1;
    private const int NewestTimestampKey = 2;
    private const int LastWindowEvictionKey = 3;
    private const int HighWaterKey = 4;
    private const int FreeHandlesKey = 5;
    private const int DocumentCountKey = 6;
    private const int ClusterCountKey = 7;
    private const int BoilerplateCountKey = 8;

    // The text pipeline revision (Fingerprinter.Revision) of the build that wrote the snapshot: its documents'
    // fingerprints are of that revision unless their record says otherwise (RevisionKey). Absent: revision 0, a state
    // written before revisions were recorded.
    private const int FingerprintRevisionKey = 9;

    // Document record keys.
    private const int HandleKey = 0;
    private const int IdKey = 1;
    private const int SourceKey = 2;
    private const int UrlKey = 3;
    private const int PublishedKey = 4;
    private const int SequenceKey = 5;
    private const int TimestampKey = 6;
    private const int WireCopyKey = 7;
    private const int TruncatedKey = 8;
    private const int JoinRelationKey = 9;
    private const int JoinSimilarityKey = 10;
    private const int MatchedIdKey = 11;
    private const int WireKey = 12;
    private const int DatelineOutletKey = 13;
    private const int ShingleCountKey = 14;
    private const int ContentHashKey = 15;
    private const int SignatureKey = 16;
    private const int LeadKey = 17;
    private const int StartedStoryKey = 18;
    private const int EvidenceKey = 19;
    private const int ArrivalClusterKey = 20;
    private const int ArrivalCanonicalKey = 21;
    private const int ArrivalWireKey = 22;
    private const int TextHashKey = 23;
    private const int ArrivalCarriesKey = 24;

    // Written only for a document whose fingerprint another revision computed than FingerprintRevisionKey says.
    private const int RevisionKey = 25;

    // Cluster record keys.
    private const int ClusterIdKey = 0;
    private const int CanonicalKey = 1;
    private const int ClusterWireKey = 2;
    private const int CanonicalTitleKey = 3;
    private const int CanonicalTextKey = 4;
    private const int CanonicalOriginalTextKey = 5;
    private const int MembersKey = 6;
    private const int CarriersKey = 7;

    // Boilerplate line record keys.
    private const int LineKeyKey = 0;
    private const int LineStoriesKey = 1;
    private const int LineLastClusterKey = 2;
    private const int LineLastSeenKey = 3;

    /// <summary>Writes the whole state, header included.</summary>
    /// <summary>Writes the whole state of <paramref name="clusterer"/> as a snapshot of <paramref name="generation"/>.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="clusterer">The state.</param>
    /// <param name="options">The options the header records.</param>
    /// <param name="generation">The snapshot's generation.</param>
    /// <param name="revision">
    /// The text pipeline revision the snapshot declares for its documents: this build's, except in tests that write a
    /// state as another release would (0: as releases before revisions were recorded, with no revision written).
    /// </param>
    public static void Write(Stream stream, StoryClusterer clusterer, SyndicationOptions options, ulong generation, int revision = Fingerprinter.Revision)
    {
        IClusterStore store = clusterer.Store;
        StateFormat.WriteHeader(stream, StateFormat.SnapshotMagic, options, generation);
        var blocks = new BlockWriter(stream);
        var record = new ArrayBufferWriter<byte>(1 << 16);
        DocumentTable docs = store.Documents;
        var lines = store.Boilerplate.Entries.OrderBy(e => e.Key).ToList();

        MessagePackWriter w = Begin(record);
        int[] free = docs.FreeHandles();
        w.WriteMapHeader(revision == 0 ? 9 : 10);
        if (revision != 0)
        {
            w.Write(FingerprintRevisionKey);
            w.Write(revision);
        }

        w.Write(NextSequenceKey);
        w.Write(store.NextSequence);
        w.Write(NextClusterIdKey);
        w.Write(store.NextClusterId);
        w.Write(NewestTimestampKey);
        w.Write(clusterer.NewestTimestamp);
        w.Write(LastWindowEvictionKey);
        w.Write(clusterer.LastWindowEviction);
        w.Write(HighWaterKey);
        w.Write(docs.HighWater);
        w.Write(FreeHandlesKey);
        w.WriteArrayHeader(free.Length);
        foreach (int h in free)
        {
            w.Write(h);
        }

        w.Write(DocumentCountKey);
        w.Write(docs.Count);
        w.Write(ClusterCountKey);
        w.Write(store.ClusterCount);
        w.Write(BoilerplateCountKey);
        w.Write(lines.Count);
        End(ref w, record, blocks);

        for (int h = 0; h < docs.HighWater; h++)
        {
            if (!docs.IsLive(h))
            {
                continue;
            }

            DocumentInfo info = docs.Info(h);
            int documentRevision = docs.Revision(h);
            w = Begin(record);
            w.WriteMapHeader(15 + (info.HeldUrl is null ? 0 : 1) + (info.Published is null ? 0 : 1) + (info.MatchedId is null ? 0 : 1)
                + (info.Wire is null ? 0 : 1) + (info.DatelineOutlet is null ? 0 : 1) + (info.ArrivalClusterId == 0 ? 0 : 1)
                + (info.ArrivalCanonicalId is null ? 0 : 1) + (info.ArrivalWire is null ? 0 : 1) + (info.TextHash == 0 ? 0 : 1)
                + (info.ArrivalCarries is null ? 0 : 1) + (documentRevision == revision ? 0 : 1));
            w.Write(HandleKey);
            w.Write(h);
            if (documentRevision != revision)
            {
                w.Write(RevisionKey);
                w.Write(documentRevision);
            }

            w.Write(IdKey);
            StatePack.WriteString(ref w, info.Id);
            w.Write(SourceKey);
            StatePack.WriteString(ref w, info.Source);
            if (info.HeldUrl is { } url)
            {
                w.Write(UrlKey);
                StatePack.WriteHeldText(ref w, url);
            }

            if (info.Published is { } published)
            {
                w.Write(PublishedKey);
                StatePack.WriteTime(ref w, published);
            }

            w.Write(SequenceKey);
            w.Write(info.Sequence);
            w.Write(TimestampKey);
            w.Write(docs.Timestamp(h));
            w.Write(WireCopyKey);
            w.Write(info.IsWireCopy);
            w.Write(TruncatedKey);
            w.Write(info.IsTruncated);
            w.Write(StartedStoryKey);
            w.Write(info.StartedStory);
            w.Write(JoinRelationKey);
            w.Write((byte)info.JoinRelation);
            w.Write(JoinSimilarityKey);
            w.Write(info.JoinSimilarity);
            if (info.MatchedId is { } matched)
            {
                w.Write(MatchedIdKey);
                StatePack.WriteString(ref w, matched);
            }

            if (info.Wire is { } wire)
            {
                w.Write(WireKey);
                StatePack.WriteString(ref w, wire.Name);
            }

            if (info.DatelineOutlet is { } outlet)
            {
                w.Write(DatelineOutletKey);
                StatePack.WriteString(ref w, outlet);
            }

            if (info.TextHash != 0)
            {
                w.Write(TextHashKey);
                w.Write(info.TextHash);
            }

            if (info.ArrivalClusterId != 0)
            {
                w.Write(ArrivalClusterKey);
                w.Write(info.ArrivalClusterId);
            }

            if (info.ArrivalCanonicalId is { } arrivalCanonical)
            {
                w.Write(ArrivalCanonicalKey);
                StatePack.WriteString(ref w, arrivalCanonical);
            }

            if (info.ArrivalWire is { } arrivalWire)
            {
                w.Write(ArrivalWireKey);
                StatePack.WriteString(ref w, arrivalWire.Name);
            }

            if (info.ArrivalCarries is { } arrivalCarries)
            {
                w.Write(ArrivalCarriesKey);
                w.WriteArrayHeader(arrivalCarries.Length);
                foreach (long carried in arrivalCarries)
                {
                    w.Write(carried);
                }
            }

            w.Write(ShingleCountKey);
            w.Write(docs.ShingleCount(h));
            w.Write(ContentHashKey);
            w.Write(docs.ContentHash(h));
            w.Write(SignatureKey);
            w.Write(docs.Signature(h));
            w.Write(EvidenceKey);
            w.Write(docs.Evidence(h));
            w.Write(LeadKey);
            ReadOnlySpan<uint> lead = docs.Lead(h);
            w.WriteArrayHeader(lead.Length);
            foreach (uint v in lead)
            {
                w.Write(v);
            }

            End(ref w, record, blocks);
        }

        foreach (ClusterState c in store.Clusters.OrderBy(c => c.Id))
        {
            // Only carriers still held are written: the others would be left out of every report anyway.
            List<CarrierRecord>? carriers = c.Carriers?.FindAll(clusterer.IsHeld);
            w = Begin(record);
            w.WriteMapHeader(3 + (c.Wire is null ? 0 : 1) + (c.CanonicalTitle is null ? 0 : 1) + (c.HeldCanonicalText is null ? 0 : 1)
                + (c.HeldCanonicalOriginalText is null ? 0 : 1) + (carriers is { Count: > 0 } ? 1 : 0));
            w.Write(ClusterIdKey);
            w.Write(c.Id);
            w.Write(CanonicalKey);
            w.Write(c.Canonical);
            if (c.Wire is { } wire)
            {
                w.Write(ClusterWireKey);
                StatePack.WriteString(ref w, wire.Name);
            }

            if (c.CanonicalTitle is { } title)
            {
                w.Write(CanonicalTitleKey);
                StatePack.WriteString(ref w, title);
            }

            if (c.HeldCanonicalText is { } text)
            {
                w.Write(CanonicalTextKey);
                StatePack.WriteHeldText(ref w, text);
            }

            if (c.HeldCanonicalOriginalText is { } original)
            {
                w.Write(CanonicalOriginalTextKey);
                StatePack.WriteHeldText(ref w, original);
            }

            w.Write(MembersKey);
            w.WriteArrayHeader(c.Members.Count);
            foreach (int m in c.Members)
            {
                w.Write(m);
            }

            if (carriers is { Count: > 0 })
            {
                w.Write(CarriersKey);
                WriteCarriers(ref w, carriers);
            }

            End(ref w, record, blocks);
        }

        foreach (KeyValuePair<ulong, BoilerplateLearner.LineStat> e in lines)
        {
            w = Begin(record);
            w.WriteMapHeader(4);
            w.Write(LineKeyKey);
            w.Write(e.Key);
            w.Write(LineStoriesKey);
            w.Write(e.Value.Stories);
            w.Write(LineLastClusterKey);
            w.Write(e.Value.LastCluster);
            w.Write(LineLastSeenKey);
            w.Write(e.Value.LastSeen);
            End(ref w, record, blocks);
        }

        blocks.Complete();
    }

    /// <summary>Loads a snapshot into an empty clusterer; returns its generation. Throws before touching anything it cannot verify.</summary>
    public static ulong Load(Stream stream, string path, StoryClusterer clusterer, SyndicationOptions options)
    {
        ulong generation = StateFormat.ReadHeader(stream, path, StateFormat.SnapshotMagic, options, "snapshot");
        var blocks = new BlockReader(stream, path);
        try
        {
            Load(blocks, clusterer, options);
        }
        catch (Exception e) when (StatePack.IsDecodeError(e))
        {
            throw blocks.Corrupt("a record passed its checksum but does not decode (" + e.Message + ")");
        }

        return generation;
    }

    private static void Load(BlockReader blocks, StoryClusterer clusterer, SyndicationOptions options)
    {
        IClusterStore store = clusterer.Store;
        DocumentTable docs = store.Documents;
        byte[] scratch = new byte[1 << 16];

        long nextSequence = 0, nextCluster = 0, newest = 0, lastEviction = 0;
        int highWater = -1, count = -1, clusters = -1, lines = -1, snapshotRevision = 0;
        int[] free = [];
        var r = new MessagePackReader(blocks.ReadRecord(ref scratch));
        for (int fields = r.ReadMapHeader(), i = 0; i < fields; i++)
        {
            switch (r.ReadInt32())
            {
                case NextSequenceKey: nextSequence = r.ReadInt64(); break;
                case NextClusterIdKey: nextCluster = r.ReadInt64(); break;
                case NewestTimestampKey: newest = r.ReadInt64(); break;
                case LastWindowEvictionKey: lastEviction = r.ReadInt64(); break;
                case HighWaterKey: highWater = r.ReadInt32(); break;
                case FreeHandlesKey:
                    free = new int[r.ReadArrayHeader()];
                    for (int j = 0; j < free.Length; j++)
                    {
                        free[j] = r.ReadInt32();
                    }

                    break;
                case DocumentCountKey: count = r.ReadInt32(); break;
                case ClusterCountKey: clusters = r.ReadInt32(); break;
                case BoilerplateCountKey: lines = r.ReadInt32(); break;
                case FingerprintRevisionKey: snapshotRevision = r.ReadInt32(); break;
                default: r.Skip(); break;
            }
        }

        ExpectRecordEnd(ref r, blocks);

        if (highWater < 0 || free.Length > highWater)
        {
            throw blocks.Corrupt("impossible document counts");
        }

        foreach (int f in free)
        {
            if ((uint)f >= (uint)highWater)
            {
                throw blocks.Corrupt("a free handle is out of range");
            }
        }

        if (count < 0 || count + free.Length != highWater)
        {
            throw blocks.Corrupt("the document count does not match the handle space");
        }

        // Every document record holds a signature: a damaged count must not reserve more than the file could fill.
        docs.Reserve((int)Math.Min(highWater, free.Length + (blocks.RemainingBytes / options.SignatureLength)));
        var repeated = new StringCache();

        // Urls are only reported, never matched on: they stay undecoded until read, like the canonical texts below.
        var texts = new StoredText.Arena();
        var order = new List<(long Sequence, int Handle)>(count);
        byte[] signature = new byte[options.SignatureLength];
        byte[] evidence = new byte[Evidence.RowBytes];
        uint[] leadBuffer = new uint[Fingerprint.LeadSize];
        for (int i = 0; i < count; i++)
        {
            r = new MessagePackReader(blocks.ReadRecord(ref scratch));
            int h = -1, leadCount = 0, shingles = -1, revision = snapshotRevision;
            string? id = null, source = null, matched = null, wire = null, outlet = null, arrivalCanonical = null, arrivalWire = null;
            StoredText? url = null;
            long arrivalCluster = 0;
            long[]? arrivalCarries = null;
            ulong textHash = 0;
            DateTimeOffset? published = null;
            long sequence = 0, timestamp = 0;
            bool wireCopy = false, truncated = false, startedStory = false, validTime = true, hasSignature = false, hasEvidence = false;
            byte relation = 0;
            double similarity = 0;
            ulong content = 0;
            for (int fields = r.ReadMapHeader(), f = 0; f < fields; f++)
            {
                switch (r.ReadInt32())
                {
                    case HandleKey: h = r.ReadInt32(); break;
                    case RevisionKey: revision = r.ReadInt32(); break;
                    case IdKey: id = StatePack.ReadString(ref r); break;
                    case SourceKey: source = StatePack.ReadString(ref r, repeated); break;
                    case UrlKey: url = StatePack.ReadStoredText(ref r, texts); break;
                    case PublishedKey: published = StatePack.ReadTime(ref r, out validTime); break;
                    case SequenceKey: sequence = r.ReadInt64(); break;
                    case TimestampKey: timestamp = r.ReadInt64(); break;
                    case WireCopyKey: wireCopy = r.ReadBoolean(); break;
                    case TruncatedKey: truncated = r.ReadBoolean(); break;
                    case StartedStoryKey: startedStory = r.ReadBoolean(); break;
                    case JoinRelationKey: relation = r.ReadByte(); break;
                    case JoinSimilarityKey: similarity = r.ReadDouble(); break;
                    case MatchedIdKey: matched = StatePack.ReadString(ref r, repeated); break;
                    case WireKey: wire = StatePack.ReadString(ref r, repeated); break;
                    case DatelineOutletKey: outlet = StatePack.ReadString(ref r, repeated); break;
                    case ArrivalClusterKey: arrivalCluster = r.ReadInt64(); break;
                    case ArrivalCanonicalKey: arrivalCanonical = StatePack.ReadString(ref r, repeated); break;
                    case ArrivalWireKey: arrivalWire = StatePack.ReadString(ref r, repeated); break;
                    case TextHashKey: textHash = r.ReadUInt64(); break;
                    case ArrivalCarriesKey: arrivalCarries = ReadLongs(ref r); break;
                    case ShingleCountKey: shingles = r.ReadInt32(); break;
                    case ContentHashKey: content = r.ReadUInt64(); break;
                    case SignatureKey:
                        {
                            ReadOnlySequence<byte> bytes = r.ReadBytes() ?? throw blocks.Corrupt("a document's signature is missing");
                            if (bytes.Length != signature.Length)
                            {
                                throw blocks.Corrupt("a document's signature has the wrong length");
                            }

                            bytes.CopyTo(signature);
                            hasSignature = true;
                            break;
                        }

                    case EvidenceKey:
                        {
                            ReadOnlySequence<byte> bytes = r.ReadBytes() ?? throw blocks.Corrupt("a document's evidence row is missing");
                            if (bytes.Length != evidence.Length)
                            {
                                throw blocks.Corrupt("a document's evidence row has the wrong length");
                            }

                            bytes.CopyTo(evidence);
                            hasEvidence = true;
                            break;
                        }

                    case LeadKey:
                        leadCount = r.ReadArrayHeader();
                        if (leadCount > Fingerprint.LeadSize)
                        {
                            throw blocks.Corrupt("a document's fields are out of range");
                        }

                        for (int j = 0; j < leadCount; j++)
                        {
                            leadBuffer[j] = r.ReadUInt32();
                        }

                        break;
                    default: r.Skip(); break;
                }
            }

            ExpectRecordEnd(ref r, blocks);

            if ((uint)h >= (uint)highWater || docs.IsLive(h))
            {
                throw blocks.Corrupt("a document handle is out of range or repeated");
            }

            if (id is null)
            {
                throw blocks.Corrupt("a document has no id");
            }

            if (source is null)
            {
                throw blocks.Corrupt("a document has no source");
            }

            if (!validTime)
            {
                throw blocks.Corrupt("a time stamp is out of range");
            }

            if (relation > (byte)Relation.Partial || shingles < 0 || !hasSignature || !hasEvidence)
            {
                throw blocks.Corrupt("a document's fields are out of range");
            }

            var info = new DocumentInfo(id, source, null, published, sequence)
            {
                HeldUrl = url,
                IsWireCopy = wireCopy,
                IsTruncated = truncated,
                StartedStory = startedStory,
                JoinRelation = (Relation)relation,
                JoinSimilarity = similarity,
                MatchedId = matched,
                Wire = ResolveWire(options, wire),
                DatelineOutlet = outlet,
                ArrivalClusterId = arrivalCluster,
                TextHash = textHash,
                ArrivalCanonicalId = arrivalCanonical,
                ArrivalWire = ResolveWire(options, arrivalWire),
                ArrivalCarries = arrivalCarries,
            };
            docs.Restore(h, signature, evidence, leadBuffer.AsSpan(0, leadCount), shingles, content, info, timestamp);
            docs.SetRevision(h, revision);
            order.Add((sequence, h));
        }

        docs.RestoreFree(highWater, free);
        order.Sort();
        store.BeginRestore(order.Count);
        foreach ((long _, int h) in order)
        {
            store.IndexDocument(h);
        }

        // The id map and the candidate indexes are built on the thread pool while this thread reads the clusters and
        // the boilerplate lines, which touch neither them nor the parts of the document table they read.
        Task lookups = Task.Run(store.EndRestore);
        try
        {
            LoadClustersAndLines(blocks, scratch, clusterer, options, count, clusters, lines);
        }
        catch
        {
            // The caller discards the half-loaded clusterer; it must only be left alone by the time this returns.
            try
            {
                lookups.GetAwaiter().GetResult();
            }
            catch (ArgumentException)
            {
            }

            throw;
        }

        try
        {
            lookups.GetAwaiter().GetResult();
        }
        catch (ArgumentException)
        {
            throw blocks.Corrupt("two documents share an id");
        }

        store.RestoreSequence(nextSequence);
        store.NextClusterId = Math.Max(store.NextClusterId, nextCluster);
        clusterer.NewestTimestamp = newest;
        clusterer.LastWindowEviction = lastEviction;
    }

    /// <summary>A cluster's carriers, as the snapshot and the PostgreSQL store keep them (MessagePack).</summary>
    internal static byte[] EncodeCarriers(IReadOnlyList<CarrierRecord> carriers)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * carriers.Count + 8);
        var w = new MessagePackWriter(buffer);
        WriteCarriers(ref w, carriers);
        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads what <see cref="EncodeCarriers"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a list of carriers.</exception>
    internal static List<CarrierRecord> DecodeCarriers(byte[] bytes)
    {
        var r = new MessagePackReader(bytes);
        try
        {
            List<CarrierRecord> carriers = ReadCarriers(ref r, reason => new InvalidDataException("A cluster's carriers do not decode: " + reason + "."));
            return r.End ? carriers : throw new InvalidDataException("A cluster's carriers do not decode: bytes after the list.");
        }
        catch (Exception e) when (StatePack.IsDecodeError(e))
        {
            throw new InvalidDataException("A cluster's carriers do not decode: " + e.Message, e);
        }
    }

    /// <summary>An array of [id, sequence, matched id, relation, similarity], one a carrier.</summary>
    private static void WriteCarriers(ref MessagePackWriter w, IReadOnlyList<CarrierRecord> carriers)
    {
        w.WriteArrayHeader(carriers.Count);
        foreach (CarrierRecord carrier in carriers)
        {
            w.WriteArrayHeader(5);
            StatePack.WriteString(ref w, carrier.Id);
            w.Write(carrier.Sequence);
            StatePack.WriteString(ref w, carrier.MatchedId);
            w.Write((byte)carrier.Relation);
            w.Write(carrier.Similarity);
        }
    }

    private static List<CarrierRecord> ReadCarriers(ref MessagePackReader r, Func<string, Exception> corrupt)
    {
        int count = r.ReadArrayHeader();
        // A damaged count must not reserve more than the record could fill.
        var carriers = new List<CarrierRecord>(Math.Min(count, 64));
        for (int i = 0; i < count; i++)
        {
            if (r.ReadArrayHeader() != 5)
            {
                throw corrupt("a cluster's carrier record has the wrong shape");
            }

            string id = StatePack.ReadString(ref r) ?? throw corrupt("a cluster's carrier has no id");
            long sequence = r.ReadInt64();
            string matched = StatePack.ReadString(ref r) ?? throw corrupt("a cluster's carrier has no matched copy");
            byte relation = r.ReadByte();
            double similarity = r.ReadDouble();
            if (relation > (byte)Relation.Partial || relation == (byte)Relation.Original || !(similarity >= 0 && similarity <= 1))
            {
                throw corrupt("a cluster's carrier record is out of range");
            }

            carriers.Add(new CarrierRecord(id, sequence, matched, (Relation)relation, similarity));
        }

        return carriers;
    }

    /// <summary>An array of 64-bit integers (a document's arrival carries: cluster ids).</summary>
    private static long[] ReadLongs(ref MessagePackReader r)
    {
        int count = r.ReadArrayHeader();
        // A damaged count must not reserve more than the record could fill.
        var values = new List<long>(Math.Min(count, 64));
        for (int i = 0; i < count; i++)
        {
            values.Add(r.ReadInt64());
        }

        return [.. values];
    }

    /// <summary>Reads the cluster records and the boilerplate line records, and checks that the payload ends after them.</summary>
    private static void LoadClustersAndLines(BlockReader blocks, byte[] scratch, StoryClusterer clusterer, SyndicationOptions options, int count, int clusters, int lines)
    {
        MessagePackReader r;
        IClusterStore store = clusterer.Store;
        DocumentTable docs = store.Documents;
        if (clusters < 0 || clusters > count)
        {
            throw blocks.Corrupt("impossible cluster count");
        }

        // The canonical texts stay undecoded until something reads them (most are only written back by the next
        // checkpoint); decoding them all was most of the time of reading the clusters.
        var texts = new StoredText.Arena();
        int placed = 0;
        for (int i = 0; i < clusters; i++)
        {
            r = new MessagePackReader(blocks.ReadRecord(ref scratch));
            long id = 0;
            int canonical = -1;
            string? wire = null, title = null;
            StoredText? text = null, original = null;
            List<int>? members = null;
            List<CarrierRecord>? carriers = null;
            for (int fields = r.ReadMapHeader(), f = 0; f < fields; f++)
            {
                switch (r.ReadInt32())
                {
                    case ClusterIdKey: id = r.ReadInt64(); break;
                    case CanonicalKey: canonical = r.ReadInt32(); break;
                    case ClusterWireKey: wire = StatePack.ReadString(ref r); break;
                    case CanonicalTitleKey: title = StatePack.ReadString(ref r); break;
                    case CanonicalTextKey: text = StatePack.ReadStoredText(ref r, texts); break;
                    case CanonicalOriginalTextKey: original = StatePack.ReadStoredText(ref r, texts); break;
                    case MembersKey:
                        {
                            int size = r.ReadArrayHeader();
                            if (size <= 0 || size > count - placed)
                            {
                                throw blocks.Corrupt("impossible cluster size");
                            }

                            members = new List<int>(size);
                            for (int j = 0; j < size; j++)
                            {
                                int m = r.ReadInt32();
                                // A member listed twice already holds the placeholder the first listing set.
                                if (!docs.IsLive(m) || docs.ClusterOrNull(m) is not null)
                                {
                                    throw blocks.Corrupt("a cluster member is unknown or in two clusters");
                                }

                                members.Add(m);
                                docs.SetCluster(m, s_placeholderCluster);
                            }

                            break;
                        }

                    case CarriersKey:
                        carriers = ReadCarriers(ref r, blocks.Corrupt);
                        break;
                    default: r.Skip(); break;
                }
            }

            ExpectRecordEnd(ref r, blocks);

            if (members is null)
            {
                throw blocks.Corrupt("impossible cluster size");
            }

            if (!members.Contains(canonical))
            {
                throw blocks.Corrupt("a cluster's canonical copy is not one of its members");
            }

            placed += members.Count;
            store.RestoreCluster(new ClusterState(id, canonical, members)
            {
                Wire = ResolveWire(options, wire),
                CanonicalTitle = title,
                HeldCanonicalText = text,
                HeldCanonicalOriginalText = original,
                Carriers = carriers,
            });
        }

        if (placed != count)
        {
            throw blocks.Corrupt("some documents belong to no cluster");
        }

        if (lines < 0)
        {
            throw blocks.Corrupt("impossible boilerplate count");
        }

        // A line record takes at least its 4-byte length and a few bytes of map.
        store.Boilerplate.Reserve((int)Math.Min(lines, blocks.RemainingBytes / 8));
        for (int i = 0; i < lines; i++)
        {
            ReadOnlyMemory<byte> record = blocks.ReadRecord(ref scratch);
            if (TryReadLine(record.Span, out ulong key, out BoilerplateLearner.LineStat stat))
            {
                store.Boilerplate.Restore(key, stat);
                continue;
            }

            r = new MessagePackReader(record);
            key = 0;
            stat = default;
            for (int fields = r.ReadMapHeader(), f = 0; f < fields; f++)
            {
                switch (r.ReadInt32())
                {
                    case LineKeyKey: key = r.ReadUInt64(); break;
                    case LineStoriesKey: stat.Stories = r.ReadInt32(); break;
                    case LineLastClusterKey: stat.LastCluster = r.ReadInt64(); break;
                    case LineLastSeenKey: stat.LastSeen = r.ReadInt64(); break;
                    default: r.Skip(); break;
                }
            }

            ExpectRecordEnd(ref r, blocks);

            store.Boilerplate.Restore(key, stat);
        }

        blocks.ExpectEnd();
    }

    /// <summary>
    /// Reads a boilerplate line record of the usual shape (a map of the four line keys to integers that fit their
    /// members, and nothing after it) straight from its bytes: there are millions of them, and a
    /// <see cref="MessagePackReader"/> per record was most of the time of reading them. False for any other shape, which
    /// the general decoder then reads (skipping keys a later format added) or reports.
    /// </summary>
    internal static bool TryReadLine(ReadOnlySpan<byte> record, out ulong key, out BoilerplateLearner.LineStat stat)
    {
        key = 0;
        stat = default;
        if (record.IsEmpty || (record[0] & 0xF0) != 0x80)
        {
            return false; // not a fixmap
        }

        int fields = record[0] & 0x0F, position = 1;
        for (int f = 0; f < fields; f++)
        {
            if (position >= record.Length || record[position] > LineLastSeenKey)
            {
                return false; // a key this shape does not have
            }

            int field = record[position++];
            if (!StatePack.TryReadInteger(record, ref position, out long value, out bool aboveInt64))
            {
                return false;
            }

            switch (field)
            {
                case LineKeyKey when aboveInt64 || value >= 0:
                    key = (ulong)value;
                    break;
                case LineStoriesKey when !aboveInt64 && value is >= int.MinValue and <= int.MaxValue:
                    stat.Stories = (int)value;
                    break;
                case LineLastClusterKey when !aboveInt64:
                    stat.LastCluster = value;
                    break;
                case LineLastSeenKey when !aboveInt64:
                    stat.LastSeen = value;
                    break;
                default:
                    return false;
            }
        }

        return position == record.Length;
    }

    /// <summary>A record's map must take up the whole record: anything after it means the record is not what it claims.</summary>
    private static void ExpectRecordEnd(ref MessagePackReader reader, BlockReader blocks)
    {
        if (!reader.End)
        {
            throw blocks.Corrupt("unexpected data after a record");
        }
    }

    private static MessagePackWriter Begin(ArrayBufferWriter<byte> record)
    {
        record.ResetWrittenCount();
        return new MessagePackWriter(record);
    }

    private static void End(ref MessagePackWriter writer, ArrayBufferWriter<byte> record, BlockWriter blocks)
    {
        writer.Flush();
        blocks.WriteRecord(record.WrittenSpan);
    }

    private static readonly ClusterState s_placeholderCluster = new(0, -1, []);

    internal static WireAgency? ResolveWire(SyndicationOptions options, string? name)
    {
        if (name is null)
        {
            return null;
        }

        foreach (WireAgency agency in options.Gazetteer.Agencies)
        {
            if (agency.Name == name)
            {
                return agency;
            }
        }

        return new WireAgency(name, [name]);
    }
}
