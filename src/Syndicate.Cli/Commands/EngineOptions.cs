using System.CommandLine;
using System.Globalization;
using Syndicate.Index;

namespace Syndicate.Cli.Commands;

/// <summary>The engine settings every command that clusters accepts.</summary>
internal sealed class EngineOptions
{
    /// <summary>Every default comes from the library, so that the help can never disagree with what runs.</summary>
    private static SyndicationOptions Defaults => SyndicationOptions.Default;

    public Option<double?> Threshold { get; } = new("--threshold", "-t") { Description = WithDefault("Estimated Jaccard similarity for a near-duplicate", Defaults.SimilarityThreshold) };

    public Option<double?> Containment { get; } = new("--containment") { Description = WithDefault("Share of the shorter copy the longer must hold for a partial copy", Defaults.ContainmentThreshold) };

    public Option<double?> RewriteThreshold { get; } = new("--rewrite-threshold") { Description = WithDefault("Rewrite score (calibrated probability of one story from one source text) at which copies below the near-duplicate and partial rules are still linked; 1 turns rewrites off", Defaults.RewriteThreshold) };

    public Option<int?> ShingleSize { get; } = new("--shingle-size", "-k") { Description = WithDefault("Words per shingle", Defaults.ShingleSize) };

    public Option<int?> SketchSize { get; } = new("--sketch-size") { Description = WithDefault("MinHash signature slots, a multiple of 16", Defaults.SignatureLength) };

    public Option<string?> Bands { get; } = new("--bands") { Description = "LSH banding as BANDSxROWS, e.g. 25x5 (default: optimal for the LSH threshold)." };

    public Option<double?> LshThreshold { get; } = new("--lsh-threshold") { Description = WithDefault("Similarity at which the LSH banding is centred, when --bands is not given", Defaults.LshThreshold) };

    public Option<string?> Window { get; } = new("--window") { Description = "Sliding time window, e.g. 3d, 12h, 90m: older articles are evicted as newer ones arrive." };

    public Option<long?> Seed { get; } = new("--seed") { Description = WithDefault("Hash seed", Defaults.Seed) + " The same seed gives the same fingerprints everywhere." };

    public Option<bool> Classic { get; } = new("--classic-minhash") { Description = "Use k-permutation MinHash instead of one-permutation hashing (slower; for comparison)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Threshold);
        command.Options.Add(Containment);
        command.Options.Add(RewriteThreshold);
        command.Options.Add(ShingleSize);
        command.Options.Add(SketchSize);
        command.Options.Add(Bands);
        command.Options.Add(LshThreshold);
        command.Options.Add(Window);
        command.Options.Add(Seed);
        command.Options.Add(Classic);
    }

    /// <summary>Builds validated options; throws <see cref="UsageException"/> naming the bad option.</summary>
    public SyndicationOptions Build(ParseResult result)
    {
        SyndicationOptions d = SyndicationOptions.Default;
        var options = new SyndicationOptions
        {
            SimilarityThreshold = result.GetValue(Threshold) ?? d.SimilarityThreshold,
            ContainmentThreshold = result.GetValue(Containment) ?? d.ContainmentThreshold,
            RewriteThreshold = result.GetValue(RewriteThreshold) ?? d.RewriteThreshold,
            ShingleSize = result.GetValue(ShingleSize) ?? d.ShingleSize,
            SignatureLength = result.GetValue(SketchSize) ?? d.SignatureLength,
            Seed = result.GetValue(Seed) ?? d.Seed,
            UseClassicMinHash = result.GetValue(Classic),
            Lsh = ParseBands(result.GetValue(Bands)),
            LshThreshold = result.GetValue(LshThreshold) ?? d.LshThreshold,
            Window = result.GetValue(Window) is { } w ? ParseDuration(w, "--window") : null,
        };
        if (options.FindInvalid() is var (property, rule))
        {
            // Name the option the user typed, not the property it sets.
            (string name, object? value) = property switch
            {
                nameof(SyndicationOptions.SimilarityThreshold) => ("--threshold", (object?)options.SimilarityThreshold),
                nameof(SyndicationOptions.ContainmentThreshold) => ("--containment", options.ContainmentThreshold),
                nameof(SyndicationOptions.RewriteThreshold) => ("--rewrite-threshold", options.RewriteThreshold),
                nameof(SyndicationOptions.ShingleSize) => ("--shingle-size", options.ShingleSize),
                nameof(SyndicationOptions.SignatureLength) => ("--sketch-size", options.SignatureLength),
                nameof(SyndicationOptions.Lsh) => ("--bands", result.GetValue(Bands)),
                nameof(SyndicationOptions.Window) => ("--window", result.GetValue(Window)),
                nameof(SyndicationOptions.LshThreshold) => ("--lsh-threshold", options.LshThreshold),
                _ => (property, null),
            };
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} {rule}, got {value}."));
        }

        return options;
    }

    private static string WithDefault(string description, IFormattable libraryDefault) =>
        $"{description} (default {libraryDefault.ToString(null, CultureInfo.InvariantCulture)}).";

    private static LshParameters? ParseBands(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string[] parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int bands)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int rows)
            && bands > 0 && rows > 0
            && (long)bands * rows <= 1 << 20)
        {
            return new LshParameters(bands, rows);
        }

        throw new UsageException($"--bands: expected BANDSxROWS such as 25x5, got '{text}'.");
    }

    /// <summary>The longest duration accepted: a century, far beyond any news cycle and well inside <see cref="TimeSpan"/>.</summary>
    internal static readonly TimeSpan MaxWindow = TimeSpan.FromDays(36525);

    /// <summary>The shortest duration accepted: timestamps of news are seconds at best.</summary>
    internal static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);

    private static TimeSpan CheckRange(double seconds, string text, string option) =>
        seconds >= MinWindow.TotalSeconds && seconds <= MaxWindow.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: must be from 1 second to {MaxWindow.TotalDays:0} days, got '{text}'."));

    /// <summary>Parses 90s, 15m, 12h, 3d, 2w, or a TimeSpan such as 1.12:00:00, from <see cref="MinWindow"/> to <see cref="MaxWindow"/>.</summary>
    internal static TimeSpan ParseDuration(string text, string option)
    {
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0)
        {
            double? seconds = char.ToLowerInvariant(text[^1]) switch
            {
                's' => value,
                'm' => value * 60,
                'h' => value * 3600,
                'd' => value * 86400,
                'w' => value * 7 * 86400,
                _ => null,
            };
            TimeSpan? span = seconds is { } s0 ? CheckRange(s0, text, option) : null;
            if (span is { } s)
            {
                return s;
            }
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan parsed) && parsed > TimeSpan.Zero)
        {
            return CheckRange(parsed.TotalSeconds, text, option);
        }

        throw new UsageException($"{option}: expected a duration such as 90m, 12h or 3d, got '{text}'.");
    }
}

/// <summary>A command-line mistake, reported in one line with exit code <see cref="ExitCodes.UsageError"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
