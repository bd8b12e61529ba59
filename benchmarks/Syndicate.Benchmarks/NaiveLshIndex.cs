using Syndicate.Index;

namespace Syndicate.Benchmarks;

/// <summary>
/// The straightforward LSH index: one <c>Dictionary&lt;ulong, List&lt;int&gt;&gt;</c> per band. It uses the same band
/// hash as <see cref="LshIndex"/>, so a comparison measures the data structure and not the hash.
/// </summary>
internal sealed class NaiveLshIndex
{
    private readonly Dictionary<ulong, List<int>>[] _tables;
    private readonly int _bandBytes;
    private readonly HashSet<int> _seen = [];

    public NaiveLshIndex(int bands, int rows, int bytesPerRow)
    {
        _bandBytes = rows * bytesPerRow;
        _tables = new Dictionary<ulong, List<int>>[bands];
        for (var band = 0; band < bands; band++)
        {
            _tables[band] = [];
        }
    }

    public void Insert(int handle, ReadOnlySpan<byte> signature)
    {
        for (var band = 0; band < _tables.Length; band++)
        {
            ulong key = BandKey.Compute(signature.Slice(band * _bandBytes, _bandBytes));
            if (!_tables[band].TryGetValue(key, out var list))
            {
                list = [];
                _tables[band].Add(key, list);
            }

            list.Add(handle);
        }
    }

    public void Query(ReadOnlySpan<byte> signature, List<int> candidates)
    {
        _seen.Clear();
        for (var band = 0; band < _tables.Length; band++)
        {
            ulong key = BandKey.Compute(signature.Slice(band * _bandBytes, _bandBytes));
            if (_tables[band].TryGetValue(key, out var list))
            {
                foreach (var handle in list)
                {
                    if (_seen.Add(handle))
                    {
                        candidates.Add(handle);
                    }
                }
            }
        }
    }
}
