using System.Diagnostics;
using System.Globalization;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Sources;

namespace Analytics.Benchmarks;

/// <summary>
/// What the CRM extraction benchmarks (<c>salesforce</c>, <c>hubspot</c>) share: for each size, a contract server in a
/// process of its own, then one extract in another child process, so that its peak resident memory (VmHWM) is that
/// extract's alone; the sizes run one after the other in one invocation, which gives the ratio. The child extract
/// prints its phases and a RESULT line (<see cref="Measure"/>).
/// </summary>
internal static class ExtractBenchmark
{
    /// <summary>
    /// Runs every <c>--sizes</c> (default 100000,1000000): starts <paramref name="serverCommand"/> <c>--port 0
    /// --opportunities N --date D</c>, hands its output lines to <paramref name="ready"/> until it returns the extract's
    /// arguments, then runs <paramref name="extractCommand"/> with them and <c>--date D</c>.
    /// </summary>
    public static async Task<int> RunAsync(string serverCommand, string extractCommand, string[] args, Func<IReadOnlyList<string>, string[]?> ready)
    {
        var sizes = (BenchmarkArguments.Value(args, "--sizes") ?? "100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var date = BenchmarkArguments.Value(args, "--date") ?? "2026-11-21";
        Console.WriteLine($"machine: {Machine.Describe()}");
        var results = new List<(long Size, double Seconds, double PeakMiB, string Rows, string Phases)>();
        foreach (var size in sizes)
        {
            Console.WriteLine($"--- {size:N0} opportunities: starting the contract server process");
            using var server = ExtractProcess.Start(serverCommand, "--port", "0", "--opportunities", size.ToString(CultureInfo.InvariantCulture), "--date", date);
            _ = ExtractProcess.DrainAsync(server.StandardError);
            var lines = new List<string>();
            string[]? extractArguments = null;
            while (extractArguments is null && await server.StandardOutput.ReadLineAsync() is { } line)
            {
                Console.WriteLine($"  server: {line}");
                lines.Add(line);
                extractArguments = ready(lines);
            }

            if (extractArguments is null)
            {
                Console.Error.WriteLine("the server process ended before it listened");
                return 1;
            }

            _ = ExtractProcess.DrainAsync(server.StandardOutput);
            try
            {
                var result = await ExtractProcess.RunAsync([extractCommand, .. extractArguments, "--date", date]);
                if (result is null)
                {
                    return 1;
                }

                results.Add((size, result.Value.Seconds, result.Value.PeakMiB, result.Value.Rows, result.Value.Phases));
            }
            finally
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }

        ExtractProcess.PrintSummary(results);
        return 0;
    }

    /// <summary>
    /// Extracts <paramref name="date"/> from <paramref name="source"/> through the extract runner, as `analytics extract`
    /// does, then prints the phases (reading the CRM into the mirror, mapping + staging, writing Parquet, told apart by
    /// the progress lines) and a RESULT line with the seconds, the peak resident memory and the rows landed.
    /// </summary>
    public static void Measure(PipelineConfig config, ICrmSource source, DateOnly date)
    {
        var watch = Stopwatch.StartNew();
        var phases = new PhaseMarks(watch, "mapping ");
        var manifest = new ExtractRunner(config, source, TimeProvider.System).Extract(date, phases);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PHASES reading {phases.SecondPhaseAt:F1} s (peak {phases.PeakAtSecondPhase:F0} MiB, managed heap then {phases.HeapAtSecondPhase:F0} MiB), mapping + staging {phases.WritingAt - phases.SecondPhaseAt:F1} s (peak {phases.PeakAtWriting:F0} MiB, managed heap then {phases.HeapAtWriting:F0} MiB), writing {seconds - phases.WritingAt:F1} s"));
        var rows = string.Join(", ", manifest.Entities.Where(e => e.Landed > 0).Select(e => $"{e.Entity} {e.Landed:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT seconds={seconds:F2} peak_mib={Machine.PeakResidentMiB():F0} rows={rows}"));
    }
}
