using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo.Tests;

/// <summary>The oracle replays an open deal's future from its whole state at a snapshot: the ceiling of any stalled-deal model.</summary>
[Collection(DemoCrmAtScaleOneCollection.Name)]
public sealed class DemoCrmOracleTests(DemoCrmAtScaleOne demo)
{
    private const int Horizon = 30;

    [Fact]
    public void The_oracle_ranks_the_deals_that_stalled_above_those_that_moved_and_matches_their_rate()
    {
        var deals = OpenPartnerDeals();
        var oracle = demo.Crm.StallProbabilities(deals.Select(d => (d.OpportunityId, DemoCrmAtScaleOne.MidYear)), Horizon);
        var stalled = Stalled(deals);

        var probabilities = deals.Select(d => oracle[(d.OpportunityId, DemoCrmAtScaleOne.MidYear)]).ToList();
        var labels = deals.Select(d => stalled.Contains(d.OpportunityId)).ToList();

        Assert.Equal(deals.Count, oracle.Count);
        Assert.InRange(Auc(probabilities, labels), 0.70, 1.0);
        Assert.InRange(probabilities.Average() - labels.Average(l => l ? 1.0 : 0.0), -0.04, 0.04);
    }

    [Fact]
    public void The_oracle_gives_the_same_probabilities_every_time_and_none_for_a_deal_not_open()
    {
        var open = OpenPartnerDeals().Take(40).Select(d => (d.OpportunityId, DemoCrmAtScaleOne.MidYear)).ToList();
        var closed = demo.AtMidYear.Opportunities.First(o => o.IsClosed).OpportunityId;

        var first = demo.Crm.StallProbabilities([.. open, (closed, DemoCrmAtScaleOne.MidYear), ("not-a-demo-id", DemoCrmAtScaleOne.MidYear)], Horizon, replays: 50);
        var second = demo.Crm.StallProbabilities(open, Horizon, replays: 50);

        Assert.Equal(open.Count, first.Count);
        Assert.Equal(open.Select(k => first[k]), open.Select(k => second[k]));
        Assert.All(first.Values, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Asking_the_oracle_leaves_the_generated_crm_unchanged()
    {
        var before = demo.Crm.Snapshot(DemoCrmAtScaleOne.MidYear).StageHistory.Count;
        demo.Crm.StallProbabilities(OpenPartnerDeals().Take(20).Select(d => (d.OpportunityId, DemoCrmAtScaleOne.MidYear)), Horizon, replays: 10);

        Assert.Equal(demo.AtMidYear.StageHistory.Count, before);
        Assert.Equal(before, demo.Crm.Snapshot(DemoCrmAtScaleOne.MidYear).StageHistory.Count);
    }

    private List<Opportunity> OpenPartnerDeals() =>
        [.. demo.AtMidYear.Opportunities.Where(o => !o.IsClosed && o.Motion is not null && o.Motion != "direct")];

    /// <summary>Deals that neither entered a later open stage nor closed won within the horizon after the cut-off.</summary>
    private HashSet<string> Stalled(IReadOnlyList<Opportunity> deals)
    {
        var cutoff = DemoCrmAtScaleOne.CutoffOf(DemoCrmAtScaleOne.MidYear);
        var stageAt = deals.ToDictionary(d => d.OpportunityId, d => d.StageIndex);
        var moved = demo.AtMonthAfterMidYear.StageHistory
            .Where(e => stageAt.ContainsKey(e.OpportunityId) && e.EnteredAt >= cutoff && e.EnteredAt < cutoff.AddDays(Horizon)
                && (e.StageIndex > stageAt[e.OpportunityId] || e.StageIndex == 6))
            .Select(e => e.OpportunityId)
            .ToHashSet();
        return [.. deals.Select(d => d.OpportunityId).Where(id => !moved.Contains(id))];
    }

    private static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var ranked = scores.Select((s, i) => (s, labels[i])).OrderBy(p => p.s).ToList();
        double rankSum = 0;
        var i = 0;
        while (i < ranked.Count)
        {
            var j = i;
            while (j < ranked.Count && ranked[j].s == ranked[i].s)
            {
                j++;
            }

            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
            {
                rankSum += ranked[k].Item2 ? rank : 0;
            }

            i = j;
        }

        double positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
