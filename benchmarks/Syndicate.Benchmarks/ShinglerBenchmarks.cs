using System.Text;
using BenchmarkDotNet.Attributes;
using Syndicate.Internal;
using Syndicate.Text;

namespace Syndicate.Benchmarks;

/// <summary>
/// Shingling one news article (fixtures/seeds/000_*.txt, about 3.7 KB of UTF-8 Arabic): the allocation-free
/// <see cref="Shingler"/> against a naive split-and-join baseline that builds a string per shingle.
/// </summary>
/// <remarks>
/// Throughput counts the UTF-16 bytes of the normalized text, which is what the shingler reads. Normalization here
/// is deliberately crude (every run of non-letters/digits becomes one space) and is done once at setup.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ShinglerBenchmarks
{
    private const int WordShingleSize = 5;
    private const int CharacterShingleSize = 5;

    private string _text = string.Empty;
    private ulong[] _destination = [];

    public static long BytesPerOperation() => (long)LoadNormalizedText().Length * sizeof(char);

    [GlobalSetup]
    public void Setup()
    {
        _text = LoadNormalizedText();
        _destination = new ulong[Shingler.MaxCharacterShingles(_text.Length)];
    }

    [Benchmark(Baseline = true)]
    public ulong NaiveSplitJoinWords()
    {
        var tokens = _text.Split(' ');
        var sum = 0UL;
        for (var i = 0; i + WordShingleSize <= tokens.Length; i++)
        {
            sum += Utf16Hash.XxHash3(string.Join(' ', tokens, i, WordShingleSize).AsSpan(), 0);
        }

        return sum;
    }

    [Benchmark]
    public int WordShingles() => Shingler.WordShingles(_text, WordShingleSize, 0, _destination);

    [Benchmark]
    public int CharacterShingles() => Shingler.CharacterShingles(_text, CharacterShingleSize, 0, _destination);

    private static string LoadNormalizedText()
    {
        var path = Directory.GetFiles(FindSeedsDirectory(), "000_*.txt").Single();
        var raw = File.ReadAllText(path, Encoding.UTF8);
        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static string FindSeedsDirectory()
    {
        // Benchmarks run from bin/ (and BenchmarkDotNet's generated projects below it), so walk up to the repository.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "fixtures", "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("fixtures/seeds not found above " + AppContext.BaseDirectory);
    }
}
