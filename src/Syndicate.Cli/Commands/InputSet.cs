using Syndicate.Cli.Input;

namespace Syndicate.Cli.Commands;

/// <summary>The inputs of a run: the named files and directories, or the bundled sample corpus when none are named.</summary>
internal sealed class InputSet
{
    /// <summary>The name under which the bundled sample appears in reports and error messages.</summary>
    public const string SampleName = "<bundled sample: fixtures/synthetic/corpus.jsonl>";

    private const string SampleResource = "Syndicate.Cli.sample.jsonl";

    private InputSet(IReadOnlyList<string> paths, bool sample)
    {
        Paths = paths;
        IsSample = sample;
    }

    public IReadOnlyList<string> Paths { get; }

    public bool IsSample { get; }

    public IReadOnlyList<string> Names => IsSample ? [SampleName] : Paths;

    /// <summary>Bytes on disk of the named files (for the progress bar); 0 when unknown.</summary>
    public long TotalBytes
    {
        get
        {
            long total = 0;
            foreach (string path in Paths)
            {
                if (File.Exists(path))
                {
                    total += new FileInfo(path).Length;
                }
                else if (Directory.Exists(path))
                {
                    total += Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                }
            }

            return total;
        }
    }

    public static InputSet Resolve(string[]? inputs)
    {
        if (inputs is null || inputs.Length == 0)
        {
            return new InputSet(["-"], sample: true);
        }

        // The parser passes a misspelt option through as an input; say what it is rather than "file not found".
        foreach (string input in inputs)
        {
            if (input.Length > 1 && input[0] == '-' && !File.Exists(input) && !Directory.Exists(input))
            {
                throw new UsageException($"unknown option '{input}'.");
            }
        }

        return new InputSet(inputs, sample: false);
    }

    public ArticleReader CreateReader(InputFormat format, ErrorMode mode, Action<InputError> onError)
    {
        if (!IsSample)
        {
            return new ArticleReader(Paths, format, mode, onError);
        }

        Stream sample = typeof(InputSet).Assembly.GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException("The bundled sample corpus is missing from this build.");
        return new ArticleReader(["-"], InputFormat.Jsonl, mode, onError, sample);
    }
}
