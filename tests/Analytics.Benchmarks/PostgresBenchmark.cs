using System.Diagnostics;
using System.Globalization;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Sources.Demo;
using Analytics.Sources.Postgres;
using Analytics.Sources.Postgres.Configuration;
using Analytics.TestSupport.Postgres;
using Analytics.TestSupport.Postgres.InHouseCrm;

namespace Analytics.Benchmarks;

/// <summary>
/// Extracting N opportunities from an in-house CRM on PostgreSQL 15: starts a throw-away cluster (as the tests do), and
/// per size a database with the in-house schema seeded from the demo CRM at the scale that yields N opportunities,
/// capped at exactly N with their partner rows, stage history and activities (every other entity as the demo has it at
/// that scale), by binary COPY; then extracts it with <see cref="PostgresSource"/> through the extract runner, as
/// `analytics extract` does, in a child process (<c>postgres-extract</c>) so that its peak resident memory (VmHWM) is
/// the extract's alone. Options: --sizes 250000,1000000, --date yyyy-MM-dd (default 2026-11-21).
/// </summary>
internal static class PostgresBenchmark
{
    private const string ConnectionVariable = "BENCHMARK_PG_CONNECTION";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (BenchmarkArguments.Value(args, "--sizes") ?? "250000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var date = BenchmarkArguments.Value(args, "--date") ?? "2026-11-21";
        Console.WriteLine($"machine: {Machine.Describe()}");
        var server = new PostgresServer();
        await server.InitializeAsync();
        try
        {
            Console.WriteLine($"PostgreSQL 15 cluster on 127.0.0.1:{server.Port} ({server.Root})");
            var results = new List<(long Size, double Seconds, double PeakMiB, string Rows, string Phases)>();
            foreach (var size in sizes)
            {
                var database = await server.CreateDatabaseAsync();
                var scale = DemoSeedArguments.ScaleFor(size);
                Console.WriteLine($"--- {size:N0} opportunities: seeding the in-house schema from the demo CRM (seed 42, scale {scale.ToString(CultureInfo.InvariantCulture)})");
                var watch = Stopwatch.StartNew();
                var seeded = await InHouseCrmSeeder.SeedFromDemoAsync(database, new DemoCrmOptions { Seed = 42, Scale = scale },
                    DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), size);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  seeded in {watch.Elapsed.TotalSeconds:F1} s: {string.Join(", ", seeded.Select(s => $"{s.Key} {s.Value:N0}"))}"));
                if (seeded.GetValueOrDefault("opportunities") < size)
                {
                    Console.Error.WriteLine($"scale {scale} gave only {seeded.GetValueOrDefault("opportunities"):N0} opportunities");
                    return 1;
                }

                var result = await ExtractProcess.RunAsync(["postgres-extract", "--date", date], new Dictionary<string, string> { [ConnectionVariable] = database });
                if (result is null)
                {
                    return 1;
                }

                results.Add((size, result.Value.Seconds, result.Value.PeakMiB, result.Value.Rows, result.Value.Phases));
            }

            ExtractProcess.PrintSummary(results);
            return 0;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary><c>postgres-extract --date D</c> (connection string in BENCHMARK_PG_CONNECTION): one extract, then a RESULT line.</summary>
    public static Task<int> ExtractAsync(string[] args)
    {
        var date = DateOnly.ParseExact(BenchmarkArguments.Value(args, "--date") ?? "2026-11-21", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Environment.CurrentDirectory, "benchmarks-out", "postgres-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var yaml = InHouseCrmExample.SourceYaml(ConnectionVariable) + $"""

                paths:
                  lake: {Path.Combine(folder, "lake")}
                  runs: {Path.Combine(folder, "runs")}
                """;
            var config = PipelineConfigLoader.Parse(yaml, Path.Combine(folder, "pipeline.yaml"), PostgresSourceConfigSection.Instance);
            var watch = Stopwatch.StartNew();
            var source = new PostgresSource(config.Source.Postgres, config.Extract.MaxTextLength);
            // The phases, told apart by the progress lines: connecting and checking every entity's columns, reading the
            // replica through validation into the staging area, writing Parquet.
            var phases = new PhaseMarks(watch, "reading ");
            var manifest = new ExtractRunner(config, source, TimeProvider.System).Extract(date, phases);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PHASES connecting + checking {phases.SecondPhaseAt:F1} s, reading + staging {phases.WritingAt - phases.SecondPhaseAt:F1} s (peak {phases.PeakAtWriting:F0} MiB, managed heap then {phases.HeapAtWriting:F0} MiB), writing {seconds - phases.WritingAt:F1} s"));
            var rows = string.Join(", ", manifest.Entities.Where(e => e.Landed > 0).Select(e => $"{e.Entity} {e.Landed:N0}"));
            var quarantined = manifest.Entities.Sum(e => e.Quarantined);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT seconds={seconds:F2} peak_mib={Machine.PeakResidentMiB():F0} quarantined={quarantined} rows={rows}"));
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
