namespace Syndicate.Tests.Sketches;

/// <summary>
/// Two sets of distinct random 64-bit shingle hashes built from shared and unique elements, so that their
/// Jaccard similarity is known exactly: J = shared / (|A| + |B| − shared).
/// </summary>
internal sealed class SetPair
{
    private SetPair(ulong[] a, ulong[] b, int shared)
    {
        A = a;
        B = b;
        Shared = shared;
    }

    public ulong[] A { get; }

    public ulong[] B { get; }

    public int Shared { get; }

    public int Union => A.Length + B.Length - Shared;

    public double Jaccard => (double)Shared / Union;

    /// <summary>Builds |A| = sizeA, |B| = sizeB with exactly <paramref name="shared"/> common elements.</summary>
    public static SetPair Create(int sizeA, int sizeB, int shared, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var total = sizeA + sizeB - shared;
        var distinct = new HashSet<ulong>(total);
        var all = new ulong[total];
        for (var i = 0; i < total;)
        {
            var value = random.NextUInt64();
            if (distinct.Add(value))
            {
                all[i++] = value;
            }
        }

        // all = [shared | only in A | only in B]; B lists its elements in a different order than A.
        var a = all.AsSpan(0, sizeA).ToArray();
        var b = new ulong[sizeB];
        all.AsSpan(sizeA, sizeB - shared).CopyTo(b);
        all.AsSpan(0, shared).CopyTo(b.AsSpan(sizeB - shared));
        return new SetPair(a, b, shared);
    }

    /// <summary>
    /// Builds two sets of equal size whose Jaccard similarity is as close to <paramref name="targetJaccard"/>
    /// as the size allows; <see cref="Jaccard"/> gives the exact value. With |A| = |B| = n,
    /// J = s / (2n − s) solves to s = 2nJ / (1 + J).
    /// </summary>
    public static SetPair WithJaccard(int size, double targetJaccard, ulong seed)
    {
        var shared = (int)Math.Round(2.0 * size * targetJaccard / (1.0 + targetJaccard));
        return Create(size, size, Math.Clamp(shared, 0, size), seed);
    }
}
