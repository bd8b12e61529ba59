using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Syndicate.Cli.Evaluation;
using Syndicate.Cli.Input;
using Syndicate.Cli.Output;

namespace Syndicate.Cli.Commands;

/// <summary>
/// <c>syndicate eval --gold GOLD [INPUT...]</c> and <c>syndicate eval --judged PAIRS [INPUT...]</c>: runs the engine
/// (or reads another tool's predictions) and scores the clusters against gold labels or judged pairs.
/// </summary>
internal static class EvalCommand
{
    private const string SampleGoldResource = "Syndicate.Cli.sample-gold.jsonl";

    private const string Description =
        "Score the engine (or another tool's jsonl output) against labels.\n"
        + "--gold with story labels (id, story, kind, wire, original, borrowedFrom; what 'generate' writes): pairwise "
        + "precision/recall/F1, adjusted Rand index, B-cubed F1, recall per kind, hard negatives merged, wire accuracy, "
        + "canonical = original. With no input and no --gold, evaluates the bundled sample.\n"
        + "--gold with link labels (id, kind = source|wd|pd|nd, link; the COUNTER scheme): the link rate of each kind "
        + "(the share of its texts in the cluster of their agency text) and pairwise P/R/F1 whose positives are the wd "
        + "and pd texts with their agency text.\n"
        + "--judged PAIRS (repeatable): a stratified sample of judged pairs, <corpus>.pairs.jsonl with "
        + "<corpus>.strata.json and <corpus>.frame.tsv.gz beside it; the corpus is read from the data directory unless "
        + "inputs are named. Each judged pair stands for N_h/n_h frame pairs of its stratum (Horvitz-Thompson weights; "
        + "SAME is positive, RELATED and DIFFERENT negative): recall = T^P/S^ (SAME pairs linked over SAME pairs in the "
        + "frame), precision = T^P/L^ (over pairs linked in the frame), and a conservative precision T^P/L over every "
        + "cross-source pair the engine links, those outside the frame counted as not SAME; 95% intervals from 2000 "
        + "replicates of a stratified bootstrap with a fixed seed.";

    public static Command Create()
    {
        var common = new CommonOptions();
        var engine = new EngineOptions();
        var gold = new Option<string?>("--gold", "-g") { Description = "Gold labels (JSONL, gzip allowed): story labels or link labels, recognised by their fields. Optional only for the bundled sample." };
        var judged = new Option<string[]>("--judged") { Description = "Judged pairs, fixtures/judged/<corpus>.pairs.jsonl (repeatable).", AllowMultipleArgumentsPerToken = false };
        var data = new Option<string?>("--data") { Description = "Directory of the corpora named by --judged strata files. Default: $" + DataDirectory.Variable + ", else ../shared/data beside the repository." };
        var predictions = new Option<string?>("--predictions") { Description = "Score this JSONL output of another run or tool (schema: id, cluster, canonical, relation, similarity, source, wire) instead of running the engine." };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with code 5 when the pairwise F1 is below this (0 to 1)." };
        var maxMerged = new Option<int?>("--max-hard-negative-merges") { Description = "Exit with code 5 when more hard negatives than this were merged (0 or more)." };
        var minLinkRate = new Option<string?>("--min-link-rate") { Description = "Link labels: exit with code 5 when a kind's link rate is below its bound, e.g. wd=0.85,pd=0.35." };
        var maxLinkRate = new Option<string?>("--max-link-rate") { Description = "Link labels: exit with code 5 when a kind's link rate is above its bound, e.g. nd=0.05." };
        var minPrecision = new Option<double?>("--min-precision") { Description = "Judged pairs: exit with code 5 when the estimated precision of a judged set is below this (0 to 1)." };
        var minRecall = new Option<double?>("--min-recall") { Description = "Judged pairs: exit with code 5 when the estimated recall of a judged set is below this (0 to 1)." };
        var command = new Command("eval", Description);
        common.AddTo(command);
        engine.AddTo(command);
        command.Options.Add(gold);
        command.Options.Add(judged);
        command.Options.Add(data);
        command.Options.Add(predictions);
        command.Options.Add(format);
        command.Options.Add(minF1);
        command.Options.Add(maxMerged);
        command.Options.Add(minLinkRate);
        command.Options.Add(maxLinkRate);
        command.Options.Add(minPrecision);
        command.Options.Add(minRecall);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            SyndicationOptions options = engine.Build(result);
            double? f1Gate = Fraction(result.GetValue(minF1), "--min-f1");
            double? precisionGate = Fraction(result.GetValue(minPrecision), "--min-precision");
            double? recallGate = Fraction(result.GetValue(minRecall), "--min-recall");
            int? mergedGate = result.GetValue(maxMerged);
            if (mergedGate is < 0)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--max-hard-negative-merges must be 0 or more, got {mergedGate}."));
            }

            IReadOnlyDictionary<string, double>? minRates, maxRates;
            try
            {
                minRates = RateGates.Parse(result.GetValue(minLinkRate), "--min-link-rate");
                maxRates = RateGates.Parse(result.GetValue(maxLinkRate), "--max-link-rate");
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message + ".");
            }

            InputSet inputs = InputSet.Resolve(result.GetValue(common.Inputs));
            string? goldPath = result.GetValue(gold);
            string[] judgedPaths = result.GetValue(judged) ?? [];
            string? predictionPath = result.GetValue(predictions);
            if (judgedPaths.Length == 0 && (precisionGate is not null || recallGate is not null))
            {
                throw new UsageException("--min-precision and --min-recall apply to --judged pairs; none were given.");
            }

            GoldFile? labels = LoadGold(goldPath, inputs, predictionPath, judgedPaths.Length > 0);
            if ((minRates is not null || maxRates is not null) && labels?.Links is null)
            {
                throw new UsageException("--min-link-rate and --max-link-rate apply to link labels (kinds source, wd, pd, nd) given with --gold.");
            }

            if (mergedGate is not null && labels?.Stories is null)
            {
                throw new UsageException("--max-hard-negative-merges applies to story labels given with --gold.");
            }

            if (f1Gate is not null && labels is null)
            {
                throw new UsageException("--min-f1 applies to labels given with --gold.");
            }

            List<JudgedSample> samples = [.. judgedPaths.Select(JudgedSample.Load)];
            foreach (string warning in samples.SelectMany(s => s.Warnings))
            {
                CliRunner.Error("warning: " + warning);
            }

            using ILoggerFactory loggers = common.Loggers(result);
            Scored? shared = null;
            if (predictionPath is not null)
            {
                shared = new Scored(PredictionJsonl.Read(predictionPath), -1, 0, 0);
            }
            else if (labels is not null || !inputs.IsSample)
            {
                shared = Run(inputs, options, common, result, loggers);
            }

            var report = new Reports(options, shared?.Seconds ?? 0, shared?.BytesPerArticle ?? 0);
            if (labels is not null)
            {
                CheckSharedIds(goldPath ?? InputSet.SampleName, labels, shared!.Predictions, inputs);
                if (labels.Stories is not null)
                {
                    report.Stories = EvaluationReport.Build(labels.Stories, shared.Predictions);
                }
                else
                {
                    report.Links = LinkReport.Build(labels.Links!, shared.Predictions, shared.UnreadableInputs);
                }
            }

            foreach (JudgedSample sample in samples)
            {
                Scored scored = shared ?? Run(InputSet.Resolve([CorpusOf(sample, result.GetValue(data))]), options, common, result, loggers);
                if (!sample.Pairs.Any(p => scored.Ids.Contains(p.A) || scored.Ids.Contains(p.B)))
                {
                    throw LabelFile.Fail(sample.PairsPath, 0, $"shares no article id with the {(predictionPath is null ? "inputs" : "predictions")}: is it the sample of another corpus?");
                }

                report.Judged.Add(JudgedReport.Build(sample, scored.Predictions));
            }

            report.Combined = CombinedJudgedEstimate.Of(report.Judged, onePrediction: shared is not null);

            if (result.GetValue(format) == "json")
            {
                CliRunner.WriteOutput(null, stream => report.WriteJson(stream));
            }
            else
            {
                Console.Out.Write(report.ToText());
            }

            bool failed = false;
            void Gate(bool met, string message)
            {
                if (!met)
                {
                    CliRunner.Error(message);
                    failed = true;
                }
            }

            var inv = CultureInfo.InvariantCulture;
            if (f1Gate is { } f1)
            {
                double actual = report.Stories?.Pairwise.F1 ?? report.Links!.Pairwise.F1;
                Gate(actual >= f1, string.Create(inv, $"pairwise F1 {actual:F4} is below --min-f1 {f1}"));
            }

            if (mergedGate is { } merged)
            {
                Gate(report.Stories!.HardNegativesMerged <= merged, string.Create(inv, $"{report.Stories.HardNegativesMerged} hard negatives merged, more than --max-hard-negative-merges {merged}"));
            }

            foreach ((string kind, double bound) in minRates ?? new Dictionary<string, double>())
            {
                LinkRate rate = report.Links!.Rate(kind);
                Gate(rate.Rate >= bound, string.Create(inv, $"link rate of {kind} {rate.Rate:F4} ({rate.Linked}/{rate.Total}) is below --min-link-rate {kind}={bound}"));
            }

            foreach ((string kind, double bound) in maxRates ?? new Dictionary<string, double>())
            {
                LinkRate rate = report.Links!.Rate(kind);
                Gate(rate.Rate <= bound, string.Create(inv, $"link rate of {kind} {rate.Rate:F4} ({rate.Linked}/{rate.Total}) is above --max-link-rate {kind}={bound}"));
            }

            foreach (JudgedReport j in report.Judged)
            {
                if (precisionGate is { } p)
                {
                    Gate(j.Estimates.Precision >= p, string.Create(inv, $"{j.Sample.Corpus}: estimated precision {j.Estimates.Precision:F4} is below --min-precision {p}"));
                }

                if (recallGate is { } r)
                {
                    Gate(j.Estimates.Recall >= r, string.Create(inv, $"{j.Sample.Corpus}: estimated recall {j.Estimates.Recall:F4} is below --min-recall {r}"));
                }
            }

            return failed ? ExitCodes.EvaluationFailed : ExitCodes.Ok;
        }));
        return command;
    }

    private static double? Fraction(double? value, string option) =>
        value is { } v && !(v >= 0 && v <= 1)
            ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a number from 0 to 1, got {v}."))
            : value;

    private static GoldFile? LoadGold(string? path, InputSet inputs, string? predictions, bool judged)
    {
        if (path is null)
        {
            if (judged)
            {
                return null;
            }

            if (!inputs.IsSample || predictions is not null)
            {
                throw new UsageException("--gold (or --judged) is required when inputs or --predictions are named.");
            }

            return GoldFile.ReadStories(BundledGold());
        }

        GoldFile labels = GoldFile.Read(path);
        if (inputs.IsSample && predictions is null && !IsBundledGold(path))
        {
            throw new UsageException($"--gold {path}: name the corpus it labels as input; with no input, eval scores only the bundled sample, against its own gold.");
        }

        return labels;
    }

    private static Stream BundledGold() =>
        typeof(EvalCommand).Assembly.GetManifestResourceStream(SampleGoldResource)
        ?? throw new InvalidOperationException("The bundled sample's gold labels are missing from this build.");

    private static bool IsBundledGold(string path)
    {
        using Stream bundled = BundledGold();
        using var copy = new MemoryStream();
        bundled.CopyTo(copy);
        try
        {
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(copy.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void CheckSharedIds(string goldPath, GoldFile labels, IReadOnlyList<ArticlePrediction> predictions, InputSet inputs)
    {
        var ids = predictions.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Count > 0 && !labels.Ids.Any(ids.Contains))
        {
            string what = inputs.IsSample ? "the predictions" : "the inputs (" + string.Join(", ", inputs.Names) + ")";
            throw LabelFile.Fail(goldPath, 0, $"shares no article id with {what}: is it the gold of another corpus?");
        }
    }

    private static string CorpusOf(JudgedSample sample, string? dataOption)
    {
        string? directory = DataDirectory.Resolve(dataOption, sample.PairsPath);
        string? path = directory is null ? null : Path.Combine(directory, sample.CorpusFile);
        if (path is null || !File.Exists(path))
        {
            throw LabelFile.Fail(sample.StrataPath, 0, $"corpus {sample.CorpusFile} not found in {directory ?? "(no data directory)"}: name it as an input, or give --data DIR or ${DataDirectory.Variable}");
        }

        return path;
    }

    private static Scored Run(InputSet inputs, SyndicationOptions options, CommonOptions common, ParseResult result, ILoggerFactory loggers)
    {
        RunReport run = CliRunner.Cluster(inputs, options, common.Format(result), common.ErrorMode(result), loggers, keepTexts: false, quiet: common.Quiet(result));
        List<ArticlePrediction> predicted = [.. run.Articles.Select(a => new ArticlePrediction(
            a.Id, a.Cluster.ToString(CultureInfo.InvariantCulture), a.Canonical, ArticleResult.RelationName(a.Relation), a.Similarity, a.Source, a.Wire))];
        return new Scored(predicted, run.Statistics.Errors, run.Statistics.Seconds, run.Statistics.BytesPerArticle);
    }

    /// <summary>One run's predictions, with what the report says about the run.</summary>
    private sealed class Scored(List<ArticlePrediction> predictions, int unreadableInputs, double seconds, double bytesPerArticle)
    {
        public List<ArticlePrediction> Predictions { get; } = predictions;

        public HashSet<string> Ids { get; } = predictions.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        public int UnreadableInputs { get; } = unreadableInputs;

        public double Seconds { get; } = seconds;

        public double BytesPerArticle { get; } = bytesPerArticle;
    }

    /// <summary>Everything one eval run scored, written as a table or as one JSON object.</summary>
    private sealed class Reports(SyndicationOptions options, double seconds, double bytesPerArticle)
    {
        public EvaluationReport? Stories { get; set; }

        public LinkReport? Links { get; set; }

        public List<JudgedReport> Judged { get; } = [];

        public CombinedJudgedEstimate? Combined { get; set; }

        public string ToText()
        {
            var text = new System.Text.StringBuilder();
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
                WriteEstimate(w, "recall", c.Estimates.Recall, c.Intervals.Recall);
                WriteEstimate(w, "precision", c.Estimates.Precision, c.Intervals.Precision);
                WriteEstimate(w, "conservativePrecision", c.ConservativePrecision, c.Intervals.ConservativePrecision);
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
            w.WriteNumber("pairs", j.Sample.Pairs.Count);
            w.WriteNumber("pairsNotRead", j.PairsNotRead);
            WriteEstimate(w, "recall", j.Estimates.Recall, j.Intervals.Recall);
            WriteEstimate(w, "precision", j.Estimates.Precision, j.Intervals.Precision);
            WriteEstimate(w, "conservativePrecision", j.ConservativePrecision, j.Intervals.ConservativePrecision);
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

        private static void WriteEstimate(Utf8JsonWriter w, string name, double value, Interval interval)
        {
            w.WriteStartObject(name);
            WriteNumberOrNull(w, "estimate", value);
            WriteNumberOrNull(w, "lower95", interval.Lower);
            WriteNumberOrNull(w, "upper95", interval.Upper);
            w.WriteEndObject();
        }

        private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double value)
        {
            if (double.IsNaN(value))
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteNumber(name, value);
            }
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
}
