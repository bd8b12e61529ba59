using System.CommandLine;
using System.Globalization;
using Syndicate.Cli.Evaluation;

namespace Syndicate.Cli.Commands;

/// <summary>The thresholds <c>eval</c> exits 5 on, as command-line options.</summary>
internal sealed class EvalGates
{
    public Option<double?> MinF1 { get; } = new("--min-f1") { Description = "Exit with code 5 when the pairwise F1 is below this (0 to 1)." };

    public Option<int?> MaxMerged { get; } = new("--max-hard-negative-merges") { Description = "Story labels: exit with code 5 when more hard negatives than this were merged (0 or more)." };

    public Option<string?> MinLinkRate { get; } = new("--min-link-rate") { Description = "Link labels: exit with code 5 when a kind's link rate is below its bound, e.g. wd=0.85,pd=0.35." };

    public Option<string?> MaxLinkRate { get; } = new("--max-link-rate") { Description = "Link labels: exit with code 5 when a kind's link rate is above its bound, e.g. nd=0.05." };

    public Option<double?> MinPrecision { get; } = new("--min-precision") { Description = "Judged pairs: exit with code 5 when the estimated precision of a judged sample is below this (0 to 1)." };

    public Option<double?> MinRecall { get; } = new("--min-recall") { Description = "Judged pairs: exit with code 5 when the estimated recall of a judged sample is below this (0 to 1)." };

    public void AddTo(Command command)
    {
        command.Options.Add(MinF1);
        command.Options.Add(MaxMerged);
        command.Options.Add(MinLinkRate);
        command.Options.Add(MaxLinkRate);
        command.Options.Add(MinPrecision);
        command.Options.Add(MinRecall);
    }

    /// <summary>The thresholds given, each checked for range.</summary>
    /// <exception cref="UsageException">A threshold is out of range or malformed.</exception>
    public EvalThresholds Parse(ParseResult result)
    {
        int? merged = result.GetValue(MaxMerged);
        if (merged is < 0)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--max-hard-negative-merges must be 0 or more, got {merged}."));
        }

        try
        {
            return new EvalThresholds(
                Fraction(result.GetValue(MinF1), "--min-f1"),
                merged,
                RateGates.Parse(result.GetValue(MinLinkRate), "--min-link-rate"),
                RateGates.Parse(result.GetValue(MaxLinkRate), "--max-link-rate"),
                Fraction(result.GetValue(MinPrecision), "--min-precision"),
                Fraction(result.GetValue(MinRecall), "--min-recall"));
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message + ".");
        }
    }

    private static double? Fraction(double? value, string option) =>
        value is { } v && !(v >= 0 && v <= 1)
            ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a number from 0 to 1, got {v}."))
            : value;
}

/// <summary>The thresholds of one <c>eval</c> run; <see langword="null"/> where not given.</summary>
internal sealed record EvalThresholds(
    double? MinF1,
    int? MaxMerged,
    IReadOnlyDictionary<string, double>? MinLinkRate,
    IReadOnlyDictionary<string, double>? MaxLinkRate,
    double? MinPrecision,
    double? MinRecall)
{
    /// <summary>Refuses, before anything is read, thresholds that nothing of this run could meet.</summary>
    /// <param name="gold">Whether gold labels will be scored (given, or the bundled sample's).</param>
    /// <param name="judged">Whether judged pairs will be scored.</param>
    public void CheckApplicable(bool gold, bool judged)
    {
        if (!judged && (MinPrecision is not null || MinRecall is not null))
        {
            throw new UsageException("--min-precision and --min-recall apply to --judged pairs; none were given.");
        }

        if (!gold && (MinF1 is not null || MaxMerged is not null || MinLinkRate is not null || MaxLinkRate is not null))
        {
            throw new UsageException("--min-f1, --max-hard-negative-merges, --min-link-rate and --max-link-rate apply to labels given with --gold; none were given.");
        }
    }

    /// <summary>Refuses thresholds that do not apply to the kind of gold labels read.</summary>
    public void CheckApplicable(GoldFile? labels)
    {
        if ((MinLinkRate is not null || MaxLinkRate is not null) && labels?.Links is null)
        {
            throw new UsageException("--min-link-rate and --max-link-rate apply to link labels (kinds source, wd, pd, nd) given with --gold.");
        }

        if (MaxMerged is not null && labels?.Stories is null)
        {
            throw new UsageException("--max-hard-negative-merges applies to story labels given with --gold.");
        }
    }

    /// <summary>One line for each threshold the results do not meet; empty when all are met.</summary>
    public IReadOnlyList<string> Failures(EvalResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var inv = CultureInfo.InvariantCulture;
        var failures = new List<string>();
        if (MinF1 is { } f1)
        {
            double actual = results.Stories?.Pairwise.F1 ?? results.Links!.Pairwise.F1;
            Check(actual >= f1, string.Create(inv, $"pairwise F1 {actual:F4} is below --min-f1 {f1}"));
        }

        if (MaxMerged is { } merged)
        {
            int actual = results.Stories!.HardNegativesMerged;
            Check(actual <= merged, string.Create(inv, $"{actual} hard negatives merged, more than --max-hard-negative-merges {merged}"));
        }

        foreach ((string kind, double bound) in MinLinkRate ?? new Dictionary<string, double>())
        {
            LinkRate rate = results.Links!.Rate(kind);
            Check(rate.Rate >= bound, string.Create(inv, $"link rate of {kind} {rate.Rate:F4} ({rate.Linked}/{rate.Total}) is below --min-link-rate {kind}={bound}"));
        }

        foreach ((string kind, double bound) in MaxLinkRate ?? new Dictionary<string, double>())
        {
            LinkRate rate = results.Links!.Rate(kind);
            Check(rate.Rate <= bound, string.Create(inv, $"link rate of {kind} {rate.Rate:F4} ({rate.Linked}/{rate.Total}) is above --max-link-rate {kind}={bound}"));
        }

        foreach (JudgedReport judged in results.Judged)
        {
            // An estimate that is undefined (no judged pair linked, or none SAME) does not meet a threshold.
            if (MinPrecision is { } p)
            {
                Check(judged.Estimates.Precision >= p, string.Create(inv, $"{judged.Sample.Corpus}: estimated precision {Show(judged.Estimates.Precision)} is below --min-precision {p}"));
            }

            if (MinRecall is { } r)
            {
                Check(judged.Estimates.Recall >= r, string.Create(inv, $"{judged.Sample.Corpus}: estimated recall {Show(judged.Estimates.Recall)} is below --min-recall {r}"));
            }
        }

        return failures;

        void Check(bool met, string message)
        {
            if (!met)
            {
                failures.Add(message);
            }
        }
    }

    private static string Show(double value) => double.IsNaN(value) ? "undefined" : value.ToString("F4", CultureInfo.InvariantCulture);
}
