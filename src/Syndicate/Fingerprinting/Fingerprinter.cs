using System.Buffers;
using System.Runtime.CompilerServices;
using Syndicate.Attribution;
using Syndicate.Cleaning;
using Syndicate.Internal;
using Syndicate.Sketches;
using Syndicate.Text;

namespace Syndicate.Fingerprinting;

/// <summary>
/// Turns an article into a <see cref="Fingerprint"/>: clean (outlet furniture out) → normalize paragraph by paragraph
/// → shingle → MinHash → b-bit signature, lead sketch and content hash. Thread-safe: every call uses its own pooled
/// buffers.
/// </summary>
internal sealed class Fingerprinter
{
    private const int StackLimit = 256;

    // Keeps the character sketch's permutation apart from the word signature's (any fixed odd constant would do).
    private const long CharacterSeedSalt = 0x3C6EF372FE94F82BL;

    /// <summary>Story texts shorter than this many words are too short to tell a copy from a coincidence.</summary>
    internal const int MinStoryTokens = 4;

    /// <summary>The same floor for character shingles, for scripts written without spaces.</summary>
    internal const int MinStoryCharacters = 16;

    private readonly SyndicationOptions _options;
    private readonly IMinHasher _hasher;
    private readonly OnePermutationMinHash _characterHasher;
    private readonly int _k;

    public Fingerprinter(SyndicationOptions options)
    {
        _options = options;
        _k = options.SignatureLength;
        _hasher = options.UseClassicMinHash
            ? new ClassicMinHash(_k, options.Seed)
            : new OnePermutationMinHash(_k, options.Seed);
        _characterHasher = new OnePermutationMinHash(Evidence.CharacterSlots, options.Seed ^ CharacterSeedSalt);
    }

    /// <summary>Fingerprints an article; paragraphs whose hash <paramref name="isBoilerplate"/> accepts are left out.</summary>
    public Fingerprint Compute(Article article, Func<ulong, bool>? isBoilerplate = null)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(article.Title, article.Body, _options.Gazetteer);
        Fingerprint print = Compute(article, cleaned, cleaned.Body, isBoilerplate);
        if (print.IsEmpty && !string.IsNullOrWhiteSpace(article.Title))
        {
            // A headline-only item: its title is all the story text there is.
            print = Compute(article, cleaned, article.Title, null);
        }

        return print;
    }

    /// <summary>Fingerprints again with learned boilerplate paragraphs left out, reusing the cleaning already done.</summary>
    public Fingerprint Recompute(Article article, Fingerprint previous, Func<ulong, bool> isBoilerplate)
    {
        Fingerprint print = Compute(article, previous.Cleaned, previous.Cleaned.Body, isBoilerplate);
        // Never let learned boilerplate empty a story: an article that is nothing but a source's usual paragraphs
        // keeps them.
        return print.IsEmpty ? previous : print;
    }

    [SkipLocalsInit]
    private Fingerprint Compute(Article article, CleanedArticle cleaned, string text, Func<ulong, bool>? isBoilerplate)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(64, (text.Length * 2) + 16));
        ulong[]? shingles = null;
        // Paragraph hashes go to a pooled buffer; the fingerprint keeps an exact-size copy.
        ulong[] lineHashes = ArrayPool<ulong>.Shared.Rent(64);
        int lineCount = 0;
        bool excluded = false;
        try
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

                int separator = length == 0 ? 0 : 1;
                int start = length + separator;
                int written;
                while (!TextNormalizer.TryNormalize(line, buffer.AsSpan(start), out written, _options.Normalization))
                {
                    buffer = Grow(buffer, length, start + TextNormalizer.GetMaxOutputLength(line.Length));
                }

                if (written == 0)
                {
                    continue;
                }

                ulong lineHash = Utf16Hash.XxHash3(buffer.AsSpan(start, written), _options.Seed);
                if (lineCount == lineHashes.Length)
                {
                    ulong[] more = ArrayPool<ulong>.Shared.Rent(lineHashes.Length * 2);
                    lineHashes.AsSpan(0, lineCount).CopyTo(more);
                    ArrayPool<ulong>.Shared.Return(lineHashes);
                    lineHashes = more;
                }

                lineHashes[lineCount++] = lineHash;
                if (isBoilerplate is not null && isBoilerplate(lineHash))
                {
                    excluded = true;
                    continue;
                }

                if (separator == 1)
                {
                    buffer[length] = ' ';
                }

                length = start + written;
            }

            ReadOnlySpan<char> normalized = buffer.AsSpan(0, length);
            bool tooShort = _options.ShingleKind == ShingleKind.Words
                ? normalized.Count(' ') + 1 < MinStoryTokens
                : normalized.Length < MinStoryCharacters;
            if (tooShort)
            {
                // A few words (a bare "كاريكاتير" headline over an empty body) say nothing about whether two items
                // are copies: such an article is never matched and stays a story of its own.
                normalized = [];
            }

            int capacity = _options.ShingleKind == ShingleKind.Words
                ? Shingler.MaxWordShingles(normalized.Length)
                : Shingler.MaxCharacterShingles(normalized.Length);
            shingles = ArrayPool<ulong>.Shared.Rent(Math.Max(1, capacity));
            int count = _options.ShingleKind == ShingleKind.Words
                ? Shingler.WordShingles(normalized, _options.ShingleSize, _options.Seed, shingles)
                : Shingler.CharacterShingles(normalized, _options.ShingleSize, _options.Seed, shingles);

            ulong contentHash = Shingler.ContentHash(normalized, _options.Seed);
            var signature = new byte[_k];
            uint[] lead;
            if (count == 0)
            {
                lead = [];
            }
            else
            {
                Span<uint> slots = _k <= StackLimit ? stackalloc uint[_k] : new uint[_k];
                _hasher.Compute(shingles.AsSpan(0, count), slots);
                for (int i = 0; i < slots.Length; i++)
                {
                    signature[i] = (byte)slots[i];
                }

                lead = LeadSketch(shingles.AsSpan(0, Math.Min(count, Fingerprint.LeadWindow)));
            }

            var evidence = new byte[Evidence.RowBytes];
            if (shingles.Length < normalized.Length)
            {
                ArrayPool<ulong>.Shared.Return(shingles);
                shingles = ArrayPool<ulong>.Shared.Rent(normalized.Length);
            }

            Evidence.Compute(normalized, _characterHasher, _options.Seed, shingles, evidence);
            return new Fingerprint(contentHash, count, signature, lead, lineHashes.AsSpan(0, lineCount).ToArray(), cleaned, excluded)
            {
                Evidence = evidence,
                Producer = this,
                Article = article,
            };
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<ulong>.Shared.Return(lineHashes);
            if (shingles is not null)
            {
                ArrayPool<ulong>.Shared.Return(shingles);
            }
        }
    }

    /// <summary>The distinct shingle hashes of an article's story text, for diagnostics (exact Jaccard).</summary>
    internal HashSet<ulong> ShingleSet(Article article)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(article.Title, article.Body, _options.Gazetteer);
        string normalized = TextNormalizer.Normalize(cleaned.Body.ReplaceLineEndings(" "), _options.Normalization);
        ulong[] shingles = new ulong[Math.Max(1, Shingler.MaxCharacterShingles(normalized.Length))];
        int count = _options.ShingleKind == ShingleKind.Words
            ? Shingler.WordShingles(normalized, _options.ShingleSize, _options.Seed, shingles)
            : Shingler.CharacterShingles(normalized, _options.ShingleSize, _options.Seed, shingles);
        return [.. shingles.AsSpan(0, count)];
    }

    /// <summary>The <see cref="Fingerprint.LeadSize"/> smallest distinct high halves of the lead's shingle hashes, ascending.</summary>
    internal static uint[] LeadSketch(ReadOnlySpan<ulong> leadShingles)
    {
        Span<uint> values = stackalloc uint[Fingerprint.LeadWindow];
        int n = 0;
        foreach (ulong h in leadShingles)
        {
            values[n++] = (uint)(h >> 32);
        }

        values = values[..n];
        values.Sort();
        Span<uint> result = stackalloc uint[Fingerprint.LeadSize];
        int m = 0;
        for (int i = 0; i < values.Length && m < result.Length; i++)
        {
            if (m == 0 || result[m - 1] != values[i])
            {
                result[m++] = values[i];
            }
        }

        return result[..m].ToArray();
    }

    private static char[] Grow(char[] buffer, int used, int needed)
    {
        char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(needed + 1, buffer.Length * 2));
        buffer.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(buffer);
        return bigger;
    }
}
