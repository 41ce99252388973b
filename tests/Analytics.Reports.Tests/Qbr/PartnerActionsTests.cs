using Analytics.Reports.Data;
using Analytics.Reports.Qbr;

namespace Analytics.Reports.Tests.Qbr;

/// <summary>A partner's suggested actions (issue 20: its own downgrade omitted, "log activity on 0 quiet deals", "plan a
/// first joint opportunity" beside 3 open deals).</summary>
public sealed class PartnerActionsTests
{
    private static PartnerQbrData Data(string? recommendation = null, int staleNextSteps = 0, int quiet = 0, int openDeals = 0)
    {
        var snapshot = new ReportSnapshot(new DateOnly(2026, 11, 21), "run-1", "2026-Q4", "2026-Q3", ["2026-Q3", "2026-Q4"]);
        return new PartnerQbrData(snapshot, "2026-Q3", new PartnerInfo("P-1", "Northwind", "reseller", "select", "ana@vendor.example", "EMEA"),
            [PartnerQbrData.QuarterFigures.Empty("2026-Q3")], [], [], [], new PartnerPipeline("P-1", openDeals, 45_000 * openDeals, 0, 0, null),
            [], recommendation, "elite", null, [], [], (0, 0), new PartnerQbrData.HygieneFigures(openDeals, staleNextSteps + quiet, 0.5, staleNextSteps, quiet, 0));
    }

    [Fact]
    public void A_partner_recommended_for_downgrade_has_that_as_its_first_action()
    {
        var actions = PartnerActions.Suggest(Data("downgrade", staleNextSteps: 2));

        Assert.StartsWith("Keep select: the 2026-Q3 tier review recommends a downgrade", actions[0]);
        Assert.DoesNotContain(PartnerActions.Suggest(Data("hold", staleNextSteps: 2)), a => a.Contains("downgrade", StringComparison.Ordinal));
    }

    [Fact]
    public void A_downgrade_recommended_quarters_running_is_said_as_such_in_the_action_and_the_recommendation()
    {
        var data = Data("downgrade") with { DowngradeStreakQuarters = 4 };

        Assert.StartsWith("Keep select: the tier review has recommended a downgrade 4 quarters running, tier unchanged;", PartnerActions.Suggest(data)[0]);
        Assert.Equal("downgrade, recommended 4 quarters running with the tier unchanged", data.RecommendationText);
        Assert.Equal("downgrade", (Data("downgrade") with { DowngradeStreakQuarters = 1 }).RecommendationText);
    }

    [Theory]
    [InlineData(0.004, "below 1%")]
    [InlineData(0.42, "42%")]
    [InlineData(0.996, "above 99%")]
    public void Readiness_never_reads_as_a_flat_zero_or_certainty(double probability, string expected)
    {
        Assert.Equal(expected, PartnerQbrPack.ReadinessPercent(probability));
    }

    [Fact]
    public void A_hygiene_action_names_only_the_findings_there_are()
    {
        var action = Assert.Single(PartnerActions.Suggest(Data(staleNextSteps: 2)), a => a.Contains("hygiene score", StringComparison.Ordinal));

        Assert.Equal("Update next steps on 2 deals (hygiene score 50%).", action);
        Assert.Equal("Log activity on 1 quiet deal (hygiene score 50%).",
            Assert.Single(PartnerActions.Suggest(Data(quiet: 1)), a => a.Contains("hygiene score", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_partner_with_open_deals_and_no_sourced_arr_is_asked_to_move_them_not_to_plan_a_first_opportunity()
    {
        Assert.Contains("Move 3 open deals ($135K ARR) toward a first sourced win: none this quarter.", PartnerActions.Suggest(Data(openDeals: 3)));
        Assert.Contains("Plan a first joint opportunity: no sourced ARR this quarter and no open deal.", PartnerActions.Suggest(Data()));
    }
}
