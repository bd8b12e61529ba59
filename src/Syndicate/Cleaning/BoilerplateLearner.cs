using Syndicate.Internal;

namespace Syndicate.Cleaning;

/// <summary>
/// Learns, as the stream flows, the paragraphs each source repeats across different stories (its own footers,
/// subscription pleas, standard background lines) so that they can be left out of that source's fingerprints.
/// </summary>
/// <remarks>
/// A paragraph counts once per story (cluster) it appears in, not once per article: a source that reprints the same
/// story three times must not teach the engine that the story is boilerplate. Counting is approximate in one way: a
/// paragraph seen in clusters A, B, A counts three stories. Deterministic given the order of articles.
/// </remarks>
internal sealed class BoilerplateLearner
{
    private readonly LineTable _lines = new();
    private readonly int _minStories;
    private readonly long _seed;

    public BoilerplateLearner(int minStories, long seed)
    {
        _minStories = minStories;
        _seed = seed;
    }

    public int Count => _lines.Count;

    public bool Enabled => _minStories > 0;

    public ulong SourceKey(string source) => Utf16Hash.XxHash3(source, _seed ^ 0x50_55_52_43_45);

    public bool IsBoilerplate(ulong sourceKey, ulong lineHash) =>
        _minStories > 0 && _lines.TryGetValue(Key(sourceKey, lineHash), out LineStat stat) && stat.Stories >= _minStories;

    public bool AnyBoilerplate(ulong sourceKey, ReadOnlySpan<ulong> lineHashes)
    {
        if (_minStories == 0 || _lines.Count == 0)
        {
            return false;
        }

        foreach (ulong line in lineHashes)
        {
            if (IsBoilerplate(sourceKey, line))
            {
                return true;
            }
        }

        return false;
    }

    public void Observe(ulong sourceKey, ReadOnlySpan<ulong> lineHashes, long clusterId, long timestamp)
    {
        if (_minStories == 0)
        {
            return;
        }

        foreach (ulong line in lineHashes)
        {
            ref LineStat stat = ref _lines.GetValueRefOrAddDefault(Key(sourceKey, line), out bool exists);
            if (!exists || stat.LastCluster != clusterId)
            {
                stat.Stories++;
                stat.LastCluster = clusterId;
            }

            stat.LastSeen = Math.Max(stat.LastSeen, timestamp);
        }
    }

    /// <summary>Forgets paragraphs not seen since <paramref name="cutoff"/> (ticks).</summary>
    public void Evict(long cutoff)
    {
        List<ulong>? stale = null;
        foreach (KeyValuePair<ulong, LineStat> pair in _lines.Entries)
        {
            if (pair.Value.LastSeen < cutoff)
            {
                (stale ??= []).Add(pair.Key);
            }
        }

        if (stale is not null)
        {
            foreach (ulong key in stale)
            {
                _lines.Remove(key);
            }
        }
    }

    internal IEnumerable<KeyValuePair<ulong, LineStat>> Entries => _lines.Entries;

    /// <summary>Sizes the table for <paramref name="count"/> restored lines, so that restoring them grows nothing.</summary>
    internal void Reserve(int count) => _lines.Reserve(count);

    internal void Restore(ulong key, LineStat stat) => _lines.GetValueRefOrAddDefault(key, out _) = stat;

    internal static ulong Key(ulong sourceKey, ulong lineHash) => (sourceKey * 0x9E3779B97F4A7C15UL) ^ lineHash;

    internal struct LineStat
    {
        public int Stories;
        public long LastCluster;
        public long LastSeen;
    }
}
