using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;

namespace Syndicate.Storage;

/// <summary>
/// The snapshot schema: the whole state of a <see cref="StoryClusterer"/> (documents with their fingerprints and join
/// records, clusters with their canonical text, learned boilerplate statistics) after a <see cref="StateFormat"/>
/// header, in <see cref="BlockWriter"/> blocks.
/// </summary>
/// <remarks>
/// Layout, in order: next sequence, next cluster id, newest timestamp, last window eviction (i64 each); the handle
/// high-water mark and the free handles; every live document; every cluster in id order; every boilerplate line in key
/// order. Loading re-indexes the documents in arrival order, so that the candidate indexes are those the run built.
/// </remarks>
internal static class StateSnapshot
{
    /// <summary>Writes the whole state, header included.</summary>
    public static void Write(Stream stream, StoryClusterer clusterer, SyndicationOptions options, ulong generation)
    {
        IClusterStore store = clusterer.Store;
        StateFormat.WriteHeader(stream, StateFormat.SnapshotMagic, options, generation);
        var w = new BlockWriter(stream);
        DocumentTable docs = store.Documents;
        w.WriteInt64(store.NextSequence);
        w.WriteInt64(store.NextClusterId);
        w.WriteInt64(clusterer.NewestTimestamp);
        w.WriteInt64(clusterer.LastWindowEviction);
        w.WriteInt32(docs.HighWater);
        int[] free = docs.FreeHandles();
        w.WriteInt32(free.Length);
        foreach (int h in free)
        {
            w.WriteInt32(h);
        }

        w.WriteInt32(docs.Count);
        for (int h = 0; h < docs.HighWater; h++)
        {
            if (!docs.IsLive(h))
            {
                continue;
            }

            DocumentInfo info = docs.Info(h);
            w.WriteInt32(h);
            w.WriteString(info.Id);
            w.WriteString(info.Source);
            w.WriteString(info.Url);
            w.WriteTime(info.Published);
            w.WriteInt64(info.Sequence);
            w.WriteInt64(docs.Timestamp(h));
            w.WriteByte((byte)((info.IsWireCopy ? 1 : 0) | (info.IsTruncated ? 2 : 0) | (info.StartedStory ? 4 : 0)));
            w.WriteByte((byte)info.JoinRelation);
            w.WriteDouble(info.JoinSimilarity);
            w.WriteString(info.MatchedId);
            w.WriteString(info.Wire?.Name);
            w.WriteString(info.DatelineOutlet);
            w.WriteInt32(docs.ShingleCount(h));
            w.WriteUInt64(docs.ContentHash(h));
            w.WriteBytes(docs.Signature(h));
            w.WriteBytes(docs.Evidence(h));
            ReadOnlySpan<uint> lead = docs.Lead(h);
            w.WriteByte((byte)lead.Length);
            foreach (uint v in lead)
            {
                w.WriteUInt32(v);
            }
        }

        w.WriteInt32(store.ClusterCount);
        foreach (ClusterState c in store.Clusters.OrderBy(c => c.Id))
        {
            w.WriteInt64(c.Id);
            w.WriteInt32(c.Canonical);
            w.WriteString(c.Wire?.Name);
            w.WriteString(c.CanonicalTitle);
            w.WriteString(c.CanonicalText);
            w.WriteString(c.CanonicalOriginalText);
            w.WriteInt32(c.Members.Count);
            foreach (int m in c.Members)
            {
                w.WriteInt32(m);
            }
        }

        var lines = store.Boilerplate.Entries.OrderBy(e => e.Key).ToList();
        w.WriteInt32(lines.Count);
        foreach (KeyValuePair<ulong, BoilerplateLearner.LineStat> e in lines)
        {
            w.WriteUInt64(e.Key);
            w.WriteInt32(e.Value.Stories);
            w.WriteInt64(e.Value.LastCluster);
            w.WriteInt64(e.Value.LastSeen);
        }

        w.Complete();
    }

    /// <summary>Loads a snapshot into an empty clusterer; returns its generation. Throws before touching anything it cannot verify.</summary>
    public static ulong Load(Stream stream, string path, StoryClusterer clusterer, SyndicationOptions options)
    {
        IClusterStore store = clusterer.Store;
        ulong generation = StateFormat.ReadHeader(stream, path, StateFormat.SnapshotMagic, options, "snapshot");
        var r = new BlockReader(stream, path);
        DocumentTable docs = store.Documents;
        long nextSequence = r.ReadInt64();
        long nextCluster = r.ReadInt64();
        long newest = r.ReadInt64();
        long lastEviction = r.ReadInt64();
        int highWater = r.ReadInt32();
        int freeCount = r.ReadInt32();
        if (highWater < 0 || freeCount < 0 || freeCount > highWater)
        {
            throw r.Corrupt("impossible document counts");
        }

        int[] free = new int[freeCount];
        for (int i = 0; i < free.Length; i++)
        {
            free[i] = r.ReadInt32();
            if ((uint)free[i] >= (uint)highWater)
            {
                throw r.Corrupt("a free handle is out of range");
            }
        }

        int count = r.ReadInt32();
        if (count < 0 || count + freeCount != highWater)
        {
            throw r.Corrupt("the document count does not match the handle space");
        }

        var order = new List<(long Sequence, int Handle)>(count);
        byte[] signature = new byte[options.SignatureLength];
        byte[] evidence = new byte[Evidence.RowBytes];
        uint[] leadBuffer = new uint[Fingerprint.LeadSize];
        for (int i = 0; i < count; i++)
        {
            int h = r.ReadInt32();
            if ((uint)h >= (uint)highWater || docs.IsLive(h))
            {
                throw r.Corrupt("a document handle is out of range or repeated");
            }

            string id = r.ReadString() ?? throw r.Corrupt("a document has no id");
            string source = r.ReadString() ?? throw r.Corrupt("a document has no source");
            string? url = r.ReadString();
            DateTimeOffset? published = r.ReadTime();
            long sequence = r.ReadInt64();
            long timestamp = r.ReadInt64();
            byte flags = r.ReadByte();
            byte relation = r.ReadByte();
            double similarity = r.ReadDouble();
            string? matched = r.ReadString();
            string? wire = r.ReadString();
            string? outlet = r.ReadString();
            int shingles = r.ReadInt32();
            ulong content = r.ReadUInt64();
            r.ReadBytes(signature);
            r.ReadBytes(evidence);
            int leadCount = r.ReadByte();
            if (leadCount > Fingerprint.LeadSize || relation > (byte)Relation.Partial || shingles < 0)
            {
                throw r.Corrupt("a document's fields are out of range");
            }

            for (int j = 0; j < leadCount; j++)
            {
                leadBuffer[j] = r.ReadUInt32();
            }

            var info = new DocumentInfo(id, source, url, published, sequence)
            {
                IsWireCopy = (flags & 1) != 0,
                IsTruncated = (flags & 2) != 0,
                StartedStory = (flags & 4) != 0,
                JoinRelation = (Relation)relation,
                JoinSimilarity = similarity,
                MatchedId = matched,
                Wire = ResolveWire(options, wire),
                DatelineOutlet = outlet,
            };
            docs.Restore(h, signature, evidence, leadBuffer.AsSpan(0, leadCount), shingles, content, info, timestamp);
            order.Add((sequence, h));
        }

        docs.RestoreFree(highWater, free);
        order.Sort();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        store.BeginRestore(order.Count);
        foreach ((long _, int h) in order)
        {
            if (!seenIds.Add(docs.Info(h).Id))
            {
                throw r.Corrupt("two documents share an id");
            }

            store.IndexDocument(h);
        }

        store.EndRestore();

        int clusters = r.ReadInt32();
        if (clusters < 0 || clusters > count)
        {
            throw r.Corrupt("impossible cluster count");
        }

        int placed = 0;
        for (int i = 0; i < clusters; i++)
        {
            long id = r.ReadInt64();
            int canonical = r.ReadInt32();
            string? wire = r.ReadString();
            string? title = r.ReadString();
            string? text = r.ReadString();
            string? original = r.ReadString();
            int size = r.ReadInt32();
            if (size <= 0 || size > count - placed)
            {
                throw r.Corrupt("impossible cluster size");
            }

            var members = new List<int>(size);
            for (int j = 0; j < size; j++)
            {
                int m = r.ReadInt32();
                if (!docs.IsLive(m) || store.Documents.ClusterOrNull(m) is not null || members.Contains(m))
                {
                    throw r.Corrupt("a cluster member is unknown or in two clusters");
                }

                members.Add(m);
                docs.SetCluster(m, s_placeholderCluster);
            }

            if (!members.Contains(canonical))
            {
                throw r.Corrupt("a cluster's canonical copy is not one of its members");
            }

            placed += size;
            store.RestoreCluster(new ClusterState(id, canonical, members)
            {
                Wire = ResolveWire(options, wire),
                CanonicalTitle = title,
                CanonicalText = text,
                CanonicalOriginalText = original,
            });
        }

        if (placed != count)
        {
            throw r.Corrupt("some documents belong to no cluster");
        }

        int lines = r.ReadInt32();
        if (lines < 0)
        {
            throw r.Corrupt("impossible boilerplate count");
        }

        for (int i = 0; i < lines; i++)
        {
            ulong key = r.ReadUInt64();
            var stat = new BoilerplateLearner.LineStat { Stories = r.ReadInt32(), LastCluster = r.ReadInt64(), LastSeen = r.ReadInt64() };
            store.Boilerplate.Restore(key, stat);
        }

        r.ExpectEnd();
        store.RestoreSequence(nextSequence);
        store.NextClusterId = Math.Max(store.NextClusterId, nextCluster);
        clusterer.NewestTimestamp = newest;
        clusterer.LastWindowEviction = lastEviction;
        return generation;
    }

    private static readonly ClusterState s_placeholderCluster = new(0, -1, []);

    private static WireAgency? ResolveWire(SyndicationOptions options, string? name)
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
