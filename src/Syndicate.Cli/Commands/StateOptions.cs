using System.CommandLine;
using System.Globalization;
using Syndicate.Index;

namespace Syndicate.Cli.Commands;

/// <summary>
/// The options of a run on an existing state: those stored with the state are in force, an option typed on the
/// command line that agrees with them is fine, and one that disagrees is an error unless <c>--change-options</c> says
/// the change is meant. A fingerprint option (shingles, sketch, seed, MinHash kind) cannot change at all: the stored
/// fingerprints would no longer compare with new ones. A PostgreSQL store also keeps its LSH banding fixed, since its
/// band postings are stored (<see cref="ForStore"/>).
/// </summary>
internal static class StateOptions
{
    /// <summary>Reconciles with the options stored with the state directory <paramref name="directory"/>.</summary>
    public static SyndicationOptions Reconcile(string directory, SyndicationOptions stored, SyndicationOptions typed, EngineOptions engine, ParseResult result, bool change) =>
        Reconcile(new Holder($"the state in {directory}", "give a new --state directory", FixedBanding: false), stored, typed, engine, result, change);

    /// <summary>Reconciles with the options a PostgreSQL store holds; its banding (<c>--bands</c>, <c>--lsh-threshold</c>) cannot change either.</summary>
    public static SyndicationOptions ForStore(StoreConnection store, SyndicationOptions stored, SyndicationOptions typed, EngineOptions engine, ParseResult result, bool change) =>
        Reconcile(new Holder($"the store at {store.Display}", "use a new database", FixedBanding: true), stored, typed, engine, result, change);

    /// <summary>What holds the stored options, for messages, and whether its banding is fixed.</summary>
    private sealed record Holder(string Name, string Fresh, bool FixedBanding);

    private static SyndicationOptions Reconcile(Holder holder, SyndicationOptions stored, SyndicationOptions typed, EngineOptions engine, ParseResult result, bool change)
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
        Check(engine.LshThreshold, stored.LshThreshold, typed.LshThreshold, Number, fingerprint: holder.FixedBanding);
        Check(engine.Bands, Bands(stored.Lsh), Bands(typed.Lsh), b => b, fingerprint: holder.FixedBanding);
        Check(engine.Window, stored.Window, typed.Window, w => w is { } t ? Duration(t) : "none");
        Check(engine.ShingleSize, stored.ShingleSize, typed.ShingleSize, v => Integer(v), fingerprint: true);
        Check(engine.SketchSize, stored.SignatureLength, typed.SignatureLength, v => Integer(v), fingerprint: true);
        Check(engine.Seed, stored.Seed, typed.Seed, Integer, fingerprint: true);
        Check(engine.Classic, stored.UseClassicMinHash, typed.UseClassicMinHash, v => v ? "on" : "off", fingerprint: true);

        if (conflicts.FirstOrDefault(c => c.Fingerprint) is { Name: not null } fixedOne)
        {
            string decides = fixedOne.Name is "--bands" or "--lsh-threshold" ? "the stored band postings" : "the fingerprints";
            throw new UsageException($"{fixedOne.Name} {fixedOne.Typed} differs from {fixedOne.Stored}, stored with {holder.Name}; it decides {decides} and cannot change for an existing {(holder.FixedBanding ? "store" : "state")}. Leave it out to use the stored value, or {holder.Fresh}.");
        }

        if (conflicts.Count > 0 && !change)
        {
            (string name, string was, string now, _) = conflicts[0];
            throw new UsageException($"{name} {now} differs from {was}, stored with {holder.Name}; the options stored with a {(holder.FixedBanding ? "store" : "state")} stay in force. Leave it out to use the stored value, or add --change-options to change it from now on.");
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
