using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>marts.program_quarterly over <see cref="RevenueCreditsDataset"/> (hand computation in its remarks).</summary>
public sealed class ProgramQuarterlyTests(RevenueCreditsDataset.CalendarYear fixture) : IClassFixture<RevenueCreditsDataset.CalendarYear>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private T Value<T>(string column, string quarter) => _warehouse.Scalar<T>(
        $"select {column} from marts.program_quarterly where fiscal_quarter = $quarter", new { quarter });

    [Fact]
    public void One_row_per_quarter_of_the_spine_zero_filled()
    {
        Assert.Equal(
            ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"],
            _warehouse.Query<string>("select fiscal_quarter from marts.program_quarterly order by quarter_start"));
        Assert.Equal(0.00m, Value<decimal>("won_arr", "2025-Q4"));
        Assert.Equal(0, Value<int>("won_deals", "2025-Q4"));
        Assert.Null(Value<double?>("partner_touched_won_share", "2025-Q4"));
        Assert.Null(Value<double?>("partner_share_of_new_pipeline", "2025-Q4"));
        Assert.True(Value<bool>("is_current", "2026-Q3"));
    }

    [Fact]
    public void Won_arr_counts_every_type_by_closed_quarter_with_its_partner_touched_part()
    {
        Assert.Equal(100_000.00m, Value<decimal>("won_arr", "2026-Q1"));
        Assert.Equal(80_000.00m, Value<decimal>("partner_touched_won_arr", "2026-Q1"));
        Assert.Equal(0.8, Value<double>("partner_touched_won_share", "2026-Q1"), 1e-9);
        Assert.Equal(130_000.00m, Value<decimal>("won_arr", "2026-Q2"));
        Assert.Equal(122_345.67m, Value<decimal>("partner_touched_won_arr", "2026-Q2"));
        Assert.Equal(122_345.67 / 130_000.00, Value<double>("partner_touched_won_share", "2026-Q2"), 1e-9);
    }

    [Fact]
    public void Zero_arr_deals_count_as_won_and_lost_deals()
    {
        Assert.Equal(3, Value<int>("won_deals", "2026-Q1"));
        Assert.Equal(2, Value<int>("partner_touched_won_deals", "2026-Q1"));
        Assert.Equal(0, Value<int>("lost_deals", "2026-Q1"));
        Assert.Equal(5, Value<int>("won_deals", "2026-Q2"));
        Assert.Equal(4, Value<int>("partner_touched_won_deals", "2026-Q2"));
        Assert.Equal(3, Value<int>("lost_deals", "2026-Q2"));
    }

    [Fact]
    public void Open_deals_are_not_won_or_lost_but_count_in_new_pipeline_when_created()
    {
        Assert.Equal(0, Value<int>("won_deals", "2026-Q3"));
        Assert.Equal(0, Value<int>("lost_deals", "2026-Q3"));
        Assert.Null(Value<double?>("partner_touched_won_share", "2026-Q3"));
        Assert.Equal(15_000.00m, Value<decimal>("new_pipeline_arr", "2026-Q3"));
        Assert.Equal(0.0, Value<double>("partner_share_of_new_pipeline", "2026-Q3"), 1e-9);
    }

    [Fact]
    public void Partner_share_of_new_pipeline_is_partner_touched_new_business_arr_created_over_all_created()
    {
        Assert.Equal(240_000.00m, Value<decimal>("new_pipeline_arr", "2026-Q1"));
        Assert.Equal(220_000.00m, Value<decimal>("partner_new_pipeline_arr", "2026-Q1"));
        Assert.Equal(220_000.0 / 240_000.0, Value<double>("partner_share_of_new_pipeline", "2026-Q1"), 1e-9);
        Assert.Equal(5, Value<int>("new_business_created", "2026-Q1"));
        Assert.Equal(3, Value<int>("partner_new_business_created", "2026-Q1"));
        Assert.Equal(100_000.00m, Value<decimal>("new_pipeline_arr", "2026-Q2"));
        Assert.Equal(77_345.67m, Value<decimal>("partner_new_pipeline_arr", "2026-Q2"));
        Assert.Equal(0.7734567, Value<double>("partner_share_of_new_pipeline", "2026-Q2"), 1e-9);
        Assert.Equal(6, Value<int>("new_business_created", "2026-Q2"));
        Assert.Equal(4, Value<int>("partner_new_business_created", "2026-Q2"));
    }

    [Fact]
    public void Sourced_and_influenced_totals_are_the_credited_arr_of_won_deals()
    {
        Assert.Equal(80_000.00m, Value<decimal>("sourced_arr", "2026-Q1"));
        Assert.Equal(0.00m, Value<decimal>("influenced_arr", "2026-Q1"));
        Assert.Equal(72_345.67m, Value<decimal>("sourced_arr", "2026-Q2"));
        Assert.Equal(54_114.81m, Value<decimal>("influenced_arr", "2026-Q2"));
    }
}
