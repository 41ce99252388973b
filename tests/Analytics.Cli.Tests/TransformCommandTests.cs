
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

/// <summary>transform, sql and catalog over a tiny project and a hand-built lake, through the real command line.</summary>
public sealed class TransformCommandTests
{
    private static readonly DateOnly June = new(2026, 6, 30);

    private static string Config(MiniProject project) => project.WriteConfig();

    [Fact]
    public void Transform_builds_the_warehouse_and_reports_models_and_tests()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite");

        var (code, output) = CliRun.Invoke("transform", "--config", Config(project));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("snapshot 2026-06-30", output);
        Assert.Contains("3 of 3 models built", output);
        Assert.Contains("0 failed", output);
        Assert.True(File.Exists(project.Warehouse));
    }

    [Fact]
    public void A_failing_error_test_exits_1_naming_the_test_and_showing_failing_rows()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "gold");

        var (code, output) = CliRun.Invoke("transform", "--config", Config(project));

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("test failed accepted_values_staging_partners_tier on staging.partners (severity error): 1 failing row(s)", output);
        Assert.Contains("gold", output);
        Assert.Contains("not built (downstream of a failure): intermediate.tiers, marts.tier_mix", output);
        Assert.Contains("failed-warehouse.duckdb", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(project.Warehouse));
    }

    [Fact]
    public void Sql_prints_a_read_only_query_as_a_table()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "registered", "elite");
        var config = Config(project);
        CliRun.Invoke("transform", "--config", config);

        var (code, output) = CliRun.Invoke("sql", "select tier, partners from marts.tier_mix order by tier", "--config", config);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"elite\s+│\s+1", output);
        Assert.Matches(@"registered\s+│\s+2", output);
        Assert.Contains("2 row(s)", output);
    }

    [Fact]
    public void Sql_refuses_writes_and_reports_duckdbs_message()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");
        var config = Config(project);
        CliRun.Invoke("transform", "--config", config);

        var (code, output) = CliRun.Invoke("sql", "drop table marts.tier_mix", "--config", config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("read-only", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Sql_without_a_warehouse_says_to_transform_first()
    {
        using var project = new MiniProject();

        var (code, output) = CliRun.Invoke("sql", "select 1", "--config", Config(project));

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("no warehouse yet; run `analytics transform`", output);
    }

    [Fact]
    public void Catalog_lists_models_and_shows_one_models_columns()
    {
        using var project = new MiniProject();
        project.Land(June, "registered", "elite");
        var config = Config(project);
        CliRun.Invoke("transform", "--config", config);

        var (code, output) = CliRun.Invoke("catalog", "--config", config);
        var (modelCode, modelOutput) = CliRun.Invoke("catalog", "marts.tier_mix", "--config", config);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("snapshot 2026-06-30, succeeded", output);
        Assert.Contains("marts.tier_mix", output);
        Assert.Equal(ExitCodes.Success, modelCode);
        Assert.Contains("Share of all partners.", modelOutput);
        Assert.Contains("tier_mix_share_in_range", modelOutput);
    }

    [Fact]
    public void Catalog_shows_a_table_without_a_sql_file_and_lists_no_lake_view_among_the_models()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");
        var config = Config(project);
        CliRun.Invoke("transform", "--config", config);

        var (code, output) = CliRun.Invoke("catalog", "lake.partners", "--config", config);
        var overview = CliRun.Invoke("catalog", "--config", config).Output;

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("sql: none (written by the pipeline, not a SQL model)", output);
        Assert.Contains("Text, required; one of: active, offboarded.", output);
        Assert.DoesNotContain("lake.partners", overview);
        Assert.Contains("catalog.models", overview);
    }

    [Fact]
    public void Transform_as_of_a_date_before_any_snapshot_exits_1_naming_the_earliest()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");

        var (code, output) = CliRun.Invoke("transform", "--as-of", "2026-01-01", "--config", Config(project));

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("no snapshot was landed on or before 2026-01-01; the earliest is 2026-06-30", output);
    }
}
