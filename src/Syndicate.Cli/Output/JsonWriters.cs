using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>The <c>json</c> (full report) and <c>jsonl</c> (one line per article) formats.</summary>
internal static class JsonWriters
{
    private static readonly JsonWriterOptions s_lineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void WriteJsonl(Stream output, IEnumerable<ArticleResult> results) =>
        WriteLines(output, results, s_lineOptions, WriteResult);

    /// <summary>
    /// Writes one JSON value per line. Each value is written into a reusable buffer and copied to
    /// <paramref name="destination"/> without flushing it: <see cref="Utf8JsonWriter.Flush"/> on a stream also flushes
    /// the stream, which made one system call per line of a buffered output.
    /// </summary>
    public static void WriteLines<T>(Stream destination, IEnumerable<T> items, JsonWriterOptions options, Action<Utf8JsonWriter, T> writeItem)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, options);
        foreach (T item in items)
        {
            writeItem(writer, item);
            writer.Flush();
            buffer.Write("\n"u8);
            destination.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
            writer.Reset();
        }
    }

    public static void WriteResult(Utf8JsonWriter writer, ArticleResult r)
    {
        writer.WriteStartObject();
        writer.WriteString("id", r.Id);
        writer.WriteNumber("cluster", r.Cluster);
        writer.WriteBoolean("canonical", r.Canonical);
        writer.WriteString("relation", ArticleResult.RelationName(r.Relation));
        writer.WriteNumber("similarity", Math.Round(r.Similarity, 4));
        writer.WriteString("source", r.Source);
        if (r.Wire is null)
        {
            writer.WriteNull("wire");
        }
        else
        {
            writer.WriteString("wire", r.Wire);
        }

        if (r.Carries is { Count: > 0 } carries)
        {
            writer.WriteStartArray("carries");
            foreach (long id in carries)
            {
                writer.WriteNumberValue(id);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteReport(Stream output, RunReport report)
    {
        using var w = new Utf8JsonWriter(output, s_indented);
        w.WriteStartObject();
        w.WriteString("tool", "syndicate");
        w.WriteStartArray("inputs");
        foreach (string input in report.Inputs)
        {
            w.WriteStringValue(input);
        }

        w.WriteEndArray();
        WriteOptions(w, report.Options);
        RunStatistics s = report.Statistics;
        w.WriteStartObject("statistics");
        w.WriteNumber("articles", s.Articles);
        w.WriteNumber("clusters", s.Clusters);
        w.WriteNumber("multiMemberClusters", s.MultiMemberClusters);
        w.WriteNumber("duplicates", s.Duplicates);
        w.WriteNumber("nearDuplicates", s.NearDuplicates);
        w.WriteNumber("partials", s.Partials);
        w.WriteNumber("errors", s.Errors);
        w.WriteNumber("evicted", s.Evicted);
        w.WriteNumber("seconds", Math.Round(s.Seconds, 4));
        w.WriteNumber("bytesPerArticle", Math.Round(s.BytesPerArticle, 1));
        w.WriteEndObject();
        w.WriteStartArray("clusters");
        foreach (Cluster c in report.Clusters)
        {
            w.WriteStartObject();
            w.WriteNumber("id", c.Id);
            w.WriteString("canonical", c.CanonicalId);
            w.WriteString("title", c.CanonicalTitle);
            w.WriteString("wire", c.Wire);
            w.WriteNumber("outlets", c.OutletCount);
            w.WriteNumber("size", c.Members.Count);
            w.WriteString("text", c.CanonicalText);
            w.WriteStartArray("members");
            foreach (ClusterMember m in c.Members)
            {
                w.WriteStartObject();
                WriteArticleHead(w, m.Id, m.Source, m.Url, m.Published);
                w.WriteString("relation", ArticleResult.RelationName(m.Relation));
                w.WriteNumber("similarity", Math.Round(m.Similarity, 4));
                w.WriteString("wire", m.Wire);
                w.WriteString("datelineOutlet", m.DatelineOutlet);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (c.Carriers.Count > 0)
            {
                w.WriteStartArray("carriers");
                foreach (Carrier carrier in c.Carriers)
                {
                    w.WriteStartObject();
                    WriteArticleHead(w, carrier.Id, carrier.Source, carrier.Url, carrier.Published);
                    w.WriteNumber("cluster", carrier.ClusterId);
                    w.WriteString("matched", carrier.MatchedId);
                    w.WriteString("relation", ArticleResult.RelationName(carrier.Relation));
                    w.WriteNumber("similarity", Math.Round(carrier.Similarity, 4));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The fields that name an article: id, source, url, and the publication time (ISO 8601) or null.</summary>
    internal static void WriteArticleHead(Utf8JsonWriter w, string id, string source, string? url, DateTimeOffset? published)
    {
        w.WriteString("id", id);
        w.WriteString("source", source);
        w.WriteString("url", url);
        if (published is { } time)
        {
            w.WriteString("published", time.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("published");
        }
    }

    private static void WriteOptions(Utf8JsonWriter w, SyndicationOptions o)
    {
        w.WriteStartObject("options");
        w.WriteNumber("shingleSize", o.ShingleSize);
        w.WriteString("shingleKind", o.ShingleKind.ToString().ToLowerInvariant());
        w.WriteNumber("signatureLength", o.SignatureLength);
        w.WriteNumber("seed", o.Seed);
        w.WriteNumber("similarityThreshold", o.SimilarityThreshold);
        w.WriteNumber("containmentThreshold", o.ContainmentThreshold);
        w.WriteNumber("chainingThreshold", o.ChainingThreshold);
        Index.LshParameters lsh = o.ResolveLsh();
        w.WriteNumber("bands", lsh.Bands);
        w.WriteNumber("rows", lsh.Rows);
        if (o.Window is { } window)
        {
            w.WriteString("window", window.ToString("c", CultureInfo.InvariantCulture));
        }

        w.WriteEndObject();
    }
}
