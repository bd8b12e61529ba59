using Syndicate.Sketches;

namespace Syndicate.Tests.Sketches;

/// <summary>Names the sketch implementations so that theories can run the same checks on each.</summary>
internal static class Sketchers
{
    public const string Classic = nameof(ClassicMinHash);
    public const string OnePermutation = nameof(OnePermutationMinHash);

    public static IMinHasher Create(string name, int length, long seed) => name switch
    {
        Classic => new ClassicMinHash(length, seed),
        OnePermutation => new OnePermutationMinHash(length, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown sketch."),
    };

    public static uint[] Sign(IMinHasher hasher, ReadOnlySpan<ulong> set)
    {
        var signature = new uint[hasher.Length];
        hasher.Compute(set, signature);
        return signature;
    }

    public static ulong[] RandomSet(int size, ulong seed) => SetPair.Create(size, 0, 0, seed).A;
}
