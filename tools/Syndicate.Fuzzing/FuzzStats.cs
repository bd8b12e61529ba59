using System.Globalization;
using System.Text;

namespace Syndicate.Fuzzing;

/// <summary>What a fuzz run did and found.</summary>
internal sealed class FuzzStats
{
    private readonly long[] _byKind = new long[Enum.GetValues<FuzzKind>().Length];

    /// <summary>Cases run.</summary>
    public long Cases { get; private set; }

    /// <summary>Articles the readers returned.</summary>
    public long Records { get; set; }

    /// <summary>Bad records and inputs the readers reported (in skip mode).</summary>
    public long ErrorsReported { get; set; }

    /// <summary>Engine operations performed (Add, Query, Remove, Evict, cluster reads).</summary>
    public long EngineOperations { get; set; }

    /// <summary>Exceptions that escaped where none may, and broken invariants. Must be zero.</summary>
    public long Exceptions { get; private set; }

    /// <summary>The first few failures, each with the case that reproduces it.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>The slowest case.</summary>
    public TimeSpan MaxCaseTime { get; private set; }

    /// <summary>The case number of the slowest case.</summary>
    public long SlowestCase { get; private set; }

    /// <summary>The largest managed heap size sampled during the run.</summary>
    public long PeakManagedBytes { get; set; }

    /// <summary>The managed heap after a full collection at the start and at the end of the run.</summary>
    public long StartManagedBytes { get; set; }

    /// <summary>The managed heap after a full collection at the end of the run.</summary>
    public long EndManagedBytes { get; set; }

    /// <summary>The case that did not finish within the time limit, if any.</summary>
    public long? HungCase { get; set; }

    public TimeSpan Elapsed { get; set; }

    public void CaseDone(long index, FuzzKind kind, TimeSpan time)
    {
        Cases++;
        _byKind[(int)kind]++;
        if (time > MaxCaseTime)
        {
            MaxCaseTime = time;
            SlowestCase = index;
        }
    }

    public void Failed(long index, FuzzKind kind, ulong seed, Exception e)
    {
        Exceptions++;
        if (Failures.Count < 20)
        {
            Failures.Add(string.Create(CultureInfo.InvariantCulture, $"case {index} ({kind}, reproduce with --seed {seed} --start {index} --cases 1): {e.GetType().Name}: {e.Message}\n{e.StackTrace}"));
        }
    }

    /// <summary>Adds the counts of a run over other cases (run in parallel) to these.</summary>
    public void Merge(FuzzStats other)
    {
        Cases += other.Cases;
        for (int i = 0; i < _byKind.Length; i++)
        {
            _byKind[i] += other._byKind[i];
        }

        Records += other.Records;
        ErrorsReported += other.ErrorsReported;
        EngineOperations += other.EngineOperations;
        Exceptions += other.Exceptions;
        Failures.AddRange(other.Failures);
        if (other.MaxCaseTime > MaxCaseTime)
        {
            MaxCaseTime = other.MaxCaseTime;
            SlowestCase = other.SlowestCase;
        }

        PeakManagedBytes = Math.Max(PeakManagedBytes, other.PeakManagedBytes);
        StartManagedBytes = Math.Min(StartManagedBytes, other.StartManagedBytes);
        EndManagedBytes = Math.Max(EndManagedBytes, other.EndManagedBytes);
        HungCase ??= other.HungCase;
        Elapsed = Elapsed > other.Elapsed ? Elapsed : other.Elapsed;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"cases            {Cases:N0}\n");
        foreach (FuzzKind kind in Enum.GetValues<FuzzKind>())
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {kind,-14} {_byKind[(int)kind]:N0}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"records read     {Records:N0}\n");
        sb.Append(CultureInfo.InvariantCulture, $"errors reported  {ErrorsReported:N0}\n");
        sb.Append(CultureInfo.InvariantCulture, $"engine ops       {EngineOperations:N0}\n");
        sb.Append(CultureInfo.InvariantCulture, $"exceptions       {Exceptions:N0}\n");
        sb.Append(CultureInfo.InvariantCulture, $"hangs            {(HungCase is { } h ? "case " + h.ToString(CultureInfo.InvariantCulture) : "0")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"max case time    {MaxCaseTime.TotalMilliseconds:F1} ms (case {SlowestCase})\n");
        sb.Append(CultureInfo.InvariantCulture, $"peak managed     {PeakManagedBytes / (1024.0 * 1024):F1} MB\n");
        sb.Append(CultureInfo.InvariantCulture, $"managed start    {StartManagedBytes / (1024.0 * 1024):F1} MB, end {EndManagedBytes / (1024.0 * 1024):F1} MB (after full GC)\n");
        sb.Append(CultureInfo.InvariantCulture, $"elapsed          {Elapsed.TotalSeconds:F1} s\n");
        foreach (string failure in Failures)
        {
            sb.Append("FAILURE ").Append(failure).Append('\n');
        }

        return sb.ToString();
    }
}
