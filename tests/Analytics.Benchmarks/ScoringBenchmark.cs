using Analytics.Pipelines.Warehouse;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Models.Learning;
using Analytics.Models.Scoring;
using Analytics.Models.StalledDeals;

namespace Analytics.Benchmarks;

/// <summary>
/// Scoring the stalled-deal model over N open opportunities (default 1,000,000): a DuckDB table of N feature rows
/// (the columns of StalledDealRows.sql, values spread like the demo's) is read, scored with the saved model, given its
/// three reasons and written to scores.stalled_deals through the appender. The baseline in the same run reads the
/// same rows into the same objects and writes nothing, so the ratio is what scoring and writing add to reading.
/// Then, in the same sitting, ML.NET's FastTree and L-BFGS logistic regression, each fitted on 30,000 of the rows with
/// seeded synthetic labels, score and explain the same rows through the same door (ML.NET's feature contributions).
/// Options: --rows N, --repeat N (default 3), --model path (default data/models/stalled_deal/current.json), --saved-only.
/// </summary>
internal static class ScoringBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var rows = BenchmarkArguments.Int(args, "--rows", 1_000_000);
        var repeat = BenchmarkArguments.Int(args, "--repeat", 3);
        var modelPath = BenchmarkArguments.Value(args, "--model") ?? Path.Combine("data", "models", "stalled_deal", "current.json");
        if (!File.Exists(modelPath))
        {
            Console.Error.WriteLine($"{modelPath}: no model; run `dotnet run --project pipelines/Analytics.Cli -- train` first.");
            return Task.FromResult(1);
        }

        var store = new ModelStore(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(modelPath)))!);
        var model = store.Load<StalledDealParameters>(StalledDealModel.Name)!;
        Console.WriteLine($"machine: {Machine.Describe()}");
        Console.WriteLine($"model {model.Version} ({model.Kind}); {rows:N0} rows; {repeat} alternating runs");
        var root = Path.Combine(Environment.CurrentDirectory, "benchmarks-out", "scoring");
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "scoring.duckdb");
        File.Delete(file);
        using var connection = DuckDbFile.Open(file);
        WarehouseSql.Execute(connection, Generate, ("rows", rows));

        var readTimes = new List<double>();
        var scoreTimes = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            long read = 0;
            foreach (var row in Read(connection))
            {
                read += row.StageIndex;
            }

            readTimes.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var written = StalledDealModel.Write(connection, Read(connection), model, DateTime.UtcNow, store);
            scoreTimes.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"  run {i + 1}: read {readTimes[^1],6:F2} s   read + score + reasons + write {scoreTimes[^1],6:F2} s ({written:N0} rows, checksum {read})");
        }

        var readMedian = Median(readTimes);
        var scoreMedian = Median(scoreTimes);
        Console.WriteLine($"median: read {readMedian:F2} s, scoring end to end {scoreMedian:F2} s ({rows / scoreMedian:N0} rows/s); ratio scoring / read = {scoreMedian / readMedian:F2}");
        if (!args.Contains("--saved-only"))
        {
            MlNetCandidates(connection, model, root, repeat);
        }

        return Task.FromResult(0);
    }

    /// <summary>Fits each ML.NET candidate on 30,000 rows with synthetic labels and times scoring + explaining every row with it.</summary>
    private static void MlNetCandidates(DuckDBConnection connection, ModelFile<StalledDealParameters> saved, string root, int repeat)
    {
        var (x, y) = SyntheticTraining(Read(connection).Take(30_000));
        var store = new ModelStore(Path.Combine(root, "models"));
        foreach (var algorithm in MlNetTrainer.Algorithms)
        {
            var clock = Stopwatch.StartNew();
            var fitted = MlNetTrainer.Fit(algorithm, StalledDealFeatures.Names, x, y);
            Console.WriteLine($"ML.NET {algorithm}: fitted on {x.Count:N0} rows x {StalledDealFeatures.Count} features in {clock.Elapsed.TotalSeconds:F2} s");
            var file = MlNetModelFile.Save(store, StalledDealModel.Name, fitted);
            var model = saved with { Kind = algorithm, Parameters = saved.Parameters with { Algorithm = algorithm, MlNet = file } };
            var times = new List<double>();
            for (var i = 0; i < repeat; i++)
            {
                clock.Restart();
                var written = StalledDealModel.Write(connection, Read(connection), model, DateTime.UtcNow, store);
                times.Add(clock.Elapsed.TotalSeconds);
                Console.WriteLine($"  run {i + 1}: read + score + contributions + reasons + write {times[^1],6:F2} s ({written:N0} rows)");
            }

            Console.WriteLine($"median ML.NET {algorithm}: {Median(times):F2} s");
        }
    }

    /// <summary>Feature vectors and seeded labels drawn from a logistic model of the planted causes (quiet deal, stale next step).</summary>
    internal static (List<double[]> X, List<bool> Y) SyntheticTraining(IEnumerable<StalledDealRow> rows)
    {
        var random = new Random(7);
        var x = new List<double[]>();
        var y = new List<bool>();
        foreach (var row in rows)
        {
            var eta = -1.2 + 0.05 * row.ActivityAgeDays + 0.03 * row.NextStepAgeDays - 0.15 * row.StageIndex;
            x.Add(StalledDealFeatures.Vector(row));
            y.Add(random.NextDouble() < 1 / (1 + Math.Exp(-eta)));
        }

        return (x, y);
    }

    internal static IEnumerable<StalledDealRow> Read(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "select * from bench_rows";
        command.UseStreamingMode = true; // as StalledDealRows.Read does in the product
        using var reader = command.ExecuteReader();
        foreach (var row in StalledDealRows.ReadAll(reader))
        {
            yield return row;
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    // Deterministic pseudo-random rows shaped like the demo's open partner deals (hash of the row number per column).
    internal const string Generate = """
        create or replace table bench_rows as
        with r as (select i, (hash(i) % 1000000) / 1e6 as u1, (hash(i * 7 + 1) % 1000000) / 1e6 as u2,
                          (hash(i * 13 + 2) % 1000000) / 1e6 as u3 from range($rows) as t(i))
        select
            date '2026-11-21' as snapshot_date,
            'opp-' || lpad(cast(i as varchar), 9, '0') as opportunity_id,
            'ptn-' || lpad(cast(i % 775 as varchar), 4, '0') as partner_id,
            ['referral', 'reseller', 'marketplace', 'services', 'tech'][1 + cast(floor(u1 * 5) as integer)] as motion,
            ['new_business', 'new_business', 'renewal', 'expansion'][1 + cast(floor(u2 * 4) as integer)] as opportunity_type,
            1 + cast(floor(u3 * 5) as integer) as stage_index,
            round(2000 + u1 * u2 * 200000, 2) as arr, -- DOUBLE, as StalledDealRows.sql casts it (1e6, not 1000000.0, keeps u* DOUBLE)
            u2 * 60 as stage_age_days,
            5 + u3 * 10 as motion_median_stage_days,
            u1 * u1 * 60 as activity_age_days,
            u3 * u3 * 60 as next_step_age_days,
            cast(floor(u2 * 6) as integer) as activities_14d,
            ['registered', 'registered', 'select', 'elite'][1 + cast(floor(u3 * 4) as integer)] as partner_tier,
            cast(floor(u1 * 8) as integer) as certified_people,
            cast(floor(u2 * 20) as integer) as partner_won_deals,
            cast(floor(u2 * 20) as integer) + cast(floor(u3 * 40) as integer) as partner_closed_deals,
            0.3::double as program_win_rate,
            u1 < 0.4 as has_registration,
            case when u1 < 0.4 then cast(floor(u3 * 120) as integer) - 20 end as protection_days_left,
            ['none', 'none', 'none', 'risk', 'active'][1 + cast(floor(u2 * 5) as integer)] as conflict_status,
            1 + cast(floor(u3 * 2) as integer) as partner_count,
            u1 * 200 as deal_age_days,
            cast(floor(u2 * 180) as integer) - 60 as days_to_close_date,
            cast(floor(u3 * 90) as integer) as days_to_quarter_end,
            u1 * 0.4 as owner_quiet_share,
            cast(null as date) as label_snapshot_date,
            cast(null as boolean) as is_stalled
        from r
        """;
}
