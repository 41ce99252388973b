using System.Diagnostics;
using System.Globalization;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Sources.Demo;

namespace Analytics.Benchmarks;

/// <summary>
/// Landing one demo-CRM snapshot at a given scale (default 41.7, about 1,000,000 opportunities): time to generate,
/// stage and write all entities as Parquet, rows per second, and the process's peak resident memory.
/// Options: --scale X (default 41.7), --date yyyy-MM-dd (default 2026-11-21).
/// </summary>
internal static class LandingBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var scale = double.Parse(BenchmarkArguments.Value(args, "--scale") ?? "41.7", CultureInfo.InvariantCulture);
        var date = DateOnly.ParseExact(BenchmarkArguments.Value(args, "--date") ?? "2026-11-21", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lake = Path.Combine(Environment.CurrentDirectory, "benchmarks-out", "landing-lake");
        if (Directory.Exists(lake))
        {
            Directory.Delete(lake, recursive: true);
        }

        var config = PipelineConfigLoader.Parse(
            $"paths:\n  lake: {lake}\n  runs: {Path.Combine(lake, "..", "landing-runs")}\nsource:\n  demo:\n    scale: {scale.ToString(CultureInfo.InvariantCulture)}\n",
            Path.Combine(Environment.CurrentDirectory, "benchmark.yaml"), DemoSourceConfigSection.Instance);
        Console.WriteLine($"machine: {Machine.Describe()}");
        Console.WriteLine($"landing the demo CRM at scale {scale} as of {date:yyyy-MM-dd} into {lake}");

        var clock = Stopwatch.StartNew();
        var runner = new ExtractRunner(config, new DemoCrmSource(config.Source.Demo), TimeProvider.System);
        var manifest = runner.Extract(date, new Progress<string>(m => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  {m}")));
        var seconds = clock.Elapsed.TotalSeconds;

        var rows = manifest.Entities.Sum(e => e.Landed);
        foreach (var entity in manifest.Entities)
        {
            Console.WriteLine($"  {entity.Entity,-22} {entity.Landed,12:N0} rows  {entity.Bytes / 1048576.0,8:F1} MiB  write {entity.WriteMilliseconds,6:N0} ms");
        }

        var opportunities = manifest.Entities.Single(e => e.Entity == "opportunities").Landed;
        Console.WriteLine($"landed {rows:N0} rows ({opportunities:N0} opportunities) in {seconds:F1} s = {rows / seconds:N0} rows/s");
        Console.WriteLine($"peak resident memory (VmHWM): {Machine.PeakResidentMiB():N0} MiB; lake size {manifest.Entities.Sum(e => e.Bytes) / 1048576.0:F0} MiB");
        return Task.FromResult(0);
    }
}
