using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Syndicate.Hashing;

public static partial class XxHash3
{
    // Vector kernels of the long path. Each 64-bit vector lane holds one accumulator, in scalar order:
    //
    //   Vector256: acc0 = [a0 a1 a2 a3], acc1 = [a4 a5 a6 a7]          (2 registers per 64-byte stripe)
    //   Vector128: acc0 = [a0 a1], acc1 = [a2 a3], acc2 = [a4 a5], acc3 = [a6 a7]   (4 registers)
    //
    // Input and secret words are loaded with the same layout, so lane i of a data vector is ReadUInt64(stripe, 8i)
    // on a little-endian host (the only kind these kernels are dispatched on). The scalar "acc[i ^ 1] += data[i]"
    // swaps adjacent 64-bit lanes; a pair never straddles a 128-bit boundary, so it is an in-lane 32-bit shuffle
    // (2, 3, 0, 1) that x86 does with one pshufd/vpshufd.
    //
    // The 32x32→64 multiply of the scalar code maps to pmuludq (Sse2/Avx2.Multiply), which multiplies the low 32 bits
    // of each 64-bit lane. Where that instruction is unavailable the portable 64-bit lane multiply computes the same
    // value from operands that are both below 2^32.

    [SkipLocalsInit]
    private static ulong HashLongVector256(ReadOnlySpan<byte> source, ulong seed)
    {
        Debug.Assert(BitConverter.IsLittleEndian);
        Debug.Assert(source.Length > MidSizeMaxLength);

        Span<byte> buffer = stackalloc byte[SecretLength];
        var secretSpan = SecretForSeed(seed, buffer);
        Debug.Assert(secretSpan.Length == SecretLength);

        ref var input = ref MemoryMarshal.GetReference(source);
        ref var secret = ref MemoryMarshal.GetReference(secretSpan);

        var acc0 = Vector256.Create(Prime32_3, Prime64_1, Prime64_2, Prime64_3);
        var acc1 = Vector256.Create(Prime64_4, Prime32_2, Prime64_5, Prime32_1);

        var length = (nuint)source.Length;
        var blocks = (length - 1) / BlockLength;
        nuint offset = 0;
        for (nuint block = 0; block < blocks; block++)
        {
            for (nuint stripe = 0; stripe < StripesPerBlock; stripe++)
            {
                Accumulate512Vector256(ref acc0, ref acc1, ref input, offset, ref secret, stripe * SecretConsumeRate);
                offset += StripeLength;
            }

            acc0 = ScrambleVector256(acc0, Vector256.LoadUnsafe(ref secret, ScrambleSecretOffset).AsUInt64());
            acc1 = ScrambleVector256(acc1, Vector256.LoadUnsafe(ref secret, ScrambleSecretOffset + 32).AsUInt64());
        }

        var tailStripes = (length - 1 - offset) / StripeLength;
        for (nuint stripe = 0; stripe < tailStripes; stripe++)
        {
            Accumulate512Vector256(ref acc0, ref acc1, ref input, offset, ref secret, stripe * SecretConsumeRate);
            offset += StripeLength;
        }

        Accumulate512Vector256(ref acc0, ref acc1, ref input, length - StripeLength, ref secret, LastStripeSecretOffset);

        Span<ulong> acc = stackalloc ulong[AccumulatorCount];
        acc0.CopyTo(acc);
        acc1.CopyTo(acc[4..]);
        return MergeAccumulators(acc, secretSpan, (ulong)source.Length * Prime64_1);
    }

    [SkipLocalsInit]
    private static ulong HashLongVector128(ReadOnlySpan<byte> source, ulong seed)
    {
        Debug.Assert(BitConverter.IsLittleEndian);
        Debug.Assert(source.Length > MidSizeMaxLength);

        Span<byte> buffer = stackalloc byte[SecretLength];
        var secretSpan = SecretForSeed(seed, buffer);
        Debug.Assert(secretSpan.Length == SecretLength);

        ref var input = ref MemoryMarshal.GetReference(source);
        ref var secret = ref MemoryMarshal.GetReference(secretSpan);

        var acc0 = Vector128.Create(Prime32_3, Prime64_1);
        var acc1 = Vector128.Create(Prime64_2, Prime64_3);
        var acc2 = Vector128.Create(Prime64_4, Prime32_2);
        var acc3 = Vector128.Create(Prime64_5, Prime32_1);

        var length = (nuint)source.Length;
        var blocks = (length - 1) / BlockLength;
        nuint offset = 0;
        for (nuint block = 0; block < blocks; block++)
        {
            for (nuint stripe = 0; stripe < StripesPerBlock; stripe++)
            {
                Accumulate512Vector128(ref acc0, ref acc1, ref acc2, ref acc3, ref input, offset, ref secret, stripe * SecretConsumeRate);
                offset += StripeLength;
            }

            acc0 = ScrambleVector128(acc0, Vector128.LoadUnsafe(ref secret, ScrambleSecretOffset).AsUInt64());
            acc1 = ScrambleVector128(acc1, Vector128.LoadUnsafe(ref secret, ScrambleSecretOffset + 16).AsUInt64());
            acc2 = ScrambleVector128(acc2, Vector128.LoadUnsafe(ref secret, ScrambleSecretOffset + 32).AsUInt64());
            acc3 = ScrambleVector128(acc3, Vector128.LoadUnsafe(ref secret, ScrambleSecretOffset + 48).AsUInt64());
        }

        var tailStripes = (length - 1 - offset) / StripeLength;
        for (nuint stripe = 0; stripe < tailStripes; stripe++)
        {
            Accumulate512Vector128(ref acc0, ref acc1, ref acc2, ref acc3, ref input, offset, ref secret, stripe * SecretConsumeRate);
            offset += StripeLength;
        }

        Accumulate512Vector128(ref acc0, ref acc1, ref acc2, ref acc3, ref input, length - StripeLength, ref secret, LastStripeSecretOffset);

        Span<ulong> acc = stackalloc ulong[AccumulatorCount];
        acc0.CopyTo(acc);
        acc1.CopyTo(acc[2..]);
        acc2.CopyTo(acc[4..]);
        acc3.CopyTo(acc[6..]);
        return MergeAccumulators(acc, secretSpan, (ulong)source.Length * Prime64_1);
    }

    /// <summary>One 64-byte stripe at <paramref name="input"/> + <paramref name="inputOffset"/>, keyed at <paramref name="secretOffset"/>.</summary>
    /// <remarks>Callers guarantee inputOffset + 64 ≤ input length and secretOffset + 64 ≤ 192.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate512Vector256(
        ref Vector256<ulong> acc0, ref Vector256<ulong> acc1, ref byte input, nuint inputOffset, ref byte secret, nuint secretOffset)
    {
        acc0 = AccumulateLanes(acc0, Vector256.LoadUnsafe(ref input, inputOffset).AsUInt64(), Vector256.LoadUnsafe(ref secret, secretOffset).AsUInt64());
        acc1 = AccumulateLanes(acc1, Vector256.LoadUnsafe(ref input, inputOffset + 32).AsUInt64(), Vector256.LoadUnsafe(ref secret, secretOffset + 32).AsUInt64());
    }

    /// <inheritdoc cref="Accumulate512Vector256"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate512Vector128(
        ref Vector128<ulong> acc0, ref Vector128<ulong> acc1, ref Vector128<ulong> acc2, ref Vector128<ulong> acc3,
        ref byte input, nuint inputOffset, ref byte secret, nuint secretOffset)
    {
        acc0 = AccumulateLanes(acc0, Vector128.LoadUnsafe(ref input, inputOffset).AsUInt64(), Vector128.LoadUnsafe(ref secret, secretOffset).AsUInt64());
        acc1 = AccumulateLanes(acc1, Vector128.LoadUnsafe(ref input, inputOffset + 16).AsUInt64(), Vector128.LoadUnsafe(ref secret, secretOffset + 16).AsUInt64());
        acc2 = AccumulateLanes(acc2, Vector128.LoadUnsafe(ref input, inputOffset + 32).AsUInt64(), Vector128.LoadUnsafe(ref secret, secretOffset + 32).AsUInt64());
        acc3 = AccumulateLanes(acc3, Vector128.LoadUnsafe(ref input, inputOffset + 48).AsUInt64(), Vector128.LoadUnsafe(ref secret, secretOffset + 48).AsUInt64());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> AccumulateLanes(Vector256<ulong> acc, Vector256<ulong> data, Vector256<ulong> key)
    {
        var keyed = data ^ key;
        var product = MultiplyLow32(keyed, Vector256.ShiftRightLogical(keyed, 32));
        var swapped = Vector256.Shuffle(data.AsUInt32(), Vector256.Create(2u, 3u, 0u, 1u, 6u, 7u, 4u, 5u)).AsUInt64();
        return acc + swapped + product;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> AccumulateLanes(Vector128<ulong> acc, Vector128<ulong> data, Vector128<ulong> key)
    {
        var keyed = data ^ key;
        var product = MultiplyLow32(keyed, Vector128.ShiftRightLogical(keyed, 32));
        var swapped = Vector128.Shuffle(data.AsUInt32(), Vector128.Create(2u, 3u, 0u, 1u)).AsUInt64();
        return acc + swapped + product;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> ScrambleVector256(Vector256<ulong> acc, Vector256<ulong> key)
    {
        acc ^= Vector256.ShiftRightLogical(acc, 47);
        acc ^= key;

        // acc * Prime32_1 modulo 2^64, from two 32x32→64 products: lo(acc)*p + (hi(acc)*p << 32).
        var prime = Vector256.Create(Prime32_1);
        var low = MultiplyLow32(acc, prime);
        var high = MultiplyLow32(Vector256.ShiftRightLogical(acc, 32), prime);
        return low + Vector256.ShiftLeft(high, 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> ScrambleVector128(Vector128<ulong> acc, Vector128<ulong> key)
    {
        acc ^= Vector128.ShiftRightLogical(acc, 47);
        acc ^= key;

        var prime = Vector128.Create(Prime32_1);
        var low = MultiplyLow32(acc, prime);
        var high = MultiplyLow32(Vector128.ShiftRightLogical(acc, 32), prime);
        return low + Vector128.ShiftLeft(high, 32);
    }

    /// <summary>Per 64-bit lane: (left mod 2^32) * (right mod 2^32), the full 64-bit product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MultiplyLow32(Vector256<ulong> left, Vector256<ulong> right)
    {
        if (Avx2.IsSupported)
        {
            return Avx2.Multiply(left.AsUInt32(), right.AsUInt32());
        }

        var mask = Vector256.Create(0xFFFF_FFFFUL);
        return (left & mask) * (right & mask);
    }

    /// <inheritdoc cref="MultiplyLow32(Vector256{ulong}, Vector256{ulong})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> MultiplyLow32(Vector128<ulong> left, Vector128<ulong> right)
    {
        if (Sse2.IsSupported)
        {
            return Sse2.Multiply(left.AsUInt32(), right.AsUInt32());
        }

        var mask = Vector128.Create(0xFFFF_FFFFUL);
        return (left & mask) * (right & mask);
    }
}
