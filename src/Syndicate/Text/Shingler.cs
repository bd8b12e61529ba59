using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Syndicate.Internal;

namespace Syndicate.Text;

/// <summary>
/// Turns normalized text into 64-bit shingle hashes, without allocating.
/// </summary>
/// <remarks>
/// <para>
/// Input contract: normalized text is tokens separated by exactly one U+0020 space, with no leading or trailing
/// space; it may be empty. Should a run of spaces slip through anyway, the empty tokens are skipped rather than
/// hashed.
/// </para>
/// <para>
/// Hashing scheme (changing any of it changes every stored sketch, so it is pinned by tests):
/// a token hashes to XXH3-64 of its UTF-16LE code units with the caller's seed. A word shingle of tokens
/// t1..tm (oldest first) is <c>Finish(h)</c> with <c>h = Prime64_5 + seed + m</c> and, for each token,
/// <c>h = RotateLeft(h + t * Prime64_2, 31) * Prime64_1</c> (the XXH64 round). A character n-gram is
/// <c>Finish(XXH3-64(UTF-16LE of the n code units, seed))</c>. <c>Finish</c> is the SplitMix64 finalizer
/// (Stafford's "Mix13"), so every output bit is close to uniform: one-permutation MinHash takes the bin from the
/// high bits and the value from the low bits, and both must look random.
/// </para>
/// </remarks>
internal static class Shingler
{
    /// <summary>Largest supported word shingle size k.</summary>
    public const int MaxWordShingleSize = 16;

    /// <summary>Largest supported character n-gram size n.</summary>
    public const int MaxCharacterShingleSize = 64;

    // XXH64 primes (xxHash specification), used for the order-sensitive token combination.
    private const ulong Prime64_1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime64_2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime64_5 = 0x27D4EB2F165667C5UL;

    // SplitMix64 finalizer constants (Steele, Lea, Flood 2014; "Mix13" from D. Stafford's variant search).
    private const ulong FinishMultiplier1 = 0xBF58476D1CE4E5B9UL;
    private const ulong FinishMultiplier2 = 0x94D049BB133111EBUL;

    /// <summary>
    /// Writes the hash of every run of <paramref name="k"/> consecutive tokens of <paramref name="normalized"/>
    /// to <paramref name="destination"/>, in text order.
    /// </summary>
    /// <param name="normalized">Normalized text (see the type remarks).</param>
    /// <param name="k">Tokens per shingle, 1 to <see cref="MaxWordShingleSize"/>.</param>
    /// <param name="seed">Seed for the token hashes; different seeds give unrelated shingle hashes.</param>
    /// <param name="destination">Receives the hashes; <see cref="MaxWordShingles"/> of the text length is always enough.</param>
    /// <returns>
    /// The number of hashes written: 0 for empty text, 1 (a shingle of all tokens) when there are fewer than
    /// <paramref name="k"/> tokens, otherwise tokenCount - k + 1.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside 1..<see cref="MaxWordShingleSize"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    [SkipLocalsInit]
    public static int WordShingles(ReadOnlySpan<char> normalized, int k, long seed, Span<ulong> destination)
    {
        if ((uint)(k - 1) >= MaxWordShingleSize)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(k), $"Word shingle size must be between 1 and {MaxWordShingleSize}; was {k}.");
        }

        if (!Vector128.IsHardwareAccelerated || !BitConverter.IsLittleEndian)
        {
            return WordShinglesScalar(normalized, k, seed, destination);
        }

        // Token hashes first, then the windows over them. The token hashes go to the destination itself when it is
        // large enough for the worst case (each window reads its tokens before its hash overwrites the first of
        // them), else to a pooled buffer.
        int maxTokens = MaxWordShingles(normalized.Length);
        ulong[]? rented = null;
        Span<ulong> tokens = destination.Length >= maxTokens
            ? destination
            : (rented = ArrayPool<ulong>.Shared.Rent(Math.Max(1, maxTokens)));
        try
        {
            int tokenCount = HashTokens(normalized, seed, tokens);
            return CombineWindows(tokens[..tokenCount], k, seed, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The reference for <see cref="WordShingles"/>: one token at a time, with a ring of the last
    /// <paramref name="k"/> token hashes. Same contract and results; kept for hosts without vector units and as the
    /// yardstick the vectorized path is tested against.
    /// </summary>
    [SkipLocalsInit]
    internal static int WordShinglesScalar(ReadOnlySpan<char> normalized, int k, long seed, Span<ulong> destination)
    {
        if ((uint)(k - 1) >= MaxWordShingleSize)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(k), $"Word shingle size must be between 1 and {MaxWordShingleSize}; was {k}.");
        }

        // Ring of the last k token hashes; `next` is where the next token goes, which once the ring is full is
        // also the oldest token of the current window.
        Span<ulong> ring = stackalloc ulong[MaxWordShingleSize];
        ring = ring[..k];
        var next = 0;
        var tokenCount = 0;
        var written = 0;

        var rest = normalized;
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf(' ');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? default : rest[(space + 1)..];
            if (token.IsEmpty)
            {
                continue;
            }

            ring[next] = Utf16Hash.XxHash3(token, seed);
            next = next + 1 == k ? 0 : next + 1;
            tokenCount++;
            if (tokenCount >= k)
            {
                if ((uint)written >= (uint)destination.Length)
                {
                    ThrowHelper.DestinationTooShort(nameof(destination));
                }

                destination[written++] = CombineTokens(ring, next, seed);
            }
        }

        if (tokenCount > 0 && tokenCount < k)
        {
            // Short document: one shingle of all its tokens, which sit unwrapped at the start of the ring.
            if (destination.IsEmpty)
            {
                ThrowHelper.DestinationTooShort(nameof(destination));
            }

            destination[written++] = CombineTokens(ring[..tokenCount], 0, seed);
        }

        return written;
    }

    /// <summary>
    /// Writes the hash of every non-empty space-separated token of <paramref name="text"/> to
    /// <paramref name="tokens"/>, which must hold <see cref="MaxWordShingles"/> of the length.
    /// </summary>
    /// <remarks>
    /// Spaces are found a vector at a time: a bit mask of the space positions of 8 or 16 characters, walked with
    /// trailing-zero counts, so a token boundary costs no unpredictable branch and no call.
    /// </remarks>
    private static int HashTokens(ReadOnlySpan<char> text, long seed, Span<ulong> tokens)
    {
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int length = text.Length;
        int count = 0;
        int tokenStart = 0;
        int block = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<ushort> spaces256 = Vector256.Create((ushort)' ');
            for (; block + Vector256<ushort>.Count <= length; block += Vector256<ushort>.Count)
            {
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)block), spaces256).ExtractMostSignificantBits();
                EmitTokens(text, seed, tokens, ref count, ref tokenStart, block, mask);
            }
        }

        Vector128<ushort> spaces = Vector128.Create((ushort)' ');
        for (; block + Vector128<ushort>.Count <= length; block += Vector128<ushort>.Count)
        {
            uint mask = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)block), spaces).ExtractMostSignificantBits();
            EmitTokens(text, seed, tokens, ref count, ref tokenStart, block, mask);
        }

        for (; block < length; block++)
        {
            if (text[block] == ' ')
            {
                EmitTokens(text, seed, tokens, ref count, ref tokenStart, block, 1);
            }
        }

        if (tokenStart < length)
        {
            tokens[count++] = Utf16Hash.XxHash3(text[tokenStart..], seed);
        }

        return count;
    }

    /// <summary>Hashes the tokens that end at the spaces of <paramref name="mask"/> (bit i: position block + i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitTokens(ReadOnlySpan<char> text, long seed, Span<ulong> tokens, ref int count, ref int tokenStart, int block, uint mask)
    {
        while (mask != 0)
        {
            int space = block + BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            if (space > tokenStart)
            {
                tokens[count++] = Utf16Hash.XxHash3(text[tokenStart..space], seed);
            }

            tokenStart = space + 1;
        }
    }

    /// <summary>Combines every window of <paramref name="k"/> token hashes; see <see cref="WordShingles"/> for the count.</summary>
    private static int CombineWindows(ReadOnlySpan<ulong> tokens, int k, long seed, Span<ulong> destination)
    {
        if (tokens.IsEmpty)
        {
            return 0;
        }

        if (tokens.Length < k)
        {
            // Short document: one shingle of all its tokens.
            if (destination.IsEmpty)
            {
                ThrowHelper.DestinationTooShort(nameof(destination));
            }

            destination[0] = CombineTokens(tokens, 0, seed);
            return 1;
        }

        int count = tokens.Length - k + 1;
        if (destination.Length < count)
        {
            ThrowHelper.DestinationTooShort(nameof(destination));
        }

        ulong initial = Prime64_5 + (ulong)seed + (ulong)k;
        if (k == 3)
        {
            // The default size, with the window in registers.
            ulong first = tokens[0];
            ulong second = tokens[1];
            for (int i = 0; i < count; i++)
            {
                ulong third = tokens[i + 2];
                destination[i] = Finish(Round(Round(Round(initial, first), second), third));
                first = second;
                second = third;
            }

            return count;
        }

        for (int i = 0; i < count; i++)
        {
            destination[i] = CombineTokens(tokens.Slice(i, k), 0, seed);
        }

        return count;
    }

    /// <summary>
    /// Writes the hash of every run of <paramref name="n"/> consecutive UTF-16 code units of
    /// <paramref name="normalized"/> (spaces included) to <paramref name="destination"/>, in text order.
    /// </summary>
    /// <param name="normalized">Normalized text (see the type remarks).</param>
    /// <param name="n">Code units per n-gram, 1 to <see cref="MaxCharacterShingleSize"/>.</param>
    /// <param name="seed">Seed for the hashes.</param>
    /// <param name="destination">Receives the hashes; <see cref="MaxCharacterShingles"/> of the text length is always enough.</param>
    /// <returns>
    /// The number of hashes written: 0 for empty text, 1 (the whole text) when it is shorter than
    /// <paramref name="n"/>, otherwise length - n + 1.
    /// </returns>
    /// <remarks>N-grams are over UTF-16 code units, so one may split a surrogate pair; Arabic script is entirely in the BMP.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is outside 1..<see cref="MaxCharacterShingleSize"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short; nothing has been written.</exception>
    public static int CharacterShingles(ReadOnlySpan<char> normalized, int n, long seed, Span<ulong> destination)
    {
        if ((uint)(n - 1) >= MaxCharacterShingleSize)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(n), $"Character shingle size must be between 1 and {MaxCharacterShingleSize}; was {n}.");
        }

        if (normalized.IsEmpty)
        {
            return 0;
        }

        var count = normalized.Length < n ? 1 : normalized.Length - n + 1;
        if (destination.Length < count)
        {
            ThrowHelper.DestinationTooShort(nameof(destination));
        }

        var window = Math.Min(n, normalized.Length);
        destination = destination[..count];
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Finish(Utf16Hash.XxHash3(normalized.Slice(i, window), seed));
        }

        return count;
    }

    /// <summary>An upper bound on <see cref="WordShingles"/>'s result for text of this length, for any k.</summary>
    /// <remarks>Tokens are at least one character and separated by at least one space, so there are at most (length + 1) / 2.</remarks>
    public static int MaxWordShingles(int normalizedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalizedLength);
        return (int)(((long)normalizedLength + 1) / 2);
    }

    /// <summary>An upper bound on <see cref="CharacterShingles"/>'s result for text of this length, for any n.</summary>
    public static int MaxCharacterShingles(int normalizedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalizedLength);
        return normalizedLength;
    }

    /// <summary>
    /// Hash of the whole normalized text (XXH3-64 of its UTF-16LE code units), for detecting exact duplicates
    /// before any sketching.
    /// </summary>
    public static ulong ContentHash(ReadOnlySpan<char> normalized, long seed) => Utf16Hash.XxHash3(normalized, seed);

    /// <summary>
    /// Combines token hashes in order, oldest first: <paramref name="ring"/>[<paramref name="oldest"/>..] then
    /// <paramref name="ring"/>[..<paramref name="oldest"/>].
    /// </summary>
    /// <remarks>
    /// Each round is a bijection of the running value for a fixed token and of the token for a fixed running value,
    /// so two windows of the same length that differ in exactly one token can never collide; reordering tokens
    /// changes the result because the rounds do not commute.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CombineTokens(ReadOnlySpan<ulong> ring, int oldest, long seed)
    {
        var hash = Prime64_5 + (ulong)seed + (ulong)ring.Length;
        foreach (var token in ring[oldest..])
        {
            hash = Round(hash, token);
        }

        foreach (var token in ring[..oldest])
        {
            hash = Round(hash, token);
        }

        return Finish(hash);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong hash, ulong token) => ulong.RotateLeft(hash + (token * Prime64_2), 31) * Prime64_1;

    /// <summary>SplitMix64's finalizer: a bijection with full avalanche, so each output bit depends on every input bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong hash)
    {
        hash = (hash ^ (hash >> 30)) * FinishMultiplier1;
        hash = (hash ^ (hash >> 27)) * FinishMultiplier2;
        return hash ^ (hash >> 31);
    }
}
