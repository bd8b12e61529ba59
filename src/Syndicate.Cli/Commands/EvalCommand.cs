using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Output;

namespace Syndicate.Cli.Commands;

/// <summary>
/// <c>syndicate eval --gold GOLD [INPUT...]</c>: runs the engine on a labelled corpus and scores the clusters, the
/// wire attribution and the canonical choice against the gold labels.
/// </summary>
internal static class EvalCommand
{
    private const string SampleGoldResource = "Syndicate.Cli.sample-gold.jsonl";

    public static Command Create()
    {
        var common = new CommonOptions();
        var engine = new EngineOptions();
        var gold = new Option<string?>("--gold", "-g") { Description = "Gold labels (JSONL: id, story, kind, wire, original, borrowedFrom). Optional only for the bundled sample." };
        var predictions = new Option<string?>("--predictions") { Description = "Score this JSONL output of another run or tool (schema: id, cluster, canonical, relation, similarity, source, wire) instead of running the engine." };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with code 5 when the pairwise F1 is below this." };
        var maxMerged = new Option<int?>("--max-hard-negative-merges") { Description = "Exit with code 5 when more hard negatives than this were merged." };
        var command = new Command("eval", "Score the engine (or another tool's jsonl output) against gold labels: pairwise precision/recall/F1, adjusted Rand index, B-cubed F1, recall per kind, hard negatives merged, wire accuracy, canonical = original. With no input, evaluates the bundled sample.");
        common.AddTo(command);
        engine.AddTo(command);
        command.Options.Add(gold);
        command.Options.Add(predictions);
        command.Options.Add(format);
        command.Options.Add(minF1);
        command.Options.Add(maxMerged);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            SyndicationOptions options = engine.Build(result);
            InputSet inputs = InputSet.Resolve(result.GetValue(common.Inputs));
            List<GoldRecord> labels = LoadGold(result.GetValue(gold), inputs);
            List<ArticlePrediction> predicted;
            double seconds = 0, bytesPerArticle = 0;
            if (result.GetValue(predictions) is { } predictionPath)
            {
                predicted = ReadPredictions(predictionPath);
            }
            else
            {
                using ILoggerFactory loggers = common.Loggers(result);
                RunReport run = CliRunner.Cluster(inputs, options, common.Format(result), common.ErrorMode(result), loggers, keepTexts: false, quiet: common.Quiet(result));
                seconds = run.Statistics.Seconds;
                bytesPerArticle = run.Statistics.BytesPerArticle;
                predicted = run.Articles.Select(a => new ArticlePrediction(
                    a.Id, a.Cluster.ToString(CultureInfo.InvariantCulture), a.Canonical, ArticleResult.RelationName(a.Relation), a.Similarity, a.Source, a.Wire)).ToList();
            }

            EvaluationReport report = EvaluationReport.Build(labels, predicted);
            if (result.GetValue(format) == "json")
            {
                CliRunner.WriteOutput(null, stream => WriteJson(stream, report, options, seconds, bytesPerArticle));
            }
            else
            {
                Console.Out.Write(report.ToText());
                if (seconds > 0)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine time          {seconds:F3} s"));
                }
            }

            bool failed = false;
            if (result.GetValue(minF1) is { } f1 && report.Pairwise.F1 < f1)
            {
                CliRunner.Error(string.Create(CultureInfo.InvariantCulture, $"pairwise F1 {report.Pairwise.F1:F4} is below --min-f1 {f1}"));
                failed = true;
            }

            if (result.GetValue(maxMerged) is { } merged && report.HardNegativesMerged > merged)
            {
                CliRunner.Error(string.Create(CultureInfo.InvariantCulture, $"{report.HardNegativesMerged} hard negatives merged, more than --max-hard-negative-merges {merged}"));
                failed = true;
            }

            return failed ? ExitCodes.EvaluationFailed : ExitCodes.Ok;
        }));
        return command;
    }

    private static List<GoldRecord> LoadGold(string? path, InputSet inputs)
    {
        if (path is null)
        {
            if (!inputs.IsSample)
            {
                throw new UsageException("--gold is required when inputs are named.");
            }

            using Stream stream = typeof(EvalCommand).Assembly.GetManifestResourceStream(SampleGoldResource)
                ?? throw new InvalidOperationException("The bundled sample's gold labels are missing from this build.");
            return CorpusJsonl.ReadGold(stream);
        }

        try
        {
            return CorpusJsonl.ReadGold(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read gold labels {path}: {e.Message}");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or FormatException)
        {
            throw new UsageException($"{path}: not valid gold labels: {e.Message}");
        }
    }

    private static List<ArticlePrediction> ReadPredictions(string path)
    {
        try
        {
            return PredictionJsonl.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read predictions {path}: {e.Message}");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or FormatException)
        {
            throw new UsageException($"{path}: not valid predictions: {e.Message}");
        }
    }

    private static void WriteJson(Stream stream, EvaluationReport r, SyndicationOptions o, double seconds, double bytesPerArticle)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
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
        w.WriteNumber("wireAccuracy", r.WireAccuracy);
        w.WriteNumber("canonicalIsOriginal", r.CanonicalIsOriginalRate);
        w.WriteNumber("engineSeconds", seconds);
        w.WriteNumber("bytesPerArticle", bytesPerArticle);
        w.WriteStartObject("options");
        w.WriteNumber("shingleSize", o.ShingleSize);
        w.WriteNumber("signatureLength", o.SignatureLength);
        w.WriteNumber("similarityThreshold", o.SimilarityThreshold);
        w.WriteNumber("containmentThreshold", o.ContainmentThreshold);
        Index.LshParameters lsh = o.ResolveLsh();
        w.WriteString("bands", string.Create(CultureInfo.InvariantCulture, $"{lsh.Bands}x{lsh.Rows}"));
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }
}
