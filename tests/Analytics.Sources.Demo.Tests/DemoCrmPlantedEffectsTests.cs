using Analytics.Pipelines.Crm;
using static Analytics.Sources.Demo.Tests.SnapshotMeasures;

namespace Analytics.Sources.Demo.Tests;

/// <summary>
/// The causal effects planted for the models to find, measured from snapshots as the models will see them: the
/// state of open partner deals at one date, and what became of them 30 days later.
/// </summary>
[Collection(DemoCrmAtScaleOneCollection.Name)]
public sealed class DemoCrmPlantedEffectsTests(DemoCrmAtScaleOne demo)
{
    [Fact]
    public void Deals_with_a_stale_next_step_or_no_recent_activity_stall_two_to_three_times_as_often()
    {
        var rates = Stall((o, cutoff) => StaleNextStep(o, cutoff) || NoRecentActivity(o, cutoff));

        Assert.True(rates.NeglectedCount >= 50, $"only {rates.NeglectedCount} neglected deals");
        Assert.InRange(rates.Neglected / rates.Healthy, 1.8, 3.5);
    }

    [Fact]
    public void A_stale_next_step_alone_makes_stalling_much_more_likely()
    {
        var rates = Stall(StaleNextStep);

        Assert.True(rates.Neglected / rates.Healthy >= 1.7, $"{rates.Neglected:F2} vs {rates.Healthy:F2}");
    }

    [Fact]
    public void No_activity_for_14_days_alone_makes_stalling_much_more_likely()
    {
        var rates = Stall(NoRecentActivity);

        Assert.True(rates.Neglected / rates.Healthy >= 1.7, $"{rates.Neglected:F2} vs {rates.Healthy:F2}");
    }

    [Fact]
    public void Neglected_deals_are_lost_within_30_days_much_more_often()
    {
        var cutoff = DemoCrmAtScaleOne.CutoffOf(DemoCrmAtScaleOne.MidYear);
        var later = demo.AtMonthAfterMidYear.Opportunities.ToDictionary(o => o.OpportunityId);
        var open = OpenPartnerOpportunities(demo.AtMidYear);
        double LostShare(IEnumerable<Opportunity> deals) => deals.Average(o => later[o.OpportunityId].StageIndex == MotionStages.ClosedLostIndex ? 1.0 : 0.0);

        var neglected = LostShare(open.Where(o => StaleNextStep(o, cutoff) || NoRecentActivity(o, cutoff)));
        var healthy = LostShare(open.Where(o => !StaleNextStep(o, cutoff) && !NoRecentActivity(o, cutoff)));

        Assert.True(neglected >= 1.8 * healthy, $"{neglected:F2} vs {healthy:F2}");
    }

    [Fact]
    public void Elite_partners_win_about_10_points_more_than_registered_ones_and_select_sits_between()
    {
        var registered = WinRateByPrimaryPartnerTier(demo.AtHistoryEnd, "registered");
        var select = WinRateByPrimaryPartnerTier(demo.AtHistoryEnd, "select");
        var elite = WinRateByPrimaryPartnerTier(demo.AtHistoryEnd, "elite");

        Assert.InRange((elite - registered) * 100, 6, 14);
        Assert.InRange(select, registered, elite);
    }

    [Fact]
    public void Within_each_tier_partners_with_more_certified_people_win_more()
    {
        var snapshot = demo.AtHistoryEnd;
        var certifications = snapshot.Certifications.ToLookup(c => c.PartnerId);
        var tiers = snapshot.Partners.ToDictionary(p => p.PartnerId, p => p.Tier);
        var primary = snapshot.OpportunityPartners.GroupBy(p => p.OpportunityId).ToDictionary(g => g.Key, g => g.First().PartnerId);
        var deals = ClosedNewBusiness(snapshot)
            .Where(o => primary.ContainsKey(o.OpportunityId))
            .Select(o => (Deal: o, Tier: tiers[primary[o.OpportunityId]], People: CertifiedPeopleAt(certifications, primary[o.OpportunityId], o.ClosedAt!.Value)))
            .ToList();

        var gaps = deals.GroupBy(d => d.Tier).Select(tier =>
        {
            var median = Median(tier.Select(d => (double)d.People));
            return WinRate(tier.Where(d => d.People > median).Select(d => d.Deal)) - WinRate(tier.Where(d => d.People <= median).Select(d => d.Deal));
        }).ToList();

        Assert.All(gaps, gap => Assert.True(gap > 0, $"gap {gap:F3}"));
        Assert.True(gaps.Average() > 0.015, $"mean gap {gaps.Average():F3}");
    }

    private (double Neglected, double Healthy, int NeglectedCount, int HealthyCount) Stall(Func<Opportunity, DateTime, bool> neglected) =>
        StallRates(demo.AtMidYear, DemoCrmAtScaleOne.MidYear, demo.AtMonthAfterMidYear, neglected);
}
