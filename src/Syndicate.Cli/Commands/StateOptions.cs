using System.CommandLine;
using System.Globalization;
using Syndicate.Index;

namespace Syndicate.Cli.Commands;

/// <summary>
/// The options of a run on an existing state: those stored with the state are in force, an option typed on the
/// command line that agrees with them is fine, and one that disagrees is an error unless <c>--change-options</c> says
/// the change is meant. A fingerprint option (shingles, sketch, seed, MinHash kind) cannot change at all: the stored
/// fingerprints would no longer compare with new ones.
/// </summary>
internal static class StateOptions
{
    public static SyndicationOptions Reconcile(string directory, SyndicationOptions stored, SyndicationOptions typed, EngineOptions engine, ParseResult result, bool change)
    {
        var conflicts = new List<(string Name, string Stored, string Typed, bool Fingerprint)>();
        void Check<T>(Option option, T storedValue, T typedValue, Func<T, string> show, bool fingerprint = false)
        {
            if (result.GetResult(option) is { Implicit: false } && !EqualityComparer<T>.Default.Equals(storedValue, typedValue))
            {
                conflicts.Add((option.Name, show(storedValue), show(typedValue), fingerprint));
            }
        }

        static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        static string Integer(long v) => v.ToString(CultureInfo.InvariantCulture);
        Check(engine.Threshold, stored.SimilarityThreshold, typed.SimilarityThreshold, Number);
        Check(engine.Containment, stored.ContainmentThreshold, typed.ContainmentThreshold, Number);
        Check(engine.RewriteThreshold, stored.RewriteThreshold, typed.RewriteThreshold, Number);
        Check(engine.LshThreshold, stored.LshThreshold, typed.LshThreshold, Number);
        Check(engine.Bands, Bands(stored.Lsh), Bands(typed.Lsh), b => b);
        Check(engine.Window, stored.Window, typed.Window, w => w is { } t ? Duration(t) : "none");
        Check(engine.ShingleSize, stored.ShingleSize, typed.ShingleSize, v => Integer(v), fingerprint: true);
        Check(engine.SketchSize, stored.SignatureLength, typed.SignatureLength, v => Integer(v), fingerprint: true);
        Check(engine.Seed, stored.Seed, typed.Seed, Integer, fingerprint: true);
        Check(engine.Classic, stored.UseClassicMinHash, typed.UseClassicMinHash, v => v ? "on" : "off", fingerprint: true);

        if (conflicts.FirstOrDefault(c => c.Fingerprint) is { Name: not null } fixedOne)
        {
            throw new UsageException($"{fixedOne.Name} {fixedOne.Typed} differs from {fixedOne.Stored}, stored with the state in {directory}; it decides the fingerprints and cannot change for an existing state. Leave it out to use the stored value, or give a new --state directory.");
        }

        if (conflicts.Count > 0 && !change)
        {
            (string name, string was, string now, _) = conflicts[0];
            throw new UsageException($"{name} {now} differs from {was}, stored with the state in {directory}; the options stored with a state stay in force. Leave it out to use the stored value, or add --change-options to change it from now on.");
        }

        bool Typed(Option option) => result.GetResult(option) is { Implicit: false };
        return new SyndicationOptions
        {
            ShingleSize = stored.ShingleSize,
            ShingleKind = stored.ShingleKind,
            SignatureLength = stored.SignatureLength,
            Seed = stored.Seed,
            UseClassicMinHash = stored.UseClassicMinHash,
            Normalization = stored.Normalization,
            ChainingThreshold = stored.ChainingThreshold,
            MaxCandidates = stored.MaxCandidates,
            BoilerplateMinStories = stored.BoilerplateMinStories,
            SimilarityThreshold = Typed(engine.Threshold) ? typed.SimilarityThreshold : stored.SimilarityThreshold,
            ContainmentThreshold = Typed(engine.Containment) ? typed.ContainmentThreshold : stored.ContainmentThreshold,
            RewriteThreshold = Typed(engine.RewriteThreshold) ? typed.RewriteThreshold : stored.RewriteThreshold,
            LshThreshold = Typed(engine.LshThreshold) ? typed.LshThreshold : stored.LshThreshold,
            Lsh = Typed(engine.Bands) ? typed.Lsh : stored.Lsh,
            Window = Typed(engine.Window) ? typed.Window : stored.Window,
        };
    }

    /// <summary>A window as <c>--window</c> takes it: 3d, 12h, 90m, 45s when whole, else d.hh:mm:ss.</summary>
    internal static string Duration(TimeSpan t) =>
        t.Ticks % TimeSpan.TicksPerDay == 0 ? Invariant(t.Ticks / TimeSpan.TicksPerDay, "d")
        : t.Ticks % TimeSpan.TicksPerHour == 0 ? Invariant(t.Ticks / TimeSpan.TicksPerHour, "h")
        : t.Ticks % TimeSpan.TicksPerMinute == 0 ? Invariant(t.Ticks / TimeSpan.TicksPerMinute, "m")
        : t.Ticks % TimeSpan.TicksPerSecond == 0 ? Invariant(t.Ticks / TimeSpan.TicksPerSecond, "s")
        : t.ToString("c", CultureInfo.InvariantCulture);

    private static string Invariant(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;

    private static string Bands(LshParameters? lsh) => lsh is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.Bands}x{l.Rows}") : "auto";
}
