namespace Syndicate.Cli;

/// <summary>The documented exit codes of <c>syndicate</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success (bad records skipped under <c>--on-error skip</c> are reported on stderr but do not fail the run).</summary>
    public const int Ok = 0;

    /// <summary>
    /// An input could not be read completely (missing, unreadable, truncated or corrupt, an I/O error), even when the
    /// others were read and the results for them written; or a record was malformed and <c>--on-error fail</c> was in
    /// force; or no article could be read at all.
    /// </summary>
    public const int InputError = 1;

    /// <summary>The command line was wrong: unknown option, bad value.</summary>
    public const int UsageError = 2;

    /// <summary>The persisted state could not be opened (corrupt, foreign, incompatible options) or written.</summary>
    public const int StateError = 3;

    /// <summary>The output could not be written.</summary>
    public const int OutputError = 4;

    /// <summary>An evaluation threshold given with <c>--min-f1</c> and friends was not met.</summary>
    public const int EvaluationFailed = 5;
}
