using Syndicate.Attribution;
using Syndicate.Clustering;
using Syndicate.Index;
using Syndicate.Text;

namespace Syndicate;

/// <summary>
/// Immutable settings of a <see cref="SyndicationEngine"/>. Every property has a documented default chosen from a sweep
/// on labelled syndication corpora (see <c>benchmarks/results/</c>); change one only with a reason.
/// </summary>
/// <remarks>
/// Options that change fingerprints (<see cref="ShingleSize"/>, <see cref="ShingleKind"/>, <see cref="SignatureLength"/>,
/// <see cref="Seed"/>, <see cref="Normalization"/>) must be identical for an engine and any state it reopens; the
/// persisted state records them and refuses a mismatch.
/// </remarks>
public sealed class SyndicationOptions
{
    /// <summary>The defaults.</summary>
    public static SyndicationOptions Default { get; } = new();

    /// <summary>
    /// Words per shingle (or characters, with <see cref="Text.ShingleKind.Characters"/>). Default 3, the best of 3, 4
    /// and 5 in the sweep (benchmarks/results/sweep.md).
    /// Longer shingles make unrelated articles look less alike but let every edit destroy more shingles;
    /// shorter ones tolerate edits but raise the similarity of different stories on the same topic.
    /// </summary>
    public int ShingleSize { get; init; } = 3;

    /// <summary>Word shingles (default) or character n-grams (for scripts without spaces, or very short texts).</summary>
    public ShingleKind ShingleKind { get; init; } = ShingleKind.Words;

    /// <summary>
    /// Slots in a MinHash signature. Default 128. The standard error of a Jaccard estimate is about
    /// sqrt(J(1−J)/k): 0.044 at J = 0.5 with 128 slots. Each slot costs one byte per indexed article.
    /// </summary>
    public int SignatureLength { get; init; } = 128;

    /// <summary>The seed of every hash function: the same seed gives the same fingerprints on every machine. Default 0x5EED.</summary>
    public long Seed { get; init; } = 0x5EED;

    /// <summary>
    /// Use the classic k-permutation MinHash (exact arithmetic modulo 2^61−1) instead of one-permutation hashing with
    /// optimal densification. Both estimate Jaccard without bias; the classic one costs O(n·k) per article instead of
    /// O(n + k). Off by default; kept for comparison and benchmarks.
    /// </summary>
    public bool UseClassicMinHash { get; init; }

    /// <summary>
    /// Estimated Jaccard similarity at which two copies count as near-duplicates. Default 0.6: with word 3-shingles,
    /// 0.55 and 0.6 scored the same pairwise F1 in the sweep and 0.6 merged no hard negative in any corpus, while 0.5
    /// merged one.
    /// </summary>
    public double SimilarityThreshold { get; init; } = 0.6;

    /// <summary>
    /// Share of the shorter copy that the longer one must hold for a <see cref="Relation.Partial"/> link, estimated from
    /// the Jaccard estimate and the two shingle counts. Default 0.6. A partial link also requires the two copies to
    /// open with the same lead (half of the lead sketch in common), which is what keeps different stories that share
    /// background paragraphs apart: on the labelled corpora such hard negatives share no lead at all, while a story's
    /// first part shares it and is estimated at 0.64 or more contained even when edited.
    /// </summary>
    public double ContainmentThreshold { get; init; } = 0.6;

    /// <summary>
    /// The rewrite score (a calibrated probability that two copies are one story from one source text, see
    /// <c>syndicate explain</c>) at which a pair below the near-duplicate and partial rules is still linked as a
    /// rewrite. Default 0.6, from the sweep in <c>benchmarks/results/rewrite-sweep.md</c>: the lowest threshold, so the
    /// highest recall on the judged real pairs and COUNTER, that keeps every generated-corpus check (bundled sample F1
    /// 1, no hard negative merged); 0.5 merges copies of different stories in the bundled sample. A rewrite joins a
    /// story only by matching its canonical copy. 1 turns rewrites off.
    /// </summary>
    public double RewriteThreshold { get; init; } = 0.6;

    /// <summary>
    /// Jaccard similarity (or, for a copy that shares the canonical's lead, containment) that a new member must also
    /// reach against its cluster's canonical copy. Default 0.3. This guard keeps chains A~B, B~C from gluing an
    /// unrelated C onto A's story.
    /// </summary>
    public double ChainingThreshold { get; init; } = 0.3;

    /// <summary>
    /// The LSH banding. Default: the optimum for <see cref="LshThreshold"/> and <see cref="SignatureLength"/>, minimising
    /// equal-weighted false-positive and false-negative areas (see <see cref="LshParameters.Optimal"/>).
    /// </summary>
    public LshParameters? Lsh { get; init; }

    /// <summary>
    /// The similarity at which the LSH banding is centred when <see cref="Lsh"/> is not set. Default 0.5, below
    /// <see cref="SimilarityThreshold"/>, so that candidates near the threshold are rarely missed (every candidate is
    /// verified before it counts): 25 bands of 5 rows for 128 slots. Centring at 0.3 or 0.4 (37 or 32 bands) found
    /// 0.1% more pairs in the sweep for 20–30% more index memory; partial copies come from the lead index instead.
    /// </summary>
    public double LshThreshold { get; init; } = 0.5;

    /// <summary>
    /// At most this many candidates are verified per article, nearest buckets first. Default 64. Bounds the cost of
    /// an article whose bands collide with a very common text.
    /// </summary>
    public int MaxCandidates { get; init; } = 64;

    /// <summary>Spelling folds applied before shingling. Default: <see cref="NormalizationOptions.Default"/>.</summary>
    public NormalizationOptions Normalization { get; init; } = NormalizationOptions.Default;

    /// <summary>The wire agencies recognised in datelines and credits. Default: <see cref="WireGazetteer.Default"/>.</summary>
    public WireGazetteer Gazetteer { get; init; } = WireGazetteer.Default;

    /// <summary>How a cluster's canonical copy is chosen. Default: <see cref="CanonicalPolicy.Default"/>.</summary>
    public ICanonicalPolicy CanonicalPolicy { get; init; } = Clustering.CanonicalPolicy.Default;

    /// <summary>
    /// A paragraph that one source repeats verbatim in articles of at least this many different stories is learned as
    /// that source's boilerplate and left out of its later fingerprints. Default 3; 0 turns learning off.
    /// </summary>
    public int BoilerplateMinStories { get; init; } = 3;

    /// <summary>
    /// If set, articles older than the newest timestamp seen minus this window are evicted as the stream flows, so
    /// memory stays bounded. An article's timestamp is its <see cref="Article.Published"/> time, or the engine clock at
    /// <c>Add</c> when it has none. Default: no automatic eviction (call <see cref="SyndicationEngine.EvictOlderThan"/>).
    /// </summary>
    public TimeSpan? Window { get; init; }

    /// <summary>Checks the options and throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (FindInvalid() is var (property, rule))
        {
            throw new ArgumentOutOfRangeException(property, $"SyndicationOptions.{property} {rule}.");
        }

        ArgumentNullException.ThrowIfNull(Normalization);
        ArgumentNullException.ThrowIfNull(Gazetteer);
        ArgumentNullException.ThrowIfNull(CanonicalPolicy);
    }

    /// <summary>
    /// Finds the first option out of its range, without throwing, so that a front end can name its own setting for it
    /// (a command-line flag, a configuration key) and quote the rule: <see cref="Validate"/> throws with the same answer.
    /// </summary>
    /// <returns>
    /// <see langword="null"/> when every range is respected; else the property's name (as <c>nameof</c> gives it) and
    /// the rule it breaks, such as <c>("ContainmentThreshold", "must be in (0, 1]")</c>.
    /// </returns>
    public (string Property, string Rule)? FindInvalid()
    {
        if (ShingleSize is not (>= 1 and <= 16))
        {
            return (nameof(ShingleSize), "must be between 1 and 16");
        }

        if (SignatureLength is not (>= 16 and <= 1024) || SignatureLength % 16 != 0)
        {
            return (nameof(SignatureLength), "must be a multiple of 16 between 16 and 1024");
        }

        if (SimilarityThreshold is not (> 0 and <= 1))
        {
            return (nameof(SimilarityThreshold), "must be in (0, 1]");
        }

        if (ContainmentThreshold is not (> 0 and <= 1))
        {
            return (nameof(ContainmentThreshold), "must be in (0, 1]");
        }

        if (ChainingThreshold is not (>= 0 and <= 1))
        {
            return (nameof(ChainingThreshold), "must be in [0, 1]");
        }

        if (RewriteThreshold is not (> 0 and <= 1))
        {
            return (nameof(RewriteThreshold), "must be in (0, 1]");
        }

        if (LshThreshold is not (> 0 and < 1))
        {
            return (nameof(LshThreshold), "must be in (0, 1)");
        }

        if (MaxCandidates < 1)
        {
            return (nameof(MaxCandidates), "must be at least 1");
        }

        if (BoilerplateMinStories < 0)
        {
            return (nameof(BoilerplateMinStories), "must not be negative");
        }

        if (Window is { } window && window <= TimeSpan.Zero)
        {
            return (nameof(Window), "must be positive");
        }

        if (Lsh is { } lsh && lsh.Bands * lsh.Rows > SignatureLength)
        {
            return (nameof(Lsh), "needs bands × rows ≤ the signature length");
        }

        return null;
    }

    /// <summary>The banding in force: <see cref="Lsh"/> if set, else the optimum for <see cref="LshThreshold"/>.</summary>
    public LshParameters ResolveLsh() => Lsh ?? LshParameters.Optimal(LshThreshold, SignatureLength);
}
