namespace Syndicate.Cli.Evaluation;

/// <summary>
/// Steele, Lea &amp; Flood's SplitMix64 generator ("Fast splittable pseudorandom number generators", OOPSLA 2014).
/// </summary>
/// <remarks>
/// The generator is written out here, rather than taken from <see cref="Random"/>, so that a seed produces the same
/// sequence on every runtime version: <see cref="Random"/>'s algorithm is an implementation detail that has changed
/// before. SplitMix64 passes BigCrush, needs one 64-bit word of state, and <see cref="Fork"/> gives independent
/// streams, so that one story's draws do not shift when another story changes.
/// </remarks>
internal sealed class SplitMix64
{
    // The golden-ratio increment and the two multipliers of the published finalizer (Stafford's "Mix13").
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;

    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    public ulong NextUInt64()
    {
        _state += Gamma;
        var z = _state;
        z = (z ^ (z >> 30)) * Mix1;
        z = (z ^ (z >> 27)) * Mix2;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>).</summary>
    /// <remarks>
    /// Lemire's multiply-shift reduction: the high word of a 64×64-bit product. The bias is below
    /// maxExclusive / 2^64, far under anything a test of this corpus could observe.
    /// </remarks>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>A value in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int NextInt(int min, int maxInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInclusive, min);
        return min + NextInt(maxInclusive - min + 1);
    }

    /// <summary>A value in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A new generator seeded from this one's next output: an independent stream.</summary>
    public SplitMix64 Fork() => new(NextUInt64());
}
