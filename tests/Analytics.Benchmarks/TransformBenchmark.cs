using Analytics.Pipelines.Warehouse;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;
using Analytics.Sources.Demo;
using Analytics.Pipelines.Transforms;

namespace Analytics.Benchmarks;

/// <summary>
/// The transform at a given demo scale: the runner's whole build (models, data tests, catalog, atomic swap) against the
/// same SQL files run directly in one DuckDB session (lake views, macros, then one <c>create table as</c> per model in
/// the same order; no tests, no catalog). Runs alternate, so both see the same machine state; medians are reported
/// with their ratio (runner overhead).
/// Options: --scale X (default 1), --repeat N (default 3), --date yyyy-MM-dd (default 2026-11-21).
/// </summary>
internal static class TransformBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var scale = double.Parse(BenchmarkArguments.Value(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var repeat = BenchmarkArguments.Int(args, "--repeat", 3);
        var runnerOnly = args.Contains("--runner-only"); // the runner's build alone (the direct session lacks config.* tables since issue 6)
        var date = DateOnly.ParseExact(BenchmarkArguments.Value(args, "--date") ?? "2026-11-21", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var root = Path.Combine(Environment.CurrentDirectory, "benchmarks-out", $"transform-scale-{scale.ToString(CultureInfo.InvariantCulture)}");
        var lake = Path.Combine(root, "lake");
        var transforms = Path.Combine(Environment.CurrentDirectory, "pipelines", "transforms");
        Console.WriteLine($"machine: {Machine.Describe()}");

        var layout = new LakeLayout(lake);
        if (!layout.LandedDates().Contains(date))
        {
            Console.WriteLine($"landing the demo CRM at scale {scale} as of {date:yyyy-MM-dd} (once; reused by later runs)");
            var config = PipelineConfigLoader.Parse(
                $"paths:\n  lake: {lake}\n  runs: {Path.Combine(root, "runs")}\nsource:\n  demo:\n    scale: {scale.ToString(CultureInfo.InvariantCulture)}\n",
                Path.Combine(Environment.CurrentDirectory, "benchmark.yaml"), DemoSourceConfigSection.Instance);
            new ExtractRunner(config, new DemoCrmSource(config.Source.Demo), TimeProvider.System).Extract(date);
        }

        var opportunities = SnapshotPublisher.ReadManifest(layout, date)!.Entities.Single(e => e.Entity == "opportunities").Landed;
        Console.WriteLine($"snapshot {date:yyyy-MM-dd}: {opportunities:N0} opportunities; {repeat} alternating runs of each");

        var request = new TransformRequest(transforms, lake, Path.Combine(root, "warehouse", "analytics.duckdb"), Path.Combine(root, "runs"), 1) { AsOf = date };
        var runnerTimes = new List<double>();
        var directTimes = new List<double>();
        TransformResult? last = null;
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            last = new TransformRunner(TimeProvider.System).Run(request);
            runnerTimes.Add(clock.Elapsed.TotalSeconds);
            if (!last.Succeeded)
            {
                Console.WriteLine("the runner's build failed: " + string.Join("; ", last.FailedModels.Select(m => m.Error).Concat(last.FailedTests.Select(t => t.Test.Name))));
                return Task.FromResult(1);
            }

            if (runnerOnly)
            {
                Console.WriteLine($"  run {i + 1}: runner {runnerTimes[^1],6:F2} s");
                continue;
            }

            directTimes.Add(Direct(transforms, layout, date, Path.Combine(root, "direct.duckdb")));
            Console.WriteLine($"  run {i + 1}: runner {runnerTimes[^1],6:F2} s   direct SQL {directTimes[^1],6:F2} s");
        }

        var runner = Median(runnerTimes);
        var direct = runnerOnly ? double.NaN : Median(directTimes);
        var modelSeconds = last!.Models.Sum(m => m.Milliseconds) / 1000.0;
        var testSeconds = last.Tests.Sum(t => t.Milliseconds) / 1000.0;
        Console.WriteLine($"runner: median {runner:F2} s ({last.Models.Count} models in {modelSeconds:F2} s, {last.Tests.Count} data tests in {testSeconds:F2} s, rest: lake views, catalog, swap)");
        Console.WriteLine($"direct: median {direct:F2} s");
        Console.WriteLine($"runner / direct = {runner / direct:F2}");
        foreach (var slowest in last.Models.OrderByDescending(m => m.Milliseconds).Take(5))
        {
            Console.WriteLine($"  slowest model {slowest.Model.Name,-40} {slowest.Milliseconds,7:N0} ms {slowest.Rows,12:N0} rows");
        }

        foreach (var slowest in last.Tests.OrderByDescending(t => t.Milliseconds).Take(3))
        {
            Console.WriteLine($"  slowest test  {slowest.Test.Name,-40} {slowest.Milliseconds,7:N0} ms");
        }

        return Task.FromResult(0);
    }

    /// <summary>The same SQL files, run as plain statements in one session, in the runner's order.</summary>
    private static double Direct(string transforms, LakeLayout layout, DateOnly date, string file)
    {
        File.Delete(file);
        File.Delete(file + ".wal");
        var clock = Stopwatch.StartNew();
        var project = TransformProject.Load(transforms);
        using (var connection = DuckDbFile.Open(file))
        {
            Execute(connection, $"set variable snapshot_date = date '{date:yyyy-MM-dd}'; set variable fiscal_year_start_month = 1;");
            foreach (var layer in TransformProject.Layers)
            {
                Execute(connection, $"create schema {layer}");
            }

            LakeViews.Create(connection, layout, date, layout.LandedDates());
            foreach (var macro in project.MacroFiles)
            {
                Execute(connection, File.ReadAllText(macro));
            }

            foreach (var model in project.Models)
            {
                Execute(connection, $"create {(model.Materialization == Materialization.View ? "view" : "table")} {model.Name} as\n{model.Sql}\n");
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
