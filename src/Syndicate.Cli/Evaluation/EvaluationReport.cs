using System.Globalization;
using System.Text;

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Scores one tool's per-article predictions against a generated corpus's gold labels: clustering quality, recall by
/// copy kind, hard negatives wrongly merged, wire attribution and canonical choice.
/// </summary>
/// <remarks>
/// The articles scored are the gold ids. A gold article with no prediction is treated as a predicted singleton with
/// no wire that is not canonical; predictions for ids outside the gold are counted in
/// <see cref="UnknownPredictions"/> and otherwise ignored. A duplicated prediction id keeps its first line.
/// </remarks>
internal sealed class EvaluationReport
{
    private EvaluationReport()
    {
    }

    public int Articles { get; private init; }

    public int GoldStories { get; private init; }

    /// <summary>Distinct predicted clusters among the gold articles (each missing prediction counts as one).</summary>
    public int PredictedClusters { get; private init; }

    /// <summary>Gold articles without a prediction.</summary>
    public int MissingPredictions { get; private init; }

    /// <summary>Predictions whose id is not in the gold.</summary>
    public int UnknownPredictions { get; private init; }

    public PairwiseScores Pairwise { get; private init; }

    public double AdjustedRandIndex { get; private init; }

    public BCubedScores BCubed { get; private init; }

    /// <summary>
    /// For <see cref="GoldKinds.Reprint"/>, <see cref="GoldKinds.Edited"/>, <see cref="GoldKinds.Partial"/> and
    /// <see cref="GoldKinds.Compilation"/> (when the corpus has any): of the non-original copies whose story has an
    /// original in the corpus, those in the original's predicted cluster.
    /// </summary>
    public IReadOnlyList<KindRecall> RecallByKind { get; private init; } = [];

    public int HardNegatives { get; private init; }

    /// <summary>Hard negatives whose predicted cluster holds an article of the story they borrowed paragraphs from.</summary>
    public int HardNegativesMerged { get; private init; }

    /// <summary>Articles whose gold names a wire.</summary>
    public int WireArticles { get; private init; }

    /// <summary>
    /// Of <see cref="WireArticles"/>, those whose predicted wire is the gold wire. Names compare case-insensitively,
    /// and any of a known wire's names or codes (<c>SPA</c>, <c>was</c>, <c>واس</c>) counts as that wire.
    /// </summary>
    public int WireCorrect { get; private init; }

    /// <summary>Articles with no gold wire (outlets' own stories) to which the tool attributed one.</summary>
    public int WireFalseAttributions { get; private init; }

    /// <summary>Articles with no gold wire.</summary>
    public int NoWireArticles { get; private init; }

    /// <summary>Gold stories with at least two articles, one of them the original.</summary>
    public int CanonicalStories { get; private init; }

    /// <summary>
    /// Of <see cref="CanonicalStories"/>, those whose original is marked canonical and is the only article so marked
    /// in its predicted cluster.
    /// </summary>
    public int CanonicalIsOriginal { get; private init; }

    public int Compilations { get; private init; }

    /// <summary>
    /// Compilations whose predicted cluster holds an article of the story whose opening leads them: filed with the lead
    /// story instead of the one they carry, or gluing the two stories together.
    /// </summary>
    public int CompilationsMerged { get; private init; }

    public double HardNegativeMergeRate => HardNegatives == 0 ? 0.0 : (double)HardNegativesMerged / HardNegatives;

    public double WireAccuracy => WireArticles == 0 ? 1.0 : (double)WireCorrect / WireArticles;

    public double CanonicalIsOriginalRate => CanonicalStories == 0 ? 1.0 : (double)CanonicalIsOriginal / CanonicalStories;

    public static EvaluationReport Build(IReadOnlyList<GoldRecord> gold, IReadOnlyList<ArticlePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);

        var goldById = new Dictionary<string, GoldRecord>(StringComparer.Ordinal);
        foreach (var record in gold)
        {
            if (!goldById.TryAdd(record.Id, record))
            {
                throw new ArgumentException($"The gold lists article '{record.Id}' twice.", nameof(gold));
            }
        }

        var byId = new Dictionary<string, ArticlePrediction>(StringComparer.Ordinal);
        var unknown = 0;
        foreach (var prediction in predictions)
        {
            if (!goldById.ContainsKey(prediction.Id))
            {
                unknown++;
            }
            else
            {
                byId.TryAdd(prediction.Id, prediction);
            }
        }

        var predictedClusters = byId.ToDictionary(p => p.Key, p => p.Value.Cluster, StringComparer.Ordinal);
        var goldStories = gold.ToDictionary(g => g.Id, g => g.Story, StringComparer.Ordinal);

        // Members of each predicted cluster and of each gold story, for the per-story questions below.
        var clusterMembers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, cluster) in predictedClusters)
        {
            if (!clusterMembers.TryGetValue(cluster, out var members))
            {
                clusterMembers.Add(cluster, members = []);
            }

            members.Add(id);
        }

        var storyMembers = gold.GroupBy(g => g.Story, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var originals = new Dictionary<string, GoldRecord>(StringComparer.Ordinal);
        foreach (var record in gold)
        {
            if (record.Original)
            {
                originals.TryAdd(record.Story, record);
            }
        }

        string? ClusterOf(string id) => predictedClusters.TryGetValue(id, out var cluster) ? cluster : null;

        // Linked: in one cluster, or one carries the other's story (a roundup); see PredictedLinks.
        var links = new PredictedLinks(byId);

        // Recall by kind.
        var recall = new List<KindRecall>();
        foreach (var kind in new[] { GoldKinds.Reprint, GoldKinds.Edited, GoldKinds.Partial, GoldKinds.Compilation })
        {
            int total = 0, found = 0;
            foreach (var record in gold)
            {
                if (record.Original || !string.Equals(record.Kind, kind, StringComparison.Ordinal)
                    || !originals.TryGetValue(record.Story, out var original))
                {
                    continue;
                }

                total++;
                if (links.Linked(record.Id, original.Id))
                {
                    found++;
                }
            }

            // Compilations are listed only where a corpus has them (the bundled sample has none).
            if (total > 0 || kind != GoldKinds.Compilation)
            {
                recall.Add(new KindRecall(kind, total, found));
            }
        }

        // Hard negatives merged with the story they borrowed from, compilations with the story that leads them.
        (int Total, int Merged) MergedWithBorrowed(string kind)
        {
            int total = 0, merged = 0;
            foreach (var record in gold)
            {
                if (!string.Equals(record.Kind, kind, StringComparison.Ordinal))
                {
                    continue;
                }

                total++;
                if (record.BorrowedFrom is not null && storyMembers.TryGetValue(record.BorrowedFrom, out var borrowed)
                    && borrowed.Any(g => links.Linked(record.Id, g.Id)))
                {
                    merged++;
                }
            }

            return (total, merged);
        }

        var (hardNegatives, merged) = MergedWithBorrowed(GoldKinds.HardNegative);
        var (compilations, compilationsMerged) = MergedWithBorrowed(GoldKinds.Compilation);

        // Wire attribution, per article.
        int wireArticles = 0, wireCorrect = 0, noWire = 0, falseWire = 0;
        foreach (var record in gold)
        {
            var predictedWire = byId.TryGetValue(record.Id, out var prediction) ? CanonicalWireName(prediction.Wire) : null;
            if (record.Wire is null)
            {
                noWire++;
                if (predictedWire is not null)
                {
                    falseWire++;
                }
            }
            else
            {
                wireArticles++;
                if (predictedWire is not null && string.Equals(predictedWire, CanonicalWireName(record.Wire), StringComparison.OrdinalIgnoreCase))
                {
                    wireCorrect++;
                }
            }
        }

        // Canonical is the original.
        int canonicalStories = 0, canonicalCorrect = 0;
        foreach (var (story, members) in storyMembers)
        {
            if (members.Count < 2 || !originals.TryGetValue(story, out var original))
            {
                continue;
            }

            canonicalStories++;
            var cluster = ClusterOf(original.Id);
            if (cluster is not null && byId[original.Id].Canonical
                && clusterMembers[cluster].Count(id => byId[id].Canonical) == 1)
            {
                canonicalCorrect++;
            }
        }

        return new EvaluationReport
        {
            Articles = gold.Count,
            GoldStories = storyMembers.Count,
            PredictedClusters = clusterMembers.Count + (gold.Count - byId.Count),
            MissingPredictions = gold.Count - byId.Count,
            UnknownPredictions = unknown,
            Pairwise = WithCarried(ClusteringMetrics.Pairwise(predictedClusters, goldStories), links, goldStories),
            AdjustedRandIndex = ClusteringMetrics.AdjustedRandIndex(predictedClusters, goldStories),
            BCubed = ClusteringMetrics.BCubed(predictedClusters, goldStories),
            RecallByKind = recall,
            HardNegatives = hardNegatives,
            HardNegativesMerged = merged,
            Compilations = compilations,
            CompilationsMerged = compilationsMerged,
            WireArticles = wireArticles,
            WireCorrect = wireCorrect,
            NoWireArticles = noWire,
            WireFalseAttributions = falseWire,
            CanonicalStories = canonicalStories,
            CanonicalIsOriginal = canonicalCorrect,
        };
    }

    /// <summary>
    /// Pair counts with the pairs linked through a carried story added to the predicted ones: true when the two are of
    /// one gold story. The partition measures (B-cubed, adjusted Rand index) read the clusters alone.
    /// </summary>
    private static PairwiseScores WithCarried(PairwiseScores clusters, PredictedLinks links, Dictionary<string, string> goldStories)
    {
        long truePositives = clusters.TruePositivePairs, predicted = clusters.PredictedPairs;
        foreach ((string a, string b) in links.CarriedPairs())
        {
            predicted++;
            if (string.Equals(goldStories[a], goldStories[b], StringComparison.Ordinal))
            {
                truePositives++;
            }
        }

        if (predicted == clusters.PredictedPairs)
        {
            return clusters;
        }

        double precision = (double)truePositives / predicted;
        double recall = clusters.GoldPairs == 0 ? 1.0 : (double)truePositives / clusters.GoldPairs;
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new PairwiseScores(truePositives, predicted, clusters.GoldPairs, precision, recall, f1);
    }

    /// <summary>A plain-text summary, one metric a line.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"articles             {Articles} ({GoldStories} gold stories, {PredictedClusters} predicted clusters, {MissingPredictions} missing, {UnknownPredictions} unknown)");
        sb.AppendLine(inv, $"pairwise             P {Pairwise.Precision:F4}  R {Pairwise.Recall:F4}  F1 {Pairwise.F1:F4}  ({Pairwise.TruePositivePairs}/{Pairwise.PredictedPairs} predicted, {Pairwise.GoldPairs} gold pairs)");
        sb.AppendLine(inv, $"b-cubed              P {BCubed.Precision:F4}  R {BCubed.Recall:F4}  F1 {BCubed.F1:F4}");
        sb.AppendLine(inv, $"adjusted rand index  {AdjustedRandIndex:F4}");
        foreach (var kind in RecallByKind)
        {
            sb.AppendLine(inv, $"recall {kind.Kind,-13} {kind.Recall:F4}  ({kind.Found}/{kind.Total})");
        }

        sb.AppendLine(inv, $"hard negatives merged {HardNegativeMergeRate:F4}  ({HardNegativesMerged}/{HardNegatives})");
        if (Compilations > 0)
        {
            sb.AppendLine(inv, $"compilations merged  {(double)CompilationsMerged / Compilations:F4}  ({CompilationsMerged}/{Compilations} with their lead story)");
        }

        sb.AppendLine(inv, $"wire accuracy        {WireAccuracy:F4}  ({WireCorrect}/{WireArticles}; {WireFalseAttributions}/{NoWireArticles} own stories given a wire)");
        sb.AppendLine(inv, $"canonical = original {CanonicalIsOriginalRate:F4}  ({CanonicalIsOriginal}/{CanonicalStories})");
        return sb.ToString();
    }

    private static string? CanonicalWireName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim();
        // The engine's gazetteer knows every alias (SPA, WAS, واس → Saudi Press Agency); fall back to the generator's names.
        if (Syndicate.Attribution.WireGazetteer.Default.Find(name) is { } agency)
        {
            return agency.Name;
        }

        foreach (var wire in Wire.All)
        {
            if (string.Equals(name, wire.Name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, wire.Code, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, wire.ArabicShort, StringComparison.Ordinal)
                || string.Equals(name, wire.ArabicLong, StringComparison.Ordinal)
                || string.Equals(name, wire.Urdu, StringComparison.Ordinal)
                || string.Equals(name, wire.Russian, StringComparison.OrdinalIgnoreCase))
            {
                return wire.Name;
            }
        }

        return name;
    }
}
