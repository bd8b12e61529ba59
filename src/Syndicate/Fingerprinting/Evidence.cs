using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Syndicate.Internal;
using Syndicate.Sketches;

namespace Syndicate.Fingerprinting;

/// <summary>
/// The evidence the pair verifier weighs beside the word-shingle signature, kept per article in one fixed-width row
/// of <see cref="RowBytes"/> bytes:
/// <list type="bullet">
/// <item>a one-permutation MinHash of the story's character <see cref="CharacterGram"/>-grams taken with every
/// space removed, so that respacing (Urdu <c>زیراہتمام</c> / <c>زیر اہتمام</c>, <c>ہوگا</c> / <c>ہو گا</c>) and
/// re-cut words do not break the overlap that rewrites keep;</item>
/// <item>a bottom-k sketch of the distinct numbers the story mentions, which is what instances of a template series
/// change (the tonnage of the 5th relief flight, the index close of another day, the death toll) and what a
/// rewrite of one release keeps.</item>
/// </list>
/// </summary>
/// <remarks>
/// Row layout, little-endian: <see cref="CharacterSlots"/> 16-bit MinHash slots (the low half of each slot value),
/// the number of character grams (16 bits, saturating), the number of distinct numbers (16 bits, saturating), then up
/// to <see cref="NumberSlots"/> ascending 16-bit number hashes padded with <see cref="EmptyNumber"/>. Sixteen bits per
/// slot make accidental slot agreement (2^-16) negligible, so the slot-agreement rate estimates the Jaccard similarity
/// without the b-bit correction the word signature needs, and two slots make a 32-bit LSH band key.
/// </remarks>
internal static class Evidence
{
    /// <summary>Characters per gram. Five: long enough that unrelated Arabic or Urdu texts share few, short enough
    /// that a respaced or re-inflected word keeps most of its grams.</summary>
    public const int CharacterGram = 5;

    /// <summary>MinHash slots of the character sketch: a Jaccard standard error of about 0.06 at 0.3.</summary>
    public const int CharacterSlots = 64;

    /// <summary>Number hashes kept: the bottom-k sample of the story's distinct numbers.</summary>
    public const int NumberSlots = 8;

    /// <summary>Marks an unused number slot.</summary>
    public const ushort EmptyNumber = ushort.MaxValue;

    private const int CharacterCountOffset = CharacterSlots * 2;
    private const int NumberCountOffset = CharacterCountOffset + 2;
    private const int NumbersOffset = NumberCountOffset + 2;

    /// <summary>Bytes of one article's evidence row.</summary>
    public const int RowBytes = NumbersOffset + (NumberSlots * 2);

    /// <summary>Bytes of the character sketch at the start of the row.</summary>
    public const int CharacterSignatureBytes = CharacterSlots * 2;

    // SplitMix64 finalizer constants (Steele, Lea, Flood 2014) and the 64-bit golden ratio.
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// Writes the evidence row of a normalized story text (tokens separated by single spaces) to <paramref name="row"/>.
    /// </summary>
    /// <param name="normalized">The normalized story text; may be empty.</param>
    /// <param name="hasher">A one-permutation MinHash of <see cref="CharacterSlots"/> slots.</param>
    /// <param name="seed">The engine seed.</param>
    /// <param name="grams">Scratch for the gram hashes: at least <paramref name="normalized"/>'s length.</param>
    /// <param name="row">Receives <see cref="RowBytes"/> bytes.</param>
    [SkipLocalsInit]
    public static void Compute(ReadOnlySpan<char> normalized, IMinHasher hasher, long seed, Span<ulong> grams, Span<byte> row)
    {
        row = row[..RowBytes];
        int count = CharacterGrams(normalized, seed, grams);
        Span<uint> slots = stackalloc uint[CharacterSlots];
        if (count == 0)
        {
            row[..CharacterSignatureBytes].Fill(0xFF);
        }
        else
        {
            hasher.Compute(grams[..count], slots);
            for (int i = 0; i < CharacterSlots; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(row[(2 * i)..], (ushort)slots[i]);
            }
        }

        BinaryPrimitives.WriteUInt16LittleEndian(row[CharacterCountOffset..], (ushort)Math.Min(count, ushort.MaxValue));
        WriteNumbers(normalized, seed, row);
    }

    /// <summary>
    /// The hashes of every character gram of <paramref name="normalized"/> with its spaces removed, in text order;
    /// returns how many (0 when fewer than <see cref="CharacterGram"/> non-space characters).
    /// </summary>
    /// <remarks>
    /// The last four characters ride in a 64-bit window, 16 bits each; a gram's hash is the SplitMix64 finalizer of
    /// the mixed window plus the new character. Pinned by tests: changing it changes every stored row.
    /// </remarks>
    public static int CharacterGrams(ReadOnlySpan<char> normalized, long seed, Span<ulong> destination) =>
        SplitMix64.IsVectorMixAccelerated
            ? CharacterGramsVector(normalized, seed, destination)
            : CharacterGramsScalar(normalized, seed, destination);

    /// <summary>The reference loop of <see cref="CharacterGrams"/>.</summary>
    internal static int CharacterGramsScalar(ReadOnlySpan<char> normalized, long seed, Span<ulong> destination)
    {
        ulong window = 0;
        int seen = 0;
        int count = 0;
        ulong seedMix = Finish((ulong)seed ^ Golden);
        foreach (char c in normalized)
        {
            if (c == ' ')
            {
                continue;
            }

            if (seen >= CharacterGram - 1)
            {
                destination[count++] = Finish(Finish(window ^ seedMix) + ((ulong)c * Golden));
            }

            window = (window << 16) | c;
            seen++;
        }

        return count;
    }

    /// <summary>
    /// The first pass of <see cref="CharacterGramsVector"/>: writes the window before each gram to
    /// <paramref name="destination"/> and the window after the last gram behind them; returns the number of grams.
    /// </summary>
    /// <remarks>
    /// Without a branch per character: every character stores the current window at the next gram's slot, and only a
    /// character that is not a space (past the first <see cref="CharacterGram"/> − 1) moves to the next slot and into
    /// the window. A space costs a store instead of a mispredicted branch. <paramref name="destination"/> must be at
    /// least as long as <paramref name="normalized"/>: the slot written is never past the characters read.
    /// </remarks>
    private static int WriteWindows(ReadOnlySpan<char> normalized, Span<ulong> destination)
    {
        if (destination.Length < normalized.Length)
        {
            ThrowHelper.DestinationTooShort(nameof(destination));
        }

        ref ulong slots = ref MemoryMarshal.GetReference(destination);
        ulong window = 0;
        int i = 0;
        int seen = 0;

        // The first grams' characters, with a branch: at most CharacterGram - 1 of them.
        for (; i < normalized.Length && seen < CharacterGram - 1; i++)
        {
            char c = normalized[i];
            if (c != ' ')
            {
                window = (window << 16) | c;
                seen++;
            }
        }

        int count = 0;
        for (; i < normalized.Length; i++)
        {
            char c = normalized[i];
            Unsafe.Add(ref slots, count) = window;
            ulong keep = (ulong)(c != ' ' ? 1 : 0);
            ulong mask = 0 - keep;
            count += (int)keep;
            window = (((window << 16) | c) & mask) | (window & ~mask);
        }

        if (count > 0)
        {
            Unsafe.Add(ref slots, count) = window;
        }

        return count;
    }

    /// <summary>
    /// <see cref="CharacterGrams"/> in two passes: the windows, then their hashes four at a time in the lanes of a
    /// 256-bit vector (<see cref="Finish"/> is <see cref="SplitMix64.Mix(ulong)"/>).
    /// </summary>
    /// <remarks>
    /// The first pass writes the window before each gram to <paramref name="destination"/>, and the window after the
    /// last gram behind them: a gram's new character is the low 16 bits of the next window, so no second buffer is
    /// needed, and <paramref name="destination"/> (as long as the text) has the room, since a gram needs the four
    /// characters before it. The second pass replaces each window by its gram's hash in text order, reading the next
    /// window before it is replaced.
    /// </remarks>
    internal static int CharacterGramsVector(ReadOnlySpan<char> normalized, long seed, Span<ulong> destination)
    {
        int count = WriteWindows(normalized, destination);
        if (count == 0)
        {
            return 0;
        }

        ulong seedMix = Finish((ulong)seed ^ Golden);
        var seeds = Vector256.Create(seedMix);
        var low16 = Vector256.Create(0xFFFFUL);
        ref ulong grams = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= count - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
        {
            // Lane j: the window before gram i + j, and the one after it, whose low 16 bits are its new character.
            var before = Vector256.LoadUnsafe(ref grams, (nuint)i);
            var after = Vector256.LoadUnsafe(ref grams, (nuint)(i + 1));
            SplitMix64.Mix(SplitMix64.Mix(before ^ seeds) + SplitMix64.MultiplyLow(after & low16, Golden)).StoreUnsafe(ref grams, (nuint)i);
        }

        for (; i < count; i++)
        {
            destination[i] = Finish(Finish(destination[i] ^ seedMix) + ((destination[i + 1] & 0xFFFF) * Golden));
        }

        return count;
    }

    /// <summary>The character sketch of a row: <see cref="CharacterSlots"/> 16-bit slots.</summary>
    public static ReadOnlySpan<byte> CharacterSignature(ReadOnlySpan<byte> row) => row[..CharacterSignatureBytes];

    /// <summary>Character grams of the story (with repeats), saturating at 65,535.</summary>
    public static int CharacterCount(ReadOnlySpan<byte> row) => BinaryPrimitives.ReadUInt16LittleEndian(row[CharacterCountOffset..]);

    /// <summary>Distinct numbers of the story, saturating at 65,535.</summary>
    public static int NumberCount(ReadOnlySpan<byte> row) => BinaryPrimitives.ReadUInt16LittleEndian(row[NumberCountOffset..]);

    /// <summary>The estimated Jaccard similarity of two stories' space-free character grams.</summary>
    public static double CharacterJaccard(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (CharacterCount(a) == 0 || CharacterCount(b) == 0)
        {
            return 0;
        }

        int equal = 0;
        for (int i = 0; i < CharacterSignatureBytes; i += 2)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(a[i..]) == BinaryPrimitives.ReadUInt16LittleEndian(b[i..]))
            {
                equal++;
            }
        }

        return SimilarityEstimator.JaccardBBit(equal, CharacterSlots, 16);
    }

    /// <summary>
    /// The estimated share of the smaller set of numbers that the other story also mentions, or
    /// <see langword="null"/> when either mentions none.
    /// </summary>
    /// <remarks>
    /// Exact while both stories mention at most <see cref="NumberSlots"/> numbers. Beyond that, the Jaccard
    /// similarity of the two number sets is estimated from the bottom-k sample of their union (Broder's estimator)
    /// and turned into shared / smaller.
    /// </remarks>
    public static double? NumberAgreement(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int na = NumberCount(a), nb = NumberCount(b);
        if (na == 0 || nb == 0)
        {
            return null;
        }

        ReadOnlySpan<byte> sa = a[NumbersOffset..], sb = b[NumbersOffset..];
        int ka = Math.Min(na, NumberSlots), kb = Math.Min(nb, NumberSlots);
        if (na <= NumberSlots && nb <= NumberSlots)
        {
            // Both samples are whole sets: walk them to the end and count what they share.
            return (double)Merge(sa, ka, sb, kb, int.MaxValue, out _) / Math.Min(na, nb);
        }

        // The k smallest of the union, and how many of them both samples hold.
        int both = Merge(sa, ka, sb, kb, NumberSlots, out int taken);
        double jaccard = (double)both / Math.Max(1, taken);
        double sharedEstimate = jaccard * (na + nb) / (1 + jaccard);
        return Math.Min(1.0, sharedEstimate / Math.Min(na, nb));
    }

    /// <summary>
    /// Walks two ascending samples together through at most <paramref name="limit"/> distinct values of their union
    /// (<paramref name="taken"/> of them) and returns how many of those both hold. An exhausted sample reads as
    /// <see cref="EmptyNumber"/>, which no stored number equals.
    /// </summary>
    private static int Merge(ReadOnlySpan<byte> sa, int ka, ReadOnlySpan<byte> sb, int kb, int limit, out int taken)
    {
        int both = 0;
        taken = 0;
        for (int i = 0, j = 0; taken < limit && (i < ka || j < kb); taken++)
        {
            ushort x = i < ka ? Number(sa, i) : EmptyNumber;
            ushort y = j < kb ? Number(sb, j) : EmptyNumber;
            if (x == y)
            {
                both++;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return both;
    }

    private static ushort Number(ReadOnlySpan<byte> numbers, int i) => BinaryPrimitives.ReadUInt16LittleEndian(numbers[(2 * i)..]);

    /// <summary>Keeps the <see cref="NumberSlots"/> smallest distinct 16-bit hashes of the all-digit tokens.</summary>
    /// <remarks>
    /// A story has a few dozen numbers among hundreds of words, so the text is searched for the next digit rather than
    /// split word by word: a token that holds a digit is a number when it starts with it and holds nothing else.
    /// Numbers are taken in text order, as <see cref="WriteNumbersByTokens"/> (the reference) takes them.
    /// </remarks>
    [SkipLocalsInit]
    internal static void WriteNumbers(ReadOnlySpan<char> normalized, long seed, Span<byte> row)
    {
        var numbers = new NumberSample(stackalloc ushort[NumberSlots], stackalloc uint[256]);
        int at = 0;
        while (at < normalized.Length)
        {
            int digit = normalized[at..].IndexOfAnyInRange('0', '9');
            if (digit < 0)
            {
                break;
            }

            digit += at;

            // The token holding the digit: from just after the last space before it (at is 0 or a space) to the next.
            int start = at + normalized[at..digit].LastIndexOf(' ') + 1;
            int end = normalized[digit..].IndexOf(' ');
            end = end < 0 ? normalized.Length : digit + end;
            ReadOnlySpan<char> token = normalized[start..end];
            if (start == digit && !token.ContainsAnyExceptInRange('0', '9'))
            {
                numbers.Add(token, seed);
            }

            at = end;
        }

        numbers.Write(row);
    }

    /// <summary>The reference for <see cref="WriteNumbers"/>: every space-separated token, in text order.</summary>
    [SkipLocalsInit]
    internal static void WriteNumbersByTokens(ReadOnlySpan<char> normalized, long seed, Span<byte> row)
    {
        var numbers = new NumberSample(stackalloc ushort[NumberSlots], stackalloc uint[256]);
        ReadOnlySpan<char> rest = normalized;
        while (!rest.IsEmpty)
        {
            int space = rest.IndexOf(' ');
            ReadOnlySpan<char> token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            if (token.IsEmpty || token.ContainsAnyExceptInRange('0', '9'))
            {
                continue;
            }

            numbers.Add(token, seed);
        }

        numbers.Write(row);
    }

    /// <summary>The distinct numbers of a story: their exact count and the bottom-k sample of their hashes.</summary>
    private ref struct NumberSample
    {
        private readonly Span<ushort> _kept;

        // Distinct numbers are counted exactly with a small open-addressing set of 32-bit hashes.
        private readonly Span<uint> _seen;
        private int _k;
        private int _distinct;

        public NumberSample(Span<ushort> kept, Span<uint> seen)
        {
            _kept = kept;
            _seen = seen;
            _seen.Clear();
        }

        public void Add(ReadOnlySpan<char> number, long seed)
        {
            ulong hash = Utf16Hash.XxHash3(number, seed);
            uint key = (uint)(hash >> 32) | 1;
            if (!AddToSet(_seen, key))
            {
                return;
            }

            _distinct++;
            ushort value = (ushort)hash;
            if (value == EmptyNumber)
            {
                value--;
            }

            InsertSmallest(_kept, ref _k, value);
        }

        public readonly void Write(Span<byte> row)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(row[NumberCountOffset..], (ushort)Math.Min(_distinct, ushort.MaxValue));
            Span<byte> numbers = row[NumbersOffset..];
            for (int i = 0; i < NumberSlots; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(numbers[(2 * i)..], i < _k ? _kept[i] : EmptyNumber);
            }
        }
    }

    /// <summary>Adds a nonzero key to a linear-probing set; false when it was already there (or the set is full).</summary>
    private static bool AddToSet(Span<uint> set, uint key)
    {
        int mask = set.Length - 1;
        for (int probe = 0, i = (int)(key * Golden >> 56) & mask; probe < set.Length; probe++, i = (i + 1) & mask)
        {
            if (set[i] == key)
            {
                return false;
            }

            if (set[i] == 0)
            {
                set[i] = key;
                return true;
            }
        }

        return false;
    }

    /// <summary>Inserts into an ascending list of at most its length distinct values, keeping the smallest.</summary>
    private static void InsertSmallest(Span<ushort> kept, ref int k, ushort value)
    {
        int at = kept[..k].BinarySearch(value);
        if (at >= 0)
        {
            return;
        }

        at = ~at;
        if (at >= kept.Length)
        {
            return;
        }

        int last = Math.Min(k, kept.Length - 1);
        for (int i = last; i > at; i--)
        {
            kept[i] = kept[i - 1];
        }

        kept[at] = value;
        k = Math.Min(k + 1, kept.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * Mix1;
        z = (z ^ (z >> 27)) * Mix2;
        return z ^ (z >> 31);
    }
}
