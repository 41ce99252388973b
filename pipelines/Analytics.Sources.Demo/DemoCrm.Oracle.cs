using System.Globalization;

namespace Analytics.Sources.Demo;

public sealed partial class DemoCrm
{
    private readonly AccountLifeGenerator _oracleAccounts;

    /// <summary>
    /// The oracle: for each (open opportunity, snapshot), the probability that the deal stalls within
    /// <paramref name="horizonDays"/> days of the snapshot's cut-off (neither advances a stage nor closes won), found by
    /// replaying its future <paramref name="replays"/> times from its whole state at the cut-off, hidden parts included,
    /// each replay with its own random stream (<see cref="DemoStream.Oracle"/>). It is the best any model of the demo
    /// can do: the ceiling of the stalled-deal model's AUC. Deals not open at their snapshot, or not of this CRM, are
    /// left out of the result. Replays ignore later account-level events (a conflict resolved against the deal).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or the replays are below 1.</exception>
    public IReadOnlyDictionary<(string OpportunityId, DateOnly Snapshot), double> StallProbabilities(
        IEnumerable<(string OpportunityId, DateOnly Snapshot)> deals, int horizonDays, int replays = 200)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replays, 1);
        var result = new Dictionary<(string, DateOnly), double>();
        foreach (var account in deals.Distinct().GroupBy(d => AccountIndex(d.OpportunityId)).Where(g => g.Key is >= 0 && g.Key < AccountCount).OrderBy(g => g.Key))
        {
            var captures = account.GroupBy(d => d.OpportunityId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new DealCapture(g.Select(d => DemoCalendar.CutoffOf(d.Snapshot))), StringComparer.Ordinal);
            var life = _oracleAccounts.Generate(account.Key!.Value, captures);
            foreach (var opportunity in life.Opportunities)
            {
                if (!captures.TryGetValue(opportunity.Id, out var capture))
                {
                    continue;
                }

                foreach (var (cutoff, (day, state)) in capture.States)
                {
                    var stalled = 0;
                    for (var replay = 0; replay < replays; replay++)
                    {
                        stalled += Stalls(opportunity, state, day, cutoff, horizonDays, replay) ? 1 : 0;
                    }

                    result[(opportunity.Id, DemoCalendar.DateOf(cutoff).AddDays(-1))] = (double)stalled / replays;
                }
            }
        }

        return result;
    }

    private bool Stalls(OpportunityLife original, DealState start, int firstDay, DateTime cutoff, int horizonDays, int replay)
    {
        var random = DemoRandom.For(Options.Seed, DemoStream.Oracle, ReplayIndex(original.Id, cutoff, replay));
        var scratch = new OpportunityLife
        {
            Id = original.Id, Type = original.Type, Motion = original.Motion, CreatedAt = original.CreatedAt, Arr = original.Arr,
            Name = original.Name, Owner = original.Owner, PrimaryPartner = original.PrimaryPartner,
        };
        var state = start.Copy();
        var end = cutoff.AddDays(horizonDays);
        for (var day = firstDay; original.CreatedAt.Date.AddDays(day) < end; day++)
        {
            var closed = OpportunitySimulator.LiveDay(scratch, state, random, day);
            if (state.Stage > start.Stage || scratch.Won)
            {
                return false;
            }

            if (closed)
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>acc index from "opp-000123-02" (account 123 is index 122); null when the id is not the demo's.</summary>
    private static int? AccountIndex(string opportunityId) =>
        opportunityId.Length >= 10 && opportunityId.StartsWith("opp-", StringComparison.Ordinal)
            && int.TryParse(opportunityId.AsSpan(4, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number - 1
            : null;

    private static long ReplayIndex(string opportunityId, DateTime cutoff, int replay)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in string.Create(CultureInfo.InvariantCulture, $"{opportunityId}|{cutoff:yyyyMMdd}|{replay}"))
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)(hash >> 1);
    }
}
