using System.Buffers.Binary;
using Syndicate.Clustering;
using Syndicate.Fingerprinting;
using Syndicate.Index;

namespace Syndicate.PostgreSql;

/// <summary>
/// The keys under which an article is posted in the database: one per band of each candidate index the in-memory store
/// keeps (<see cref="InMemoryClusterStore"/>), so that the articles posted under an article's keys are exactly those its
/// in-memory bands hold.
/// </summary>
/// <remarks>
/// A key is the band's 32-bit <see cref="BandKey"/> (the value the in-memory tables store) with the index and the band
/// number above it: bits 40–47 the index, 32–39 the band. Word and character bands share the band postings table; the
/// lead keys have a table of their own.
/// </remarks>
internal readonly struct PostingKeys
{
    private const long WordIndex = 1;
    private const long CharacterIndex = 2;
    private const long LeadIndex = 3;

    // Advisory lock keys live apart from posting keys: bit 62 set.
    private const long LockSpace = 1L << 62;

    private PostingKeys(long[] words, long[] characters, long[] leads)
    {
        Words = words;
        Characters = characters;
        Leads = leads;
    }

    /// <summary>Word-band keys (band postings).</summary>
    public long[] Words { get; }

    /// <summary>Character-band keys (band postings).</summary>
    public long[] Characters { get; }

    /// <summary>Lead keys (lead postings).</summary>
    public long[] Leads { get; }

    /// <summary>Word and character keys together, as the band postings table holds them.</summary>
    public long[] Bands => [.. Words, .. Characters];

    public static PostingKeys Of(LshParameters lsh, int shingleCount, ReadOnlySpan<byte> signature, ReadOnlySpan<uint> lead, ReadOnlySpan<byte> evidence)
    {
        (bool words, bool leads, bool characters) = InMemoryClusterStore.IndexedBy(shingleCount, lead.Length, evidence);
        long[] wordKeys = words ? Keys(WordIndex, signature, lsh.Bands, lsh.Rows) : [];
        long[] characterKeys = characters
            ? Keys(CharacterIndex, Evidence.CharacterSignature(evidence), InMemoryClusterStore.CharacterBands, InMemoryClusterStore.CharacterRows * 2)
            : [];
        long[] leadKeys = [];
        if (leads)
        {
            Span<byte> bytes = stackalloc byte[Fingerprint.LeadKeys * 4];
            for (int i = 0; i < Fingerprint.LeadKeys; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i * 4)..], lead[i]);
            }

            leadKeys = Keys(LeadIndex, bytes, Fingerprint.LeadKeys, 4);
        }

        return new PostingKeys(wordKeys, characterKeys, leadKeys);
    }

    /// <summary>
    /// The advisory locks an insert takes before it reads its candidates, in ascending order: its word-band and lead
    /// keys and its content hash. Two copies of one story share some of them, so one waits for the other's commit and
    /// then sees it; character bands are left out, as phrases of the genre that unrelated stories share.
    /// </summary>
    public long[] Locks(ulong contentHash)
    {
        var locks = new long[Words.Length + Leads.Length + 1];
        int n = 0;
        foreach (long key in Words)
        {
            locks[n++] = key | LockSpace;
        }

        foreach (long key in Leads)
        {
            locks[n++] = key | LockSpace;
        }

        locks[n] = (long)(contentHash >> 2) | LockSpace;
        Array.Sort(locks);
        return locks;
    }

    private static long[] Keys(long index, ReadOnlySpan<byte> signature, int bands, int bandBytes)
    {
        var keys = new long[bands];
        for (int band = 0; band < bands; band++)
        {
            uint key = BandKey.Compute(signature.Slice(band * bandBytes, bandBytes));
            keys[band] = (index << 40) | ((long)band << 32) | key;
        }

        return keys;
    }
}
