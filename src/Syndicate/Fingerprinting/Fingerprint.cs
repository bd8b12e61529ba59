using Syndicate.Cleaning;

namespace Syndicate.Fingerprinting;

/// <summary>
/// What an engine keeps from one article's text: its MinHash signature, lead sketch, content hash and what cleaning
/// found. Opaque: made by <see cref="SyndicationEngine.Fingerprint(Article)"/> (thread-safe, outside the engine's lock)
/// and consumed by <see cref="SyndicationEngine.Add(Article, Fingerprint)"/> of the same engine for the same article.
/// </summary>
public sealed class Fingerprint
{
    /// <summary>Bits kept per signature slot (b-bit MinHash, Li &amp; König 2010).</summary>
    internal const int SlotBits = 8;

    /// <summary>The lead is the article's first <see cref="LeadWindow"/> shingles, the opening sentences of the story.</summary>
    internal const int LeadWindow = 24;

    /// <summary>A bottom-k sketch of the lead: its <see cref="LeadSize"/> smallest shingle hashes (high 32 bits).</summary>
    internal const int LeadSize = 8;

    /// <summary>The lead's smallest values that are indexed to find partial copies (a story's first part).</summary>
    internal const int LeadKeys = 4;

    internal Fingerprint(ulong contentHash, int shingleCount, byte[] signature, uint[] lead, ulong[] lineHashes, CleanedArticle cleaned, bool excludedLines)
    {
        ContentHash = contentHash;
        ShingleCount = shingleCount;
        Signature = signature;
        Lead = lead;
        LineHashes = lineHashes;
        Cleaned = cleaned;
        ExcludedLines = excludedLines;
    }

    /// <summary>XXH3 of the whole normalized story text: equal for exact copies.</summary>
    internal ulong ContentHash { get; }

    /// <summary>Number of shingles (with repeats) of the story text.</summary>
    internal int ShingleCount { get; }

    /// <summary>The low <see cref="SlotBits"/> bits of every MinHash slot.</summary>
    internal byte[] Signature { get; }

    /// <summary>Up to <see cref="LeadSize"/> distinct values, ascending.</summary>
    internal uint[] Lead { get; }

    /// <summary>XXH3 of each normalized paragraph, for per-source boilerplate learning.</summary>
    internal ulong[] LineHashes { get; }

    /// <summary>What the cleaner took away and what it found (dateline, wire, markers).</summary>
    internal CleanedArticle Cleaned { get; }

    /// <summary>True when learned boilerplate paragraphs were left out.</summary>
    internal bool ExcludedLines { get; }

    /// <summary>The character-gram sketch and number sketch of the story (<see cref="Fingerprinting.Evidence"/>).</summary>
    internal byte[] Evidence { get; init; } = [];

    /// <summary>True when the story has no text to compare (no letters or digits at all).</summary>
    internal bool IsEmpty => ShingleCount == 0;

    /// <summary>The fingerprinter that computed this fingerprint (null for one built by hand in a test).</summary>
    internal Fingerprinter? Producer { get; init; }

    /// <summary>The article this fingerprint was computed for.</summary>
    internal Article? Article { get; init; }
}
