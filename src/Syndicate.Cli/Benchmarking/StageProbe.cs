using System.Buffers;
using System.Diagnostics;
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
        RunPass(articles.Take(Math.Min(articles.Count, 500)).ToList(), options, hasher, new StageTimes());
        RunPass(articles, options, hasher, times);
        return times;
    }

    private static void RunPass(IReadOnlyList<Article> articles, SyndicationOptions options, IMinHasher hasher, StageTimes times)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        ulong[] shingles = ArrayPool<ulong>.Shared.Rent(1 << 14);
        Span<uint> slots = stackalloc uint[options.SignatureLength];
        var signature = new byte[options.SignatureLength];
        ulong sink = 0;
        foreach (Article article in articles)
        {
            long t0 = Stopwatch.GetTimestamp();
            CleanedArticle cleaned = ArticleCleaner.Clean(article.Title, article.Body, options.Gazetteer);
            long t1 = Stopwatch.GetTimestamp();

            string text = cleaned.Body;
            if (buffer.Length < (text.Length * 2) + 16)
            {
                ArrayPool<char>.Shared.Return(buffer);
                buffer = ArrayPool<char>.Shared.Rent((text.Length * 2) + 16);
            }

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
                if (start + TextNormalizer.GetMaxOutputLength(line.Length) > buffer.Length)
                {
                    char[] bigger = ArrayPool<char>.Shared.Rent(2 * (start + TextNormalizer.GetMaxOutputLength(line.Length)));
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

            long t2 = Stopwatch.GetTimestamp();
            ReadOnlySpan<char> normalized = buffer.AsSpan(0, length);
            int capacity = Math.Max(1, Shingler.MaxWordShingles(normalized.Length));
            if (shingles.Length < capacity)
            {
                ArrayPool<ulong>.Shared.Return(shingles);
                shingles = ArrayPool<ulong>.Shared.Rent(capacity);
            }

            int count = Shingler.WordShingles(normalized, options.ShingleSize, options.Seed, shingles);
            sink ^= Shingler.ContentHash(normalized, options.Seed);
            long t3 = Stopwatch.GetTimestamp();
            if (count > 0)
            {
                hasher.Compute(shingles.AsSpan(0, count), slots);
                for (int i = 0; i < slots.Length; i++)
                {
                    signature[i] = (byte)slots[i];
                }

                sink ^= (ulong)Fingerprinter.LeadSketch(shingles.AsSpan(0, Math.Min(count, Fingerprint.LeadWindow))).Length;
            }

            long t4 = Stopwatch.GetTimestamp();
            times.Clean += t1 - t0;
            times.Normalize += t2 - t1;
            times.Shingle += t3 - t2;
            times.Sketch += t4 - t3;
            times.Articles++;
        }

        times.Sink = sink ^ signature[0];
        ArrayPool<char>.Shared.Return(buffer);
        ArrayPool<ulong>.Shared.Return(shingles);
    }
}

/// <summary>Stopwatch ticks per stage of <see cref="StageProbe"/>.</summary>
internal sealed class StageTimes
{
    public long Clean { get; set; }

    public long Normalize { get; set; }

    public long Shingle { get; set; }

    public long Sketch { get; set; }

    public int Articles { get; set; }

    /// <summary>Keeps the work observable so that none of it is optimised away.</summary>
    public ulong Sink { get; set; }

    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
