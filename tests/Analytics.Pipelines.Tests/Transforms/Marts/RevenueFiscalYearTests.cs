using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// <see cref="RevenueCreditsDataset"/> built with a fiscal year starting in February: quarter labels and sums move
/// (hand computation in the dataset's remarks).
/// </summary>
public sealed class RevenueFiscalYearTests(RevenueCreditsDataset.FebruaryYear fixture) : IClassFixture<RevenueCreditsDataset.FebruaryYear>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.program_quarterly where fiscal_quarter = $quarter", new { quarter });

    [Fact]
    public void Quarters_are_named_after_the_fiscal_year_they_end_in()
    {
        Assert.Equal(
            ["2026-Q4", "2027-Q1", "2027-Q2"],
            _warehouse.Query<string>("select fiscal_quarter from marts.program_quarterly order by quarter_start"));
        Assert.Equal(new DateOnly(2026, 2, 1), _warehouse.Scalar<DateOnly>("select quarter_start from marts.program_quarterly where fiscal_quarter = '2027-Q1'"));
    }

    [Fact]
    public void January_31_closes_in_the_old_fiscal_year_and_february_1_in_the_new_one()
    {
        Assert.Equal(30_000.00m, Value<decimal>("won_arr", "2026-Q4"));
        Assert.Equal(1, Value<int>("won_deals", "2026-Q4"));
        Assert.Equal(170_000.00m, Value<decimal>("won_arr", "2027-Q1"));
        Assert.Equal(3, Value<int>("won_deals", "2027-Q1"));
        Assert.Equal(1, Value<int>("lost_deals", "2027-Q1"));
        Assert.Equal(30_000.00m, Value<decimal>("won_arr", "2027-Q2"));
        Assert.Equal(4, Value<int>("won_deals", "2027-Q2"));
        Assert.Equal(2, Value<int>("lost_deals", "2027-Q2"));
    }

    [Fact]
    public void Pipeline_and_credits_move_with_the_quarters_and_keep_their_totals()
    {
        Assert.Equal(70_000.00m, Value<decimal>("new_pipeline_arr", "2026-Q4"));
        Assert.Equal(50_000.00m, Value<decimal>("partner_new_pipeline_arr", "2026-Q4"));
        Assert.Equal(182_345.67m, Value<decimal>("new_pipeline_arr", "2027-Q1"));
        Assert.Equal(102_654.33m, Value<decimal>("new_pipeline_arr", "2027-Q2"));
        Assert.Equal(65_000.00m, Value<decimal>("partner_new_pipeline_arr", "2027-Q2"));
        Assert.Equal(110_000.00m, Value<decimal>("sourced_arr", "2027-Q1"));
        Assert.Equal(40_000.00m, Value<decimal>("influenced_arr", "2027-Q1"));
        Assert.Equal(14_114.81m, Value<decimal>("influenced_arr", "2027-Q2"));
        Assert.Equal(230_000.00m, _warehouse.Scalar<decimal>("select sum(won_arr) from marts.program_quarterly"));
        Assert.Equal(152_345.67m, _warehouse.Scalar<decimal>("select sum(sourced_arr) from marts.program_quarterly"));
    }

    [Fact]
    public void Partner_credit_and_pipeline_take_the_february_quarters()
    {
        const string Sql = "select sourced_arr from marts.partner_arr_quarterly where partner_id = 'ptn-a' and motion = 'reseller' and fiscal_quarter = $quarter";
        Assert.Equal(30_000.00m, _warehouse.Scalar<decimal>(Sql, new { quarter = "2026-Q4" }));
        Assert.Equal(60_000.00m, _warehouse.Scalar<decimal>(Sql, new { quarter = "2027-Q1" }));
        Assert.Equal(0.00m, _warehouse.Scalar<decimal>(Sql, new { quarter = "2027-Q2" }));
        Assert.Equal(65_000.00m, _warehouse.Scalar<decimal>("select sum(sourced_pipeline_arr) from marts.partner_arr_quarterly where fiscal_quarter = '2027-Q3'"));
        Assert.Equal(1, _warehouse.Scalar<int>(
            "select sourced_won_deals from marts.partner_arr_quarterly where partner_id = 'ptn-a' and motion = 'reseller' and fiscal_quarter = '2027-Q2'"));
    }
}
