using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;
using Analytics.Models.StalledDeals;
using static Analytics.Models.Tests.StalledDeals.StalledDealRowsDataset;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Models.Tests.StalledDeals;

public sealed class StalledDealRowsTests
{
    private const int Horizon = 30;

    [Fact]
    public void A_training_row_for_a_snapshot_is_unchanged_when_every_later_snapshot_is_deleted()
    {
        var withLater = Rows([(S1, Snapshot1()), (S2, Snapshot2())], S1);
        var withoutLater = Rows([(S1, Snapshot1())], S1);

        Assert.Equal(["opp-A", "opp-B", "opp-D", "opp-E"], withLater.Select(r => r.OpportunityId));
        Assert.Equal(withLater.Select(WithoutLabel), withoutLater.Select(WithoutLabel));
        Assert.All(withoutLater, r => Assert.Null(r.IsStalled));
        Assert.All(withoutLater, r => Assert.Null(r.LabelSnapshotDate));
    }

    [Fact]
    public void Features_are_the_deals_state_at_the_snapshot_cut_off()
    {
        var rows = Rows([(S1, Snapshot1()), (S2, Snapshot2())], S1).ToDictionary(r => r.OpportunityId);

        var a = rows["opp-A"];
        Assert.Equal(("ptn-01", "reseller", 2, 20_000.0), (a.PartnerId, a.Motion, a.StageIndex, a.Arr));
        Assert.Equal((30.0, 15.0, 14.0, 10.0, 1), (a.StageAgeDays, a.MotionMedianStageDays!.Value, a.ActivityAgeDays, a.NextStepAgeDays, a.Activities14d));
        Assert.Equal(("select", 1, 1, 2, 0.5), (a.PartnerTier, a.CertifiedPeople, a.PartnerWonDeals, a.PartnerClosedDeals, a.ProgramWinRate));
        Assert.Equal((true, (int?)16, "none", 2), (a.HasRegistration, a.ProtectionDaysLeft, a.ConflictStatus, a.PartnerCount));
        Assert.Equal(2.0, StalledDealFeatures.StageAgeRatio(a), 12);
        Assert.Equal((1 + 10 * 0.5) / (2 + 10), StalledDealFeatures.PartnerWinRate(a), 12);

        var b = rows["opp-B"];
        Assert.Equal(("ptn-02", "registered", 0, 0), (b.PartnerId, b.PartnerTier, b.CertifiedPeople, b.PartnerClosedDeals));
        Assert.Equal((8.0, 31.0, 8.0, 8.0, 0), (b.StageAgeDays, b.MotionMedianStageDays!.Value, b.ActivityAgeDays, b.NextStepAgeDays, b.Activities14d));
        Assert.Equal((false, (int?)null, 1), (b.HasRegistration, b.ProtectionDaysLeft, b.PartnerCount));

        var d = rows["opp-D"];
        Assert.Equal(((string?)null, "unknown", 0, 32.0, 31.0), (d.PartnerId, d.PartnerTier, d.PartnerCount, d.StageAgeDays, d.MotionMedianStageDays!.Value));

        var e = rows["opp-E"];
        Assert.Equal((13.0, 13.0, 1), (e.ActivityAgeDays, e.NextStepAgeDays, e.Activities14d));
    }

    [Fact]
    public void The_label_is_read_from_the_first_snapshot_at_least_the_horizon_later()
    {
        var rows = Rows([(S1, Snapshot1()), (S2, Snapshot2())], S1).ToDictionary(r => r.OpportunityId);

        Assert.Equal(S2, rows["opp-A"].LabelSnapshotDate);
        Assert.False(rows["opp-A"].IsStalled);           // advanced to stage 3 on day 15
        Assert.True(rows["opp-B"].IsStalled);            // advanced exactly at cut-off + 30 days: outside the horizon
        Assert.True(rows["opp-D"].IsStalled);            // closed lost: not an advance
        Assert.Null(rows["opp-E"].IsStalled);            // gone from the later snapshot: unknown, not stalled
        Assert.Null(rows["opp-E"].LabelSnapshotDate);
    }

    [Fact]
    public void The_direct_deal_without_a_partner_is_not_scored()
    {
        var rows = Rows([(S1, Snapshot1())], S1);

        Assert.DoesNotContain(rows, r => r.OpportunityId == "opp-C");
    }

    private static List<StalledDealRow> Rows(IEnumerable<(DateOnly, IEnumerable<Pipelines.Crm.ICrmRecord>)> snapshots, DateOnly snapshot)
    {
        using var warehouse = TestWarehouse.Build(snapshots);
        using var connection = DuckDbFile.Open(warehouse.Path, readOnly: true);
        return StalledDealRows.Read(connection, snapshot, snapshot, Horizon, fiscalYearStartMonth: 1).ToList();
    }

    private static StalledDealRow WithoutLabel(StalledDealRow row) => row with { LabelSnapshotDate = null, IsStalled = null };
}
