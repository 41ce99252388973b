using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.program_summary's quarter-over-quarter changes over <see cref="RevenueCreditsDataset"/> (program_quarterly by
/// hand in its remarks): sourced 2026-Q1 80,000.00 -> 2026-Q2 72,345.67 -> 2026-Q3 0.00, so 72,345.67 / 80,000 - 1 =
/// -0.095679125 and 0 / 72,345.67 - 1 = -1; influenced 0.00 -> 54,114.81 has no change (nothing the quarter before).
/// </summary>
public sealed class ProgramSummaryTests(RevenueCreditsDataset.CalendarYear fixture) : IClassFixture<RevenueCreditsDataset.CalendarYear>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    private double? Cell(string column, string quarter) => _warehouse.Scalar<double?>(
        $"select {column} from marts.program_summary where fiscal_quarter = $quarter", new { quarter });

    [Fact]
    public void Quarter_over_quarter_change_is_this_quarter_over_the_one_before_minus_one()
    {
        Assert.Equal(-0.095679125, Cell("sourced_arr_qoq_change", "2026-Q2")!.Value, 1e-12);
        Assert.Equal(-1.0, Cell("sourced_arr_qoq_change", "2026-Q3")!.Value, 1e-12);
    }

    [Fact]
    public void Change_is_null_when_the_quarter_before_had_nothing_or_there_is_none()
    {
        Assert.Null(Cell("influenced_arr_qoq_change", "2026-Q2"));
        Assert.Null(Cell("sourced_arr_qoq_change", "2026-Q1"));
        Assert.Null(Cell("sourced_arr_qoq_change", "2025-Q4"));
        Assert.Equal(4, _warehouse.Scalar<long>("select count(*) from marts.program_summary"));
    }
}
