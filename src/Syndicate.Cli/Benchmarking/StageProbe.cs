using System.Buffers;
using Syndicate.Attribution;
using Syndicate.Hashing;
using Syndicate.Sketches;
using Syndicate.Text;

namespace Syndicate.Cli.Benchmarking;

/// <summary>
/// Times the stages of fingerprinting apart, on one thread, the way the engine's fingerprinter runs them: clean the
/// article, normalize it paragraph by paragraph, then shingle, sketch and build the lead sketch and content hash.
/// </summary>
internal static class StageProbe
{
    /// <summary>Seconds per stage over <paramref name="articles"/>, after a warm-up pass over the first few.</summary>
    public static StageTimes Run(IReadOnlyList<Article> articles, SyndicationOptions options, bool classic)
    {
        IMinHasher hasher = classic
            ? new ClassicMinHash(options.SignatureLength, options.Seed)
            : new OnePermutationMinHash(options.SignatureLength, options.Seed);
        var times = new StageTimes();
        // Tiered compilation promotes a method only after it has been called for a while and the runtime has had a
        // quiet moment to recompile it: two warm-up passes with pauses make the measured pass run optimised code.
        List<Article> warmUp = [.. articles.Take(Math.Min(articles.Count, 2000))];
        for (int pass = 0; pass < 2; pass++)
        {
            RunPass(warmUp, options, hasher, new StageTimes());
            Thread.Sleep(300);
        }

        RunPass(articles, options, hasher, times);
        return times;
    }

    private static void RunPass(IReadOnlyList<Article> articles, SyndicationOptions options, IMinHasher hasher, StageTimes times)
    {
        // Each stage runs over all articles before the next starts, timed by process CPU time: on a shared machine
        // wall time counts other processes' work too. The run is single-threaded, so CPU time is this thread's
        // (plus a little of the runtime's own background threads).
        var cleaned = new string[articles.Count];
        var normalized = new string[articles.Count];
        var shingles = new ulong[articles.Count][];
        ulong sink = 0;
        times.Clean += CpuTicks(() =>
        {
            for (int i = 0; i < articles.Count; i++)
            {
                cleaned[i] = ArticleCleaner.Clean(articles[i].Title, articles[i].Body, options.Gazetteer).Body;
            }
        });

        char[] buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        var lengths = new int[articles.Count];
        var outputs = new char[articles.Count][];
        times.Normalize += CpuTicks(() =>
        {
            for (int i = 0; i < articles.Count; i++)
            {
                int length = Normalize(cleaned[i], options, ref buffer, ref sink);
                lengths[i] = length;
                outputs[i] = buffer;
                buffer = ArrayPool<char>.Shared.Rent(Math.Max(1 << 16, buffer.Length));
            }
        });
        for (int i = 0; i < articles.Count; i++)
        {
            normalized[i] = new string(outputs[i], 0, lengths[i]);
            ArrayPool<char>.Shared.Return(outputs[i]);
        }

        ArrayPool<char>.Shared.Return(buffer);
        var counts = new int[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            shingles[i] = new ulong[Math.Max(1, Shingler.MaxWordShingles(normalized[i].Length))];
        }

        times.Shingle += CpuTicks(() =>
        {
            for (int i = 0; i < articles.Count; i++)
            {
                counts[i] = Shingler.WordShingles(normalized[i], options.ShingleSize, options.Seed, shingles[i]);
                sink ^= Shingler.ContentHash(normalized[i], options.Seed);
            }
        });

        var slots = new uint[options.SignatureLength];
        var signature = new byte[options.SignatureLength];
        times.Sketch += CpuTicks(() =>
        {
            for (int i = 0; i < articles.Count; i++)
            {
                int count = counts[i];
                if (count == 0)
                {
                    continue;
                }

                hasher.Compute(shingles[i].AsSpan(0, count), slots);
                for (int j = 0; j < slots.Length; j++)
                {
                    signature[j] = (byte)slots[j];
                }

                sink ^= (ulong)Fingerprinter.LeadSketch(shingles[i].AsSpan(0, Math.Min(count, Fingerprint.LeadWindow))).Length;
            }
        });

        times.Articles += articles.Count;
        times.Sink = sink ^ signature[0];
    }

    /// <summary>Normalizes paragraph by paragraph into <paramref name="buffer"/> as the fingerprinter does; returns the length.</summary>
    private static int Normalize(string text, SyndicationOptions options, ref char[] buffer, ref ulong sink)
    {
        int length = 0;
        ReadOnlySpan<char> rest = text;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOfAny('\n', '\r');
            ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (line.IsWhiteSpace())
            {
                continue;
            }

            int start = length == 0 ? 0 : length + 1;
            int needed = start + TextNormalizer.GetMaxOutputLength(line.Length);
            if (needed > buffer.Length)
            {
                char[] bigger = ArrayPool<char>.Shared.Rent(2 * needed);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = bigger;
            }

            TextNormalizer.TryNormalize(line, buffer.AsSpan(start), out int written, options.Normalization);
            if (written == 0)
            {
                continue;
            }

            sink ^= XxHash3.HashToUInt64(buffer.AsSpan(start, written), options.Seed);
            if (start > 0)
            {
                buffer[length] = ' ';
            }

            length = start + written;
        }

        return length;
    }

    /// <summary>Process CPU time of <paramref name="work"/>, in <see cref="TimeSpan"/> ticks.</summary>
    public static long CpuTicks(Action work)
    {
        TimeSpan before = Environment.CpuUsage.TotalTime;
        work();
        return (Environment.CpuUsage.TotalTime - before).Ticks;
    }
}

/// <summary>CPU time per stage of <see cref="StageProbe"/>, in <see cref="TimeSpan"/> ticks.</summary>
internal sealed class StageTimes
{
    public long Clean { get; set; }

    public long Normalize { get; set; }

    public long Shingle { get; set; }

    public long Sketch { get; set; }

    public int Articles { get; set; }

    /// <summary>Keeps the work observable so that none of it is optimised away.</summary>
    public ulong Sink { get; set; }

    public static double Seconds(long ticks) => (double)ticks / TimeSpan.TicksPerSecond;
}
