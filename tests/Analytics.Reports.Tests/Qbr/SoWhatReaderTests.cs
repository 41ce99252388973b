using Analytics.Pipelines.Configuration;
using Analytics.Reports.Data;
using Analytics.Reports.Qbr;
using Analytics.TestSupport.Datasets;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Reports.Tests.Qbr;

/// <summary>
/// The "so what" page's lines over <see cref="RevenueCreditsDataset"/> (calendar year, snapshot 2026-07-10), 2026-Q2
/// against 2026-Q1, computed by hand:
/// <code>
/// program sourced ARR: Q1 w2 (ptn-d 50,000) + w4 (ptn-a 30,000) = 80,000; Q2 ptn-a 60,000 + ptn-c 12,345.67 = 72,345.67
///   -> -9.57 %; the total fell, so the driver is the largest fall: ptn-d, -50,000 (ptn-a rose 30,000, ptn-c 12,345.67)
/// program influenced ARR: nothing influenced in Q1 -> no relative change, not listed; no motion closed 20 deals -> no
///   win rate listed; no registration, protection or tier above the entry tier -> no ask
/// ptn-a: sourced 30,000 -> 60,000 = +100 %, driver its largest win of Q2: Deal w1 (60,000 credited); target for Q2
///   sourced_arr 50,000 -> attainment 1.2
/// </code>
/// </summary>
public sealed class SoWhatReaderTests : IClassFixture<SoWhatReaderTests.Fixture>
{
    private readonly Fixture _fixture;

    public SoWhatReaderTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(RevenueCreditsDataset.SnapshotDate, RevenueCreditsDataset.Records,
            targets: new TargetsConfig([new Target("2026-Q2", "ptn-a", "sourced_arr", 50_000)]));

        public void Dispose() => Warehouse.Dispose();
    }

    [Fact]
    public void The_program_change_names_the_partner_that_moved_it_the_same_way()
    {
        using var warehouse = ReportWarehouse.Open(_fixture.Warehouse.Path);

        var soWhat = SoWhatReader.ForProgram(warehouse, "2026-Q2", "2026-Q1");

        var change = Assert.Single(soWhat.Changes);
        Assert.Equal("Partner-sourced ARR won", change.Figure);
        Assert.Equal(72_345.67 / 80_000 - 1, change.RelativeChange, 1e-9);
        Assert.Equal("largest fall: Partner ptn-d, -$50K", change.Driver);
        Assert.Empty(soWhat.Asks);
        Assert.Empty(soWhat.Targets);
    }

    [Fact]
    public void A_partner_page_holds_its_own_change_driver_and_target_only()
    {
        using var warehouse = ReportWarehouse.Open(_fixture.Warehouse.Path);

        var pages = SoWhatReader.ForPartners(warehouse, "2026-Q2", "2026-Q1", ["ptn-a", "ptn-b"]);

        var change = Assert.Single(pages["ptn-a"].Changes);
        Assert.Equal(("Sourced ARR won", 1.0), (change.Figure, change.RelativeChange));
        Assert.Equal("largest win: Deal w1 ($60K credited)", change.Driver);
        var target = Assert.Single(pages["ptn-a"].Targets);
        Assert.Equal(1.2, target.Attainment!.Value, 1e-12);
        Assert.Empty(pages["ptn-b"].Targets);
    }

    [Fact]
    public void The_three_largest_changes_are_picked_by_absolute_relative_change()
    {
        var picked = SoWhat.Largest(
        [
            new SoWhat.Change("a", "", "", 0.05, null),
            new SoWhat.Change("b", "", "", -0.40, null),
            new SoWhat.Change("c", "", "", 0.10, null),
            new SoWhat.Change("d", "", "", 0, null),
            new SoWhat.Change("e", "", "", 0.30, null),
        ]);

        Assert.Equal(["b", "e", "c"], picked.Select(c => c.Figure));
    }
}
