namespace Syndicate.Cli.Commands;

/// <summary>
/// How many articles a run reserves room for (<see cref="SyndicationEngine.EnsureCapacity"/>) while it reads its input:
/// the articles read so far, scaled to the whole input by the share of its bytes read. An engine's tables then take
/// their size once, instead of growing by a quarter or a half at a time and copying their contents each time.
/// </summary>
internal static class CapacityPlan
{
    /// <summary>
    /// A reservation is at most this many times the articles already read, so that an input whose first records are
    /// much shorter than the rest does not reserve memory for articles it does not hold; the estimate is taken again
    /// batch by batch.
    /// </summary>
    public const int MaxGrowth = 8;

    /// <summary>
    /// Room over the estimate: the reader has buffered a little beyond the records it returned, so the share read runs
    /// slightly ahead of the articles counted.
    /// </summary>
    public const double Headroom = 1.1;

    /// <summary>The most articles an engine reserves room for (<see cref="SyndicationEngine.EnsureCapacity"/>).</summary>
    public const int MaxCapacity = 1 << 25;

    /// <summary>
    /// The capacity to reserve after <paramref name="articlesRead"/> articles, <paramref name="shareRead"/> of the
    /// input's bytes having been read; null when <paramref name="reserved"/> is already enough.
    /// </summary>
    /// <param name="articlesRead">Articles read so far, including the batch about to be added.</param>
    /// <param name="shareRead">The share of the input's bytes read, from 0 to 1.</param>
    /// <param name="reserved">The capacity reserved so far.</param>
    public static int? Reserve(int articlesRead, double shareRead, int reserved)
    {
        if (articlesRead <= 0 || !(shareRead > 0))
        {
            return null;
        }

        double estimate = articlesRead / Math.Min(1, shareRead) * Headroom;
        double bounded = Math.Min(Math.Min(estimate, (double)articlesRead * MaxGrowth), MaxCapacity);
        int target = (int)Math.Round(bounded, MidpointRounding.AwayFromZero);
        return target > reserved ? target : null;
    }
}
