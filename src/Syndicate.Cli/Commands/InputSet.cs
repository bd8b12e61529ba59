using Syndicate.Cli.Input;

namespace Syndicate.Cli.Commands;

/// <summary>
/// The inputs of a run: the named files and directories; standard input when none are named and it is not a terminal;
/// the bundled sample corpus when none are named on a terminal (said on stderr).
/// </summary>
internal sealed class InputSet
{
    /// <summary>The name under which the bundled sample appears in reports and error messages.</summary>
    public const string SampleName = "<bundled sample: fixtures/synthetic/corpus.jsonl>";

    private const string SampleResource = "Syndicate.Cli.sample.jsonl";

    private readonly List<ArticleReader> _readers = [];

    private InputSet(IReadOnlyList<string> paths, bool sample, bool implicitStdin = false)
    {
        Paths = paths;
        IsSample = sample;
        IsImplicitStdin = implicitStdin;
    }

    public IReadOnlyList<string> Paths { get; }

    public bool IsSample { get; }

    /// <summary>True when no input was named and standard input, not being a terminal, is read instead.</summary>
    public bool IsImplicitStdin { get; }

    public IReadOnlyList<string> Names => IsSample ? [SampleName] : Paths;

    /// <summary>
    /// Bytes on disk of the files that are read (for the progress bar and the run's size): the named files, and the
    /// files of a named directory that it is read for, not the ones it skips; 0 when unknown.
    /// </summary>
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
                    total += InputDirectory.List(path, static _ => { }, static _ => { }).Sum(f => SizeOf(f.Path));
                }
            }

            return total;
        }
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading it will report why; the size only scales the progress bar.
            return 0;
        }
    }

    /// <summary>
    /// No input named, where the command takes its articles from elsewhere (another tool's predictions, the data
    /// directory): reads like the bundled sample, but is not announced as used.
    /// </summary>
    public static InputSet Unnamed => new(["-"], sample: true);

    /// <summary>The errors that stopped the reading of an input, over every reader created so far.</summary>
    public IReadOnlyList<InputError> IncompleteInputs => [.. _readers.SelectMany(r => r.IncompleteInputs)];

    /// <summary>
    /// The named inputs; with none, standard input when it is redirected (a pipe or a file), else the bundled sample,
    /// which is said on stderr so that nobody mistakes its results for those of their own data.
    /// </summary>
    public static InputSet Resolve(string[]? inputs) => Resolve(inputs, Console.IsInputRedirected);

    /// <summary><see cref="Resolve(string[])"/> with the terminal test given, for tests.</summary>
    internal static InputSet Resolve(string[]? inputs, bool stdinRedirected)
    {
        if (inputs is null || inputs.Length == 0)
        {
            if (stdinRedirected)
            {
                return new InputSet(["-"], sample: false, implicitStdin: true);
            }

            CliRunner.Error("no input named and standard input is a terminal: using the bundled sample corpus (fixtures/synthetic/corpus.jsonl).");
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
        ArticleReader reader;
        if (!IsSample)
        {
            reader = new ArticleReader(Paths, format, mode, onError);
        }
        else
        {
            Stream sample = typeof(InputSet).Assembly.GetManifestResourceStream(SampleResource)
                ?? throw new InvalidOperationException("The bundled sample corpus is missing from this build.");
            reader = new ArticleReader(["-"], InputFormat.Jsonl, mode, onError, sample);
        }

        _readers.Add(reader);
        return reader;
    }

    /// <summary>
    /// After a run that read nothing at all: when that was standard input read because no input was named, says so on
    /// stderr, since whoever expected the bundled sample (as at a terminal) would otherwise get an empty report.
    /// </summary>
    public void NoteIfStdinWasEmpty()
    {
        if (IsImplicitStdin)
        {
            CliRunner.Error("no input named, and standard input (not a terminal, so read instead of the bundled sample) held no article.");
        }
    }

    /// <summary>
    /// After a run: when an input could not be read completely, says which on stderr (each error was reported as it
    /// happened) and returns true, so that the run ends with <see cref="ExitCodes.InputError"/> although it wrote its
    /// results for what was read.
    /// </summary>
    public bool ReportIncomplete() => ReportIncomplete(IncompleteInputs);

    /// <inheritdoc cref="ReportIncomplete()"/>
    public static bool ReportIncomplete(IReadOnlyList<InputError> incomplete)
    {
        if (incomplete.Count == 0)
        {
            return false;
        }

        string names = string.Join(", ", incomplete.Select(e => e.Input == "-" ? "<stdin>" : e.Input).Distinct(StringComparer.Ordinal));
        CliRunner.Error(incomplete.Count == 1
            ? $"1 input could not be read completely ({names}): exit code 1."
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{incomplete.Count} inputs could not be read completely ({names}): exit code 1."));
        return true;
    }
}
