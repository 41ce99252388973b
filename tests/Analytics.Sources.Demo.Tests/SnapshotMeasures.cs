using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo.Tests;

/// <summary>
/// The realism measures of docs/demo-crm.md, computed from snapshots the way an analyst would compute them from
/// the warehouse. Shared by the realism tests and by the figures in the document.
/// </summary>
internal static class SnapshotMeasures
{
    public static readonly string[] PartnerMotions = ["referral", "reseller", "marketplace", "services", "tech"];

    public static IEnumerable<Opportunity> ClosedNewBusiness(CrmSnapshotBuffer snapshot, string? motion = null) =>
        snapshot.Opportunities.Where(o => o.IsClosed && o.OpportunityType == "new_business" && (motion is null || o.Motion == motion));

    public static double WinRate(IEnumerable<Opportunity> closed)
    {
        var (won, total) = closed.Aggregate((0, 0), (acc, o) => (acc.Item1 + (o.IsWon ? 1 : 0), acc.Item2 + 1));
        return total == 0 ? double.NaN : (double)won / total;
    }

    public static double NewBusinessWinRate(CrmSnapshotBuffer snapshot, string motion) => WinRate(ClosedNewBusiness(snapshot, motion));

    public static double MedianCycleDays(CrmSnapshotBuffer snapshot, string motion) =>
        Median(ClosedNewBusiness(snapshot, motion).Select(o => (o.ClosedAt!.Value - o.CreatedAt).TotalDays));

    public static double MotionShare(CrmSnapshotBuffer snapshot, string motion) =>
        (double)snapshot.Opportunities.Count(o => o.Motion == motion) / snapshot.Opportunities.Count;

    public static double TypeShare(CrmSnapshotBuffer snapshot, string type) =>
        (double)snapshot.Opportunities.Count(o => o.OpportunityType == type) / snapshot.Opportunities.Count;

    public static double MeanNewBusinessArr(CrmSnapshotBuffer snapshot, bool partner) =>
        (double)snapshot.Opportunities
            .Where(o => o.OpportunityType == "new_business" && o.Motion is not null && (o.Motion != "direct") == partner)
            .Average(o => o.Arr);

    /// <summary>Partner share of new pipeline (DOMAIN.md): ARR of partner-touched new_business created / all new_business ARR created.</summary>
    public static double PartnerShareOfNewPipeline(CrmSnapshotBuffer snapshot)
    {
        var touched = snapshot.OpportunityPartners.Select(p => p.OpportunityId).ToHashSet();
        var newBusiness = snapshot.Opportunities.Where(o => o.OpportunityType == "new_business").ToList();
        return (double)(newBusiness.Where(o => touched.Contains(o.OpportunityId)).Sum(o => o.Arr) / newBusiness.Sum(o => o.Arr));
    }

    /// <summary>Median days from entering stage 1 to entering the next stage, over new-business deals that left stage 1.</summary>
    public static double MedianFirstStageDays(CrmSnapshotBuffer snapshot, bool partner)
    {
        var motions = snapshot.Opportunities
            .Where(o => o.OpportunityType == "new_business" && o.Motion is not null && (o.Motion != "direct") == partner)
            .Select(o => o.OpportunityId)
            .ToHashSet();
        var days = snapshot.StageHistory
            .Where(e => motions.Contains(e.OpportunityId))
            .GroupBy(e => e.OpportunityId)
            .Select(g => g.OrderBy(e => e.EnteredAt).Take(2).ToList())
            .Where(g => g.Count == 2 && g[0].StageIndex == 1 && g[1].StageIndex == 2)
            .Select(g => (g[1].EnteredAt - g[0].EnteredAt).TotalDays);
        return Median(days);
    }

    /// <summary>Open opportunities with a partner motion (or with partner rows when the motion is blank).</summary>
    public static List<Opportunity> OpenPartnerOpportunities(CrmSnapshotBuffer snapshot)
    {
        var touched = snapshot.OpportunityPartners.Select(p => p.OpportunityId).ToHashSet();
        return snapshot.Opportunities
            .Where(o => !o.IsClosed && ((o.Motion is not null && o.Motion != "direct") || (o.Motion is null && touched.Contains(o.OpportunityId))))
            .ToList();
    }

    public static double ShareMissingAttribution(CrmSnapshotBuffer snapshot)
    {
        var rows = snapshot.OpportunityPartners.ToLookup(p => p.OpportunityId);
        var open = OpenPartnerOpportunities(snapshot);
        return (double)open.Count(o => !rows[o.OpportunityId].Any() || rows[o.OpportunityId].Any(r => r.Attribution is null)) / open.Count;
    }

    /// <summary>Open new-business reseller deals without a deal registration (renewals through a reseller need none).</summary>
    public static double ShareOpenResellerWithoutRegistration(CrmSnapshotBuffer snapshot)
    {
        var reseller = snapshot.Opportunities.Where(o => !o.IsClosed && o.Motion == "reseller" && o.OpportunityType == "new_business").ToList();
        return (double)reseller.Count(o => o.DealRegistrationId is null) / reseller.Count;
    }

    public static double ShareWithStaleNextStep(CrmSnapshotBuffer snapshot, DateOnly asOf, double days)
    {
        var cutoff = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var open = OpenPartnerOpportunities(snapshot);
        return (double)open.Count(o => o.NextStepUpdatedAt is null || (cutoff - o.NextStepUpdatedAt.Value).TotalDays > days) / open.Count;
    }

    public static double ShareWithoutRecentActivity(CrmSnapshotBuffer snapshot, DateOnly asOf, double days)
    {
        var cutoff = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var open = OpenPartnerOpportunities(snapshot);
        return (double)open.Count(o => o.LastActivityAt is null || (cutoff - o.LastActivityAt.Value).TotalDays > days) / open.Count;
    }

    public static double ShareOfRegistrationsDecidedWithin(CrmSnapshotBuffer snapshot, double hours)
    {
        var decided = snapshot.DealRegistrations.Where(r => r.DecidedAt is not null).ToList();
        return (double)decided.Count(r => (r.DecidedAt!.Value - r.SubmittedAt).TotalHours <= hours) / decided.Count;
    }

    public static double RegistrationApprovalRate(CrmSnapshotBuffer snapshot)
    {
        var decided = snapshot.DealRegistrations.Where(r => r.DecidedAt is not null).ToList();
        return (double)decided.Count(r => r.Status != "declined") / decided.Count;
    }

    public static double ShareOfLeadsAnsweredWithin(CrmSnapshotBuffer snapshot, double hours)
    {
        var leads = snapshot.LeadRegistrations.ToList();
        return (double)leads.Count(l => l.FirstResponseAt is not null && (l.FirstResponseAt.Value - l.SubmittedAt).TotalHours <= hours) / leads.Count;
    }

    public static double ShareOfConflictsAcknowledgedWithin(CrmSnapshotBuffer snapshot, double hours) =>
        (double)snapshot.Conflicts.Count(c => c.AcknowledgedAt is not null && (c.AcknowledgedAt.Value - c.OpenedAt).TotalHours <= hours) / snapshot.Conflicts.Count;

    /// <summary>Share of conflicts opened at least a week before the cut-off that were resolved within five business days.</summary>
    public static double ShareOfConflictsResolvedWithinFiveBusinessDays(CrmSnapshotBuffer snapshot, DateOnly asOf)
    {
        var cutoff = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var settled = snapshot.Conflicts.Where(c => (cutoff - c.OpenedAt).TotalDays >= 7).ToList();
        return (double)settled.Count(c => c.ResolvedAt is not null && c.ResolvedAt <= AddBusinessDays(c.OpenedAt, 5)) / settled.Count;
    }

    public static DateTime AddBusinessDays(DateTime from, int days)
    {
        var at = from;
        while (days > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return at;
    }

    /// <summary>
    /// The stall measure of the stalled-deal score: of the partner deals open at <paramref name="at"/>, the share
    /// that neither advanced a stage nor closed won by <paramref name="later"/>, split by whether the deal was
    /// neglected (next step older than 14 days or no activity for 14 days) at the first date.
    /// </summary>
    public static (double Neglected, double Healthy, int NeglectedCount, int HealthyCount) StallRates(
        CrmSnapshotBuffer at, DateOnly asOf, CrmSnapshotBuffer later, Func<Opportunity, DateTime, bool> neglected)
    {
        var cutoff = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var laterStage = later.Opportunities.ToDictionary(o => o.OpportunityId, o => o.StageIndex);
        var open = OpenPartnerOpportunities(at);
        var flagged = open.Where(o => neglected(o, cutoff)).ToList();
        var healthy = open.Where(o => !neglected(o, cutoff)).ToList();
        double Stalled(List<Opportunity> deals) => (double)deals.Count(o => laterStage[o.OpportunityId] <= o.StageIndex) / deals.Count;
        return (Stalled(flagged), Stalled(healthy), flagged.Count, healthy.Count);
    }

    public static bool StaleNextStep(Opportunity o, DateTime cutoff) =>
        o.NextStepUpdatedAt is null || (cutoff - o.NextStepUpdatedAt.Value).TotalDays > 14;

    public static bool NoRecentActivity(Opportunity o, DateTime cutoff) =>
        o.LastActivityAt is null || (cutoff - o.LastActivityAt.Value).TotalDays > 14;

    /// <summary>New-business win rate of deals whose primary (first) partner row belongs to a partner of <paramref name="tier"/>.</summary>
    public static double WinRateByPrimaryPartnerTier(CrmSnapshotBuffer snapshot, string tier)
    {
        var tiers = snapshot.Partners.ToDictionary(p => p.PartnerId, p => p.Tier);
        var primary = snapshot.OpportunityPartners.GroupBy(p => p.OpportunityId).ToDictionary(g => g.Key, g => g.First().PartnerId);
        return WinRate(ClosedNewBusiness(snapshot)
            .Where(o => primary.TryGetValue(o.OpportunityId, out var partner) && tiers[partner] == tier));
    }

    /// <summary>Distinct people at <paramref name="partnerId"/> holding an unexpired certification at <paramref name="at"/>.</summary>
    public static int CertifiedPeopleAt(ILookup<string, Certification> certifications, string partnerId, DateTime at) =>
        certifications[partnerId].Where(c => c.EarnedAt <= at && (c.ExpiresAt is null || at < c.ExpiresAt)).Select(c => c.PersonEmail).Distinct().Count();

    /// <summary>Win rate of closed new-business deals of registered-tier partners, split by the partner's certified people at close.</summary>
    public static (double Many, double Few) WinRateByCertifiedPeople(CrmSnapshotBuffer snapshot, int many, int few)
    {
        var certifications = snapshot.Certifications.ToLookup(c => c.PartnerId);
        var registered = snapshot.Partners.Where(p => p.Tier == "registered").Select(p => p.PartnerId).ToHashSet();
        var primary = snapshot.OpportunityPartners.GroupBy(p => p.OpportunityId).ToDictionary(g => g.Key, g => g.First().PartnerId);
        var deals = ClosedNewBusiness(snapshot)
            .Where(o => primary.TryGetValue(o.OpportunityId, out var partner) && registered.Contains(partner))
            .Select(o => (Deal: o, People: CertifiedPeopleAt(certifications, primary[o.OpportunityId], o.ClosedAt!.Value)))
            .ToList();
        return (WinRate(deals.Where(d => d.People >= many).Select(d => d.Deal)), WinRate(deals.Where(d => d.People <= few).Select(d => d.Deal)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
