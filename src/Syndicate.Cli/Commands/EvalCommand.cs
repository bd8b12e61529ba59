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
        + "canonical = original. With no input and no --gold at a terminal, evaluates the bundled sample.\n"
        + "--gold with link labels (id, kind = source|wd|pd|nd, link; the COUNTER scheme): the link rate of each kind "
        + "(the share of its texts in the cluster of their agency text) and pairwise P/R/F1 whose positives are the wd "
        + "and pd texts with their agency text.\n"
        + "--judged PAIRS (repeatable; a directory stands for every *.pairs.jsonl in it and below it): a stratified sample of judged pairs, <corpus>.pairs.jsonl with "
        + "<corpus>.strata.json and <corpus>.frame.tsv.gz beside it; the corpus is read from the data directory unless "
        + "inputs are named. Samples of one corpus drawn apart from one frame (fixtures/judged/holdout/) are pooled into one. Each judged pair stands for N_h/n_h frame pairs of its stratum (Horvitz-Thompson weights; "
        + "SAME is positive, RELATED and DIFFERENT negative): recall = T^P/S^ (SAME pairs linked over SAME pairs in the "
        + "frame), precision = T^P/L^ (over pairs linked in the frame), and a conservative precision T^P/L over every "
        + "cross-source pair the engine links, those outside the frame counted as not SAME; 95% intervals from 2000 "
        + "replicates of a stratified bootstrap with a fixed seed.\n"
        + "--judged-wires LABELS (repeatable; a directory stands for every *.wires.jsonl in it): a stratified sample of "
        + "articles whose wire was judged by hand (fixtures/wires), <corpus>.wires.jsonl with strata.json beside it; each "
        + "article's own wire (its dateline, credits or running credit) is scored: recall and precision of the agencies "
        + "given, weighted by N_h/n_h, with bootstrap intervals, and accuracy. Samples of one corpus, each drawn from what the "
        + "earlier left of its strata (fixtures/wires/holdout/, fixtures/wires/third/), are pooled into one. Scored on its own, "
        + "not with --gold or --judged.";

    public static Command Create()
    {
        var common = new CommonOptions();
        var engine = new EngineOptions();
        var gold = new Option<string?>("--gold", "-g") { Description = "Gold labels (JSONL, gzip allowed): story labels or link labels, recognised by their fields. Optional only for the bundled sample." };
        var judged = new Option<string[]>("--judged") { Description = "Judged pairs, fixtures/judged/<corpus>.pairs.jsonl (repeatable), or a directory: every *.pairs.jsonl in it and below it (fixtures/judged: all samples, pooled by corpus).", AllowMultipleArgumentsPerToken = false };
        var judgedWires = new Option<string[]>("--judged-wires") { Description = "Judged wires, fixtures/wires/<corpus>.wires.jsonl (repeatable), or a directory: every *.wires.jsonl in it (fixtures/wires).", AllowMultipleArgumentsPerToken = false };
        var data = new Option<string?>("--data") { Description = "Directory of the corpora named by --judged strata files. Default: $" + DataDirectory.Variable + ", else ../shared/data beside the repository." };
        var predictions = new Option<string?>("--predictions") { Description = "Score this JSONL output of another run or tool (schema: id, cluster, canonical, relation, similarity, source, wire) instead of running the engine." };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var gates = new EvalGates();
        var command = new Command("eval", Description);
        common.AddTo(command);
        engine.AddTo(command);
        command.Options.Add(gold);
        command.Options.Add(judged);
        command.Options.Add(judgedWires);
        command.Options.Add(data);
        command.Options.Add(predictions);
        command.Options.Add(format);
        gates.AddTo(command);
        command.SetAction(result => CliRunner.Guard(() =>
        {
            SyndicationOptions options = engine.Build(result);
            EvalThresholds thresholds = gates.Parse(result);
            string? goldPath = result.GetValue(gold);
            string[] judgedPaths = [.. (result.GetValue(judged) ?? []).SelectMany(JudgedSample.ExpandPaths)];
            string? predictionPath = result.GetValue(predictions);
            string[]? named = result.GetValue(common.Inputs);
            string[] wirePaths = [.. (result.GetValue(judgedWires) ?? []).SelectMany(WireSample.ExpandPath)];
            if (wirePaths.Length > 0)
            {
                if (goldPath is not null || judgedPaths.Length > 0 || predictionPath is not null)
                {
                    throw new UsageException("--judged-wires is scored on its own: give it without --gold, --judged or --predictions.");
                }

                thresholds.CheckApplicable(false, false);
                return ScoreWires(wirePaths, named, result.GetValue(data), options, common, result, result.GetValue(format) == "json");
            }

            // Predictions are scored instead of a corpus, and judged pairs find theirs in the data directory: with no
            // input named, neither reads standard input nor the bundled sample.
            InputSet inputs = named is not { Length: > 0 } && (predictionPath is not null || judgedPaths.Length > 0)
                ? InputSet.Unnamed
                : InputSet.Resolve(named);
            thresholds.CheckApplicable(goldPath is not null || (inputs.IsSample && predictionPath is null && judgedPaths.Length == 0), judgedPaths.Length > 0);
            GoldFile? labels = LoadGold(goldPath, inputs, predictionPath, judgedPaths.Length > 0);
            thresholds.CheckApplicable(labels);
            List<JudgedSample> loaded = [.. judgedPaths.Select(JudgedSample.Load)];
            foreach (string warning in loaded.SelectMany(s => s.Warnings))
            {
                CliRunner.Error("warning: " + warning);
            }

            // Samples of one corpus (the first and a held-out one) are pooled into one stratified sample.
            IReadOnlyList<JudgedSample> samples = JudgedSample.PoolByCorpus(loaded);

            using ILoggerFactory loggers = common.Loggers(result);
            var read = new List<InputSet> { inputs };
            Scored? shared = null;
            if (predictionPath is not null)
            {
                shared = new Scored(PredictionJsonl.Read(predictionPath), -1, 0, 0);
            }
            else if (labels is not null || !inputs.IsSample)
            {
                shared = Run(inputs, options, common, result, loggers);
            }

            var report = new EvalResults(options, shared?.Seconds ?? 0, shared?.BytesPerArticle ?? 0);
            if (labels is not null)
            {
                CheckSharedIds(goldPath ?? InputSet.SampleName, labels, shared!.Predictions, predictionPath ?? "the inputs (" + string.Join(", ", inputs.Names.Select(n => n == "-" ? "<stdin>" : n)) + ")");
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
                Scored? scored = shared;
                if (scored is null)
                {
                    InputSet corpus = InputSet.Resolve([CorpusOf(sample, result.GetValue(data))]);
                    read.Add(corpus);
                    scored = Run(corpus, options, common, result, loggers);
                }

                if (!sample.Pairs.Any(p => scored.Ids.Contains(p.A) || scored.Ids.Contains(p.B)))
                {
                    throw LabelFile.Fail(sample.PairsPath, 0, $"shares no article id with the {(predictionPath is null ? "inputs" : "predictions")}: is it the sample of another corpus?");
                }

                report.Judged.Add(JudgedReport.Build(sample, scored.Predictions, scored.UnreadableInputs));
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

            IReadOnlyList<string> failures = thresholds.Failures(report);
            foreach (string failure in failures)
            {
                CliRunner.Error(failure);
            }

            // Scores of a partly read corpus are not the corpus's scores: an unreadable input fails the run first.
            if (InputSet.ReportIncomplete([.. read.SelectMany(i => i.IncompleteInputs)]))
            {
                return ExitCodes.InputError;
            }

            return failures.Count > 0 ? ExitCodes.EvaluationFailed : ExitCodes.Ok;
        }));
        return command;
    }

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
                throw new UsageException("--gold (or --judged) is required to score inputs (standard input, when no input is named and it is not a terminal) or --predictions.");
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

    private static void CheckSharedIds(string goldPath, GoldFile labels, IReadOnlyList<ArticlePrediction> predictions, string scored)
    {
        var ids = predictions.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (!labels.Ids.Any(ids.Contains))
        {
            throw LabelFile.Fail(goldPath, 0, $"shares no article id with {scored}: is it the gold of another corpus?");
        }
    }

    private static int ScoreWires(string[] paths, string[]? named, string? dataOption, SyndicationOptions options, CommonOptions common, ParseResult result, bool json)
    {
        var reports = new List<WireReport>();
        var read = new List<InputSet>();
        // Samples of one corpus (the first, a held-out one, ...) are scored as one, as judged pairs are.
        foreach (WireSample sample in WireSample.PoolByCorpus([.. paths.Select(WireSample.Load)]))
        {
            InputSet corpus = InputSet.Resolve(named is { Length: > 0 } ? named : [CorpusOf(sample.CorpusFile, sample.LabelsPath, sample.StrataPath, dataOption)]);
            read.Add(corpus);
            IReadOnlyDictionary<string, string?> given = WiresOf(corpus, sample, options, common, result);
            if (!sample.Articles.Any(a => given.ContainsKey(a.Id)))
            {
                throw LabelFile.Fail(sample.LabelsPath, 0, "shares no article id with the inputs: is it the sample of another corpus?");
            }

            reports.Add(WireReport.Build(sample, given));
        }

        WireReport? combined = WireReport.Combine(reports);
        if (json)
        {
            CliRunner.WriteOutput(null, stream =>
            {
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                writer.WriteStartObject();
                writer.WriteStartArray("wires");
                foreach (WireReport report in reports)
                {
                    report.WriteJson(writer);
                }

                writer.WriteEndArray();
                if (combined is not null)
                {
                    writer.WritePropertyName("combined");
                    combined.WriteJson(writer);
                }

                writer.WriteEndObject();
            });
        }
        else
        {
            foreach (WireReport report in reports)
            {
                Console.Out.Write(report.ToText(details: true));
            }

            if (combined is not null)
            {
                Console.Out.Write(combined.ToText(details: false));
            }
        }

        return InputSet.ReportIncomplete([.. read.SelectMany(i => i.IncompleteInputs)]) ? ExitCodes.InputError : ExitCodes.Ok;
    }

    /// <summary>
    /// The wire each judged article credits by its own text, as the engine reads it (<see cref="Syndicate.Clustering.ClusterMember.Wire"/>).
    /// An article's own wire depends on nothing else in the corpus, so only the judged articles are added.
    /// </summary>
    private static Dictionary<string, string?> WiresOf(InputSet corpus, WireSample sample, SyndicationOptions options, CommonOptions common, ParseResult result)
    {
        var ids = sample.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var engine = new SyndicationEngine(options);
        ArticleReader reader = corpus.CreateReader(common.Format(result), common.ErrorMode(result), e => CliRunner.Error(e.ToString()));
        foreach (InputRecord record in reader.Read())
        {
            if (ids.Contains(record.Article.Id) && !given.ContainsKey(record.Article.Id))
            {
                engine.Add(record.Article);
                Syndicate.Clustering.Cluster? cluster = engine.GetClusterOf(record.Article.Id);
                given[record.Article.Id] = cluster?.Members.FirstOrDefault(m => m.Id == record.Article.Id)?.Wire;
            }
        }

        return given;
    }

    private static string CorpusOf(JudgedSample sample, string? dataOption) => CorpusOf(sample.CorpusFile, sample.PairsPath, sample.StrataPath, dataOption);

    private static string CorpusOf(string corpusFile, string labelsPath, string strataPath, string? dataOption)
    {
        string? directory = DataDirectory.Resolve(dataOption, labelsPath);
        string? path = directory is null ? null : Path.Combine(directory, corpusFile);
        if (path is null || !File.Exists(path))
        {
            throw LabelFile.Fail(strataPath, 0, $"corpus {corpusFile} not found in {directory ?? "(no data directory)"}: name it as an input, or give --data DIR or ${DataDirectory.Variable}");
        }

        return path;
    }

    private static Scored Run(InputSet inputs, SyndicationOptions options, CommonOptions common, ParseResult result, ILoggerFactory loggers)
    {
        RunReport run = CliRunner.Cluster(inputs, options, common.Format(result), common.ErrorMode(result), loggers, keepTexts: false, quiet: common.Quiet(result));
        List<ArticlePrediction> predicted = [.. run.Articles.Select(a => new ArticlePrediction(
            a.Id, a.Cluster.ToString(CultureInfo.InvariantCulture), a.Canonical, ArticleResult.RelationName(a.Relation), a.Similarity, a.Source, a.Wire,
            a.Carries?.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList()))];
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
}
