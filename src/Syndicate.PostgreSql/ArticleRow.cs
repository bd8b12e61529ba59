using System.Buffers.Binary;
using Npgsql;
using Syndicate.Clustering;
using Syndicate.Storage;

namespace Syndicate.PostgreSql;

/// <summary>One row of <c>syndicate_articles</c>: an article's metadata, fingerprint and place in a cluster.</summary>
internal sealed class ArticleRow
{
    /// <summary>The columns every query that loads articles selects, in the order <see cref="Read"/> reads them.</summary>
    public const string Columns =
        "seq, id, source, url, published_ticks, published_offset, ts, text_hash, content_hash, shingle_count, signature, lead, evidence, "
        + "cluster_id, wire, dateline_outlet, flags, join_relation, join_similarity, matched_id, arrival_cluster, arrival_canonical, arrival_wire, "
        + "arrival_carries";

    /// <summary>The same columns qualified by the alias <c>a</c>.</summary>
    public static readonly string QualifiedColumns = "a." + Columns.Replace(", ", ", a.", StringComparison.Ordinal);

    private const short WireCopyFlag = 1;
    private const short TruncatedFlag = 2;
    private const short StartedStoryFlag = 4;

    public required long Sequence { get; init; }

    public required DocumentInfo Info { get; init; }

    public required long Timestamp { get; init; }

    public required ulong ContentHash { get; init; }

    public required int ShingleCount { get; init; }

    public required byte[] Signature { get; init; }

    public required uint[] Lead { get; init; }

    public required byte[] Evidence { get; init; }

    public required long ClusterId { get; init; }

    public static ArticleRow Read(NpgsqlDataReader reader, SyndicationOptions options)
    {
        long seq = reader.GetInt64(0);
        DateTimeOffset? published = reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.FromMinutes(reader.GetInt16(5)));
        var info = new DocumentInfo(reader.GetString(1), reader.GetString(2), NullableString(reader, 3), published, seq)
        {
            TextHash = (ulong)reader.GetInt64(7),
            Wire = StateSnapshot.ResolveWire(options, NullableString(reader, 14)),
            DatelineOutlet = NullableString(reader, 15),
            JoinRelation = (Relation)reader.GetInt16(17),
            JoinSimilarity = reader.GetDouble(18),
            MatchedId = NullableString(reader, 19),
            ArrivalClusterId = reader.GetInt64(20),
            ArrivalCanonicalId = NullableString(reader, 21),
            ArrivalWire = StateSnapshot.ResolveWire(options, NullableString(reader, 22)),
            ArrivalCarries = reader.IsDBNull(23) ? null : reader.GetFieldValue<long[]>(23),
        };
        SetFlags(info, reader.GetInt16(16));
        byte[] leadBytes = reader.GetFieldValue<byte[]>(11);
        var lead = new uint[leadBytes.Length / 4];
        for (int i = 0; i < lead.Length; i++)
        {
            lead[i] = BinaryPrimitives.ReadUInt32LittleEndian(leadBytes.AsSpan(i * 4));
        }

        return new ArticleRow
        {
            Sequence = seq,
            Info = info,
            Timestamp = reader.GetInt64(6),
            ContentHash = (ulong)reader.GetInt64(8),
            ShingleCount = reader.GetInt32(9),
            Signature = reader.GetFieldValue<byte[]>(10),
            Lead = lead,
            Evidence = reader.GetFieldValue<byte[]>(12),
            ClusterId = reader.GetInt64(13),
        };
    }

    public static short Flags(DocumentInfo info) =>
        (short)((info.IsWireCopy ? WireCopyFlag : 0) | (info.IsTruncated ? TruncatedFlag : 0) | (info.StartedStory ? StartedStoryFlag : 0));

    public static byte[] LeadBytes(ReadOnlySpan<uint> lead)
    {
        var bytes = new byte[lead.Length * 4];
        for (int i = 0; i < lead.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), lead[i]);
        }

        return bytes;
    }

    private static void SetFlags(DocumentInfo info, short flags)
    {
        info.IsWireCopy = (flags & WireCopyFlag) != 0;
        info.IsTruncated = (flags & TruncatedFlag) != 0;
        info.StartedStory = (flags & StartedStoryFlag) != 0;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>One row of <c>syndicate_clusters</c>.</summary>
internal sealed class ClusterRow
{
    public const string Columns = "id, canonical_seq, size, wire, canonical_title, canonical_text, canonical_original_text, carriers";

    public required long Id { get; init; }

    public required long CanonicalSequence { get; init; }

    public required int Size { get; init; }

    public string? Wire { get; init; }

    public string? CanonicalTitle { get; init; }

    public string? CanonicalText { get; init; }

    public string? CanonicalOriginalText { get; init; }

    /// <summary>The articles of other stories that carry this one, as the engine recorded them; null while none.</summary>
    public List<CarrierRecord>? Carriers { get; init; }

    /// <exception cref="PostgreSqlStoreException">The carriers column does not decode.</exception>
    public static ClusterRow Read(NpgsqlDataReader reader) => new()
    {
        Carriers = reader.IsDBNull(7) ? null : DecodeCarriers(reader.GetFieldValue<byte[]>(7)),
        Id = reader.GetInt64(0),
        CanonicalSequence = reader.GetInt64(1),
        Size = reader.GetInt32(2),
        Wire = reader.IsDBNull(3) ? null : reader.GetString(3),
        CanonicalTitle = reader.IsDBNull(4) ? null : reader.GetString(4),
        CanonicalText = reader.IsDBNull(5) ? null : reader.GetString(5),
        CanonicalOriginalText = reader.IsDBNull(6) ? null : reader.GetString(6),
    };

    private static List<CarrierRecord> DecodeCarriers(byte[] bytes)
    {
        try
        {
            return StateSnapshot.DecodeCarriers(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new PostgreSqlStoreException("The store is damaged: " + e.Message, e);
        }
    }
}
