
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

[Collection(ThreeMonthLake.Collection)]
public sealed class ModelCommandsTests
{
    private readonly ThreeMonthLake _lake;

    public ModelCommandsTests(ThreeMonthLake lake) => _lake = lake;

    [Fact]
    public void Run_trains_the_missing_models_and_writes_scores_for_every_open_partner_deal()
    {
        Assert.True(_lake.RunCode == ExitCodes.Success, _lake.RunOutput);
        Assert.Contains("stalled_deal", _lake.RunOutput);
        Assert.Contains("trained", _lake.RunOutput);
        var warehouse = _lake.Warehouse;
        var open = WarehouseQuery.Scalar<long>(warehouse, "select count(*) from intermediate.ops_open_partner_opportunities");
        Assert.True(open > 0);
        Assert.Equal(open, WarehouseQuery.Scalar<long>(warehouse, "select count(*) from scores.stalled_deals"));
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(warehouse, "select count(*) from scores.stalled_deals where score not between 0 and 100"));
        Assert.True(WarehouseQuery.Scalar<long>(warehouse, "select count(*) from scores.stalled_deals where reason_1 is not null") > 0);
        Assert.True(File.Exists(_lake.Directory.Combine("data", "models", "stalled_deal", "current.json")));
        Assert.True(WarehouseQuery.Scalar<long>(warehouse, "select count(*) from catalog.model_evaluations where model = 'stalled_deal' and metric = 'auc'") >= 1);
        Assert.True(WarehouseQuery.Scalar<long>(warehouse, "select count(*) from scores.tier_readiness where probability between 0 and 1") > 0);
        Assert.Equal(1L, WarehouseQuery.Scalar<long>(warehouse, "select count(*) from scores.forecast where kind = 'forecast' and motion = 'all'"));
        Assert.Equal(3L, WarehouseQuery.Scalar<long>(warehouse, "select count(*) from scores.models"));
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(warehouse,
            "select count(*) from information_schema.columns c left join catalog.columns d on d.schema_name = c.table_schema and d.table_name = c.table_name and d.column_name = c.column_name where c.table_schema = 'scores' and d.description is null"));
    }

    [Fact]
    public void Scoring_twice_with_the_same_models_gives_the_same_scores_and_one_evaluation_record()
    {
        var (first, firstOutput) = CliRun.Invoke("score", "--config", _lake.Config);
        var before = Scores();
        var (second, secondOutput) = CliRun.Invoke("score", "--config", _lake.Config);

        Assert.True(first == ExitCodes.Success, firstOutput);
        Assert.True(second == ExitCodes.Success, secondOutput);
        Assert.Contains("loaded", secondOutput);
        Assert.Equal(before, Scores());
        Assert.Equal(0L, WarehouseQuery.Scalar<long>(_lake.Warehouse,
            "select count(*) from (select model_version, evaluation_window, metric from catalog.model_evaluations group by all having count(*) > 1)"));
    }

    [Fact]
    public void Training_twice_on_the_same_lake_gives_the_same_model_versions_and_scores()
    {
        var (first, firstOutput) = CliRun.Invoke("train", "--config", _lake.Config);
        var versions = Versions();
        var scores = (Scores(), TierScores());
        var (second, secondOutput) = CliRun.Invoke("train", "--config", _lake.Config);

        Assert.True(first == ExitCodes.Success, firstOutput);
        Assert.True(second == ExitCodes.Success, secondOutput);
        Assert.Equal(versions, Versions());
        Assert.Equal(scores, (Scores(), TierScores()));
    }

    [Fact]
    public void On_the_demo_the_oracles_auc_stands_beside_the_models_on_the_same_deals()
    {
        var oracle = WarehouseQuery.Rows<string>(_lake.Warehouse,
            "select evaluation_window || ':' || (value between 0.5 and 1) from catalog.model_evaluations where model = 'stalled_deal' and metric = 'oracle_auc'");
        var beside = WarehouseQuery.Rows<string>(_lake.Warehouse,
            "select evaluation_window || ':' || (value between 0 and 1) from catalog.model_evaluations where model = 'stalled_deal' and metric = 'model_auc_on_oracle_sample'");

        Assert.NotEmpty(oracle);
        Assert.All(oracle, o => Assert.EndsWith(":true", o));
        Assert.Equal(oracle.Select(o => o.Split(':')[0]).Order(), beside.Select(b => b.Split(':')[0]).Order());
    }

    [Fact]
    public void Score_without_a_warehouse_says_to_run_the_transform_first()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  kind: demo\n");

        var (code, output) = CliRun.Invoke("score", "--config", config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("no warehouse yet; run `analytics transform`", output);
    }

    private string Versions() => string.Join("\n", WarehouseQuery.Rows<string>(_lake.Warehouse,
        "select model || '=' || model_version from scores.models order by model"));

    private string TierScores() => string.Join("\n", WarehouseQuery.Rows<string>(_lake.Warehouse,
        "select partner_id || ',' || probability || ',' || model_version from scores.tier_readiness order by partner_id"));

    private string Scores() => string.Join("\n", WarehouseQuery.Rows<string>(_lake.Warehouse,
        "select opportunity_id || ',' || score || ',' || coalesce(reason_1, '') || ',' || model_version from scores.stalled_deals order by opportunity_id"));
}
