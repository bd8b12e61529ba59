using Syndicate.Attribution;
using Syndicate.Fingerprinting;
using Syndicate.Storage;

namespace Syndicate.Clustering;

/// <summary>A live cluster: its members' handles and the canonical copy's retained text.</summary>
internal sealed class ClusterState
{
    public ClusterState(long id, int canonical)
    {
        Id = id;
        Canonical = canonical;
        Members = [canonical];
    }

    public ClusterState(long id, int canonical, List<int> members)
    {
        Id = id;
        Canonical = canonical;
        Members = members;
    }

    public long Id { get; }

    /// <summary>Handle of the canonical copy.</summary>
    public int Canonical { get; set; }

    /// <summary>Member handles in arrival order.</summary>
    public List<int> Members { get; }

    public WireAgency? Wire { get; set; }

    /// <summary>
    /// Articles of other stories that carry this one, in the order they were recorded; null while there are none. An
    /// entry outlives its article: it is read through the id and sequence, and left out once they name no live article
    /// or name a member.
    /// </summary>
    public List<CarrierRecord>? Carriers { get; set; }

    public string? CanonicalTitle { get; set; }

    public string? CanonicalText
    {
        get => StoredText.Read(ref _canonicalText);
        set => _canonicalText = value;
    }

    public string? CanonicalOriginalText
    {
        get => StoredText.Read(ref _canonicalOriginalText);
        set => _canonicalOriginalText = value;
    }

    /// <summary>
    /// <see cref="CanonicalText"/> as held: a string, a <see cref="StoredText"/> a snapshot restored and nothing has
    /// read since (written back as its bytes without decoding it), or null.
    /// </summary>
    internal object? HeldCanonicalText
    {
        get => _canonicalText;
        init => _canonicalText = value;
    }

    /// <summary><see cref="CanonicalOriginalText"/> as held, like <see cref="HeldCanonicalText"/>.</summary>
    internal object? HeldCanonicalOriginalText
    {
        get => _canonicalOriginalText;
        init => _canonicalOriginalText = value;
    }

    /// <summary>
    /// Holds <paramref name="article"/>'s body as <see cref="CanonicalOriginalText"/>. An article created from UTF-8
    /// bytes (the caller's, so copied) is held as those bytes, undecoded until read and written to a snapshot as they
    /// are; or, when cleaning left its body unchanged, as the cleaned text the cluster already holds.
    /// </summary>
    public void HoldCanonicalOriginalText(Article article, Fingerprint print) =>
        _canonicalOriginalText = !article.IsUtf8 ? article.Body
            : print.Cleaned.BodyIsOriginal ? print.Cleaned.Body
            : StoredText.Of(article.Utf8Body.ToArray());

    // Each a string, a StoredText or null; see StoredText.Read.
    private object? _canonicalText;
    private object? _canonicalOriginalText;
}
