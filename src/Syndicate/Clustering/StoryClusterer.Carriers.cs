using Syndicate.Fingerprinting;

namespace Syndicate.Clustering;

/// <summary>Stories carried inside an article of another story: roundups and longer reports, recorded beside membership.</summary>
internal sealed partial class StoryClusterer
{
    /// <summary>
    /// How much longer (in shingles) one of two verified copies must be than the other to carry the other's story when
    /// the two are in different stories.
    /// </summary>
    /// <remarks>
    /// An article belongs to one story. A roundup of three items verifies against a copy of each, joins the story of
    /// its best match, and before this record was lost to the other two: on the judged SaudiNewsNet pairs, items carried
    /// in roundups and longer reports are the largest group of SAME pairs the engine misses. The ratio keeps out two
    /// copies of comparable length left in two stories (a release with two stories, neither carrying the other). Chosen
    /// on the six judged samples pooled among 1.0, 1.25 and 2.0, with the canonical-copy check (below) against none and
    /// against the chaining guard, and then checked on a sample of the links it adds over the whole corpora:
    /// <c>benchmarks/results/carried-in.md</c>.
    /// </remarks>
    internal const double CarrierLengthRatio = 1.25;

    /// <summary>
    /// After an insert, records the stories the new article carries and the stories that carry it: for every verified
    /// link to a copy in another story, when the new article also verifies against that story's canonical copy (it
    /// matches the story itself, not only one copy of it: the chaining guard's test), the longer of the two texts, by
    /// <see cref="CarrierLengthRatio"/>, carries the shorter one's story.
    /// </summary>
    /// <returns>The ids of the stories the new article carries, first found first; null when it carries none.</returns>
    private List<long>? RecordCarriers(Fingerprint print, DocumentInfo info, ClusterState cluster)
    {
        DocumentTable docs = _store.Documents;
        List<long>? carried = null;
        foreach (Link link in _links)
        {
            ClusterState other = docs.Cluster(link.Handle);
            if (ReferenceEquals(other, cluster))
            {
                continue;
            }

            int mine = print.ShingleCount, theirs = docs.ShingleCount(link.Handle);
            bool carries = mine >= CarrierLengthRatio * theirs;
            if (!carries && theirs < CarrierLengthRatio * mine)
            {
                continue;
            }

            if (other.Canonical != link.Handle && !VerifiesAgainst(print, other.Canonical))
            {
                continue;
            }

            DocumentInfo matched = docs.Info(link.Handle);
            if (carries)
            {
                AddCarrier(other, new CarrierRecord(info.Id, info.Sequence, matched.Id, link.Relation, link.Similarity));
                if (!(carried ??= []).Contains(other.Id))
                {
                    carried.Add(other.Id);
                }
            }
            else
            {
                AddCarrier(cluster, new CarrierRecord(matched.Id, matched.Sequence, info.Id, link.Relation, link.Similarity));
            }
        }

        return carried;
    }

    /// <summary>
    /// Whether the new article verifies against an indexed one: read off this insert's candidates when it was one of
    /// them (<see cref="_links"/> holds every candidate it verified against), else asked of the verifier.
    /// </summary>
    private bool VerifiesAgainst(Fingerprint print, int handle)
    {
        if (_candidates.Contains(handle))
        {
            foreach (Link link in _links)
            {
                if (link.Handle == handle)
                {
                    return true;
                }
            }

            return false;
        }

        return RelateToHandle(print, handle).Relation != Relation.Original;
    }

    /// <summary>
    /// Adds a carrier once, dropping the records of carriers no longer held, so the list stays bounded by the window (in
    /// a shared store's view, which holds part of the state, nothing is dropped: the store resolves them when read).
    /// </summary>
    private void AddCarrier(ClusterState story, CarrierRecord record)
    {
        if (HoldsWholeState && !IsHeld(record))
        {
            return;
        }

        List<CarrierRecord> carriers = story.Carriers ??= [];
        if (HoldsWholeState)
        {
            carriers.RemoveAll(r => !IsHeld(r));
        }

        foreach (CarrierRecord r in carriers)
        {
            if (r.Sequence == record.Sequence)
            {
                return;
            }
        }

        carriers.Add(record);
    }

    /// <summary>Whether the record's article is still held (its id names the same arrival).</summary>
    internal bool IsHeld(CarrierRecord record) =>
        _store.TryGetHandle(record.Id, out int handle) && _store.Documents.Info(handle).Sequence == record.Sequence;

    /// <summary>The story's carriers as reported: held, not members of it, first seen first.</summary>
    private List<Carrier>? Carriers(ClusterState state)
    {
        if (state.Carriers is not { Count: > 0 } records)
        {
            return null;
        }

        DocumentTable docs = _store.Documents;
        List<(long Sequence, Carrier Carrier)>? held = null;
        foreach (CarrierRecord r in records)
        {
            if (!_store.TryGetHandle(r.Id, out int handle))
            {
                continue;
            }

            DocumentInfo info = docs.Info(handle);
            ClusterState own = docs.Cluster(handle);
            if (info.Sequence != r.Sequence || ReferenceEquals(own, state))
            {
                continue;
            }

            (held ??= []).Add((r.Sequence, new Carrier(info.Id, info.Source, info.Url, info.Published, own.Id, r.MatchedId, r.Relation, r.Similarity)));
        }

        // Sequences are unique, so the order is total.
        held?.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));
        return held?.ConvertAll(h => h.Carrier);
    }

    /// <summary>Moves the carriers of a story merged into another (those no longer held are dropped on the way).</summary>
    private void MoveCarriers(ClusterState from, ClusterState into)
    {
        if (from.Carriers is not { } records)
        {
            return;
        }

        foreach (CarrierRecord r in records)
        {
            AddCarrier(into, r);
        }

        from.Carriers = null;
    }
}
