using Analytics.TestSupport.Datasets;
using Analytics.Pipelines.Configuration;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.target_attainment over <see cref="RevenueCreditsDataset"/> (calendar year, snapshot 2026-07-10) with targets
/// set by hand. Hand computation:
/// <code>
/// program 2026-Q2 sourced_arr 100,000: ptn-a 60,000.00 (w1 60 %) + ptn-c 12,345.67 (w7) = 72,345.67 -> attainment 0.7234567
/// ptn-a   2026-Q3 sourced_pipeline_arr 40,000: o1 sourced 50 % of 40,000 = 20,000 -> attainment 0.5; Q3 is in progress:
///         elapsed 2026-07-01..07-10 = 10 of 92 days -> pace 20,000 / (40,000 * 10 / 92) = 4.6
/// ptn-b   2026-Q2 certified_people 3: no certification -> actual 0, attainment 0, no pace (closed quarter)
/// ptn-z   2026-Q2 sourced_arr 5: a partner without figures -> actual 0
/// </code>
/// </summary>
public sealed class TargetAttainmentTests : IClassFixture<TargetAttainmentTests.Fixture>
{
    private readonly TestWarehouse _warehouse;

    public TargetAttainmentTests(Fixture fixture) => _warehouse = fixture.Warehouse;

    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(RevenueCreditsDataset.SnapshotDate, RevenueCreditsDataset.Records, targets: new TargetsConfig(
        [
            new Target("2026-Q2", null, "sourced_arr", 100_000),
            new Target("2026-Q3", "ptn-a", "sourced_pipeline_arr", 40_000),
            new Target("2026-Q2", "ptn-b", "certified_people", 3),
            new Target("2026-Q2", "ptn-z", "sourced_arr", 5),
        ]));

        public void Dispose() => Warehouse.Dispose();
    }

    private T Cell<T>(string column, string quarter, string? partner, string measure) => _warehouse.Scalar<T>(
        $"select {column} from marts.target_attainment where fiscal_quarter = $quarter and partner_id is not distinct from $partner and measure = $measure",
        new { quarter, partner, measure });

    [Fact]
    public void Each_target_has_one_row_and_nothing_else_does()
    {
        Assert.Equal(4L, _warehouse.Scalar<long>("select count(*) from marts.target_attainment"));
    }

    [Fact]
    public void The_program_actual_is_the_sum_of_the_partners_sourced_arr()
    {
        Assert.Equal(72_345.67, Cell<double>("actual", "2026-Q2", null, "sourced_arr"), 1e-6);
        Assert.Equal(0.7234567, Cell<double>("attainment", "2026-Q2", null, "sourced_arr"), 1e-9);
        Assert.True(Cell<bool>("is_program", "2026-Q2", null, "sourced_arr"));
        Assert.Null(Cell<double?>("pace", "2026-Q2", null, "sourced_arr"));
    }

    [Fact]
    public void The_quarter_in_progress_has_a_pace_against_a_straight_line_through_the_quarter()
    {
        Assert.Equal(0.5, Cell<double>("attainment", "2026-Q3", "ptn-a", "sourced_pipeline_arr"), 1e-12);
        Assert.Equal(10 / 92.0, Cell<double>("elapsed_share", "2026-Q3", "ptn-a", "sourced_pipeline_arr"), 1e-12);
        Assert.Equal(4.6, Cell<double>("pace", "2026-Q3", "ptn-a", "sourced_pipeline_arr"), 1e-9);
    }

    [Fact]
    public void A_partner_without_figures_or_certifications_attains_zero()
    {
        Assert.Equal(0.0, Cell<double>("attainment", "2026-Q2", "ptn-b", "certified_people"));
        Assert.Equal(0.0, Cell<double>("actual", "2026-Q2", "ptn-z", "sourced_arr"));
    }
}
