using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Syndicate.Cli.Evaluation;

/// <summary>One judged article the engine answered otherwise than its readers.</summary>
/// <param name="Id">The article.</param>
/// <param name="Stratum">Its stratum.</param>
/// <param name="Judged">The readers' agency, or null for none.</param>
/// <param name="Given">The engine's, or null for none.</param>
/// <param name="Reason">The readers' reason.</param>
internal sealed record WireDisagreement(string Id, string Stratum, string? Judged, string? Given, string Reason);

/// <summary>
/// The wires the engine gives a corpus's articles scored against a judged sample (<see cref="WireSample"/>), or
/// several corpora's samples together. Each judged article stands for N_h / n_h articles of its stratum; with the
/// articles the readers credit to an agency as the positives, <see cref="StratifiedEstimator"/> estimates recall (the
/// share of them given that agency) and precision (the share of articles given an agency that are given the one the
/// readers named), with bootstrap intervals; accuracy is the weighted share of articles answered as the readers did,
/// an agency or none.
/// </summary>
internal sealed class WireReport
{
    private WireReport()
    {
    }

    /// <summary>The corpus, or the corpora joined by '+' for a combination.</summary>
    public required string Corpus { get; init; }

    /// <summary>The labels files scored.</summary>
    public required IReadOnlyList<string> LabelsPaths { get; init; }

    public required int Articles { get; init; }

    public required FrameTotals Estimates { get; init; }

    public required BootstrapIntervals Intervals { get; init; }

    /// <summary>The weighted share of articles answered as the readers did.</summary>
    public required double Accuracy { get; init; }

    public required IReadOnlyList<JudgedStratum> Observations { get; init; }

    /// <summary>Judged articles the engine was not given (not in the corpus read): counted as given no wire.</summary>
    public required int NotRead { get; init; }

    /// <summary>Articles credited to an agency that the engine gives another or none.</summary>
    public required IReadOnlyList<WireDisagreement> Missed { get; init; }

    /// <summary>Articles the engine gives an agency the readers did not name.</summary>
    public required IReadOnlyList<WireDisagreement> Wrong { get; init; }

    /// <param name="sample">The judged sample.</param>
    /// <param name="given">The engine's wire of each article it read (null for none).</param>
    /// <param name="replicates">Bootstrap replicates.</param>
    /// <param name="seed">Bootstrap seed.</param>
    public static WireReport Build(WireSample sample, IReadOnlyDictionary<string, string?> given, int replicates = StratifiedEstimator.DefaultReplicates, ulong seed = StratifiedEstimator.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(given);
        var strata = new List<JudgedStratum>();
        var missed = new List<WireDisagreement>();
        var wrong = new List<WireDisagreement>();
        int notRead = 0;
        foreach ((string name, long population) in sample.Strata)
        {
            var observations = new List<PairObservation>();
            foreach (JudgedWire article in sample.Articles.Where(a => a.Stratum == name))
            {
                if (!given.TryGetValue(article.Id, out string? wire))
                {
                    notRead++;
                }

                bool agrees = string.Equals(wire, article.Wire, StringComparison.Ordinal);
                observations.Add(new PairObservation(article.Wire is not null, wire is not null, agrees));
                if (!agrees)
                {
                    var disagreement = new WireDisagreement(article.Id, name, article.Wire, wire, article.Reason);
                    if (article.Wire is not null)
                    {
                        missed.Add(disagreement);
                    }

                    if (wire is not null)
                    {
                        wrong.Add(disagreement);
                    }
                }
            }

            strata.Add(new JudgedStratum(sample.Corpus + "/" + name, population, observations));
        }

        return new WireReport
        {
            Corpus = sample.Corpus,
            LabelsPaths = sample.LabelsPaths,
            Articles = sample.Articles.Count,
            Estimates = StratifiedEstimator.Estimate(strata),
            Intervals = StratifiedEstimator.Bootstrap(strata, linkedPairs: 0, replicates, seed),
            Accuracy = AccuracyOf(strata),
            Observations = strata,
            NotRead = notRead,
            Missed = missed,
            Wrong = wrong,
        };
    }

    /// <summary>
    /// Samples of different corpora taken as one: the corpora are disjoint, so the union of their strata is a stratified
    /// sample of all their articles and the totals add. Null for fewer than two reports or when a corpus repeats.
    /// </summary>
    public static WireReport? Combine(IReadOnlyList<WireReport> reports, int replicates = StratifiedEstimator.DefaultReplicates, ulong seed = StratifiedEstimator.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count < 2 || reports.Select(r => r.Corpus).Distinct(StringComparer.Ordinal).Count() < reports.Count)
        {
            return null;
        }

        List<JudgedStratum> strata = [.. reports.SelectMany(r => r.Observations)];
        return new WireReport
        {
            Corpus = string.Join('+', reports.Select(r => r.Corpus)),
            LabelsPaths = [.. reports.SelectMany(r => r.LabelsPaths)],
            Articles = reports.Sum(r => r.Articles),
            Estimates = StratifiedEstimator.Estimate(strata),
            Intervals = StratifiedEstimator.Bootstrap(strata, linkedPairs: 0, replicates, seed),
            Accuracy = AccuracyOf(strata),
            Observations = strata,
            NotRead = reports.Sum(r => r.NotRead),
            Missed = [],
            Wrong = [],
        };
    }

    /// <summary>The report as text: the estimates, the strata, and each article answered otherwise, with the readers' reason.</summary>
    public string ToText(bool details)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"judged wires         {Corpus}: {Articles} articles in {Observations.Count} strata ({string.Join(" + ", LabelsPaths)})");
        sb.AppendLine(inv, $"  recall             {Estimates.Recall:F4}  95% CI {Intervals.Recall.Lower:F4}-{Intervals.Recall.Upper:F4}  (articles given the agency their readers credit, over the articles credited to one)");
        sb.AppendLine(inv, $"  precision          {Estimates.Precision:F4}  95% CI {Intervals.Precision.Lower:F4}-{Intervals.Precision.Upper:F4}  (articles given the agency their readers credit, over the articles given one)");
        sb.AppendLine(inv, $"  accuracy           {Accuracy:F4}  (articles answered as their readers did, an agency or none)");
        if (NotRead > 0)
        {
            sb.AppendLine(inv, $"  not read           {NotRead} judged articles are not in the corpus read: counted as given no wire");
        }

        if (!details)
        {
            return sb.ToString();
        }

        sb.AppendLine("  stratum                        N_h   n_h  credited  given  agreed");
        foreach (JudgedStratum stratum in Observations)
        {
            string name = stratum.Name[(stratum.Name.IndexOf('/', StringComparison.Ordinal) + 1)..];
            int credited = stratum.Sample.Count(o => o.Same);
            int givenCount = stratum.Sample.Count(o => o.Linked);
            int agreed = stratum.Sample.Count(o => o.Same && o.Linked && o.Agrees);
            sb.AppendLine(inv, $"  {name,-26} {stratum.Population,7} {stratum.Sample.Count,5} {credited,9} {givenCount,6} {agreed,7}");
        }

        Disagreements(sb, $"  articles credited to an agency and given another or none ({Missed.Count}):", Missed);
        Disagreements(sb, $"  articles given an agency their readers did not credit ({Wrong.Count}):", Wrong);
        return sb.ToString();
    }

    /// <summary>Writes the report as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("corpus", Corpus);
        writer.WriteStartArray("labels");
        foreach (string path in LabelsPaths)
        {
            writer.WriteStringValue(path);
        }

        writer.WriteEndArray();
        writer.WriteNumber("articles", Articles);
        writer.WriteNumber("notRead", NotRead);
        EstimateJson.Write(writer, "recall", Estimates.Recall, Intervals.Recall);
        EstimateJson.Write(writer, "precision", Estimates.Precision, Intervals.Precision);
        EstimateJson.WriteNumberOrNull(writer, "accuracy", Accuracy);
        writer.WriteStartArray("strata");
        foreach (JudgedStratum stratum in Observations)
        {
            writer.WriteStartObject();
            writer.WriteString("name", stratum.Name);
            writer.WriteNumber("population", stratum.Population);
            writer.WriteNumber("judged", stratum.Sample.Count);
            writer.WriteNumber("credited", stratum.Sample.Count(o => o.Same));
            writer.WriteNumber("given", stratum.Sample.Count(o => o.Linked));
            writer.WriteNumber("agreed", stratum.Sample.Count(o => o.Same && o.Linked && o.Agrees));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        DisagreementsJson(writer, "missed", Missed);
        DisagreementsJson(writer, "wrong", Wrong);
        writer.WriteEndObject();
    }

    private static double AccuracyOf(IReadOnlyList<JudgedStratum> strata)
    {
        double agreed = 0, all = 0;
        foreach (JudgedStratum stratum in strata)
        {
            foreach (PairObservation o in stratum.Sample)
            {
                // The same answer: no agency on either side, or the same agency.
                bool same = o.Same ? o.Linked && o.Agrees : !o.Linked;
                agreed += same ? stratum.Weight : 0;
                all += stratum.Weight;
            }
        }

        return all > 0 ? agreed / all : double.NaN;
    }

    private static void Disagreements(StringBuilder sb, string heading, IReadOnlyList<WireDisagreement> list)
    {
        if (list.Count == 0)
        {
            return;
        }

        sb.AppendLine(heading);
        foreach (WireDisagreement d in list)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    {d.Id}  readers: {d.Judged ?? WireSample.NoWire}  engine: {d.Given ?? WireSample.NoWire}  {d.Reason}");
        }
    }

    private static void DisagreementsJson(Utf8JsonWriter writer, string name, IReadOnlyList<WireDisagreement> list)
    {
        writer.WriteStartArray(name);
        foreach (WireDisagreement d in list)
        {
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("stratum", d.Stratum);
            writer.WriteString("readers", d.Judged ?? WireSample.NoWire);
            writer.WriteString("engine", d.Given ?? WireSample.NoWire);
            writer.WriteString("reason", d.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
