using System.Globalization;

namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Several judged samples of different corpora taken as one: their frames are disjoint, so the union of their strata
/// is a stratified sample of the union of the frames, and the Horvitz–Thompson totals simply add.
/// </summary>
/// <param name="Corpora">The corpora combined, in the order given.</param>
/// <param name="Estimates">The summed totals and their ratios.</param>
/// <param name="Intervals">The stratified bootstrap over every stratum of every sample.</param>
/// <param name="CrossSourceLinked">L summed over the corpora, or -1 when one of them is unknown.</param>
internal sealed record CombinedJudgedEstimate(IReadOnlyList<string> Corpora, FrameTotals Estimates, BootstrapIntervals Intervals, long CrossSourceLinked)
{
    public double ConservativePrecision => Estimates.ConservativePrecision(CrossSourceLinked);

    /// <summary>
    /// The combination of <paramref name="reports"/>; <see langword="null"/> for fewer than two, or when two samples are
    /// of one corpus (their frames may overlap, and the totals would count shared pairs twice).
    /// </summary>
    /// <param name="reports">The samples' reports.</param>
    /// <param name="onePrediction">Whether every sample was scored against the same predictions (inputs named on the
    /// command line): L is then that run's count, not a sum.</param>
    /// <param name="replicates">Bootstrap replicates.</param>
    /// <param name="seed">Bootstrap seed.</param>
    public static CombinedJudgedEstimate? Of(IReadOnlyList<JudgedReport> reports, bool onePrediction, int replicates = StratifiedEstimator.DefaultReplicates, ulong seed = StratifiedEstimator.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count < 2 || reports.Select(r => r.Sample.Corpus).Distinct(StringComparer.Ordinal).Count() < reports.Count)
        {
            return null;
        }

        JudgedStratum[] strata = [.. reports.SelectMany(r => r.Observations.Select(o => o with { Name = r.Sample.Corpus + "/" + o.Name }))];
        long linked = reports.Any(r => r.CrossSourceLinked < 0) ? -1
            : onePrediction ? reports[0].CrossSourceLinked
            : reports.Sum(r => r.CrossSourceLinked);
        return new CombinedJudgedEstimate(
            [.. reports.Select(r => r.Sample.Corpus)],
            StratifiedEstimator.Estimate(strata),
            StratifiedEstimator.Bootstrap(strata, Math.Max(linked, 0), replicates, seed),
            linked);
    }

    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        FrameTotals e = Estimates;
        BootstrapIntervals ci = Intervals;
        return string.Create(inv, $"""
            judged pairs         combined: {string.Join(" + ", Corpora)}
              recall             {Fmt(e.Recall)}  95% CI {Fmt(ci.Recall.Lower)}-{Fmt(ci.Recall.Upper)}  (T̂P {e.TruePositives:F1} / Ŝ {e.Same:F1})
              precision          {Fmt(e.Precision)}  95% CI {Fmt(ci.Precision.Lower)}-{Fmt(ci.Precision.Upper)}  (T̂P {e.TruePositives:F1} / L̂ {e.Linked:F1})
              conservative P     {Fmt(ConservativePrecision)}  95% CI {Fmt(ci.ConservativePrecision.Lower)}-{Fmt(ci.ConservativePrecision.Upper)}

            """);
    }

    private static string Fmt(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);
}
