using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Syndicate.Internal;

namespace Syndicate.Tests.Hashing;

/// <summary>
/// Token, content and checksum hashes are System.IO.Hashing's XXH3-64. These tests pin that package to the reference
/// library's values, so that an upgrade that changed a hash (and with it every fingerprint and state checksum) fails
/// here first, and check the UTF-16 text overload the library builds on it.
/// </summary>
public sealed class XxHash3Tests
{
    public delegate ulong HashFunction(ReadOnlySpan<byte> source, long seed);

    private static readonly Dictionary<string, HashFunction> s_paths = new()
    {
        ["OneShot"] = (source, seed) => XxHash3.HashToUInt64(source, seed),
        ["StreamingWhole"] = (source, seed) => Streaming(source, seed, source.Length),
        ["StreamingBy7"] = (source, seed) => Streaming(source, seed, 7),
        ["StreamingBy100"] = (source, seed) => Streaming(source, seed, 100),
    };

    private static readonly Lazy<byte[]> s_sanityBuffer = new(() => CreateSanityBuffer(100_003));

    public static TheoryData<string, int> PathsAndSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in s_paths.Keys)
        {
            for (var seedIndex = 0; seedIndex < XxHash3Vectors.Seeds.Length; seedIndex++)
            {
                data.Add(path, seedIndex);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndSeeds))]
    public void MatchesReferenceVectors(string path, int seedIndex)
    {
        var hash = s_paths[path];
        var seed = XxHash3Vectors.Seeds[seedIndex];
        var buffer = s_sanityBuffer.Value;
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (length, caseSeedIndex, expected) in XxHash3Vectors.Cases)
        {
            if (caseSeedIndex != seedIndex)
            {
                continue;
            }

            checkedCount++;
            var actual = hash(buffer.AsSpan(0, length), seed);
            if (actual != expected)
            {
                failures.Add($"length {length}: expected 0x{expected:X16}, got 0x{actual:X16}");
            }
        }

        Assert.Equal(310, checkedCount);
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches for seed {seed}:\n" + string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void EmptyInputWithDefaultSeedIsTheWellKnownValue()
    {
        // XXH3_64bits("", 0), quoted in the xxHash sources and by every port.
        Assert.Equal(0x2D06800538D394C2UL, XxHash3.HashToUInt64(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void DefaultSeedIsZero()
    {
        var data = s_sanityBuffer.Value.AsSpan(0, 1000);
        Assert.Equal(XxHash3.HashToUInt64(data, 0), XxHash3.HashToUInt64(data));
    }

    [Fact]
    public void StreamingEqualsOneShotOnSeededRandomInput()
    {
        var random = new Random(20240601);
        var lengths = new List<int>();
        for (var length = 241; length <= 2200; length++)
        {
            lengths.Add(length);
        }

        // Around block (1024) and stripe (64) boundaries further out, and a few large random sizes.
        foreach (var blocks in new[] { 3, 4, 7, 16, 63 })
        {
            for (var delta = -65; delta <= 65; delta++)
            {
                lengths.Add((blocks * 1024) + delta);
            }
        }

        for (var i = 0; i < 40; i++)
        {
            lengths.Add(random.Next(2200, 200_000));
        }

        var data = new byte[200_000 + 7];
        random.NextBytes(data);
        foreach (var length in lengths)
        {
            var seed = random.Next(4) switch
            {
                0 => 0L,
                1 => random.NextInt64(long.MinValue, long.MaxValue),
                2 => -random.NextInt64(1, 1000),
                _ => random.NextInt64(1, 1000),
            };

            // An odd start offset makes every vector load unaligned.
            var span = data.AsSpan(random.Next(8), length);
            var expected = XxHash3.HashToUInt64(span, seed);
            Assert.True(expected == Streaming(span, seed, span.Length), $"streaming differs at length {length}, seed {seed}");
            Assert.True(expected == Streaming(span, seed, 1 + random.Next(300)), $"streaming in pieces differs at length {length}, seed {seed}");
            var chars = MemoryMarshal.Cast<byte, char>(span[..(length & ~1)]);
            Assert.True(
                XxHash3.HashToUInt64(span[..(length & ~1)], seed) == Utf16Hash.XxHash3(chars, seed),
                $"text overload differs at length {length}, seed {seed}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("سبوتنيك")]
    [InlineData("بحث الرئيس الروسي فلاديمير بوتين خلال اتصال هاتفي اليوم الثلاثاء مع نظيره الأذربيجاني إلهام علييف عددا من القضايا")]
    public void TextOverloadHashesUtf16LittleEndianBytes(string text)
    {
        foreach (var seed in XxHash3Vectors.Seeds)
        {
            Assert.Equal(XxHash3.HashToUInt64(Encoding.Unicode.GetBytes(text), seed), Utf16Hash.XxHash3(text, seed));
        }
    }

    [Fact]
    public void TextOverloadHandlesLongText()
    {
        var text = new string('ع', 5000) + "x";
        Assert.Equal(XxHash3.HashToUInt64(Encoding.Unicode.GetBytes(text), 42), Utf16Hash.XxHash3(text, 42));
    }

    [Fact]
    public void SeedChangesEveryLengthClass()
    {
        var buffer = s_sanityBuffer.Value;
        foreach (var length in new[] { 0, 1, 3, 4, 8, 9, 16, 17, 128, 129, 240, 241, 5000 })
        {
            var span = buffer.AsSpan(0, length);
            Assert.NotEqual(XxHash3.HashToUInt64(span, 0), XxHash3.HashToUInt64(span, 1));
        }
    }

    /// <summary>The streaming form: appends <paramref name="source"/> in pieces of <paramref name="pieceLength"/> bytes.</summary>
    private static ulong Streaming(ReadOnlySpan<byte> source, long seed, int pieceLength)
    {
        var hash = new XxHash3(seed);
        for (var start = 0; start < source.Length; start += pieceLength)
        {
            hash.Append(source[start..Math.Min(source.Length, start + pieceLength)]);
        }

        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The xxHash sanity-test buffer: byteGen starts at PRIME32; each byte is its top 8 bits, then byteGen *= PRIME64.</summary>
    internal static byte[] CreateSanityBuffer(int length)
    {
        const ulong Prime32 = 2654435761UL;
        const ulong Prime64 = 11400714785074694797UL;
        var buffer = new byte[length];
        var generator = Prime32;
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(generator >> 56);
            generator *= Prime64;
        }

        return buffer;
    }
}
