using System.Diagnostics;

namespace Analytics.Benchmarks;

/// <summary>
/// An extract's progress printed with the elapsed time, synchronously; notes when its second phase (the first progress
/// line starting with <paramref name="secondPhase"/>) and writing Parquet (<c>writing </c>) begin, with the peak
/// resident memory and the managed heap then.
/// </summary>
internal sealed class PhaseMarks(Stopwatch watch, string secondPhase) : IProgress<string>
{
    public double SecondPhaseAt { get; private set; }

    public double PeakAtSecondPhase { get; private set; }

    public double HeapAtSecondPhase { get; private set; }

    public double WritingAt { get; private set; }

    public double PeakAtWriting { get; private set; }

    public double HeapAtWriting { get; private set; }

    public void Report(string value)
    {
        var now = watch.Elapsed.TotalSeconds;
        if (SecondPhaseAt == 0 && value.StartsWith(secondPhase, StringComparison.Ordinal))
        {
            (SecondPhaseAt, PeakAtSecondPhase, HeapAtSecondPhase) = (now, Machine.PeakResidentMiB(), GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
        }

        if (WritingAt == 0 && value.StartsWith("writing ", StringComparison.Ordinal))
        {
            (WritingAt, PeakAtWriting, HeapAtWriting) = (now, Machine.PeakResidentMiB(), GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
        }

        Console.WriteLine($"{now,7:F1} s  {value}");
    }
}
