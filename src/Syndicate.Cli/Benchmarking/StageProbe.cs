using System.Buffers;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Fingerprinting;
using Syndicate.Internal;
using Syndicate.Sketches;
using Syndicate.Text;

namespace Syndicate.Cli.Benchmarking;

/// <summary>
/// Times the stages of fingerprinting apart, on one thread, the way the engine's fingerprinter runs them: clean the
/// article, normalize it paragraph by paragraph, then shingle, sketch and build the lead sketch and content hash.
/// </summary>
internal static class StageProbe
{
    private const int MeasuredPasses = 3;

    /// <summary>
    /// Seconds per stage over <paramref name="articles"/>: the fastest of <see cref="MeasuredPasses"/> passes, after two
    /// warm-up passes over the first few.
    /// </summary>
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

        // Tiered PGO recompiles hot methods more than once (instrumented, then optimised), so even after the warm-up
        // a pass may still run some of them unoptimised: each stage counts its fastest pass.
        for (int pass = 0; pass < MeasuredPasses; pass++)
        {
            var passTimes = new StageTimes();
            RunPass(articles, options, hasher, passTimes);
            times.Clean = pass == 0 ? passTimes.Clean : Math.Min(times.Clean, passTimes.Clean);
            times.Normalize = pass == 0 ? passTimes.Normalize : Math.Min(times.Normalize, passTimes.Normalize);
            times.Shingle = pass == 0 ? passTimes.Shingle : Math.Min(times.Shingle, passTimes.Shingle);
            times.Sketch = pass == 0 ? passTimes.Sketch : Math.Min(times.Sketch, passTimes.Sketch);
            times.Articles = passTimes.Articles;
            times.Sink ^= passTimes.Sink;
        }

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

        // Timed with one reused buffer, as the fingerprinter works; the texts the next stage needs are built
        // afterwards, untimed, so that the stage's time is normalization alone and not allocation.
        char[] buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        times.Normalize += CpuTicks(() =>
        {
            for (int i = 0; i < articles.Count; i++)
            {
                Normalize(cleaned[i], options, ref buffer, ref sink);
            }
        });
        for (int i = 0; i < articles.Count; i++)
        {
            int length = Normalize(cleaned[i], options, ref buffer, ref sink);
            normalized[i] = new string(buffer, 0, length);
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

            sink ^= Utf16Hash.XxHash3(buffer.AsSpan(start, written), options.Seed);
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
