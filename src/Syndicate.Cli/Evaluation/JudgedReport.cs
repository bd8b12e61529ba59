using System.Globalization;
using System.Text;

namespace Syndicate.Cli.Evaluation;

/// <summary>Counts of one stratum's judged pairs.</summary>
/// <param name="Name">The stratum.</param>
/// <param name="Population">N_h.</param>
/// <param name="Judged">n_h.</param>
/// <param name="Same">Judged SAME.</param>
/// <param name="Linked">Linked by the tool.</param>
/// <param name="LinkedSame">Both.</param>
/// <param name="Definition">How the stratum was drawn.</param>
internal readonly record struct StratumCounts(string Name, long Population, int Judged, int Same, int Linked, int LinkedSame, string Definition);

/// <summary>
/// A clustering scored against a judged sample of pairs (<see cref="JudgedSample"/>): recall and precision over the
/// frame estimated by <see cref="StratifiedEstimator"/>, with bootstrap intervals, the strata, and the judged pairs
/// the tool got wrong.
/// </summary>
internal sealed class JudgedReport
{
    private JudgedReport()
    {
    }

    public required JudgedSample Sample { get; init; }

    public required FrameTotals Estimates { get; init; }

    public required BootstrapIntervals Intervals { get; init; }

    public required IReadOnlyList<StratumCounts> Strata { get; init; }

    /// <summary>The strata with each judged pair's observation, as the estimators read them.</summary>
    public required IReadOnlyList<JudgedStratum> Observations { get; init; }

    /// <summary>L: cross-source pairs the tool links in the whole corpus, or -1 when the predictions name no sources.</summary>
    public required long CrossSourceLinked { get; init; }

    /// <summary>Frame pairs the tool links, counted exactly, or -1 without the frame.</summary>
    public required long FrameLinked { get; init; }

    /// <summary>Input records of the corpus the run could not read, or -1 when unknown (predictions read from a file).</summary>
    public required int UnreadableInputs { get; init; }

    /// <summary>Judged pairs with an article the tool has no prediction for (counted as not linked).</summary>
    public required int PairsNotRead { get; init; }

    /// <summary>Judged SAME pairs the tool does not link.</summary>
    public required IReadOnlyList<JudgedPair> Missed { get; init; }

    /// <summary>Judged RELATED or DIFFERENT pairs the tool links.</summary>
    public required IReadOnlyList<JudgedPair> WronglyLinked { get; init; }

    public double ConservativePrecision => Estimates.ConservativePrecision(CrossSourceLinked);

    /// <param name="sample">The judged sample.</param>
    /// <param name="predictions">The tool's prediction for every article of the corpus (a repeated id keeps its first line).</param>
    /// <param name="unreadableInputs">Input records the run could not read, or -1 when unknown.</param>
    /// <param name="replicates">Bootstrap replicates.</param>
    /// <param name="seed">Bootstrap seed.</param>
    public static JudgedReport Build(JudgedSample sample, IReadOnlyList<ArticlePrediction> predictions, int unreadableInputs = -1, int replicates = StratifiedEstimator.DefaultReplicates, ulong seed = StratifiedEstimator.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(predictions);
        var byId = new Dictionary<string, ArticlePrediction>(StringComparer.Ordinal);
        foreach (ArticlePrediction prediction in predictions)
        {
            byId.TryAdd(prediction.Id, prediction);
        }

        var links = new PredictedLinks(byId);
        bool Linked(string a, string b) => links.Linked(a, b);

        var strata = new List<JudgedStratum>();
        var counts = new List<StratumCounts>();
        var missed = new List<JudgedPair>();
        var wrong = new List<JudgedPair>();
        foreach (StratumDefinition definition in sample.Strata)
        {
            var observations = new List<PairObservation>();
            int same = 0, linked = 0, both = 0;
            foreach (JudgedPair pair in sample.Pairs)
            {
                if (pair.Stratum != definition.Name)
                {
                    continue;
                }

                var observation = new PairObservation(pair.Label == PairLabel.Same, Linked(pair.A, pair.B));
                observations.Add(observation);
                same += observation.Same ? 1 : 0;
                linked += observation.Linked ? 1 : 0;
                both += observation.Same && observation.Linked ? 1 : 0;
                if (observation.Same && !observation.Linked)
                {
                    missed.Add(pair);
                }
                else if (!observation.Same && observation.Linked)
                {
                    wrong.Add(pair);
                }
            }

            strata.Add(new JudgedStratum(definition.Name, definition.Pairs, observations));
            counts.Add(new StratumCounts(definition.Name, definition.Pairs, observations.Count, same, linked, both, definition.Definition));
        }

        long crossSource = CountCrossSourceLinked(byId.Values);
        if (crossSource >= 0)
        {
            foreach ((string a, string b) in links.CarriedPairs())
            {
                crossSource += string.Equals(byId[a].Source, byId[b].Source, StringComparison.Ordinal) ? 0 : 1;
            }
        }

        long frameLinked = sample.Frame is null ? -1 : sample.Frame.LongCount(p => Linked(p.A, p.B));
        return new JudgedReport
        {
            Sample = sample,
            Estimates = StratifiedEstimator.Estimate(strata),
            Intervals = StratifiedEstimator.Bootstrap(strata, Math.Max(crossSource, 0), replicates, seed),
            Strata = counts,
            Observations = strata,
            CrossSourceLinked = crossSource,
            FrameLinked = frameLinked,
            UnreadableInputs = unreadableInputs,
            PairsNotRead = sample.Pairs.Count(p => !byId.ContainsKey(p.A) || !byId.ContainsKey(p.B)),
            Missed = missed,
            WronglyLinked = wrong,
        };
    }

    /// <summary>
    /// Pairs of articles from different sources in one cluster: Σ over clusters of C(n, 2) − Σ over its sources of
    /// C(n_s, 2). -1 when a prediction in a multi-member cluster names no source.
    /// </summary>
    public static long CountCrossSourceLinked(IEnumerable<ArticlePrediction> predictions)
    {
        long total = 0;
        foreach (IGrouping<string, ArticlePrediction> cluster in predictions.GroupBy(p => p.Cluster, StringComparer.Ordinal))
        {
            long n = cluster.LongCount();
            if (n < 2)
            {
                continue;
            }

            if (cluster.Any(p => p.Source is null))
            {
                return -1;
            }

            total += n * (n - 1) / 2;
            foreach (IGrouping<string, ArticlePrediction> source in cluster.GroupBy(p => p.Source!, StringComparer.Ordinal))
            {
                long s = source.LongCount();
                total -= s * (s - 1) / 2;
            }
        }

        return total;
    }

    /// <summary>The report as text: estimates with intervals, the strata table, and the pairs the tool got wrong.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        FrameTotals e = Estimates;
        BootstrapIntervals ci = Intervals;
        string unreadable = UnreadableInputs > 0 ? string.Create(inv, $"; {UnreadableInputs} unreadable input records") : "";
        string notRead = PairsNotRead > 0 ? string.Create(inv, $"; {PairsNotRead} with an article not read, counted as not linked") : "";
        sb.AppendLine(inv, $"judged pairs         {Sample.Corpus}: {Sample.Pairs.Count} pairs in {Sample.Strata.Count} strata ({string.Join(" + ", Sample.PairsFiles)}){unreadable}{notRead}");
        sb.AppendLine(inv, $"  recall             {Fmt(e.Recall)}  95% CI {Fmt(ci.Recall.Lower)}-{Fmt(ci.Recall.Upper)}  (T̂P {e.TruePositives:F1} / Ŝ {e.Same:F1} SAME pairs in the frame)");
        sb.AppendLine(inv, $"  precision          {Fmt(e.Precision)}  95% CI {Fmt(ci.Precision.Lower)}-{Fmt(ci.Precision.Upper)}  (T̂P {e.TruePositives:F1} / L̂ {e.Linked:F1} linked pairs in the frame)");
        string frame = FrameLinked < 0 ? "frame not available" : string.Create(inv, $"{FrameLinked} of them in the frame");
        string linked = CrossSourceLinked < 0
            ? "T̂P / L: not available, the predictions name no sources"
            : string.Create(inv, $"T̂P / L = {CrossSourceLinked} cross-source pairs linked, {frame}");
        sb.AppendLine(inv, $"  conservative P     {Fmt(ConservativePrecision)}  95% CI {Fmt(ci.ConservativePrecision.Lower)}-{Fmt(ci.ConservativePrecision.Upper)}  ({linked})");
        sb.AppendLine(inv, $"  bootstrap          {ci.Replicates} stratified replicates, seed fixed{(ci.Undefined > 0 ? $", {ci.Undefined} with an undefined ratio left out" : "")}");
        sb.AppendLine(inv, $"  {"stratum",-24} {"N_h",8} {"n_h",5} {"SAME",5} {"linked",6} {"both",5}");
        foreach (StratumCounts s in Strata)
        {
            sb.AppendLine(inv, $"  {s.Name,-24} {s.Population,8} {s.Judged,5} {s.Same,5} {s.Linked,6} {s.LinkedSame,5}");
        }

        AppendPairs(sb, "SAME pairs not linked", Missed);
        AppendPairs(sb, "non-SAME pairs linked", WronglyLinked);
        return sb.ToString();
    }

    private static void AppendPairs(StringBuilder sb, string title, IReadOnlyList<JudgedPair> pairs)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {title} ({pairs.Count}):");
        foreach (JudgedPair p in pairs)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    {p.A} {p.B}  {p.Stratum}  {p.Label.ToString().ToLowerInvariant()}  {Printable(p.Reason)}");
        }
    }

    /// <summary>The text with control characters and bidi overrides shown as U+FFFD, so that a reason cannot drive the terminal.</summary>
    private static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool unsafeChar = char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
            sb.Append(unsafeChar ? '\uFFFD' : c);
        }

        return sb.ToString();
    }

    private static string Fmt(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);
}
