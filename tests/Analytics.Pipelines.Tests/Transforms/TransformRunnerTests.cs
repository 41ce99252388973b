using Analytics.Pipelines.Warehouse;
using Analytics.Pipelines.Transforms;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms;

public sealed class TransformRunnerTests
{
    private static readonly DateOnly June = new(2026, 6, 30);
    private static readonly DateOnly September = new(2026, 9, 30);

    private static TransformResult Run(MiniProject project, DateOnly? asOf = null) =>
        new TransformRunner(TimeProvider.System).Run(project.Request(asOf));

    [Fact]
    public void Models_are_built_in_reference_order_whatever_their_names()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "registered", "elite");

        var result = Run(project);

        Assert.True(result.Succeeded, TestWarehouse.Describe(result));
        Assert.Equal(["staging.partners", "intermediate.tiers", "marts.tier_mix"], result.Models.Select(m => m.Model.Name));
        Assert.Equal([2L, 1L], WarehouseQuery.Rows<long>(project.Warehouse, "select partners from marts.tier_mix order by tier desc"));
        Assert.Equal(3, result.Models[0].Rows);
    }

    [Fact]
    public void A_failing_error_test_stops_the_dependent_models_and_leaves_the_previous_warehouse_in_place()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite");
        Assert.True(Run(project).Succeeded);
        var before = File.ReadAllBytes(project.Warehouse);

        project.Land(September, "registered", "gold", "platinum", "elite");
        var result = Run(project);

        Assert.False(result.Succeeded);
        var failed = Assert.Single(result.FailedTests);
        Assert.Equal("accepted_values_staging_partners_tier", failed.Test.Name);
        Assert.Equal(2, failed.FailingRows);
        Assert.Equal(["gold", "platinum"], failed.Sample.Select(r => (string)r["tier"]!).Order());
        Assert.Equal(ModelStatus.Failed, result.Models.Single(m => m.Model.Name == "staging.partners").Status);
        Assert.All(result.Models.Where(m => m.Model.Layer != "staging"), m => Assert.Equal(ModelStatus.Skipped, m.Status));
        Assert.Equal(before, File.ReadAllBytes(project.Warehouse));
        Assert.Equal(June, WarehouseQuery.Scalar<DateOnly>(project.Warehouse, "select snapshot_date from catalog.builds"));

        // The failed build is kept, failing rows and all, for inspection.
        Assert.NotNull(result.FailedBuildPath);
        Assert.Equal(["gold", "platinum"], WarehouseQuery.Rows<string>(result.FailedBuildPath!, "select tier from test_failures.accepted_values_staging_partners_tier order by tier"));
        Assert.Equal("failed", WarehouseQuery.Scalar<string>(result.FailedBuildPath!, "select status from catalog.tests where test_name = 'accepted_values_staging_partners_tier'"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(project.Warehouse)!, ".analytics.duckdb.build-*"));
    }

    [Fact]
    public void A_failing_warn_test_is_recorded_with_its_rows_and_the_build_goes_on()
    {
        using var project = new MiniProject();
        project.Write("marts/tier_mix.yml", File.ReadAllText(Path.Combine(project.Folder, "marts/tier_mix.yml"))
            .Replace("where: \"share not between 0 and 1\"}", "where: \"share > 0.5\", severity: warn}", StringComparison.Ordinal));
        project.Land(June, "registered", "registered", "elite");

        var result = Run(project);

        Assert.True(result.Succeeded);
        var warned = Assert.Single(result.Tests, t => t.Status == TestStatus.Warned);
        Assert.Equal(1, warned.FailingRows);
        Assert.Equal("registered", WarehouseQuery.Scalar<string>(project.Warehouse, "select tier from test_failures.tier_mix_share_in_range"));
        Assert.Equal(1L, WarehouseQuery.Scalar<long>(project.Warehouse, "select failing_rows from catalog.tests where test_name = 'tier_mix_share_in_range' and status = 'warned'"));
    }

    [Fact]
    public void A_model_whose_sql_fails_is_reported_with_duckdbs_message_and_its_dependants_are_skipped()
    {
        using var project = new MiniProject();
        project.Write("intermediate/tiers.sql", "select tier, count(*) as partners from staging.partners group by tier_typo");
        project.Land(June, "registered");

        var result = Run(project);

        var failed = Assert.Single(result.FailedModels);
        Assert.Equal("intermediate.tiers", failed.Model.Name);
        Assert.Contains("tier_typo", failed.Error, StringComparison.Ordinal);
        Assert.Contains("tiers.sql", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Skipped, result.Models.Single(m => m.Model.Name == "marts.tier_mix").Status);
        Assert.False(File.Exists(project.Warehouse));
    }

    [Fact]
    public void A_build_that_finds_the_disk_full_fails_at_once_naming_the_build_file_and_leaves_nothing_behind()
    {
        using var project = new MiniProject();
        // A real DuckDB write that finds the disk full, during the build: /dev/full answers every write with ENOSPC.
        project.Write("macros/fill.sql", "copy (select range as n from range(100000)) to '/dev/full' (format csv);");
        project.Land(June, "registered");

        var error = Assert.Throws<Analytics.Pipelines.Resilience.StorageFailureException>(() => Run(project));

        var folder = Path.GetDirectoryName(project.Warehouse)!;
        Assert.Matches($"^could not write the warehouse build file {System.Text.RegularExpressions.Regex.Escape(folder)}/\\.analytics\\.duckdb\\.build-[^ ]+: the disk is full \\(no space left on device\\); free space there and run again \\(not retried\\)\\. Error: ", error.Message);
        Assert.Equal(["analytics.duckdb.lock"], Directory.GetFiles(folder).Select(Path.GetFileName)); // no build file or WAL left, no warehouse swapped in
        Assert.False(Directory.Exists(project.Runs));
    }

    [Fact]
    public void A_column_missing_from_the_yaml_fails_the_columns_documented_test()
    {
        using var project = new MiniProject();
        project.Write("marts/tier_mix.sql", "select tier, partners, 1.0 as share, 'x' as undocumented from intermediate.tiers");
        project.Land(June, "registered");

        var result = Run(project);

        var failed = Assert.Single(result.FailedTests);
        Assert.Equal("columns_documented_marts_tier_mix", failed.Test.Name);
        Assert.Equal("undocumented", failed.Sample.Single()["column_name"]);
    }

    [Fact]
    public void Building_as_of_a_past_date_reproduces_that_snapshots_figures()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite");
        project.Land(September, "registered", "registered", "registered", "elite");

        var latest = Run(project);
        Assert.Equal(September, latest.SnapshotDate);
        Assert.Equal(3L, WarehouseQuery.Scalar<long>(project.Warehouse, "select partners from marts.tier_mix where tier = 'registered'"));

        var past = Run(project, new DateOnly(2026, 7, 15));

        Assert.Equal(June, past.SnapshotDate);
        Assert.Equal(new DateOnly(2026, 7, 15), past.RequestedAsOf);
        Assert.Equal(1L, WarehouseQuery.Scalar<long>(project.Warehouse, "select partners from marts.tier_mix where tier = 'registered'"));
        Assert.Equal(June, WarehouseQuery.Scalar<DateOnly>(project.Warehouse, "select snapshot_date from catalog.builds"));
        Assert.Equal(new DateOnly(2026, 7, 15), WarehouseQuery.Scalar<DateOnly>(project.Warehouse, "select requested_as_of from catalog.builds"));
    }

    [Fact]
    public void The_as_of_view_reads_every_snapshot_up_to_the_builds()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite");
        project.Land(September, "registered", "registered", "registered", "elite");
        project.Land(new DateOnly(2026, 10, 31), "elite");

        Run(project, September);

        var counts = WarehouseQuery.Rows<(DateOnly Date, long Partners)>(project.Warehouse,
            "select snapshot_date, count(*) from staging.partners_as_of group by 1 order by 1");
        Assert.Equal([(June, 2L), (September, 4L)], counts);
    }

    [Fact]
    public void A_later_layer_model_reads_a_staging_models_as_of_view_built_before_it()
    {
        using var project = new MiniProject();
        project.Write("intermediate/tier_history.sql", "select snapshot_date, tier, count(*) as partners from staging.partners_as_of group by all");
        project.Write("intermediate/tier_history.yml", """
            models:
              - name: tier_history
                description: "Partners per tier at every snapshot."
                columns:
                  - name: snapshot_date
                    description: "Snapshot."
                  - name: tier
                    description: "Tier."
                  - name: partners
                    description: "How many."
            """);
        project.Land(June, "registered", "elite");
        project.Land(September, "registered", "registered", "registered", "elite");

        var result = Run(project);

        Assert.Empty(result.FailedTests);
        var counts = WarehouseQuery.Rows<(DateOnly Date, long Partners)>(project.Warehouse,
            "select snapshot_date, partners from intermediate.tier_history where tier = 'registered' order by 1");
        Assert.Equal([(June, 1L), (September, 3L)], counts);
    }

    [Fact]
    public void An_as_of_date_before_the_first_snapshot_is_refused_naming_the_earliest()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");

        var error = Assert.Throws<TransformRunException>(() => Run(project, new DateOnly(2026, 1, 1)));

        Assert.Contains("2026-06-30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_lake_is_refused_with_what_to_run_first()
    {
        using var project = new MiniProject();

        var error = Assert.Throws<TransformRunException>(() => Run(project));

        Assert.Contains("analytics extract", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_records_the_run_models_columns_tests_and_sources()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite");

        var result = Run(project);

        var warehouse = project.Warehouse;
        Assert.Equal(result.RunId, WarehouseQuery.Scalar<string>(warehouse, "select run_id from catalog.builds"));
        Assert.Equal(["config.targets", "config.tier_criteria", "config.tier_settings", "config.tiers", "intermediate.tiers", "marts.tier_mix", "staging.partners", "staging.partners_as_of"],
            WarehouseQuery.Rows<string>(warehouse, "select model_name from catalog.models where layer not in ('lake', 'catalog') order by 1"));
        Assert.Equal(["catalog.builds", "catalog.columns", "catalog.metrics", "catalog.models", "catalog.sources", "catalog.tests"],
            WarehouseQuery.Rows<string>(warehouse, "select model_name from catalog.models where layer = 'catalog' order by 1"));
        Assert.Equal("Share of all partners.", WarehouseQuery.Scalar<string>(warehouse,
            "select description from catalog.columns where model_name = 'marts.tier_mix' and column_name = 'share'"));
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(warehouse, "select count(*) from catalog.columns where description is null"));
        Assert.Equal(["intermediate.tiers"], WarehouseQuery.List<string>(warehouse, "select depends_on from catalog.models where model_name = 'marts.tier_mix'"));
        Assert.Equal(result.Tests.Count, WarehouseQuery.Scalar<long>(warehouse, "select count(*) from catalog.tests where status = 'passed'"));
        Assert.Equal(2L, WarehouseQuery.Scalar<long>(warehouse, "select rows_landed from catalog.sources where entity = 'partners'"));
        Assert.True(WarehouseQuery.Scalar<long>(warehouse, "select sum(build_ms)::bigint from catalog.models") >= 0);
    }

    [Fact]
    public void A_reader_holding_the_old_warehouse_open_keeps_reading_it_while_a_new_build_is_swapped_in()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");
        Run(project);
        var reader = DuckDbFile.Open(project.Warehouse, readOnly: true);

        project.Land(September, "registered", "elite");
        Assert.True(Run(project).Succeeded);

        using (var command = reader.CreateCommand())
        {
            command.CommandText = "select count(*) from staging.partners";
            Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        // DuckDB shares one instance per path inside a process, so the new file is seen once the old one is let go.
        reader.Dispose();
        Assert.Equal(2L, WarehouseQuery.Scalar<long>(project.Warehouse, "select count(*) from staging.partners"));
    }

    [Fact]
    public void A_second_transform_of_the_same_warehouse_is_refused_while_one_holds_the_lock()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");
        using var held = WarehouseFiles.Acquire(project.Warehouse);

        var error = Assert.Throws<TransformRunException>(() => Run(project));

        Assert.Contains("another transform", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Building_twice_from_the_same_snapshot_gives_the_same_tables()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite", "select");
        Run(project);
        var first = WarehouseQuery.Rows<(string, long, double)>(project.Warehouse, "select tier, partners, share from marts.tier_mix order by tier");

        Run(project);

        Assert.Equal(first, WarehouseQuery.Rows<(string, long, double)>(project.Warehouse, "select tier, partners, share from marts.tier_mix order by tier"));
    }
}
