using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// marts.program_summary's partner mix-adjusted win-rate delta over <see cref="RevenueWinRatesDataset"/> (win_rates by
/// hand in its remarks). 2026-Q2: reseller -12.5 pp over 7 closed deals; referral has no mix-adjusted delta (no shared
/// cell) and direct is the baseline, so the weighted mean is (-12.5 * 7) / 7 = -12.5. 2026-Q1: tech has none (direct
/// closed nothing), so null.
/// </summary>
public sealed class ProgramMixDeltaTests(RevenueWinRatesDataset.Fixture fixture) : IClassFixture<RevenueWinRatesDataset.Fixture>
{
    private readonly TestWarehouse _warehouse = fixture.Warehouse;

    [Fact]
    public void Partner_mix_adjusted_delta_is_weighted_by_closed_deals_over_partner_motions_with_one()
    {
        Assert.Equal(-12.5, _warehouse.Scalar<double>("select partner_mix_adjusted_delta_pp from marts.program_summary where fiscal_quarter = '2026-Q2'"), 1e-9);
    }

    [Fact]
    public void Partner_mix_adjusted_delta_is_null_when_no_partner_motion_has_one()
    {
        Assert.Null(_warehouse.Scalar<double?>("select partner_mix_adjusted_delta_pp from marts.program_summary where fiscal_quarter = '2026-Q1'"));
    }
}
