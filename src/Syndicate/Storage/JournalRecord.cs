using System.Buffers;
using MessagePack;

namespace Syndicate.Storage;

/// <summary>The operations a journal records.</summary>
internal enum JournalOp : byte
{
    /// <summary>An article was added: timestamp, id, source, url?, published?, title?, body.</summary>
    Add = 1,

    /// <summary>An article was removed: id.</summary>
    Remove = 2,

    /// <summary>Articles older than a cutoff were evicted: cutoff.</summary>
    Evict = 3,
}

/// <summary>
/// One journal payload: a MessagePack map (see <see cref="StatePack"/>) with the operation under key 0 and its members
/// under the keys below. Unknown keys are skipped, absent optional members are <see langword="null"/>.
/// </summary>
internal readonly record struct JournalRecord(
    JournalOp Op,
    long Timestamp,
    string? Id,
    string? Source,
    string? Url,
    DateTimeOffset? Published,
    string? Title,
    string? Body,
    long Cutoff)
{
    // Keys of the journal map; never reuse one for another meaning.
    private const int OpKey = 0;
    private const int TimestampKey = 1;
    private const int IdKey = 2;
    private const int SourceKey = 3;
    private const int UrlKey = 4;
    private const int PublishedKey = 5;
    private const int TitleKey = 6;
    private const int BodyKey = 7;
    private const int CutoffKey = 8;

    /// <summary>Encodes an <see cref="JournalOp.Add"/> record into <paramref name="buffer"/> (reset first).</summary>
    public static void WriteAdd(ArrayBufferWriter<byte> buffer, Article article, long timestamp)
    {
        buffer.ResetWrittenCount();
        var w = new MessagePackWriter(buffer);
        w.WriteMapHeader(5 + (article.Url is null ? 0 : 1) + (article.Published is null ? 0 : 1) + (article.Title is null ? 0 : 1));
        w.Write(OpKey);
        w.Write((byte)JournalOp.Add);
        w.Write(TimestampKey);
        w.Write(timestamp);
        w.Write(IdKey);
        StatePack.WriteString(ref w, article.Id);
        w.Write(SourceKey);
        StatePack.WriteString(ref w, article.Source);
        if (article.Url is { } url)
        {
            w.Write(UrlKey);
            StatePack.WriteString(ref w, url);
        }

        if (article.Published is { } published)
        {
            w.Write(PublishedKey);
            StatePack.WriteTime(ref w, published);
        }

        if (article.Title is { } title)
        {
            w.Write(TitleKey);
            StatePack.WriteString(ref w, title);
        }

        w.Write(BodyKey);
        if (article.IsUtf8)
        {
            // Valid UTF-8 is its own StateText encoding: the record is byte for byte the one the decoded string writes.
            w.WriteString(article.Utf8Body);
        }
        else
        {
            StatePack.WriteString(ref w, article.Body);
        }

        w.Flush();
    }

    /// <summary>Encodes a <see cref="JournalOp.Remove"/> record into <paramref name="buffer"/> (reset first).</summary>
    public static void WriteRemove(ArrayBufferWriter<byte> buffer, string id)
    {
        buffer.ResetWrittenCount();
        var w = new MessagePackWriter(buffer);
        w.WriteMapHeader(2);
        w.Write(OpKey);
        w.Write((byte)JournalOp.Remove);
        w.Write(IdKey);
        StatePack.WriteString(ref w, id);
        w.Flush();
    }

    /// <summary>Encodes an <see cref="JournalOp.Evict"/> record into <paramref name="buffer"/> (reset first).</summary>
    public static void WriteEvict(ArrayBufferWriter<byte> buffer, long cutoff)
    {
        buffer.ResetWrittenCount();
        var w = new MessagePackWriter(buffer);
        w.WriteMapHeader(2);
        w.Write(OpKey);
        w.Write((byte)JournalOp.Evict);
        w.Write(CutoffKey);
        w.Write(cutoff);
        w.Flush();
    }

    /// <summary>Decodes a payload that passed its checksum; a payload that does not decode is a <see cref="StateException"/>.</summary>
    public static JournalRecord Read(ReadOnlyMemory<byte> payload, string path)
    {
        try
        {
            var r = new MessagePackReader(payload);
            JournalOp op = 0;
            long timestamp = 0;
            long cutoff = 0;
            string? id = null;
            string? source = null;
            string? url = null;
            string? title = null;
            string? body = null;
            DateTimeOffset? published = null;
            bool valid = true;
            int fields = r.ReadMapHeader();
            for (int i = 0; i < fields; i++)
            {
                switch (r.ReadInt32())
                {
                    case OpKey: op = (JournalOp)r.ReadByte(); break;
                    case TimestampKey: timestamp = r.ReadInt64(); break;
                    case IdKey: id = StatePack.ReadString(ref r); break;
                    case SourceKey: source = StatePack.ReadString(ref r); break;
                    case UrlKey: url = StatePack.ReadString(ref r); break;
                    case PublishedKey: published = StatePack.ReadTime(ref r, out valid); break;
                    case TitleKey: title = StatePack.ReadString(ref r); break;
                    case BodyKey: body = StatePack.ReadString(ref r); break;
                    case CutoffKey: cutoff = r.ReadInt64(); break;
                    default: r.Skip(); break;
                }

                if (!valid)
                {
                    throw Bad(path);
                }
            }

            if (!r.End)
            {
                throw Bad(path);
            }

            return new JournalRecord(op, timestamp, id, source, url, published, title, body, cutoff);
        }
        catch (Exception e) when (StatePack.IsDecodeError(e))
        {
            throw new StateException(path, "corrupt journal: a record passed its checksum but does not decode (written by an incompatible build?)", e);
        }
    }

    private static StateException Bad(string path) => new(path, "corrupt journal: a record passed its checksum but does not decode (written by an incompatible build?)");
}
