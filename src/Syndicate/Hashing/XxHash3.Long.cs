using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Syndicate.Hashing;

public static partial class XxHash3
{
    // The long path (more than 240 bytes), XXH3_hashLong_64b. The state is eight 64-bit accumulators. Input is
    // consumed in 64-byte stripes; stripe n of a block is keyed with secret[8n .. 8n + 64]. A block is as many
    // stripes as the secret allows, (192 - 64) / 8 = 16 stripes = 1024 bytes, after which the accumulators are
    // scrambled with the last 64 bytes of the secret. The tail is finished with the stripes that remain and then
    // with the last 64 bytes of input (which may overlap earlier stripes), keyed at a fixed odd offset.
    //
    // This file holds the scalar reference; XxHash3.Vectorized.cs holds Vector128/Vector256 kernels that must
    // produce exactly the same accumulators.

    private const int StripeLength = 64;
    private const int AccumulatorCount = 8;
    private const int SecretConsumeRate = 8;
    private const int StripesPerBlock = (SecretLength - StripeLength) / SecretConsumeRate;
    private const int BlockLength = StripeLength * StripesPerBlock;

    /// <summary>Offset of the secret used for the final stripe (XXH_SECRET_LASTACC_START = 7, counted from the end).</summary>
    private const int LastStripeSecretOffset = SecretLength - StripeLength - 7;

    /// <summary>Offset of the secret used to merge the accumulators (XXH_SECRET_MERGEACCS_START).</summary>
    private const int MergeSecretOffset = 11;

    /// <summary>Offset of the secret used to scramble the accumulators after each block.</summary>
    private const int ScrambleSecretOffset = SecretLength - StripeLength;

    [SkipLocalsInit]
    private static ulong HashLongScalar(ReadOnlySpan<byte> source, ulong seed)
    {
        Span<byte> buffer = stackalloc byte[SecretLength];
        var secret = SecretForSeed(seed, buffer);

        Span<ulong> acc = stackalloc ulong[AccumulatorCount];
        InitializeAccumulators(acc);

        var length = source.Length;
        var blocks = (length - 1) / BlockLength;
        for (var block = 0; block < blocks; block++)
        {
            var blockStart = block * BlockLength;
            for (var stripe = 0; stripe < StripesPerBlock; stripe++)
            {
                Accumulate512Scalar(acc, source.Slice(blockStart + (stripe * StripeLength), StripeLength), secret[(stripe * SecretConsumeRate)..]);
            }

            ScrambleScalar(acc, secret[ScrambleSecretOffset..]);
        }

        // Whole stripes of the last (partial) block. The "- 1" keeps at least one byte for the final stripe, so
        // a length that is a multiple of 64 does not consume its last stripe twice.
        var tailStart = blocks * BlockLength;
        var tailStripes = (length - 1 - tailStart) / StripeLength;
        for (var stripe = 0; stripe < tailStripes; stripe++)
        {
            Accumulate512Scalar(acc, source.Slice(tailStart + (stripe * StripeLength), StripeLength), secret[(stripe * SecretConsumeRate)..]);
        }

        Accumulate512Scalar(acc, source[(length - StripeLength)..], secret[LastStripeSecretOffset..]);
        return MergeAccumulators(acc, secret, (ulong)length * Prime64_1);
    }

    /// <summary>XXH3_INIT_ACC: the initial accumulator values, a fixed mix of the XXH32 and XXH64 primes.</summary>
    private static void InitializeAccumulators(Span<ulong> acc)
    {
        acc[0] = Prime32_3;
        acc[1] = Prime64_1;
        acc[2] = Prime64_2;
        acc[3] = Prime64_3;
        acc[4] = Prime64_4;
        acc[5] = Prime32_2;
        acc[6] = Prime64_5;
        acc[7] = Prime32_1;
    }

    /// <summary>XXH3_accumulate_512 (scalar): consumes one 64-byte stripe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate512Scalar(Span<ulong> acc, ReadOnlySpan<byte> stripe, ReadOnlySpan<byte> secret)
    {
        for (var i = 0; i < AccumulatorCount; i++)
        {
            var data = ReadUInt64(stripe, 8 * i);
            var keyed = data ^ ReadUInt64(secret, 8 * i);

            // The raw input goes to the neighbouring accumulator, so no lane's input is lost if the 32x32 product
            // below is zero.
            acc[i ^ 1] += data;
            acc[i] += (uint)keyed * (keyed >> 32);
        }
    }

    /// <summary>XXH3_scrambleAcc (scalar): xorshift, key, multiply by a 32-bit prime.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScrambleScalar(Span<ulong> acc, ReadOnlySpan<byte> secret)
    {
        for (var i = 0; i < AccumulatorCount; i++)
        {
            var value = acc[i];
            value ^= value >> 47;
            value ^= ReadUInt64(secret, 8 * i);
            acc[i] = value * Prime32_1;
        }
    }

    /// <summary>XXH3_mergeAccs: folds the eight accumulators pairwise into one value, then avalanches.</summary>
    private static ulong MergeAccumulators(ReadOnlySpan<ulong> acc, ReadOnlySpan<byte> secret, ulong start)
    {
        Debug.Assert(acc.Length == AccumulatorCount);
        var result = start;
        for (var i = 0; i < AccumulatorCount; i += 2)
        {
            var offset = MergeSecretOffset + (8 * i);
            result += Multiply128Fold64(acc[i] ^ ReadUInt64(secret, offset), acc[i + 1] ^ ReadUInt64(secret, offset + 8));
        }

        return Avalanche(result);
    }
}
