using Syndicate.Fingerprinting;
using Syndicate.Sketches;

namespace Syndicate;

/// <summary>The two halves of <see cref="Add"/>, callable apart so that a benchmark can time each.</summary>
public sealed partial class SyndicationEngine
{
    /// <summary>The part of <see cref="Add"/> that runs outside the lock: clean, normalize, shingle and sketch.</summary>
    internal Fingerprint ComputeFingerprint(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _fingerprinter.Compute(article);
    }

    /// <summary>The locked part of <see cref="Add"/>: verify candidates, index and cluster a computed fingerprint.</summary>
    internal Verdict AddFingerprinted(Article article, Fingerprint print)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(print);
        lock (_lock)
        {
            return AddLocked(article, print);
        }
    }
}
