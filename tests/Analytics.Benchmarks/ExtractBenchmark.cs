using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
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
            using var server = Start(serverCommand, "--port", "0", "--opportunities", size.ToString(CultureInfo.InvariantCulture), "--date", date);
            _ = DrainAsync(server.StandardError);
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

            _ = DrainAsync(server.StandardOutput);
            try
            {
                var result = await ExtractOnce(extractCommand, [.. extractArguments, "--date", date]);
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

        Console.WriteLine();
        foreach (var (size, seconds, peak, rows, phases) in results)
        {
            Console.WriteLine($"{size,12:N0} opportunities: {seconds,7:F1} s, peak resident {peak,7:N0} MiB ({rows})");
            Console.WriteLine($"{string.Empty,12}  {phases}");
        }

        if (results.Count >= 2)
        {
            var (small, large) = (results[0], results[^1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio {large.Size / (double)small.Size:F0}x the opportunities: time x{large.Seconds / small.Seconds:F2}, peak memory x{large.PeakMiB / small.PeakMiB:F2}"));
        }

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
        var phases = new PhaseMarks(watch);
        var manifest = new ExtractRunner(config, source, TimeProvider.System).Extract(date, phases);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PHASES reading {phases.MappingAt:F1} s (peak {phases.PeakAtMapping:F0} MiB, managed heap then {phases.HeapAtMapping:F0} MiB), mapping + staging {phases.WritingAt - phases.MappingAt:F1} s (peak {phases.PeakAtWriting:F0} MiB, managed heap then {phases.HeapAtWriting:F0} MiB), writing {seconds - phases.WritingAt:F1} s"));
        var rows = string.Join(", ", manifest.Entities.Where(e => e.Landed > 0).Select(e => $"{e.Entity} {e.Landed:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT seconds={seconds:F2} peak_mib={Machine.PeakResidentMiB():F0} rows={rows}"));
    }

    /// <summary>Runs <paramref name="command"/> in its own process and reads its RESULT line; null when it failed.</summary>
    private static async Task<(double Seconds, double PeakMiB, string Rows, string Phases)?> ExtractOnce(string command, string[] arguments)
    {
        using var extract = Start([command, .. arguments]);
        var errors = extract.StandardError.ReadToEndAsync();
        string? result = null;
        string? phases = null;
        while (await extract.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"  extract: {line}");
            if (line.StartsWith("PHASES ", StringComparison.Ordinal))
            {
                phases = line;
            }

            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = line;
            }
        }

        await extract.WaitForExitAsync();
        if (extract.ExitCode != 0 || result is null)
        {
            Console.Error.WriteLine($"the extract process failed (exit {extract.ExitCode}): {await errors}");
            return null;
        }

        return (double.Parse(Regex.Match(result, @"seconds=(\S+)").Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(Regex.Match(result, @"peak_mib=(\S+)").Groups[1].Value, CultureInfo.InvariantCulture),
            Regex.Match(result, @"rows=(.*)$").Groups[1].Value, phases ?? string.Empty);
    }

    private static Process Start(params string[] arguments)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {self}");
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    /// <summary>Prints progress with the elapsed time, synchronously, and notes when mapping and writing begin and the peak memory then.</summary>
    private sealed class PhaseMarks(Stopwatch watch) : IProgress<string>
    {
        public double MappingAt { get; private set; }

        public double PeakAtMapping { get; private set; }

        public double WritingAt { get; private set; }

        public double HeapAtMapping { get; private set; }

        public double HeapAtWriting { get; private set; }

        public double PeakAtWriting { get; private set; }

        public void Report(string value)
        {
            var now = watch.Elapsed.TotalSeconds;
            if (MappingAt == 0 && value.StartsWith("mapping ", StringComparison.Ordinal))
            {
                (MappingAt, PeakAtMapping, HeapAtMapping) = (now, Machine.PeakResidentMiB(), GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
            }

            if (WritingAt == 0 && value.StartsWith("writing ", StringComparison.Ordinal))
            {
                (WritingAt, PeakAtWriting, HeapAtWriting) = (now, Machine.PeakResidentMiB(), GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
            }

            Console.WriteLine($"{now,7:F1} s  {value}");
        }
    }
}
