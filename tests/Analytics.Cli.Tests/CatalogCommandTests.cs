namespace Analytics.Cli.Tests;

/// <summary><c>analytics catalog</c> over a warehouse built by <c>analytics run</c>.</summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class CatalogCommandTests(ThreeMonthLake lake)
{
    [Theory]
    [InlineData("config.tiers", "sql: none (written by the pipeline, not a SQL model)")]
    [InlineData("scores.stalled_deals", "sql: none (written by the pipeline, not a SQL model)")]
    [InlineData("marts.win_rates", "sql: marts/win_rates.sql")]
    public void A_table_the_pipeline_wrote_is_described_like_a_sql_model(string model, string sqlLine)
    {
        var (code, output) = CliRun.Invoke("catalog", model, "--config", lake.Config);

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains(sqlLine, output);
        Assert.Contains("column_name", output);
    }
}
