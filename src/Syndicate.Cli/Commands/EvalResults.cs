using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Syndicate.Cli.Evaluation;

namespace Syndicate.Cli.Commands;

/// <summary>Everything one eval run scored, written as a table or as one JSON object.</summary>
internal sealed class EvalResults(SyndicationOptions options, double seconds, double bytesPerArticle)
{
    public EvaluationReport? Stories { get; set; }

    public LinkReport? Links { get; set; }

    public List<JudgedReport> Judged { get; } = [];

    public CombinedJudgedEstimate? Combined { get; set; }

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Stories?.ToText());
        text.Append(Links?.ToText());
        foreach (JudgedReport judged in Judged)
        {
            text.Append(judged.ToText());
        }

        text.Append(Combined?.ToText());

        if (seconds > 0)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"engine time          {seconds:F3} s"));
        }

        return text.ToString();
    }

    public void WriteJson(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        if (Stories is { } r)
        {
            WriteStories(w, r);
        }

        if (Links is { } l)
        {
            WriteLinks(w, l);
        }

        if (Judged.Count > 0)
        {
            w.WriteStartArray("judged");
            foreach (JudgedReport j in Judged)
            {
                WriteJudged(w, j);
            }

            w.WriteEndArray();
        }

        if (Combined is { } c)
        {
            w.WriteStartObject("judgedCombined");
            w.WriteStartArray("corpora");
            foreach (string corpus in c.Corpora)
            {
                w.WriteStringValue(corpus);
            }

            w.WriteEndArray();
            EstimateJson.Write(w, "recall", c.Estimates.Recall, c.Intervals.Recall);
            EstimateJson.Write(w, "precision", c.Estimates.Precision, c.Intervals.Precision);
            EstimateJson.Write(w, "conservativePrecision", c.ConservativePrecision, c.Intervals.ConservativePrecision);
            w.WriteNumber("crossSourceLinked", c.CrossSourceLinked);
            w.WriteEndObject();
        }

        w.WriteNumber("engineSeconds", seconds);
        w.WriteNumber("bytesPerArticle", bytesPerArticle);
        w.WriteStartObject("options");
        w.WriteNumber("shingleSize", options.ShingleSize);
        w.WriteNumber("signatureLength", options.SignatureLength);
        w.WriteNumber("similarityThreshold", options.SimilarityThreshold);
        w.WriteNumber("containmentThreshold", options.ContainmentThreshold);
        Index.LshParameters lsh = options.ResolveLsh();
        w.WriteString("bands", string.Create(CultureInfo.InvariantCulture, $"{lsh.Bands}x{lsh.Rows}"));
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteStories(Utf8JsonWriter w, EvaluationReport r)
    {
        w.WriteNumber("articles", r.Articles);
        w.WriteNumber("goldStories", r.GoldStories);
        w.WriteNumber("predictedClusters", r.PredictedClusters);
        w.WriteNumber("missingPredictions", r.MissingPredictions);
        w.WriteStartObject("pairwise");
        w.WriteNumber("precision", r.Pairwise.Precision);
        w.WriteNumber("recall", r.Pairwise.Recall);
        w.WriteNumber("f1", r.Pairwise.F1);
        w.WriteEndObject();
        w.WriteStartObject("bcubed");
        w.WriteNumber("precision", r.BCubed.Precision);
        w.WriteNumber("recall", r.BCubed.Recall);
        w.WriteNumber("f1", r.BCubed.F1);
        w.WriteEndObject();
        w.WriteNumber("adjustedRandIndex", r.AdjustedRandIndex);
        w.WriteStartObject("recallByKind");
        foreach (KindRecall k in r.RecallByKind)
        {
            w.WriteNumber(k.Kind, k.Recall);
        }

        w.WriteEndObject();
        w.WriteNumber("hardNegatives", r.HardNegatives);
        w.WriteNumber("hardNegativesMerged", r.HardNegativesMerged);
        w.WriteNumber("compilations", r.Compilations);
        w.WriteNumber("compilationsMerged", r.CompilationsMerged);
        w.WriteNumber("wireAccuracy", r.WireAccuracy);
        w.WriteNumber("canonicalIsOriginal", r.CanonicalIsOriginalRate);
    }

    private static void WriteLinks(Utf8JsonWriter w, LinkReport l)
    {
        w.WriteString("gold", "links");
        w.WriteNumber("texts", l.Texts);
        w.WriteNumber("sources", l.Sources);
        w.WriteNumber("missingPredictions", l.MissingPredictions);
        w.WriteNumber("unknownPredictions", l.UnknownPredictions);
        if (l.UnreadableInputs >= 0)
        {
            w.WriteNumber("unreadableInputs", l.UnreadableInputs);
        }

        w.WriteStartObject("linkRate");
        foreach (LinkRate rate in l.Rates)
        {
            w.WriteStartObject(rate.Kind);
            w.WriteNumber("rate", rate.Rate);
            w.WriteNumber("linked", rate.Linked);
            w.WriteNumber("total", rate.Total);
            w.WriteNumber("notRead", rate.NotRead);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("pairwise");
        w.WriteNumber("precision", l.Pairwise.Precision);
        w.WriteNumber("recall", l.Pairwise.Recall);
        w.WriteNumber("f1", l.Pairwise.F1);
        w.WriteNumber("truePositives", l.Pairwise.TruePositivePairs);
        w.WriteNumber("predictedPairs", l.Pairwise.PredictedPairs);
        w.WriteNumber("positives", l.Pairwise.GoldPairs);
        w.WriteNumber("unscoredPairs", l.UnscoredPairs);
        w.WriteEndObject();
    }

    private static void WriteJudged(Utf8JsonWriter w, JudgedReport j)
    {
        w.WriteStartObject();
        w.WriteString("corpus", j.Sample.Corpus);
        w.WriteString("pairsFile", j.Sample.PairsPath);
        w.WriteStartArray("pairsFiles");
        foreach (string file in j.Sample.PairsFiles)
        {
            w.WriteStringValue(file);
        }

        w.WriteEndArray();
        w.WriteNumber("pairs", j.Sample.Pairs.Count);
        w.WriteNumber("pairsNotRead", j.PairsNotRead);
        if (j.UnreadableInputs >= 0)
        {
            w.WriteNumber("unreadableInputs", j.UnreadableInputs);
        }

        EstimateJson.Write(w, "recall", j.Estimates.Recall, j.Intervals.Recall);
        EstimateJson.Write(w, "precision", j.Estimates.Precision, j.Intervals.Precision);
        EstimateJson.Write(w, "conservativePrecision", j.ConservativePrecision, j.Intervals.ConservativePrecision);
        w.WriteNumber("truePositives", j.Estimates.TruePositives);
        w.WriteNumber("same", j.Estimates.Same);
        w.WriteNumber("linked", j.Estimates.Linked);
        w.WriteNumber("crossSourceLinked", j.CrossSourceLinked);
        w.WriteNumber("frameLinked", j.FrameLinked);
        w.WriteNumber("bootstrapReplicates", j.Intervals.Replicates);
        w.WriteStartArray("strata");
        foreach (StratumCounts s in j.Strata)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("definition", s.Definition);
            w.WriteNumber("pairs", s.Population);
            w.WriteNumber("judged", s.Judged);
            w.WriteNumber("same", s.Same);
            w.WriteNumber("linked", s.Linked);
            w.WriteNumber("linkedSame", s.LinkedSame);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WritePairs(w, "missed", j.Missed);
        WritePairs(w, "wronglyLinked", j.WronglyLinked);
        w.WriteEndObject();
    }

    private static void WritePairs(Utf8JsonWriter w, string name, IReadOnlyList<JudgedPair> pairs)
    {
        w.WriteStartArray(name);
        foreach (JudgedPair p in pairs)
        {
            w.WriteStartObject();
            w.WriteString("a", p.A);
            w.WriteString("b", p.B);
            w.WriteString("stratum", p.Stratum);
            w.WriteString("label", p.Label.ToString().ToLowerInvariant());
            w.WriteString("reason", p.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
