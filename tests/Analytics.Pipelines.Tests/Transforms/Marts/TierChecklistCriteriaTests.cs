using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Transforms;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// The tier criteria reach the SQL through the runner: <c>config.tiers</c>, <c>config.tier_criteria</c> and
/// <c>config.tier_settings</c> are written from <see cref="TransformRequest.Tiers"/> before any model, models of any
/// layer may read them, and the catalog records the thresholds the build used.
/// </summary>
public sealed class TierChecklistCriteriaTests
{
    private static readonly DateOnly June = new(2026, 6, 30);

    [Fact]
    public void The_config_tables_hold_the_requests_tiers_and_a_model_may_read_them()
    {
        using var project = new MiniProject();
        project.Write("staging/criteria_seen.sql", "select tier, tier_rank, criterion, threshold from config.tier_criteria");
        project.Write("staging/criteria_seen.yml", """
            models:
              - name: criteria_seen
                description: "The criteria the runner wrote."
                columns:
                  - {name: tier, description: "Tier."}
                  - {name: tier_rank, description: "Rank."}
                  - {name: criterion, description: "Criterion."}
                  - {name: threshold, description: "Threshold."}
            """);
        project.Land(June, "registered");
        var tiers = new TiersConfig(0.2,
        [
            new TierLevel("registered", 0, []),
            new TierLevel("gold", 1, [new TierCriterion("certified_people", 7), new TierCriterion("avg_csat", 4.25)]),
        ]);

        var result = new TransformRunner(TimeProvider.System).Run(project.Request() with { Tiers = tiers });

        Assert.True(result.Succeeded, TestWarehouse.Describe(result));
        Assert.Equal(["gold|1|avg_csat|4.25", "gold|1|certified_people|7.0"], WarehouseQuery.Rows<string>(project.Warehouse,
            "select format('{}|{}|{}|{}', tier, tier_rank, criterion, threshold) from staging.criteria_seen order by criterion"));
        Assert.Equal(["registered|0", "gold|1"], WarehouseQuery.Rows<string>(project.Warehouse, "select tier || '|' || tier_rank from config.tiers order by tier_rank"));
        Assert.Equal(0.2, WarehouseQuery.Scalar<double>(project.Warehouse, "select grace_margin from config.tier_settings"));
        Assert.Equal("config.tier_criteria", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select array_to_string(depends_on, ',') from catalog.models where model_name = 'staging.criteria_seen'"));
    }

    [Fact]
    public void The_catalog_records_the_thresholds_the_build_used()
    {
        using var project = new MiniProject();
        project.Land(June, "registered");
        var tiers = TiersConfig.Default with { GraceMargin = 0.05 };

        Assert.True(new TransformRunner(TimeProvider.System).Run(project.Request() with { Tiers = tiers }).Succeeded);

        var description = WarehouseQuery.Scalar<string>(project.Warehouse, "select description from catalog.models where model_name = 'config.tier_criteria'");
        foreach (var level in tiers.Levels)
        {
            foreach (var criterion in level.Criteria)
            {
                Assert.Contains($"{criterion.Name} >= {criterion.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}", description, StringComparison.Ordinal);
            }
        }

        Assert.Contains("grace_margin 0.05", WarehouseQuery.Scalar<string>(project.Warehouse,
            "select description from catalog.models where model_name = 'config.tier_settings'"), StringComparison.Ordinal);
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(project.Warehouse,
            "select count(*) from catalog.columns where schema_name = 'config' and (description is null or description = '')"));
        // tiers 2, tier_criteria 4, tier_settings 1, targets 4
        Assert.Equal(11L, WarehouseQuery.Scalar<long>(project.Warehouse, "select count(*) from catalog.columns where schema_name = 'config'"));
    }

    [Fact]
    public void A_reference_to_an_unknown_config_table_is_refused()
    {
        using var project = new MiniProject();
        project.Write("marts/reads_config.sql", "select 1 as x from config.tier_thresholds");
        project.Write("marts/reads_config.yml", "models:\n  - name: reads_config\n    description: \"Reads config.\"\n    columns:\n      - {name: x, description: \"One.\"}\n");

        var error = Assert.Throws<TransformProjectException>(() => TransformProject.Load(project.Folder));

        Assert.Contains("'config.tier_thresholds' is not a configuration table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransformRequest_From_passes_the_configured_tiers()
    {
        var config = PipelineConfigLoader.Parse("tiers:\n  grace_margin: 0.2\n", "/tmp/tiers-test/pipeline.yaml");

        Assert.Equal(0.2, TransformRequest.From(config).Tiers.GraceMargin);
    }

    [Fact]
    public void Changed_thresholds_change_the_tier_marts()
    {
        // TierChecklistDataset with select's ARR threshold lowered from 100,000 to 90,000 and elite's certified people
        // raised from 4 to 5:
        //   ptn-b's 90,100 now meets select (hold, hold, hold instead of grace, downgrade, downgrade);
        //   ptn-c's 89,900 is (90,000 - 89,900) / 90,000 = 0.11 % short in 2026-Q2: grace instead of downgrade, and
        //   95,000 meets it from 2026-Q3 (hold, hold);
        //   ptn-e (elite) has 4 of 5 certified people, 20 % short: downgrade, downgrade; keeping elite needs 1 more;
        //   ptn-a's nearest gap to elite moves from certified people (now 2 / 5 = 40 %) to proofs (1 / 2 = 50 %).
        var levels = TierChecklistDataset.Tiers.Levels.ToList();
        levels[1] = levels[1] with { Criteria = [.. levels[1].Criteria.Select(c => c.Name == "rolling_4q_credited_arr" ? c with { Threshold = 90_000 } : c)] };
        levels[2] = levels[2] with { Criteria = [.. levels[2].Criteria.Select(c => c.Name == "certified_people" ? c with { Threshold = 5 } : c)] };
        using var warehouse = TestWarehouse.Build(TierChecklistDataset.SnapshotDate, TierChecklistDataset.Records(),
            tiers: TierChecklistDataset.Tiers with { Levels = levels });

        Assert.Equal("hold hold hold", Recommendations(warehouse, "ptn-b"));
        Assert.Equal("grace hold hold", Recommendations(warehouse, "ptn-c"));
        Assert.Equal("downgrade downgrade", Recommendations(warehouse, "ptn-e"));
        Assert.Equal("select|needs 1 more certified person", warehouse.Scalar<string>(
            "select recommended_tier || '|' || nearest_gap from marts.tier_reviews where partner_id = 'ptn-e' and is_current"));
        Assert.Equal("needs 1 more recent proof", warehouse.Scalar<string>(
            "select nearest_gap from marts.tier_reviews where partner_id = 'ptn-a' and is_current"));
        Assert.Equal(90_000.0, warehouse.Scalar<double>(
            "select distinct threshold from marts.tier_checklist where evaluated_tier = 'select' and criterion = 'rolling_4q_credited_arr'"));
        Assert.Contains("select (rank 1): rolling_4q_credited_arr >= 90000,", warehouse.Scalar<string>(
            "select description from catalog.models where model_name = 'config.tier_criteria'"), StringComparison.Ordinal);
    }

    private static string Recommendations(TestWarehouse warehouse, string partner) => warehouse.Scalar<string>(
        "select string_agg(recommendation, ' ' order by quarter_number) from marts.tier_reviews where partner_id = $partner", new { partner });
}
