using System.Buffers;
using System.Diagnostics.CodeAnalysis;
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
    /// <summary>
    /// The revision of the text pipeline: cleaning, normalization, shingling and sketching, everything that decides an
    /// article's fingerprint. Raised whenever a change gives any article another fingerprint, so that a state holding
    /// fingerprints of another revision is recognised (<see cref="Clustering.EngineStatistics.OtherRevisionArticles"/>);
    /// <c>FingerprintRevisionTests</c> records the fingerprints of the bundled corpus under it and fails on any change.
    /// States written before revisions were recorded read as revision 0. Revision 2: furniture phrases are also
    /// recognised with marks, tatweel or joiners inside them; 3: with Farsi letter forms, and with tabs, no-break or
    /// double spaces between their words.
    /// </summary>
    internal const int Revision = 3;

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
    public Fingerprint Compute(Article article, Func<ulong, bool>? isBoilerplate = null) => Compute(article, isBoilerplate, null);

    /// <summary>
    /// Fingerprints an article and collects the distinct shingle hashes the signature was computed from into
    /// <paramref name="shingles"/> (for diagnostics: the exact Jaccard of two articles).
    /// </summary>
    public Fingerprint Compute(Article article, HashSet<ulong> shingles) => Compute(article, null, shingles);

    private Fingerprint Compute(Article article, Func<ulong, bool>? isBoilerplate, HashSet<ulong>? shingleSink)
    {
        CleanedArticle cleaned = Clean(article);
        Fingerprint print = Compute(article, cleaned, cleaned.Body, isBoilerplate, shingleSink);
        if (print.IsEmpty && !string.IsNullOrWhiteSpace(article.Title))
        {
            // A headline-only item: its title is all the story text there is, and a dateline or credit in it is the
            // item's (a scraped item whose only text is "فيينا -رويترز").
            CleanedArticle headline = article.IsBodyBlank ? WithTitleCredits(cleaned, article.Title) : cleaned;
            print = Compute(article, headline, ArticleCleaner.PlainText(article.Title), null, shingleSink);
        }

        return print;
    }

    /// <summary>Fingerprints again with learned boilerplate paragraphs left out, reusing the cleaning already done.</summary>
    public Fingerprint Recompute(Article article, Fingerprint previous, Func<ulong, bool> isBoilerplate)
    {
        CleanedArticle cleaned = previous.Cleaned;
        if (cleaned.RunningCreditWire is not null)
        {
            // A credit in the running text is the article's only when it is in the article's own paragraphs: the
            // source's recurring ones (a block of other stories' leads under the text, say) credit those stories.
            cleaned = WithCreditOutside(cleaned, isBoilerplate);
        }

        Fingerprint print = Compute(article, cleaned, cleaned.Body, isBoilerplate, null);
        // Never let learned boilerplate empty a story: an article that is nothing but a source's usual paragraphs
        // keeps them.
        return print.IsEmpty ? previous : print;
    }

    /// <summary>
    /// <paramref name="cleaned"/> with its running credit read again from the paragraphs <paramref name="isBoilerplate"/>
    /// does not accept (hashed as <see cref="Normalize"/> hashes them).
    /// </summary>
    private CleanedArticle WithCreditOutside(CleanedArticle cleaned, Func<ulong, bool> isBoilerplate)
    {
        // The first credit of the article's own paragraphs, read paragraph by paragraph: a credit never spans two.
        WireAgency? credit = null;
        char[] buffer = ArrayPool<char>.Shared.Rent(256);
        bool excluded = false;
        try
        {
            ReadOnlySpan<char> rest = cleaned.Body;
            while (NextParagraph(ref rest, out ReadOnlySpan<char> line))
            {
                int written;
                while (!TextNormalizer.TryNormalize(line, buffer, out written, _options.Normalization))
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(TextNormalizer.GetMaxOutputLength(line.Length));
                }

                if (written > 0 && isBoilerplate(Utf16Hash.XxHash3(buffer.AsSpan(0, written), _options.Seed)))
                {
                    excluded = true;
                }
                else
                {
                    credit ??= RunningCredit.Find(line, _options.Gazetteer);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        if (!excluded)
        {
            return cleaned;
        }

        return ReferenceEquals(credit, cleaned.RunningCreditWire) ? cleaned : new CleanedArticle
        {
            Body = cleaned.Body,
            BodyIsOriginal = cleaned.BodyIsOriginal,
            Dateline = cleaned.Dateline,
            HadContinuationMarker = cleaned.HadContinuationMarker,
            RemovedTitleLines = cleaned.RemovedTitleLines,
            RemovedBoilerplate = cleaned.RemovedBoilerplate,
            TrailingCredit = cleaned.TrailingCredit,
            TrailingCreditWire = cleaned.TrailingCreditWire,
            BylineWire = cleaned.BylineWire,
            RunningCreditWire = credit,
        };
    }

    [SkipLocalsInit]
    private Fingerprint Compute(Article article, CleanedArticle cleaned, string text, Func<ulong, bool>? isBoilerplate, HashSet<ulong>? shingleSink)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(64, (text.Length * 2) + 16));
        ulong[]? shingles = null;
        // Paragraph hashes go to a pooled buffer; the fingerprint keeps an exact-size copy.
        ulong[] lineHashes = ArrayPool<ulong>.Shared.Rent(64);
        int lineCount = 0;
        bool excluded = false;
        try
        {
            int length = Normalize(text, ref buffer, ref lineHashes, ref lineCount, isBoilerplate, ref excluded);
            ReadOnlySpan<char> story = StoryText(buffer.AsSpan(0, length));
            int count = Shingle(story, ref shingles);
            if (shingleSink is not null)
            {
                shingleSink.Clear();
                shingleSink.UnionWith(shingles.AsSpan(0, count).ToArray());
            }

            ulong contentHash = Shingler.ContentHash(story, _options.Seed);
            var signature = new byte[_k];
            uint[] lead = Sketch(shingles.AsSpan(0, count), signature);
            var evidence = new byte[Evidence.RowBytes];
            if (shingles.Length < story.Length)
            {
                ArrayPool<ulong>.Shared.Return(shingles);
                shingles = ArrayPool<ulong>.Shared.Rent(story.Length);
            }

            Evidence.Compute(story, _characterHasher, _options.Seed, shingles, evidence);
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

    /// <summary>Stage 1: takes the outlet's furniture out of an article (dateline, credits, repeated title, widgets).</summary>
    internal CleanedArticle Clean(Article article) =>
        article.ReadBody((Article: article, Gazetteer: _options.Gazetteer), static (body, asString, state) =>
        {
            if (asString is not null)
            {
                return ArticleCleaner.Clean(state.Article.Title, asString, state.Gazetteer);
            }

            // Decoded from UTF-8 into a pooled buffer: hash the raw text now rather than decode it again on insert.
            state.Article.RememberTextHash(body);
            return ArticleCleaner.Clean(state.Article.Title, body, state.Gazetteer);
        });

    /// <summary>
    /// The cleaning of an empty body, with the dateline and the credits its title holds when read as a body. The text
    /// fingerprinted stays the title as it is.
    /// </summary>
    private CleanedArticle WithTitleCredits(CleanedArticle cleaned, string title)
    {
        CleanedArticle read = ArticleCleaner.Clean(null, title, _options.Gazetteer);
        if (read.Wire is null && read.Dateline is null)
        {
            return cleaned;
        }

        return new CleanedArticle
        {
            Body = cleaned.Body,
            BodyIsOriginal = cleaned.BodyIsOriginal,
            Dateline = read.Dateline,
            HadContinuationMarker = cleaned.HadContinuationMarker,
            RemovedTitleLines = cleaned.RemovedTitleLines,
            RemovedBoilerplate = cleaned.RemovedBoilerplate,
            TrailingCredit = read.TrailingCredit,
            TrailingCreditWire = read.TrailingCreditWire,
            BylineWire = read.BylineWire,
            RunningCreditWire = read.RunningCreditWire,
        };
    }

    /// <summary>
    /// Stage 2: normalizes <paramref name="text"/> paragraph by paragraph into <paramref name="buffer"/> (pooled; grown
    /// as needed), paragraphs joined by one space, and returns the length written. Each paragraph's hash is appended to
    /// <paramref name="lineHashes"/> (pooled; grown as needed); paragraphs <paramref name="isBoilerplate"/> accepts are
    /// hashed but left out, and set <paramref name="excluded"/>.
    /// </summary>
    internal int Normalize(ReadOnlySpan<char> text, ref char[] buffer, ref ulong[] lineHashes, ref int lineCount, Func<ulong, bool>? isBoilerplate, ref bool excluded)
    {
        int length = 0;
        ReadOnlySpan<char> rest = text;
        while (NextParagraph(ref rest, out ReadOnlySpan<char> line))
        {
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

        return length;
    }

    /// <summary>
    /// Moves <paramref name="rest"/> past its next paragraph that is not blank (paragraphs end at a line feed or a
    /// carriage return) and returns it in <paramref name="paragraph"/>; false when none is left.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextParagraph(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> paragraph)
    {
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOfAny('\n', '\r');
            paragraph = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!paragraph.IsWhiteSpace())
            {
                return true;
            }
        }

        paragraph = default;
        return false;
    }

    /// <summary>The normalized text that is compared: empty when it is too short to tell a copy from a coincidence.</summary>
    internal ReadOnlySpan<char> StoryText(ReadOnlySpan<char> normalized)
    {
        bool tooShort = _options.ShingleKind == ShingleKind.Words
            ? normalized.Count(' ') + 1 < MinStoryTokens
            : normalized.Length < MinStoryCharacters;

        // A few words (a bare "كاريكاتير" headline over an empty body) say nothing about whether two items are
        // copies: such an article is never matched and stays a story of its own.
        return tooShort ? [] : normalized;
    }

    /// <summary>
    /// Stage 3: the shingle hashes of a story text into <paramref name="shingles"/> (rented from the shared pool when
    /// null or too small; the caller returns it); returns their count.
    /// </summary>
    internal int Shingle(ReadOnlySpan<char> story, [NotNull] ref ulong[]? shingles)
    {
        int capacity = Math.Max(1, _options.ShingleKind == ShingleKind.Words
            ? Shingler.MaxWordShingles(story.Length)
            : Shingler.MaxCharacterShingles(story.Length));
        if (shingles is null || shingles.Length < capacity)
        {
            if (shingles is not null)
            {
                ArrayPool<ulong>.Shared.Return(shingles);
            }

            shingles = ArrayPool<ulong>.Shared.Rent(capacity);
        }

        return _options.ShingleKind == ShingleKind.Words
            ? Shingler.WordShingles(story, _options.ShingleSize, _options.Seed, shingles)
            : Shingler.CharacterShingles(story, _options.ShingleSize, _options.Seed, shingles);
    }

    /// <summary>
    /// Stage 4: MinHash of the shingles, its low bytes into <paramref name="signature"/> (all zero for no shingles), and
    /// the lead sketch of the opening shingles.
    /// </summary>
    [SkipLocalsInit]
    internal uint[] Sketch(ReadOnlySpan<ulong> shingles, Span<byte> signature)
    {
        if (shingles.IsEmpty)
        {
            signature.Clear();
            return [];
        }

        Span<uint> slots = _k <= StackLimit ? stackalloc uint[_k] : new uint[_k];
        _hasher.Compute(shingles, slots);
        for (int i = 0; i < slots.Length; i++)
        {
            signature[i] = (byte)slots[i];
        }

        return LeadSketch(shingles[..Math.Min(shingles.Length, Fingerprint.LeadWindow)]);
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
