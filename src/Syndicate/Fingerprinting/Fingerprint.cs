using Syndicate.Attribution;
using Syndicate.Cleaning;

namespace Syndicate.Fingerprinting;

/// <summary>Everything the engine keeps from one article's text.</summary>
internal sealed class Fingerprint
{
    /// <summary>Bits kept per signature slot (b-bit MinHash, Li &amp; König 2010).</summary>
    public const int SlotBits = 8;

    /// <summary>The lead is the article's first <see cref="LeadWindow"/> shingles, the opening sentences of the story.</summary>
    public const int LeadWindow = 24;

    /// <summary>A bottom-k sketch of the lead: its <see cref="LeadSize"/> smallest shingle hashes (high 32 bits).</summary>
    public const int LeadSize = 8;

    /// <summary>The lead's smallest values that are indexed to find partial copies (a story's first part).</summary>
    public const int LeadKeys = 4;

    public Fingerprint(ulong contentHash, int shingleCount, byte[] signature, uint[] lead, ulong[] lineHashes, CleanedArticle cleaned, bool excludedLines)
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
    public ulong ContentHash { get; }

    /// <summary>Number of shingles (with repeats) of the story text.</summary>
    public int ShingleCount { get; }

    /// <summary>The low <see cref="SlotBits"/> bits of every MinHash slot.</summary>
    public byte[] Signature { get; }

    /// <summary>Up to <see cref="LeadSize"/> distinct values, ascending.</summary>
    public uint[] Lead { get; }

    /// <summary>XXH3 of each normalized paragraph, for per-source boilerplate learning.</summary>
    public ulong[] LineHashes { get; }

    /// <summary>What the cleaner took away and what it found (dateline, wire, markers).</summary>
    public CleanedArticle Cleaned { get; }

    /// <summary>True when learned boilerplate paragraphs were left out.</summary>
    public bool ExcludedLines { get; }

    /// <summary>True when the story has no text to compare (no letters or digits at all).</summary>
    public bool IsEmpty => ShingleCount == 0;
}
