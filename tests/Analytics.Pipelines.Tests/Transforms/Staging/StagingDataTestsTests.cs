using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.RevenueRecords;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Staging;

/// <summary>The error-severity data tests of staging that guard what a row-level check cannot see.</summary>
public sealed class StagingDataTestsTests
{
    private static readonly DateOnly Date = new(2026, 6, 30);

    private static List<ICrmRecord> Deal(Opportunity opportunity, params OpportunityPartner[] credits) =>
    [
        Partner("P1", "referral"), Partner("P2", "referral"), Account("A1", "smb"), opportunity, .. credits,
    ];

    private static Opportunity WonReferral(string motion = "referral") =>
        Won("O1", "A1", "new_business", motion, 10_000m, Utc(2026, 1, 5), Utc(2026, 3, 2));

    [Fact]
    public void A_won_deal_credited_twice_as_sourced_refuses_the_build()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TestWarehouse.Build(Date, Deal(WonReferral(), Credit("O1", "P1", "referral", "sourced", 100m), Credit("O1", "P2", "referral", "sourced", 100m))));

        Assert.Contains("test opportunity_partners_attribution_not_above_100 (1 failing rows)", error.Message);
        Assert.Contains("total_pct=200", error.Message);
    }

    [Fact]
    public void Sourced_and_influenced_each_up_to_100_percent_build()
    {
        using var warehouse = TestWarehouse.Build(Date,
            Deal(WonReferral(), Credit("O1", "P1", "referral", "sourced", 100m), Credit("O1", "P2", "referral", "influenced", 60m)));

        Assert.True(warehouse.Result.Succeeded);
    }

    [Fact]
    public void A_stage_not_of_the_deals_motion_refuses_the_build()
    {
        var opportunity = Open("O1", "A1", "new_business", "referral", 10_000m, Utc(2026, 1, 5), new DateOnly(2026, 9, 30), stageIndex: 2) with
        {
            Stage = "transact", // a reseller stage
        };

        var error = Assert.Throws<InvalidOperationException>(() =>
            TestWarehouse.Build(Date, Deal(opportunity, Credit("O1", "P1", "referral", "sourced", 100m))));

        Assert.Contains("test opportunities_stage_valid_for_motion (1 failing rows)", error.Message);
        Assert.Contains("stage=transact", error.Message);
    }
}
